// Early warnings (预警叫应): issued to nodes, answered by each, followed live by the issuer.
import type { AnswerWarningInput, IssueWarningInput, NodeWarning, Warning, WarningDetail } from "@firegov/core/contract";
import { apiFetch, idempotent, json, post, queryString, type Page } from "./http.ts";

const warningPath = (warningId: string) => `/v1/warnings/${encodeURIComponent(warningId)}`;

export function listWarnings(params: { cursor?: string; limit?: number } = {}): Promise<Page<Warning>> {
  return json(`/v1/warnings${queryString(params)}`);
}

export function getWarning(warningId: string): Promise<WarningDetail> {
  return json(warningPath(warningId));
}

export function issueWarning(input: IssueWarningInput, idempotencyKey: string): Promise<Warning> {
  return json("/v1/warnings", post(input, idempotent(idempotencyKey)));
}

export function nodeWarnings(params: { nodeId?: string; cursor?: string; limit?: number } = {}): Promise<Page<NodeWarning>> {
  return json(`/v1/node-warnings${queryString(params)}`);
}

export function answerWarning(warningId: string, nodeId: string, input: AnswerWarningInput): Promise<NodeWarning> {
  return json(`${warningPath(warningId)}/targets/${encodeURIComponent(nodeId)}/answer`, post(input));
}

/** A warning's answers as xlsx. */
export async function exportWarning(warningId: string): Promise<{ filename: string; blob: Blob }> {
  const res = await apiFetch(`${warningPath(warningId)}/export`);
  const disposition = res.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  return { filename: encoded ? decodeURIComponent(encoded) : `warning-${warningId}.xlsx`, blob: await res.blob() };
}
