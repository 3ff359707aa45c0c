// Assessment scorecards, the assessor's scores, and the incentive register with its candidates.
import type { AssessmentScore, IncentiveCandidates, IncentiveRecord, RecordIncentiveInput, Scorecards, SetScoreInput } from "@firegov/core/contract";
import { idempotent, json, post, queryString, type Page } from "./http.ts";

const scheme = (schemeId: string) => `/v1/assessment/schemes/${encodeURIComponent(schemeId)}`;

/** A scheme's cards for the period holding `period` (default today), for the assessed nodes under `nodeId` (default the caller's scope). */
export function getScorecards(schemeId: string, params: { period?: string; nodeId?: string } = {}): Promise<Scorecards> {
  return json(`${scheme(schemeId)}/scorecards${queryString(params)}`);
}

export function setScore(schemeId: string, input: SetScoreInput): Promise<AssessmentScore> {
  return json(`${scheme(schemeId)}/scores`, { method: "PUT", body: JSON.stringify(input) });
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
