// The jurisdiction tree, and the bulk import of the tree and its staff.
import type { CreateNodeInput, ImportMode, ImportReport, JurisdictionNode, UpdateNodeInput } from "@firegov/core/contract";
import { idempotent, json, patch, post, queryString, uploadBody, type Page } from "./http.ts";

export const nodePath = (nodeId: string) => `/v1/nodes/${encodeURIComponent(nodeId)}`;

export function listNodes(params: { cursor?: string; limit?: number } = {}): Promise<Page<JurisdictionNode>> {
  return json(`/v1/nodes${queryString(params)}`);
}

export function getNode(nodeId: string): Promise<JurisdictionNode> {
  return json(nodePath(nodeId));
}

/** The child's level is the one below its parent's in the profile in force. */
export function createNode(input: CreateNodeInput, idempotencyKey: string): Promise<JurisdictionNode> {
  return json("/v1/nodes", post(input, idempotent(idempotencyKey)));
}

/** `tier: null` clears it (tenant admins only). */
export function updateNode(nodeId: string, input: UpdateNodeInput): Promise<JurisdictionNode> {
  return json(nodePath(nodeId), patch(input));
}

export function moveNode(nodeId: string, parentId: string): Promise<JurisdictionNode> {
  return json(`${nodePath(nodeId)}/move`, post({ parentId }));
}

/** 409 `node.has_active_children` while it has active children. */
export function retireNode(nodeId: string): Promise<JurisdictionNode> {
  return json(`${nodePath(nodeId)}/retire`, { method: "POST" });
}

export type ImportKind = "tree" | "staff";

/**
 * An xlsx or CSV file as the request body. In all_or_nothing mode a bad file
 * answers 400 `import.rejected`, its fields named `rows[<row>].<column>`.
 */
export function importFile(kind: ImportKind, file: Blob & { name?: string }, params: { mode: ImportMode; under?: string }): Promise<ImportReport> {
  return json(`/v1/import/${kind}${queryString(params)}`, uploadBody(file));
}
