// Assessment: scheme scorecards (indicators scored from compliance findings,
// hazard counters or by the assessor; totals, ranks, lagging units) and the
// register of incentives with the candidates the data proposes. Only the API
// uses it. The domain's entities join the table's one service when it loads.
import "./score.entity.ts";
import "./incentive.entity.ts";
import "./snapshot.entity.ts";
export { getScorecards, ScorecardsInput, periodOfScheme, computeScorecards } from "./read.ts";
export { closePeriod, ClosePeriodInput } from "./close.ts";
export { exportScorecards, ExportInput, sheetRows, evidenceRows, sheetXlsx } from "./export.ts";
export { presignAttachmentUpload, attachmentUrl, AttachmentQuery } from "./attachments.ts";
export type { Sheet } from "./snapshot.ts";
export { PhotoUploadSchema, PhotoUrlSchema } from "../files/index.ts";
export { setScore, clearScore, SetScoreInput, ClearScoreInput, type ScoreView } from "./scores.ts";
export { recordIncentive, RecordIncentiveInput, listIncentives, ListIncentivesInput, incentiveCandidates, CandidatesInput } from "./incentives.ts";
export { scorecards, scoreNode, rankAndFlag, indicatorsOf, assessedLevelsOf, frequencyOf, DEFAULT_ASSESSMENT_FREQUENCY, periodKeyStart, coverageScore, overdueScore, listedScore, recordsScore, campaignScore, campaignShares, type CampaignShare, type AssessedNode, type NodeEvidence, type EvidenceLink, type CoverageRecord, type RecordRecord, type EnteredScore, type Scorecard, type IndicatorScore, type ClosureRecord } from "./scorecard.ts";
export { mayAssess } from "./assessor.ts";
export {
  ScorecardsSchema,
  ScorecardSchema,
  IndicatorScoreSchema,
  ScoreSchema,
  IncentiveRecordSchema,
  IncentivePageSchema,
  CandidatesSchema,
  type ScorecardsView,
  type IncentiveRecordView,
  type CandidatesView,
} from "./views.ts";

// A node moved in the tree takes its incentive records along; the tree calls this without importing assessment.
import { moveWithSubtree } from "../jurisdiction/index.ts";
import { incentivesMovedWith } from "./relocate.ts";
moveWithSubtree("incentives", incentivesMovedWith);
