import { z } from "zod";
import { bilingual } from "../errors/index.ts";

const Id = z.string().min(1).max(64);

const PhotoKey = z
  .string()
  .refine((key) => /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/.test(key) && !key.includes(".."), bilingual("照片须为上传后得到的存储键", "A photo is the storage key its upload returned"));

/** How many nodes one warning may go to. */
export const MAX_TARGETS = 500;

export const WarningTargetsInput = z
  .object({
    nodeIds: z.array(Id).max(MAX_TARGETS, bilingual(`一次预警最多发往 ${MAX_TARGETS} 个节点`, `At most ${MAX_TARGETS} nodes per warning`)).optional().meta({ description: "Explicit nodes, each in your subtree" }),
    level: z.string().min(1).max(32).optional().meta({ description: "Every active node of this level (town, village, grid …) under areaNodeId" }),
    unit: z.string().min(1).max(32).optional().meta({ description: "With level: only nodes of this unit kind of the level (镇 / 园区 …)" }),
    areaNodeId: Id.optional().meta({ description: "Where a level selection looks (default: your scope node)" }),
  })
  .refine((t) => Boolean(t.nodeIds?.length) || t.level !== undefined, { message: bilingual("请选择预警对象：指定节点，或某一层级的全部节点", "Choose the targets: nodes by id, or every node of a level"), path: ["nodeIds"] })
  .refine((t) => !(t.nodeIds?.length && t.level !== undefined), { message: bilingual("指定节点与按层级选择只能二选一", "Give nodes by id or a level, not both"), path: ["level"] })
  .refine((t) => t.unit === undefined || t.level !== undefined, { message: bilingual("按单位类型选择时须同时指定层级", "A unit kind needs a level"), path: ["unit"] });

export const IssueWarningInput = z
  .object({
    title: z.string().trim().min(1, bilingual("请填写预警标题", "Give the warning a title")).max(60, bilingual("标题不超过 60 个字", "At most 60 characters")),
    text: z.string().trim().min(1, bilingual("请填写预警内容", "Write the warning's text")).max(2000, bilingual("内容不超过 2000 个字", "At most 2000 characters")),
    level: Id.meta({ description: "A warning level of the profile (warnings.levels)" }),
    answerWithinHours: z.int(bilingual("时限须为整数小时", "Whole hours")).min(1, bilingual("叫应时限至少 1 小时", "At least one hour")).max(720, bilingual("叫应时限最多 720 小时", "At most 720 hours")).optional().meta({ description: "Default: the level's answer window in the profile" }),
    targets: WarningTargetsInput,
  })
  .meta({ id: "IssueWarningInput" });
export type IssueWarningInput = z.infer<typeof IssueWarningInput>;

export const AnswerWarningInput = z
  .object({
    measures: z.string().trim().max(2000, bilingual("措施不超过 2000 个字", "At most 2000 characters")).optional().meta({ description: "Measures taken (a one-tap 叫应 may leave it empty and add it later)" }),
    photos: z.array(PhotoKey).max(9, bilingual("最多 9 张照片", "At most 9 photos")).optional(),
  })
  .meta({ id: "AnswerWarningInput" });
export type AnswerWarningInput = z.infer<typeof AnswerWarningInput>;

export const ListWarningsInput = z.object({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const MyWarningsInput = z.object({
  nodeId: Id.optional().meta({ description: "Default: your scope node" }),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const WarningParams = z.object({ warningId: Id });
export const WarningTargetParams = z.object({ warningId: Id, nodeId: Id });
