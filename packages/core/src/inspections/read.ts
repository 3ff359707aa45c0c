import { z } from "zod";
import { useTenant, useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { authorize, can } from "../access/index.ts";
import { nodeOrNotFound, readPlace } from "../jurisdiction/index.ts";
import { profileAt } from "../profile/index.ts";
import { filledPage, withCursor } from "../db/cursor.ts";
import { useCase } from "../use-case.ts";
import { venueOrNotFound } from "../venues/index.ts";
import { applicableCategories, checklistFor } from "./checklist.ts";
import { parseTaskId, percentCovered, taskIdOf } from "./schedule.ts";
import { areaOf, coverageSlice } from "./inspection.entity.ts";
import { toInspectionView, type InspectionView, type TaskView } from "./views.ts";
import { campaignOf } from "./campaign-tasks.ts";

const Page = { cursor: z.string().max(2000).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) };
export const PageInput = z.object(Page);
export const InspectionParams = z.object({ venueId: z.string().min(1).max(64), inspectionId: z.string().min(1).max(64) });
export const TaskParams = z.object({ taskId: z.string().min(1).max(200) });
export const ListTasksInput = z.object({
  nodeId: z.string().min(1).max(64).optional().meta({ description: "Tasks of staff in this subtree (default: your scope node)" }),
  state: z.enum(["open", "done"]).default("open"),
  ...Page,
});
export const CoverageInput = z.object({ ...Page });
export const CoverageByPeriodInput = z.object({
  category: z.string().min(1).max(64),
  period: z.string().min(4).max(32).meta({ description: "A period key: 2026-11, 2026-Q4, 2026-H2 …" }),
  nodeId: z.string().min(1).max(64).optional(),
  ...Page,
});

type TaskItem = { subjectId: string; category: string; period: string; kind: "coverage" | "patrol" | "campaign" | "plan"; venueId?: string | undefined; venueName?: string | undefined; nodeId: string; path: string; responsibleRole: string; assigneeId?: string | undefined; assigneeName?: string | undefined; dueAt: string; state: "open" | "done"; doneAt?: string | undefined; inspectionId?: string | undefined; title?: { zh?: string | undefined; en?: string | undefined } | undefined };

export function toTaskView(t: TaskItem): TaskView {
  return JSON.parse(
    JSON.stringify({ taskId: taskIdOf(t), kind: t.kind, subjectId: t.subjectId, category: t.category, period: t.period, venueId: t.venueId, venueName: t.venueName, nodeId: t.nodeId, path: t.path, responsibleRole: t.responsibleRole, assigneeId: t.assigneeId, assigneeName: t.assigneeName, dueAt: t.dueAt, state: t.state, doneAt: t.doneAt, inspectionId: t.inspectionId, title: t.title }),
  ) as TaskView;
}

/** The checklists of one visit to a venue: its categories and those they include, every item once. */
export const getChecklist = useCase(
  z.object({}),
  async (_input, venueId: string) => {
    const actor = useUser();
    const venue = await venueOrNotFound(venueId);
    authorize(actor, "venue.read", venue);
    const { profile } = await profileAt();
    const own = new Set(venue.categories);
    const categories = applicableCategories(profile, venue.categories).map((id) => {
      const c = profile.inspectionCategories.find((x) => x.id === id)!;
      const includedBy = own.has(id) ? undefined : profile.inspectionCategories.find((x) => own.has(x.id) && x.includes.includes(id))?.id;
      return JSON.parse(JSON.stringify({ id, name: c.name, includedBy })) as { id: string; name: { zh: string; en: string }; includedBy?: string };
    });
    return { venueId, venueName: venue.name, categories, items: checklistFor(profile, venue.categories) };
  },
  "query",
);

/** A task by id, with the checklist of its venue when it is a venue's (opening a task). */
export const getTask = useCase(
  z.object({}),
  async (_input, taskId: string) => {
    const actor = useUser();
    const key = parseTaskId(taskId);
    const { data } = key ? await tenantDb().service.entities.inspectionTask.get({ tenantId: actor.tenantId, ...key }).go() : { data: null };
    if (!data) throw new AppError("not_found", "inspection.task_not_found");
    // Yours when it lies in your subtree, or its venue does.
    const sees = can(actor, "inspection.read", { path: data.path }) || (data.venuePath !== undefined && can(actor, "inspection.read", { path: data.venuePath }));
    if (!sees) throw new AppError("forbidden", "auth.forbidden", { action: "inspection.read" });
    const task = toTaskView(data);
    if (!data.venueId) return { task };
    if (data.kind === "campaign") {
      // The campaign's checklist, whoever opens it: in a cross-area campaign the venue lies outside the inspectors' own branch.
      const campaign = await campaignOf(data.category, { visit: false, now: new Date() });
      const categories = [{ id: data.category, name: campaign.title }];
      return { task, checklist: { venueId: data.venueId, venueName: data.venueName ?? data.venueId, categories, items: campaign.checklist, task } };
    }
    const checklist = await getChecklist({}, data.venueId);
    return { task, checklist: { ...checklist, task } };
  },
  "query",
);

/**
 * The tasks of staff in a subtree, open by default, soonest due first, a page
 * at a time: DynamoDB returns them in due order (the root's from the
 * tenant's list, a node's below it from its area's list, filtered to the
 * node's subtree when the node lies deeper, the page read on until full).
 */
export const listTasks = useCase(
  ListTasksInput,
  async (input) => {
    const actor = useUser();
    const node = await readPlace(input.nodeId);
    authorize(actor, "inspection.read", node);
    const tasks = tenantDb().service.entities.inspectionTask.query;
    const depth = node.path.split("/").filter(Boolean).length;
    const key = { tenantId: actor.tenantId, state: input.state };
    const page = await withCursor(input.cursor, (cursor) =>
      depth === 2
        ? tasks.byArea({ ...key, area: areaOf(node.path) }).go({ cursor, limit: input.limit })
        : (depth < 2 ? tasks.byDue(key) : tasks.byArea({ ...key, area: areaOf(node.path) }))
            .where((a, op) => `${op.eq(a.path, node.path)} OR ${op.begins(a.path, `${node.path}/`)}`)
            .go({ cursor, ...filledPage(input.limit) }),
    );
    return { items: page.data.map(toTaskView), cursor: page.cursor };
  },
  "query",
);

/** A venue's inspections, oldest first, a page at a time. */
export const listVenueInspections = useCase(
  PageInput,
  async (input, venueId: string): Promise<{ items: InspectionView[]; cursor: string | null }> => {
    const actor = useUser();
    const venue = await venueOrNotFound(venueId, { allowRetired: true });
    authorize(actor, "inspection.read", venue);
    const page = await withCursor(input.cursor, (cursor) => tenantDb().service.entities.inspection.query.byVenue({ tenantId: actor.tenantId, venueId }).go({ cursor, limit: input.limit }));
    return { items: page.data.map((i) => toInspectionView(i)), cursor: page.cursor };
  },
  "query",
);

export const getInspection = useCase(
  InspectionParams,
  async (input): Promise<InspectionView> => {
    const actor = useUser();
    const { data } = await tenantDb().service.entities.inspection.get({ tenantId: actor.tenantId, venueId: input.venueId, inspectionId: input.inspectionId }).go();
    if (!data) throw new AppError("not_found", "inspection.not_found");
    authorize(actor, "inspection.read", data);
    return toInspectionView(data);
  },
  "path",
);

const row = (c: { nodeId: string; path: string; category: string; period: string; due?: number; inspected?: number }) => ({
  nodeId: c.nodeId,
  path: c.path,
  category: c.category,
  period: c.period,
  due: c.due ?? 0,
  inspected: c.inspected ?? 0,
  percent: percentCovered(c.due ?? 0, c.inspected ?? 0),
  met: (c.inspected ?? 0) >= (c.due ?? 0),
});

/** A node's coverage (its whole subtree) for every category and period: one Query of its counters. */
export const getCoverage = useCase(
  CoverageInput,
  async (input, nodeId: string) => {
    const actor = useUser();
    const node = await nodeOrNotFound(nodeId, { allowRetired: true });
    authorize(actor, "inspection.read", node);
    const page = await withCursor(input.cursor, (cursor) => tenantDb().service.entities.coverage.query.byNode({ tenantId: actor.tenantId, nodeId }).go({ cursor, limit: input.limit, order: "desc" }));
    return { items: page.data.map(row), cursor: page.cursor };
  },
  "query",
);

/** Every node's coverage of one category and period within a subtree (a node and its children, grandchildren …): one Query page. */
export const coverageByPeriod = useCase(
  CoverageByPeriodInput,
  async (input) => {
    const actor = useUser();
    const node = await readPlace(input.nodeId);
    authorize(actor, "inspection.read", node);
    const page = await withCursor(input.cursor, (cursor) =>
      tenantDb().service.entities.coverage.query.byPeriod({ tenantId: actor.tenantId, slice: coverageSlice(input.category, input.period) }).begins({ path: node.path }).go({ cursor, limit: input.limit }),
    );
    const inSubtree = page.data.filter((c) => c.path === node.path || c.path.startsWith(`${node.path}/`));
    return { items: inSubtree.map(row), cursor: page.cursor };
  },
  "query",
);

/** Every coverage counter of a node's subtree (all categories and periods), for other domains that judge it (the assessment): one Query, no access check. */
export async function subtreeCoverage(nodeId: string): Promise<{ category: string; period: string; due: number; inspected: number }[]> {
  const { data } = await tenantDb().service.entities.coverage.query.byNode({ tenantId: useTenant(), nodeId }).go({ pages: "all" });
  // Counters written by ADD alone may lack an attribute never added to.
  return data.map(({ category, period, due, inspected }) => ({ category, period, due: due ?? 0, inspected: inspected ?? 0 }));
}
