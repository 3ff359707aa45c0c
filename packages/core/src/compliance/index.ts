// Compliance: the profile's organisation rules judged on a node's data.
// The domain's entities join the table's one service when the domain loads.
import "./summary.entity.ts";
export { evaluateNode, countByStatus, recordsSince, type StatusCounts } from "./evaluate.ts";
export { localDate, periodOf, previousPeriod, addDays, addMonths, daysBetween, type Period, type PeriodMode } from "./periods.ts";
export { DUE_SOON_DAYS } from "./rules/deadlines.ts";
export { STATUSES, type Status, type Severity, type Finding, type OrgData, type NodeFacts, type PersonFacts, type BrigadeFacts, type CoverFacts, type RecordFacts, type AttendanceFacts, type Clock, type Bilingual } from "./types.ts";
export { nodeFindings, FindingsInput, FindingSchema, NodeFindingsSchema, rollup, RollupInput, RollupSchema, RollupRowSchema, refreshRollup, RefreshInput } from "./read.ts";
