import { z } from "zod";
import { pageOf } from "../db/cursor.ts";

// What the assessment use cases answer with.

const Bilingual = z.object({ zh: z.string(), en: z.string() });

export const EnteredScoreSchema = z.object({
  score: z.number(),
  note: z.string(),
  enteredBy: z.string(),
  enteredByName: z.string().optional(),
  enteredAt: z.string(),
  attachments: z.array(z.string()).optional().meta({ description: "File keys the assessor attached (GET /v1/assessment/attachments?key= for a link)" }),
});

export const EvidenceLinkSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("findings"), nodeId: z.string(), ruleIds: z.array(z.string()).meta({ description: "The rules not met" }) }),
    z.object({ kind: z.literal("hazards"), nodeId: z.string(), filter: z.enum(["closed", "overdue", "listed"]) }),
    z.object({ kind: z.literal("coverage"), nodeId: z.string(), categories: z.array(z.string()).optional() }),
    z.object({ kind: z.literal("campaigns"), nodeId: z.string(), campaignIds: z.array(z.string()) }),
    z.object({ kind: z.literal("records"), nodeId: z.string(), recordKinds: z.array(z.string()), recordIds: z.array(z.string()) }),
    z.object({ kind: z.literal("incidents"), nodeId: z.string(), incidentIds: z.array(z.string()).meta({ description: "The fire incidents of the subtree in the period" }) }),
  ])
  .meta({ id: "EvidenceLink", description: "Where the data behind a computed score is listed" });

export const METHODS = ["compliance", "hazard_closure_on_time", "inspection_coverage", "hazard_overdue", "hazard_listed", "campaign_progress", "records", "incidents", "manual"] as const;

export const IndicatorScoreSchema = z
  .object({
    indicatorId: z.string(),
    name: Bilingual,
    weight: z.number(),
    method: z.enum(METHODS).meta({ description: "How it is scored: from compliance findings, the hazards' on-time closes, inspection coverage, hazards overdue now, the node's records, or by the assessor" }),
    computed: z.number().nullable().meta({ description: "The engine's score (0–100); null for a manual indicator or when there is nothing to judge" }),
    evidence: Bilingual.optional(),
    failing: z.array(z.string()).optional().meta({ description: "Rule ids of the findings not met" }),
    link: EvidenceLinkSchema.optional(),
    entered: EnteredScoreSchema.optional().meta({ description: "The assessor's score and note: a manual indicator's score, or an override of the computed one" }),
    score: z.number().nullable(),
    sourceRef: z.string().nullable(),
    text: z.string(),
  })
  .meta({ id: "IndicatorScore" });

export const ScorecardSchema = z
  .object({
    nodeId: z.string(),
    name: z.string(),
    path: z.string(),
    parentId: z.string().optional(),
    indicators: z.array(IndicatorScoreSchema),
    total: z.number().nullable().meta({ description: "Weighted over the indicators that have a score" }),
    scoredWeight: z.number(),
    totalWeight: z.number(),
    complete: z.boolean(),
    rank: z.int().nullable().meta({ description: "Among siblings (same parent), 1 = best; ties share a rank" }),
    ranked: z.int(),
    lagging: z.boolean(),
    laggingReasons: z.array(z.enum(["bottom", "below_score"])),
    mayScore: z.boolean().meta({ description: "Whether the caller may enter scores for this node" }),
  })
  .meta({ id: "Scorecard" });

const Period = z.object({ start: z.string(), end: z.string().meta({ description: "Last day, inclusive" }) });

export const ScorecardsSchema = z
  .object({
    schemeId: z.string(),
    name: Bilingual,
    period: Period,
    evaluatedAt: z.string().meta({ description: "The instant the data was judged at: the period's last moment, or now while it runs" }),
    profileVersion: z.int(),
    lagging: z.object({ bottom: z.int().optional(), belowScore: z.number().optional(), sourceRef: z.string().nullable(), text: z.string() }).nullable(),
    cards: z.array(ScorecardSchema),
    closed: z
      .object({ closedAt: z.string(), closedBy: z.string(), closedByName: z.string().optional() })
      .optional()
      .meta({ description: "The period was closed: these cards are its snapshot and later data does not change them" }),
    mayClose: z.boolean().meta({ description: "Whether the caller may close this period" }),
  })
  .meta({ id: "Scorecards" });

export const ScoreSchema = z
  .object({ schemeId: z.string(), period: z.string(), nodeId: z.string(), indicatorId: z.string(), score: z.number(), note: z.string(), attachments: z.array(z.string()).optional(), enteredBy: z.string(), enteredByName: z.string().optional(), enteredAt: z.string() })
  .meta({ id: "AssessmentScore" });

const Target = z.discriminatedUnion("type", [
  z.object({ type: z.literal("node") }),
  z.object({ type: z.literal("unit"), name: z.string() }),
  z.object({ type: z.literal("person"), name: z.string(), userId: z.string().optional() }),
]);

const Source = z.discriminatedUnion("type", [
  z.object({ type: z.literal("lagging"), schemeId: z.string(), period: z.string() }),
  z.object({ type: z.literal("hazard_lead"), hazardId: z.string() }),
  z.object({ type: z.literal("early_fire_save"), incidentId: z.string() }),
]);

export const IncentiveRecordSchema = z
  .object({
    recordId: z.string(),
    incentiveId: z.string(),
    kind: z.enum(["reward", "sanction"]),
    nodeId: z.string(),
    nodeName: z.string(),
    target: Target,
    source: Source.optional(),
    date: z.string(),
    note: z.string(),
    recordedBy: z.string(),
    recordedByName: z.string().optional(),
    recordedAt: z.string(),
  })
  .meta({ id: "IncentiveRecord" });

export const IncentivePageSchema = pageOf(IncentiveRecordSchema).meta({ id: "IncentivePage" });

export const CandidateSchema = z
  .object({
    nodeId: z.string(),
    nodeName: z.string(),
    target: Target,
    source: Source,
    reason: Bilingual,
    recorded: z.boolean().meta({ description: "An incentive of this kind was already recorded for this candidate" }),
  })
  .meta({ id: "IncentiveCandidate" });

export const CandidatesSchema = z
  .object({
    period: Period,
    incentives: z.array(
      z.object({
        incentiveId: z.string(),
        kind: z.enum(["reward", "sanction"]),
        name: Bilingual,
        from: z.enum(["lagging_units", "major_hazard_leads", "early_fire_saves", "manual"]),
        schemeId: z.string().optional(),
        why: Bilingual.optional().meta({ description: "For an incentive chosen by people: what data the product lacks" }),
        sourceRef: z.string().nullable(),
        text: z.string(),
        candidates: z.array(CandidateSchema),
      }),
    ),
  })
  .meta({ id: "IncentiveCandidates" });

export type ScorecardsView = z.infer<typeof ScorecardsSchema>;
export type IncentiveRecordView = z.infer<typeof IncentiveRecordSchema>;
export type CandidatesView = z.infer<typeof CandidatesSchema>;
