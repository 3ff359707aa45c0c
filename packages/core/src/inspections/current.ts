import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { periodOf } from "./periods.ts";
import { percentCovered } from "./schedule.ts";

export interface CurrentCoverage {
  category: string;
  name: { zh: string; en: string };
  period: string;
  due: number;
  inspected: number;
  percent: number;
}

/**
 * A node's coverage (its subtree) in the period each category's coverage
 * frequency is in at `now`: one BatchGet of at most one counter per category
 * of the profile, whatever the number of venues. A category without a
 * coverage period has nothing to cover. No authorisation of its own: for a
 * caller that has authorised the read (the dashboard).
 */
export async function coverageNow(nodeId: string, profile: PolicyProfile, now: Date, timeZone: string): Promise<CurrentCoverage[]> {
  const tenantId = useTenant();
  const wanted = profile.inspectionCategories.flatMap((c) => (c.coveragePeriod ? [{ category: c.id, name: c.name, period: periodOf(c.coveragePeriod, now, timeZone).key }] : []));
  const found = new Map<string, { due: number; inspected: number }>();
  let keys = wanted.map(({ category, period }) => ({ tenantId, nodeId, category, period }));
  for (let attempt = 1; keys.length && attempt <= 5; attempt++) {
    const { data, unprocessed } = await tenantDb().service.entities.coverage.get(keys).go({ attributes: ["category", "period", "due", "inspected"] });
    for (const c of data as { category: string; period: string; due?: number; inspected?: number }[]) found.set(`${c.category}#${c.period}`, { due: c.due ?? 0, inspected: c.inspected ?? 0 });
    keys = (unprocessed as { category: string; period: string }[]).map((k) => ({ tenantId, nodeId, category: k.category, period: k.period }));
  }
  if (keys.length) throw new AppError("unavailable", "server.busy", { seconds: 5 });
  return wanted.map((w) => {
    const c = found.get(`${w.category}#${w.period}`) ?? { due: 0, inspected: 0 };
    return { ...w, due: c.due, inspected: c.inspected, percent: percentCovered(c.due, c.inspected) };
  });
}
