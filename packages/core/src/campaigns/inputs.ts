import { z } from "zod";
import { bilingual } from "../errors/index.ts";


const Id = z.string().min(1).max(64);
const Name = z.object({
  zh: z.string().trim().min(1, bilingual("请填写专项整治名称", "Name the campaign")).max(60, bilingual("名称不超过 60 个字", "At most 60 characters")),
  en: z.string().trim().min(1).max(120).optional(),
});
const LocalDate = z.iso.date(bilingual("日期须为 YYYY-MM-DD", "A date is YYYY-MM-DD"));
const Ids = (max: number) => z.array(Id).max(max).optional();

export const CampaignTargetInput = z
  .object({
    kinds: Ids(100).meta({ description: "Venue kind ids of the profile; any of them" }),
    riskGrades: Ids(20).meta({ description: "Risk grade ids of the profile; any of them" }),
    flags: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).max(10).optional().meta({ description: "Venue flags (the venue's own or its kinds'); any of them" }),
  })
  .refine((t) => Boolean(t.kinds?.length || t.riskGrades?.length || t.flags?.length), { message: bilingual("请至少选择一类目标场所（场所类型、风险等级或标记）", "Choose the venues targeted: kinds, risk grades or flags"), path: ["kinds"] });

const CrossArea = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("rotate").meta({ description: "推磨式: each branch of the area (its children holding target venues, in order) is inspected by the branch before it" }) }),
  z.object({
    mode: z.literal("pairs"),
    pairs: z.array(z.object({ venuesIn: Id.meta({ description: "A branch (child node) of the area" }), inspectors: Id.meta({ description: "The node whose staff inspect that branch's venues" }) })).min(1).max(100),
  }),
]);

export const CreateCampaignInput = z
  .object({
    name: Name,
    startDate: LocalDate,
    endDate: LocalDate,
    areaNodeId: Id.meta({ description: "The campaign covers this node's subtree" }),
    target: CampaignTargetInput,
    adopt: z.array(z.object({ category: Id, itemId: Id })).max(100).default([]).meta({ description: "Items of the profile's inspection categories' checklists, by category and item id" }),
    custom: z.array(z.object({ name: Name, hazardCode: Id })).max(50).default([]).meta({ description: "The campaign's own items, each with a hazard code of the profile" }),
    crossArea: CrossArea.optional().meta({ description: "Cross-area (推磨式): branches inspect each other's venues" }),
    templateId: Id.optional(),
  })
  .meta({ id: "CreateCampaignInput" });
export type CreateCampaignInput = z.infer<typeof CreateCampaignInput>;

export const ListCampaignsInput = z.object({
  state: z.enum(["active", "closed"]).optional().meta({ description: "Only running (or starting) campaigns, or only closed ones" }),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const CampaignParams = z.object({ campaignId: Id });
