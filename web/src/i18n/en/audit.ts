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
    person: "Person",
    anyone: "Anyone",
    action: "Action",
    anyAction: "Any action",
    objectType: "Object type",
    anyObject: "Any object",
    objectId: "Object id",
    export: "Export to Excel",
    exporting: "Exporting…",
    requestId: "Request id",
  },
};
export default en;
