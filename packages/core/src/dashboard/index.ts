// Leaders' dashboards (issue 17): a node's subtree at a glance, from the
// counters the writes maintain (hazards, coverage) and the towns' compliance
// summaries. Reads only; owns no entity.
export { getDashboard } from "./read.ts";
export { DashboardInput, DashboardSchema, hazardFigures, monthsEnding, TREND_MONTHS, type Dashboard } from "./view.ts";
