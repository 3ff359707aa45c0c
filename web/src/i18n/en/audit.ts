/**
 * UI strings, en. The audit log.
 */
import type zh from "../zh/audit.ts";

const en: typeof zh = {
  audit: {
    title: "Audit log",
    from: "From",
    to: "To",
    search: "Search",
    empty: "Nothing recorded in this period.",
    loadMore: "Load more",
    actor: "By {{name}}",
    target: "Target: {{name}}",
    requestId: "Request id",
  },
};
export default en;
