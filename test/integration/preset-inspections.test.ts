import { beforeAll, describe, expect, it } from "vitest";
import { Inspections, Venues } from "@firegov/core";
import type { PolicyProfile } from "@firegov/core/profile/index";
import { getPreset, presetIds } from "@firegov/profiles";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus } from "../support/org.ts";
import { addNode, adminOf, userAt } from "../support/tenants.ts";
import type { Json } from "./venues-fixtures.ts";

// Every rule runs, in every county: for each built-in preset, a tenant on it;
// for each of its inspection categories, a venue in it, inspected by the
// category's responsible staff, who fail one item. The hazard raised carries
// the item's hazard code, and its first event cites the item's clause (the
// county's or the national norm's).

const app = testApp(testDb());

/** The app role that stands for a category's responsible staff: a grid worker where that is the role, else by the level of the staff's body. */
const ROLE_AT_LEVEL: Record<string, string> = { grid: "grid_worker", village: "village_manager", town: "town_officer", county: "brigade_member", city: "brigade_member" };

interface Visit {
  category: string;
  kind: string;
  role: string;
  item: Inspections.ChecklistEntry;
  hazard: Json;
  events: Json[];
}

/** A tenant on the preset with one node per level, top to bottom. */
async function tenantOn(profile: PolicyProfile) {
  const admin = await adminOf(app, profile.id);
  const tenantId = admin.tenant.tenantId;
  const chain = [{ nodeId: admin.tenant.rootNodeId, path: `/${admin.tenant.rootNodeId}` }];
  for (const level of profile.levels.slice(1)) chain.push(await addNode(tenantId, chain.at(-1)!, level.id, `${level.name.zh}甲`));
  const nodeAt = (level: string | undefined) => chain[level === undefined ? chain.length - 1 : profile.levels.findIndex((l) => l.id === level)]!;
  return { admin, tenantId, chain, nodeAt };
}

async function inspectEveryCategory(profile: PolicyProfile): Promise<Visit[]> {
  const t = await tenantOn(profile);
  const venueNode = t.chain.at(-1)!;
  const users = new Map<string, Awaited<ReturnType<typeof userAt>>>();
  const visits: Visit[] = [];
  for (const category of profile.inspectionCategories) {
    // A kind whose venues fall in this category.
    const kind = profile.venues.kinds.find((k) => Venues.classify(profile, { kinds: [k.id], flags: [] }).categories.includes(category.id));
    if (!kind) throw new Error(`${profile.id}: no venue kind falls in ${category.id}`);
    const venue = await expectStatus<Json>(t.admin.client.post("/v1/venues", { name: `${category.name.zh}场所`, nodeId: venueNode.nodeId, kinds: [kind.id] }), 201);
    expect(venue.categories).toContain(category.id);

    const level = Inspections.responsibleLevel(profile, category.id);
    const node = t.nodeAt(level);
    const role = category.responsibleRole === "grid_worker" ? "grid_worker" : ROLE_AT_LEVEL[level ?? profile.levels.at(-1)!.id]!;
    const key = `${role}@${node.nodeId}`;
    if (!users.has(key)) users.set(key, await userAt(app, t.admin.client, t.tenantId, `u${users.size}-${role.replace(/_/g, "-")}`, role, node.nodeId));
    const user = users.get(key)!;

    // The visit's checklist as the API gives it; fail the first item of this category, pass the rest.
    const checklist = await expectStatus<{ items: Inspections.ChecklistEntry[] }>(user.client.get(`/v1/venues/${venue.venueId}/checklist`), 200);
    const item = checklist.items.find((e) => e.category === category.id)!;
    const items = checklist.items.map((e) => ({ category: e.category, itemId: e.itemId, result: e === item ? "fail" : "pass" }));
    const inspection = await expectStatus<Json>(user.client.post(`/v1/venues/${venue.venueId}/inspections`, { items }), 201);
    expect(inspection.hazardIds).toHaveLength(1);
    const timeline = await expectStatus<Json>(user.client.get(`/v1/hazards/${inspection.hazardIds[0]}`), 200);
    visits.push({ category: category.id, kind: kind.id, role, item, hazard: timeline.hazard, events: timeline.events });
  }
  return visits;
}

describe.each(presetIds.map((id) => [id]))("%s: a failed checklist item in every inspection category", (id) => {
  const profile = getPreset(id)!;
  let visits: Visit[] = [];

  beforeAll(async () => {
    visits = await inspectEveryCategory(profile);
  }, 180_000);

  it("inspects a venue of every category, by the category's responsible staff (a grid worker where that is the role)", () => {
    expect(visits.map((v) => v.category)).toEqual(profile.inspectionCategories.map((c) => c.id));
    for (const v of visits) {
      const category = profile.inspectionCategories.find((c) => c.id === v.category)!;
      if (category.responsibleRole === "grid_worker") expect(v.role).toBe("grid_worker");
    }
  });

  it("raises a hazard with the failed item's hazard code, a code of the profile", () => {
    const codes = new Set(profile.hazards.codes.map((c) => c.id));
    for (const v of visits) {
      expect(v.hazard, v.category).toMatchObject({ code: v.item.hazardCode, source: "inspection", state: "discovered" });
      expect(codes.has(v.item.hazardCode), v.item.hazardCode).toBe(true);
    }
  });

  it("cites the failed item's clause on the hazard's first event (county clause or national norm)", () => {
    for (const v of visits) {
      const created = v.events[0]!;
      expect(created.action, v.category).toBe("create");
      expect(v.item.sourceRef, `${v.category}/${v.item.itemId}`).toMatch(/\S/);
      expect(created.basis, v.category).toMatchObject({ rule: `${v.category}/${v.item.itemId}`, sourceRef: v.item.sourceRef, text: v.item.text });
      expect(created.details, v.category).toMatchObject({ checklistCategory: v.category, checklistItem: v.item.itemId, code: v.item.hazardCode });
    }
  });
});
