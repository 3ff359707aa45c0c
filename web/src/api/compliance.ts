// Compliance findings of a node and the roll-up by town.
import type { NodeFindings, RollupRow } from "@firegov/core/contract";
import { json, post, queryString, type Page } from "./http.ts";

/** Judged now, or as at `at` under the profile version then in effect. */
export function getNodeFindings(nodeId: string, at?: string): Promise<NodeFindings> {
  return json(`/v1/compliance/nodes/${encodeURIComponent(nodeId)}${queryString({ at })}`);
}

/** Counts per town as of each town's last refresh. */
export function getRollup(params: { nodeId?: string; cursor?: string; limit?: number } = {}): Promise<Page<RollupRow>> {
  return json(`/v1/compliance/rollup${queryString(params)}`);
}

export function refreshRollup(nodeId?: string): Promise<Page<RollupRow>> {
  return json("/v1/compliance/refresh", post(nodeId ? { nodeId } : {}));
}
