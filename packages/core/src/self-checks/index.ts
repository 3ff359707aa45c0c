// Venue self-checks (自查): a venue's person in charge checks it each period
// from a signed link or QR code, without an account; failed items raise
// hazards for the grid to verify; staff see which venues have not sent theirs.
// The domain's entities join the table's one service when the domain loads.
import "./self-check.entity.ts";
export { selfCheckList, selfCheckPeriod, OWN_LIST, type SelfCheckEntry } from "./list.ts";
export { signLinkToken, verifyLinkToken, MAX_TOKEN_LENGTH, type LinkClaims } from "./token.ts";
export { venueSelfCheckStatus, issueSelfCheckLink, linkPath, SelfCheckLinkSchema, SelfCheckStatusSchema, type SelfCheckLinkView, type SelfCheckStatus } from "./links.ts";
export { openSelfCheck, submitSelfCheck, SubmitSelfCheckInput, SelfCheckAnswer, SelfCheckFormSchema, SelfCheckReceiptSchema, SELF_CHECK_LIMITS, type SelfCheckForm, type SelfCheckReceipt } from "./submit.ts";
export { listVenueSelfChecks, selfCheckRoll, ListVenueSelfChecksInput, SelfCheckRollInput, SelfCheckViewSchema, SelfCheckPageSchema, SelfCheckRollSchema, type SelfCheckView } from "./read.ts";
