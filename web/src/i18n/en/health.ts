// The system status page (/status): loaded with its route.
import type zh from "../zh/health.ts";

const en: typeof zh = {
  health: {
    title: "System status",
    api: "API service",
    database: "Database (DynamoDB)",
    reachable: "reachable",
    unreachable: "unreachable",
    latency: "{{ms}} ms",
    checkedAt: "Checked at",
    refresh: "Check again",
    loading: "Checking…",
    failed: "Cannot reach the API: {{message}}",
    ok: "OK",
    degraded: "Degraded",
  },
};
export default en;
