// Early warnings (预警叫应): a county or town officer issues a warning to the
// nodes at risk; each node answers (叫应) by the deadline with the measures
// taken; the unanswered escalate by the profile's rule; the issuer sees the
// answer rate live.
// The domain's entities join the table's one service when the domain loads.
import "./warning.entity.ts";
export { issueWarning, finishIssuing } from "./issue.ts";
export { answerWarning, presignAnswerPhoto } from "./answer.ts";
export { PhotoUploadSchema } from "../files/index.ts";
export { getWarning, listWarnings, nodeWarnings } from "./read.ts";
export { escalateWarnings, warningEscalationJob } from "./escalate.ts";
export { exportWarningAnswers } from "./export.ts";
export { IssueWarningInput, AnswerWarningInput, ListWarningsInput, MyWarningsInput, WarningParams, WarningTargetParams, WarningTargetsInput, MAX_TARGETS } from "./inputs.ts";
export { WarningViewSchema, WarningDetailSchema, WarningPageSchema, WarningTargetViewSchema, NodeWarningSchema, NodeWarningPageSchema, type WarningView, type WarningDetailView, type WarningTargetView, type NodeWarningView } from "./views.ts";
export { DEFAULT_WARNINGS, warningRules, deadlineOf, answerRate, isLate, dueToEscalate } from "./rules.ts";

// A moved node takes the warnings issued at or under it along (the tree never imports warnings).
import { moveWithSubtree } from "../jurisdiction/index.ts";
import { warningsMovedWith } from "./relocate.ts";
moveWithSubtree("warnings", warningsMovedWith);
