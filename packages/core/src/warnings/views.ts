import { z } from "zod";

const Label = z.object({ zh: z.string(), en: z.string() });

export const WarningTargetViewSchema = z
  .object({
    warningId: z.string(),
    nodeId: z.string(),
    nodeName: z.string(),
    state: z.enum(["pending", "answered", "escalated"]).meta({ description: "escalated: not answered by the deadline (an answer after it turns it answered, marked late)" }),
    ackAt: z.string().optional().meta({ description: "The first answer's time (kept when the measures are updated)" }),
    late: z.boolean(),
    answeredBy: z.string().optional(),
    answeredByName: z.string().optional(),
    measures: z.string().optional(),
    photos: z.array(z.string()),
    updatedAt: z.string().optional(),
    escalatedAt: z.string().optional(),
  })
  .meta({ id: "WarningTarget" });
export type WarningTargetView = z.infer<typeof WarningTargetViewSchema>;

export const WarningViewSchema = z
  .object({
    warningId: z.string(),
    title: z.string(),
    text: z.string(),
    level: z.string(),
    levelName: Label,
    issuerId: z.string(),
    issuerName: z.string().optional(),
    issuerNodeId: z.string(),
    issuedAt: z.string(),
    deadline: z.string(),
    state: z.enum(["issuing", "open", "lapsed"]),
    targets: z.int(),
    answered: z.int(),
    escalated: z.int().meta({ description: "Targets that escalated at the deadline (some may have answered late since)" }),
    answerRate: z.int().meta({ description: "Answered targets in whole percent" }),
  })
  .meta({ id: "Warning" });
export type WarningView = z.infer<typeof WarningViewSchema>;

export const WarningDetailSchema = WarningViewSchema.extend({ items: z.array(WarningTargetViewSchema) }).meta({ id: "WarningDetail" });
export type WarningDetailView = z.infer<typeof WarningDetailSchema>;

export const WarningPageSchema = z.object({ items: z.array(WarningViewSchema), cursor: z.string().nullable() }).meta({ id: "WarningPage" });

/** A warning as a target node sees it: the warning's words and its own answer. */
export const NodeWarningSchema = WarningTargetViewSchema.extend({ title: z.string(), text: z.string(), level: z.string(), deadline: z.string(), issuedAt: z.string() }).meta({ id: "NodeWarning" });
export type NodeWarningView = z.infer<typeof NodeWarningSchema>;
export const NodeWarningPageSchema = z.object({ items: z.array(NodeWarningSchema), cursor: z.string().nullable() }).meta({ id: "NodeWarningPage" });
