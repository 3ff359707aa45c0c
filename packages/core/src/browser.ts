// What the web may take of core at run time: pure leaf modules only (no
// database, no AWS SDK, no zod), so that the bundle carries the rules and
// words the UI shows and nothing of the server. Types come from contract.ts.
export { roles, roleNames } from "./context/roles.ts";
export { assignableRoles, inSubtree, policy, type Action } from "./access/policy.ts";
export { STATES, OPEN_STATES, SOURCES, TRANSITIONS } from "./hazards/types.ts";
export { STATE_NAMES, ACTION_NAMES } from "./hazards/labels.ts";
export { IMPORT_TEMPLATES, PEOPLE_LEDGER, PERSON_STATUS_NAMES, RECORDS_LEDGER, STAFF_HEADERS, TREE_HEADERS } from "./organisation/formats.ts";
export { PATROL_METHODS, type PatrolMethod } from "./venues/patrol-methods.ts";
export { defaultIncidentCauses } from "./profile/incidents.ts";
export { DEFAULT_WARNINGS } from "./warnings/rules.ts";
export { DEFAULT_RESOURCES, DEFAULT_QUALIFICATIONS } from "./profile/resources.ts";
export { DEFAULT_PUBLIC_RESPONSES, publicResponsesOf, responsesFor, fillResponse, responseValues, publicReference, RESPONSE_PLACEHOLDER_NAMES } from "./profile/responses.ts";
/** The most hazards one bulk action takes (issue 16). */
export { MAX_BULK } from "./hazards/bulk-limits.ts";
export { HEADERS as VENUE_LEDGER_HEADERS } from "./venues/ledger-headers.ts";
export { roleLevelWarning, roleLevels, type RoleFitWarning } from "./profile/role-fit.ts";
export { KERNEL_LEVELS, PLATFORM_ROLE_IDS, BASELINE_VOCABULARY, baselineVocabulary, kernelIds, type VocabularyKey } from "./profile/kernel.ts";
export { kernelOf, levelFor, officerRoleAt, meaningOf, wordName, rollupLevelOf } from "./profile/levels.ts";
export { AUDIT_ACTION_NAMES, AUDIT_TARGET_NAMES, hazardAuditNames, auditActionLabel, auditTargetLabel } from "./audit/labels.ts";
/** A county's document split into clauses and checked against the profile's citations (issue 14). */
export { splitClauses, WHOLE_DOCUMENT, quoteIssues, unknownClauseIssues, uncitedClauses, ownCitations } from "./profile/document/index.ts";
export { acknowledgeHours, dueSoonDays, rollupLevel, settingsOf } from "./profile/settings.ts";
