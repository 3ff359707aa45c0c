import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { authorize } from "../access/index.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { useCase } from "../use-case.ts";
import { AnnualPay, ShortText } from "./fields.ts";
import { latestToday } from "./dates.ts";

// Local statistics rules are measured against (benchmark.entity.ts): the
// average wage that full-time firefighters' pay may not fall below.

export const WageBenchmarkSchema = z
  .object({ nodeId: z.string(), year: z.int(), amount: z.number(), source: z.string().optional(), updatedAt: z.string() })
  .meta({ id: "WageBenchmark" });

export const WageBenchmarkListSchema = z.object({ items: z.array(WageBenchmarkSchema) }).meta({ id: "WageBenchmarkList" });

/** A statistical year, as the path gives it. */
const BenchmarkYear = z.string().regex(/^(20\d\d|2100)$/);

export const SetWageBenchmarkInput = z
  .object({
    amount: AnnualPay.refine((n) => n > 0, bilingual("平均工资须大于 0", "The average wage is more than 0")).meta({ description: "Yuan per year" }),
    source: ShortText.optional().meta({ description: "Where it was published (统计公报 …)" }),
  })
  .meta({ id: "SetWageBenchmarkInput" });

type Item = z.infer<typeof WageBenchmarkSchema> & { tenantId: string };
const view = ({ tenantId: _t, ...rest }: Item) => rest;

/** The figures entered at a node, by year. */
export async function listWageBenchmarks(nodeId: string): Promise<z.infer<typeof WageBenchmarkListSchema>> {
  const node = await nodeOrNotFound(nodeId, { allowRetired: true });
  authorize(useUser(), "org.read", node);
  const { data } = await tenantDb().service.entities.wageBenchmark.query.byNode({ tenantId: node.tenantId, nodeId }).go({ pages: "all" });
  return { items: data.map(view).sort((a, b) => a.year - b.year) };
}

/** Enter (or correct) the average wage of a statistical year at a node; its subtree measures pay against it. */
export const setWageBenchmark = useCase(SetWageBenchmarkInput, async (input, nodeId: string, yearInPath: string) => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "org.manage", node);
  if (!BenchmarkYear.safeParse(yearInPath).success) throw invalid("path.year", "org.benchmark_year", "年份须为 2000 年以后的四位数字", "The year is four digits, 2000 or later");
  const year = Number(yearInPath);
  // A year's figure is published after the year: none for the current year or later.
  if (year >= Number(latestToday().slice(0, 4))) {
    throw invalid("path.year", "org.benchmark_year", "只能录入已过年份的统计数据", "Only a past year's figure can be entered");
  }
  const item = { tenantId: actor.tenantId, nodeId, year, amount: input.amount, ...(input.source ? { source: input.source } : {}) };
  await writeTransaction(({ wageBenchmark, audit }) => [
      wageBenchmark.put(item).commit(),
      auditItem({ audit }, { action: "benchmark.set", targetType: "node", targetId: nodeId, details: { year, amount: input.amount } }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  const { data } = await tenantDb().service.entities.wageBenchmark.get({ tenantId: actor.tenantId, nodeId, year }).go({ consistent: true });
  return view(data!);
});

/** The figure of a year for a node: its own, else its nearest ancestor's (one BatchGet along the path). */
export async function wageBenchmarkFor(path: string, year: number): Promise<{ nodeId: string; year: number; amount: number } | undefined> {
  const ids = path.split("/").filter(Boolean);
  const tenantId = useTenant();
  const { data } = await tenantDb().service.entities.wageBenchmark.get(ids.map((nodeId) => ({ tenantId, nodeId, year }))).go();
  const found = ids.map((id) => data.find((d) => d.nodeId === id)).filter((d) => d !== undefined);
  const nearest = found.at(-1);
  return nearest && { nodeId: nearest.nodeId, year: nearest.year, amount: nearest.amount };
}
