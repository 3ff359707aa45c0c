// Assessment scorecards, the assessor's scores, and the incentive register with its candidates.
import type { AssessmentScore, ClosePeriodInput, IncentiveCandidates, IncentiveRecord, PhotoUrl, RecordIncentiveInput, Scorecards, SetScoreInput } from "@firegov/core/contract";
import { apiFetch, idempotent, json, post, queryString, type Page } from "./http.ts";

const scheme = (schemeId: string) => `/v1/assessment/schemes/${encodeURIComponent(schemeId)}`;

/** A scheme's cards for the period holding `period` (default today), for the assessed nodes under `nodeId` (default the caller's scope). */
export function getScorecards(schemeId: string, params: { period?: string; nodeId?: string } = {}): Promise<Scorecards> {
  return json(`${scheme(schemeId)}/scorecards${queryString(params)}`);
}

export function setScore(schemeId: string, input: SetScoreInput): Promise<AssessmentScore> {
  return json(`${scheme(schemeId)}/scores`, { method: "PUT", body: JSON.stringify(input) });
}

/** Close the period into its snapshot (admins of the whole tree); answers the snapshot. */
export function closePeriod(schemeId: string, input: ClosePeriodInput): Promise<Scorecards> {
  return json(`${scheme(schemeId)}/close`, post(input));
}

/** The period as the assessors' workbook (xlsx): a row per unit, a column per indicator, total and rank. */
export async function exportScorecards(schemeId: string, params: { period?: string; nodeId?: string } = {}): Promise<{ filename: string; blob: Blob }> {
  const res = await apiFetch(`${scheme(schemeId)}/export${queryString(params)}`);
  const disposition = res.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  return { filename: encoded ? decodeURIComponent(encoded) : `${schemeId}.xlsx`, blob: await res.blob() };
}

/** A short-lived link to a file attached to a score. */
export function attachmentUrl(params: { schemeId: string; period: string; nodeId: string; indicatorId: string; key: string }): Promise<PhotoUrl> {
  return json(`/v1/assessment/attachments${queryString(params)}`);
}

export function listIncentives(params: { nodeId?: string; cursor?: string; limit?: number } = {}): Promise<Page<IncentiveRecord>> {
  return json(`/v1/assessment/incentives${queryString(params)}`);
}

export function incentiveCandidates(params: { period?: string; nodeId?: string; schemeId?: string } = {}): Promise<IncentiveCandidates> {
  return json(`/v1/assessment/incentives/candidates${queryString(params)}`);
}

export function recordIncentive(input: RecordIncentiveInput, key: string): Promise<IncentiveRecord> {
  return json("/v1/assessment/incentives", post(input, idempotent(key)));
}
