import { z } from "zod";
import { pageOf } from "../db/cursor.ts";

const Bilingual = z.object({ zh: z.string(), en: z.string() });

export const InspectionItemSchema = z.object({
  category: z.string(),
  itemId: z.string(),
  result: z.enum(["pass", "fail", "not_applicable"]),
  note: z.string().optional(),
  photos: z.array(z.string()),
  severity: z.string().optional(),
  hazardCode: z.string(),
  hazardId: z.string().optional().meta({ description: "The hazard a failed item raised" }),
});

export const InspectionViewSchema = z
  .object({
    inspectionId: z.string(),
    venueId: z.string(),
    nodeId: z.string(),
    path: z.string(),
    categories: z.array(z.string()),
    taskIds: z.array(z.string()),
    inspectorId: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string(),
    note: z.string().optional(),
    lat: z.number().optional().meta({ description: "WGS-84 latitude where the inspector stood" }),
    lng: z.number().optional().meta({ description: "WGS-84 longitude where the inspector stood" }),
    items: z.array(InspectionItemSchema),
    hazardIds: z.array(z.string()),
    passed: z.int(),
    failed: z.int(),
    notApplicable: z.int(),
    profileVersion: z.int(),
  })
  .meta({ id: "Inspection" });
export type InspectionView = z.infer<typeof InspectionViewSchema>;
export const InspectionPageSchema = pageOf(InspectionViewSchema).meta({ id: "InspectionPage" });

export function toInspectionView(item: Record<string, unknown>): InspectionView {
  const { tenantId: _t, ...rest } = item;
  return rest as InspectionView;
}

export const ChecklistEntrySchema = z.object({
  category: z.string(),
  itemId: z.string(),
  name: Bilingual,
  hazardCode: z.string(),
  sourceRef: z.string().nullable().meta({ description: "The item's clause: the county document's or a national norm's (e.g. 消防法 第二十八条)" }),
  text: z.string().optional().meta({ description: "The clause's words" }),
  assumption: z.object({ zh: z.string(), en: z.string().optional() }).optional(),
});

export const TaskViewSchema = z
  .object({
    taskId: z.string(),
    kind: z.enum(["coverage", "patrol", "campaign", "plan"]).meta({ description: "coverage: a venue's visit of the period; patrol: a node's patrol; plan: a visit of a venue's patrol plan, for its named patroller; campaign: a venue's visit in a campaign (专项整治)" }),
    subjectId: z.string(),
    category: z.string(),
    period: z.string(),
    venueId: z.string().optional(),
    venueName: z.string().optional(),
    nodeId: z.string(),
    path: z.string(),
    responsibleRole: z.string().meta({ description: "The profile role whose staff perform the task (when it has no assignee)" }),
    assigneeId: z.string().optional().meta({ description: "The one user who may perform the task" }),
    assigneeName: z.string().optional(),
    dueAt: z.string(),
    state: z.enum(["open", "done"]),
    doneAt: z.string().optional(),
    inspectionId: z.string().optional(),
    title: z.object({ zh: z.string(), en: z.string().optional() }).optional().meta({ description: "A campaign task's title: the campaign's name" }),
  })
  .meta({ id: "InspectionTask" });
export type TaskView = z.infer<typeof TaskViewSchema>;
export const TaskPageSchema = pageOf(TaskViewSchema).meta({ id: "InspectionTaskPage" });

export const ChecklistViewSchema = z
  .object({
    venueId: z.string(),
    venueName: z.string(),
    categories: z.array(z.object({ id: z.string(), name: Bilingual, includedBy: z.string().optional() })),
    items: z.array(ChecklistEntrySchema),
    task: TaskViewSchema.optional(),
  })
  .meta({ id: "Checklist" });

export const CoverageRowSchema = z.object({
  nodeId: z.string(),
  path: z.string(),
  category: z.string(),
  period: z.string(),
  due: z.int().meta({ description: "Visits due: one per venue, N per venue for a category of N times per period" }),
  inspected: z.int(),
  percent: z.number().meta({ description: "Visits made in the period (each venue counted up to the visits due of it) / visits due, per cent" }),
  met: z.boolean().optional().meta({ description: "Every visit due in the period made (a venue of a 2-a-month category inspected once leaves it unmet)" }),
});
export const CoverageViewSchema = pageOf(CoverageRowSchema).meta({ id: "Coverage" });
