import { action, query } from "@solidjs/router";
import type { RecordIncentiveInput, SetScoreInput } from "@firegov/core/contract";
import * as api from "../../api/assessment.ts";

// Reads and writes of the assessment pages; every action revalidates the cached reads.

export const scorecards = query((schemeId: string, period: string | undefined) => api.getScorecards(schemeId, { period }), "assessment-scorecards");
export const candidates = query((schemeId: string | undefined, period: string | undefined) => api.incentiveCandidates({ schemeId, period }), "assessment-candidates");
export const registerPage = query((cursor: string | undefined) => api.listIncentives({ cursor, limit: 50 }), "assessment-register");

export const setScoreAction = action((schemeId: string, input: SetScoreInput) => api.setScore(schemeId, input), "setScore");
export const closePeriodAction = action((schemeId: string, period: string) => api.closePeriod(schemeId, { period }), "closePeriod");
export const recordIncentiveAction = action((input: RecordIncentiveInput, key: string) => api.recordIncentive(input, key), "recordIncentive");
