// The domain's entities join the table's one service when the domain loads.
import "./audit.entity.ts";
export { listAudit, ListAuditInput } from "./list.ts";
export { auditItem, type AuditFacts } from "./record.ts";
