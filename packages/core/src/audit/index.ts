export { listAudit, ListAuditInput } from "./list.ts";
export { auditItem, type AuditFacts } from "./record.ts";
