// The domain's entities join the table's one service when the domain loads.
import "./audit.entity.ts";
export { listAudit, ListAuditInput, exportAudit } from "./list.ts";
export { AUDIT_ACTION_NAMES, AUDIT_TARGET_NAMES, hazardAuditNames, auditActionLabel, auditTargetLabel } from "./labels.ts";
export { auditItem, type AuditFacts } from "./record.ts";
