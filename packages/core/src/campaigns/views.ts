import { z } from "zod";
import { pageOf } from "../db/cursor.ts";

const Bilingual = z.object({ zh: z.string(), en: z.string() });
const Named = z.object({ nodeId: z.string(), name: z.string() });

const ChecklistEntry = z.object({ category: z.string(), itemId: z.string(), name: Bilingual, hazardCode: z.string(), sourceRef: z.string().nullable() });

export const CampaignSummarySchema = z
  .object({
    tasks: z.int(),
    done: z.int(),
    notVisited: z.int(),
    hazardsRaised: z.int(),
    hazardsClosed: z.int().meta({ description: "Of the hazards raised, those closed (结案) at the close" }),
    hazardsOpen: z.int(),
    byNode: z.array(Named.extend({ inspectors: Named.optional(), tasks: z.int(), done: z.int(), notVisited: z.int(), hazardsRaised: z.int(), hazardsClosed: z.int() })),
    venuesNotVisited: z.array(z.object({ venueId: z.string(), name: z.string(), nodeId: z.string(), path: z.string() })).meta({ description: "At most 500, branch by branch; `notVisited` counts them all" }),
    closedAt: z.string(),
    reason: z.enum(["end_date", "admin"]),
  })
  .meta({ id: "CampaignSummary" });

export const CampaignViewSchema = z
  .object({
    campaignId: z.string(),
    name: z.object({ zh: z.string(), en: z.string().optional() }),
    startDate: z.string(),
    endDate: z.string(),
    area: z.object({ nodeId: z.string(), path: z.string(), name: z.string() }),
    target: z.object({ kinds: z.array(z.string()).optional(), riskGrades: z.array(z.string()).optional(), flags: z.array(z.string()).optional() }),
    checklist: z.array(ChecklistEntry),
    crossArea: z.enum(["rotate", "pairs"]).optional(),
    groups: z.array(Named.extend({ path: z.string(), inspectors: Named.extend({ path: z.string() }).optional() })),
    templateId: z.string().optional(),
    state: z.enum(["starting", "active", "closed"]),
    status: z.enum(["starting", "upcoming", "running", "ended", "closed"]).meta({ description: "Where it stands today: ended = past its end date, closing with the daily job" }),
    tasks: z.int(),
    createdBy: z.string(),
    createdAt: z.string(),
    closedAt: z.string().optional(),
    closedBy: z.string().optional(),
    closeReason: z.enum(["end_date", "admin"]).optional(),
    summary: CampaignSummarySchema.optional(),
  })
  .meta({ id: "Campaign" });
export type CampaignView = z.infer<typeof CampaignViewSchema>;
export const CampaignPageSchema = pageOf(CampaignViewSchema).meta({ id: "CampaignPage" });

export const CampaignProgressSchema = z
  .object({
    campaign: CampaignViewSchema,
    totals: z.object({ tasks: z.int(), done: z.int(), hazards: z.int() }),
    byNode: z.array(Named.extend({ inspectors: Named.optional(), tasks: z.int(), done: z.int(), hazards: z.int() })),
  })
  .meta({ id: "CampaignProgress" });
export type CampaignProgressView = z.infer<typeof CampaignProgressSchema>;
