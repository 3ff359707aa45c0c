import { z } from "zod";
import { bilingual } from "../errors/index.ts";
import { DaysBucketSchema, quantileOf, type CountersView } from "../hazards/index.ts";

// A leader's dashboard of one node's subtree (issue 17, Build 2), assembled
// from counters the writes already maintain: the node's hazard counters, its
// coverage counters of the current periods and the towns' compliance
// summaries. Every figure costs the same whatever the number of hazards and
// venues under the node.

/** How many months the trend shows, the current one last. */
export const TREND_MONTHS = 12;

export const DashboardInput = z.object({
  path: z
    .string()
    .regex(/^(\/[A-Za-z0-9_-]{1,64}){1,8}$/, bilingual("节点路径格式为 /<根>/<下级>…", "A node path: /<root>/<child>…"))
    .optional()
    .meta({ description: "The path of a node of your subtree; default your own scope" }),
});

const Counts = z.record(z.string(), z.int());

export const DashboardSchema = z
  .object({
    nodeId: z.string(),
    path: z.string(),
    asOf: z.string(),
    month: z.string().meta({ description: "The current local month, YYYY-MM" }),
    hazards: z.object({
      open: z.object({ total: z.int(), byState: Counts, bySeverity: Counts, byStateAndSeverity: z.record(z.string(), Counts) }),
      overdue: z.object({ total: z.int(), bySeverity: Counts }),
      listed: z.object({ total: z.int(), bySeverity: Counts }),
      closedThisMonth: z.int(),
      timeToClose: z
        .object({ closes: z.int(), histogram: Counts, medianDays: DaysBucketSchema.nullable(), p90Days: DaysBucketSchema.nullable() })
        .meta({ description: "Closes of the trend's 12 months: the histogram and the buckets holding the median and the 90th percentile" }),
      trend: z.array(z.object({ month: z.string(), opened: z.int(), closed: z.int() })).meta({ description: "Hazards reported and closed per local month, oldest first, 12 months ending this one" }),
    }),
    coverage: z
      .array(z.object({ category: z.string(), name: z.object({ zh: z.string(), en: z.string() }), period: z.string(), due: z.int(), inspected: z.int(), percent: z.number() }))
      .nullable()
      .meta({ description: "Each inspection category's coverage in its current period; null when the caller may not read inspections" }),
    compliance: z
      .object({ towns: z.int(), met: z.int(), unmet: z.int(), due_soon: z.int(), overdue: z.int(), evaluatedAt: z.string().nullable() })
      .nullable()
      .meta({ description: "Findings of the towns at or under the node, as of their last roll-up (the oldest given); null when the caller may not read compliance" }),
  })
  .meta({ id: "Dashboard", description: "A node's subtree at a glance, from maintained counters" });

export type Dashboard = z.infer<typeof DashboardSchema>;

/** The `n` months ending with `month` (YYYY-MM), oldest first. */
export function monthsEnding(month: string, n: number): string[] {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const index = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

/** The hazard figures of the dashboard from a node's counters read over the trend's months. */
export function hazardFigures(counters: CountersView, months: readonly string[]): Dashboard["hazards"] {
  const month = months.at(-1)!;
  const histogram = counters.timeToClose.histogram;
  return {
    open: counters.open,
    overdue: counters.overdue,
    listed: counters.listed,
    closedThisMonth: counters.closed.byMonth[month] ?? 0,
    timeToClose: { closes: Object.values(histogram).reduce((a, b) => a + b, 0), histogram, medianDays: quantileOf(histogram, 0.5), p90Days: quantileOf(histogram, 0.9) },
    trend: months.map((m) => ({ month: m, opened: counters.opened.byMonth[m] ?? 0, closed: counters.closed.byMonth[m] ?? 0 })),
  };
}
