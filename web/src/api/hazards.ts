// The hazard closed loop, and the public tip that starts one.
import type { HazardBulkInput, HazardBulkResult, HazardSearchPage } from "@firegov/core/contract";
import type { Hazard, HazardActionInput, HazardCreated, HazardSource, HazardState, HazardSummary, HazardTimeline, RecordTipRewardInput, ReportHazardInput, TipInput, TipPlaces, TipReceipt, TipRewardView, TipStatus } from "@firegov/core/contract";
import { idempotent, json, post, queryString, type Page } from "./http.ts";

export const hazardPath = (hazardId: string) => `/v1/hazards/${encodeURIComponent(hazardId)}`;

/** 201 a new hazard; 200 with `reopened: true` when it reopened a closed one. */
export function reportHazard(input: ReportHazardInput, idempotencyKey: string): Promise<HazardCreated> {
  return json("/v1/hazards", post(input, idempotent(idempotencyKey)));
}

/** Which of the API's hazard lists, with its own filter. */
export type HazardList =
  | { list: "state"; state?: HazardState | "open"; path?: string }
  | { list: "assigned" }
  | { list: "overdue"; path?: string }
  | { list: "listed"; path?: string }
  | { list: "awaiting-ack"; bodyId: string; path?: string }
  | { list: "by-source"; source: HazardSource; path?: string }
  /** "My hazards": what I reported and what is assigned to me (the board's search). */
  | { list: "search"; mine: "1"; state?: HazardState | "open" };

/** One page of one of the API's hazard lists. */
export function listHazards(params: HazardList & { cursor?: string; limit?: number }): Promise<Page<HazardSummary>> {
  const { list, ...query } = params;
  const path = list === "state" ? "/v1/hazards" : `/v1/hazards/${list}`;
  return json(`${path}${queryString(query)}`);
}

/** The hazard (first page only) and its events in order. */
export function getHazard(hazardId: string, params: { cursor?: string; limit?: number } = {}): Promise<HazardTimeline> {
  return json(`${hazardPath(hazardId)}${queryString(params)}`);
}

/** 409 when the state does not allow it or someone acted first: `errors` carry `current.state` and `current.version`. */
export function actOnHazard(hazardId: string, input: HazardActionInput, idempotencyKey: string): Promise<Hazard> {
  return json(`${hazardPath(hazardId)}/transitions`, post(input, idempotent(idempotencyKey)));
}

/** No sign-in; 429 `hazard.tip_rate_limited` when one address sent too many. */
export function submitTip(tenantSlug: string, input: TipInput): Promise<TipReceipt> {
  return json(`/v1/public/${encodeURIComponent(tenantSlug)}/tips`, post(input), { anonymous: true });
}

/** No sign-in: the tip's stage and, where the county rewards tips, eligible or rewarded; 404 for a code of no tip. */
export function tipStatus(tenantSlug: string, receiptCode: string): Promise<TipStatus> {
  return json(`/v1/public/${encodeURIComponent(tenantSlug)}/tips/${encodeURIComponent(receiptCode)}`, {}, { anonymous: true });
}

/** No sign-in: the county's towns and villages by name, for the tip form's place picker. */
export function tipPlaces(tenantSlug: string): Promise<TipPlaces> {
  return json(`/v1/public/${encodeURIComponent(tenantSlug)}/places`, {}, { anonymous: true });
}

/** A tip's reward: the profile's rule, whether the tip is eligible, the reward recorded. */
export function tipReward(hazardId: string): Promise<TipRewardView> {
  return json(`${hazardPath(hazardId)}/reward`);
}

/** Once per tip, while it is eligible (409 otherwise). */
export function recordTipReward(hazardId: string, input: RecordTipRewardInput): Promise<TipRewardView> {
  return json(`${hazardPath(hazardId)}/reward`, post(input));
}

/** The board's query (issue 16): filters, sort and cursor, all on the server. */
export type HazardSearch = {
  state?: HazardState | "open";
  severity?: string;
  code?: string;
  source?: HazardSource;
  path?: string;
  overdue?: boolean;
  mine?: boolean;
  from?: string;
  to?: string;
  sort?: "reported" | "deadline" | "severity";
  order?: "asc" | "desc";
};

/** One page of the board, sorted on the server; `truncated` when more matched than one sort may hold. */
export function searchHazards(params: HazardSearch & { cursor?: string; limit?: number }): Promise<HazardSearchPage> {
  const { overdue, mine, ...rest } = params;
  return json(`/v1/hazards/search${queryString({ ...rest, overdue: overdue ? "1" : undefined, mine: mine ? "1" : undefined })}`);
}

/** Register, dispatch or assign many hazards, each with the version the board showed; the answer sorts them into succeeded, stale and refused. */
export function bulkHazards(input: HazardBulkInput, idempotencyKey: string): Promise<HazardBulkResult> {
  return json("/v1/hazards/bulk", post(input, idempotent(idempotencyKey)));
}
