import { z } from "zod";
import { authorize, inSubtree } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { filledPage, withCursor } from "../db/cursor.ts";
import { timeOrderedId } from "../db/ids.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { bilingual, invalid } from "../errors/index.ts";
import { addDays, leadOf, leadsOf, startOfLocalDay } from "../hazards/index.ts";
import { earlyFireSaveOf, incidentsBetween } from "../incidents/index.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { profileAt, type PolicyProfile } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { mayAssess } from "./assessor.ts";
import { currentSheet, DateOnly, judgement, periodOfScheme, schemeOr404, type Period } from "./read.ts";
import type { CandidatesView, IncentiveRecordView } from "./views.ts";

// The register of incentives applied (奖惩登记) and the candidates the data
// proposes for them. Which candidates an incentive has is profile data
// (`candidates`): the lagging units of a scheme's scorecards, the reporters
// of hazards judged major, or none (chosen by people, with the reason).

type Incentive = PolicyProfile["assessment"]["incentives"][number];

const Text = z.string().trim().min(1).max(200);

const Target = z.discriminatedUnion("type", [
  z.object({ type: z.literal("node") }).meta({ description: "The node itself (a town, a village …)" }),
  z.object({ type: z.literal("unit"), name: Text }).meta({ description: "A unit at the node (a property company …)" }),
  z.object({ type: z.literal("person"), name: Text, userId: z.string().min(1).max(64).optional() }).meta({ description: "A person at the node" }),
]);

const Source = z.discriminatedUnion("type", [
  z.object({ type: z.literal("lagging"), schemeId: z.string().min(1).max(60), period: DateOnly }).meta({ description: "A lagging unit of a scheme's period" }),
  z.object({ type: z.literal("hazard_lead"), hazardId: z.string().min(1).max(64) }).meta({ description: "A hazard reported and judged major" }),
  z.object({ type: z.literal("early_fire_save"), incidentId: z.string().min(1).max(64) }).meta({ description: "A fire incident whose early fire a micro station put out" }),
]);

export const RecordIncentiveInput = z
  .object({
    incentiveId: z.string().min(1).max(60),
    nodeId: z.string().min(1).max(64),
    target: Target,
    date: DateOnly.meta({ description: "The day it was decided" }),
    note: z.string().trim().min(1, bilingual("请写明奖惩的事由", "Say what it is for")).max(2000),
    source: Source.optional().meta({ description: "The candidate it comes from, when it comes from one: each candidate is recorded once" }),
  })
  .meta({ id: "RecordIncentiveInput" });

/** The key under which a candidate is recorded once. */
const candidateKey = (source: z.infer<typeof Source>, nodeId: string) =>
  source.type === "lagging" ? `lagging:${source.schemeId}:${source.period}:${nodeId}` : source.type === "hazard_lead" ? `hazard:${source.hazardId}` : `fire:${source.incidentId}`;

function incentiveOf(profile: PolicyProfile, incentiveId: string): Incentive {
  const incentive = profile.assessment.incentives.find((i) => i.id === incentiveId);
  if (!incentive) throw invalid("body.incentiveId", "assessment.incentive_unknown", `“${incentiveId}”不是政策档案中的奖惩措施`, `“${incentiveId}” is not an incentive of the profile`);
  return incentive;
}

function toView(r: IncentiveRecordView & { tenantId: string; path: string }): IncentiveRecordView {
  const { tenantId: _t, path: _p, ...view } = r;
  return view;
}

/** Record an incentive applied: the record, the candidate's claim (once only) and the audit entry in one transaction. */
export const recordIncentive = useCase(RecordIncentiveInput, async (input, opts: { idempotencyKey?: string } = {}): Promise<IncentiveRecordView> => {
  const actor = useUser();
  const j = await judgement(input.date, "body.date");
  const { profile } = await profileAt(j.now);
  const incentive = incentiveOf(profile, input.incentiveId);
  const node = await nodeOrNotFound(input.nodeId);
  const from = incentive.candidates;
  // An incentive tied to a scheme's ranking is the assessor's to apply; any other, an officer's over the node.
  if (from?.from === "lagging_units") {
    if (!mayAssess(actor, profile, schemeOr404(profile, from.scheme), node.path)) throw new AppError("forbidden", "auth.forbidden", { action: "assessment.incentive" });
  } else authorize(actor, "assessment.incentive", node);
  let source = input.source;
  if (source?.type === "lagging") {
    if (from?.from !== "lagging_units" || from.scheme !== source.schemeId) throw invalid("body.source", "assessment.source_mismatch", "该奖惩措施不针对此考核方案的落后单位", "This incentive is not for the lagging units of that scheme");
    if (input.target.type !== "node") throw invalid("body.target", "assessment.target_node", "针对落后单位的措施须以该单位（节点）为对象", "A measure for a lagging unit targets the unit (node) itself");
    // The period is named by its first day, whichever day of it was sent.
    source = { ...source, period: periodOfScheme(schemeOr404(profile, source.schemeId), source.period).start };
  }
  if (source?.type === "hazard_lead") {
    if (from?.from !== "major_hazard_leads") throw invalid("body.source", "assessment.source_mismatch", "该奖惩措施不针对重大隐患线索", "This incentive is not for major-hazard leads");
    // The lead must be one the incentive is for: a hazard of the node, from its sources, judged of its severities.
    const lead = await leadOf(source.hazardId);
    if (!lead || lead.nodeId !== node.nodeId || !from.sources.includes(lead.source) || !from.severities.includes(lead.severity) || lead.state === "withdrawn") {
      throw invalid("body.source.hazardId", "assessment.lead_unknown", "该隐患不是此节点上符合条件的重大隐患线索", "That hazard is not a qualifying major-hazard lead at this node");
    }
  }
  if (source?.type === "early_fire_save") {
    if (from?.from !== "early_fire_saves") throw invalid("body.source", "assessment.source_mismatch", "该奖惩措施不针对微型消防站扑救初期火灾", "This incentive is not for micro stations putting out early fires");
    // The save must be one recorded on the incident, by a station of this node.
    const save = await earlyFireSaveOf(source.incidentId);
    if (!save || save.nodeId !== node.nodeId) throw invalid("body.source.incidentId", "assessment.save_unknown", "该火灾事故没有本节点微型消防站扑救初期火灾的记录", "That incident records no early fire put out by a station of this node");
  }
  const now = new Date();
  const recordId = timeOrderedId(now);
  const item = {
    tenantId: actor.tenantId,
    recordId,
    incentiveId: incentive.id,
    kind: incentive.kind,
    nodeId: node.nodeId,
    path: node.path,
    nodeName: node.name,
    target: input.target,
    ...(source ? { source } : {}),
    date: input.date,
    note: input.note,
    recordedBy: actor.userId,
    ...(actor.name ? { recordedByName: actor.name } : {}),
    recordedAt: now.toISOString(),
  };
  const claim = source ? candidateKey(source, node.nodeId) : undefined;
  const stored = await writeTransaction<{ recordId: string }>(
    ({ incentiveRecord, incentiveClaim, audit }) => [
      incentiveRecord.create(item).commit(),
      ...(claim ? [incentiveClaim.create({ tenantId: actor.tenantId, incentiveId: incentive.id, candidate: claim, recordId }).commit()] : []),
      auditItem({ audit }, { action: "assessment.incentive", targetType: "incentive", targetId: recordId, details: { incentiveId: incentive.id, kind: incentive.kind, nodeId: node.nodeId, target: input.target.type, date: input.date, ...(claim ? { candidate: claim } : {}) } }, now),
    ],
    {
      idempotency: opts.idempotencyKey ? { key: opts.idempotencyKey, request: input, result: { recordId } } : undefined,
      onCanceled: (reasons) =>
        claim && reasons.some((r) => r.index === 1) ? new AppError("conflict", "assessment.incentive_already_recorded", { incentive: incentive.name.zh }) : new AppError("conflict", "request.conflict_retry"),
    },
  );
  const { data } = await tenantDb().service.entities.incentiveRecord.get({ tenantId: actor.tenantId, recordId: stored?.recordId ?? recordId }).go({ consistent: true });
  return toView(data as never);
});

export const ListIncentivesInput = z.object({
  nodeId: z.string().min(1).max(64).optional().meta({ description: "Records of nodes under this node (default: the caller's scope)" }),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The register, newest first, of the nodes under a place within the caller's scope. */
export const listIncentives = useCase(
  ListIncentivesInput,
  async (input): Promise<{ items: IncentiveRecordView[]; cursor: string | null }> => {
    const actor = useUser();
    const path = input.nodeId ? (await nodeOrNotFound(input.nodeId, { allowRetired: true })).path : actor.scopePath;
    authorize(actor, "assessment.read", { path });
    const query = tenantDb().service.entities.incentiveRecord.query.byId({ tenantId: actor.tenantId });
    const root = path.split("/").filter(Boolean).length === 1;
    // The tenant's whole register is the partition; a narrower place is a filter on the records' paths.
    const page = await withCursor(input.cursor, (cursor) =>
      root
        ? query.go({ order: "desc", cursor, limit: input.limit })
        : query.where((a, op) => `${op.eq(a.path, path)} OR ${op.begins(a.path, `${path}/`)}`).go({ order: "desc", cursor, ...filledPage(input.limit) }),
    );
    return { items: page.data.map((r) => toView(r as never)), cursor: page.cursor };
  },
  "query",
);

export const CandidatesInput = z.object({
  period: DateOnly.optional().meta({ description: "Any day of the period (default today): a scheme's period for its lagging units, the calendar year for hazard leads" }),
  nodeId: z.string().min(1).max(64).optional().meta({ description: "Candidates under this node (default: the caller's scope)" }),
  schemeId: z.string().min(1).max(60).optional().meta({ description: "Only the incentives tied to this scheme's ranking" }),
});

/** The calendar year that holds a date: the period of hazard leads. */
const yearOf = (date: string): Period => ({ start: `${date.slice(0, 4)}-01-01`, end: `${date.slice(0, 4)}-12-31` });

/**
 * Every incentive of the profile with the candidates its data proposes for
 * the period under a place: the lagging units of a scheme's scorecards, the
 * reporters of hazards judged major; none for an incentive chosen by people.
 * Each candidate says whether it was already recorded.
 */
export const incentiveCandidates = useCase(
  CandidatesInput,
  async (input): Promise<CandidatesView> => {
    const actor = useUser();
    const place = input.nodeId ? await nodeOrNotFound(input.nodeId, { allowRetired: true }) : { path: actor.scopePath };
    authorize(actor, "assessment.incentive", place);
    const j = await judgement(input.period, "query.period");
    const { profile } = await profileAt(j.now);
    const incentives = profile.assessment.incentives.filter((i) => input.schemeId === undefined || (i.candidates?.from === "lagging_units" && i.candidates.scheme === input.schemeId));
    const leadsYear = yearOf(j.date);
    const { timeZone } = j;
    const rows = await Promise.all(
      incentives.map(async (incentive) => {
        const from = incentive.candidates ?? { from: "manual" as const };
        const base = {
          incentiveId: incentive.id,
          kind: incentive.kind,
          name: incentive.name,
          from: from.from,
          sourceRef: incentive.sourceRef,
          text: incentive.text ?? incentive.assumption?.zh ?? "",
        };
        if (from.from === "lagging_units") {
          // A closed period's lagging units are those of its snapshot.
          const computed = await currentSheet(from.scheme, j.date, place.path);
          const candidates = computed.cards
            .filter((c) => c.lagging)
            .map((c) => ({
              nodeId: c.nodeId,
              nodeName: c.name,
              target: { type: "node" as const },
              source: { type: "lagging" as const, schemeId: from.scheme, period: computed.period.start },
              reason: {
                zh: `${computed.name.zh}（${computed.period.start} 至 ${computed.period.end}）总分 ${c.total}，同级第 ${c.rank}/${c.ranked} 名${c.laggingReasons.includes("below_score") ? "，低于落后线" : ""}`,
                en: `${computed.name.en} (${computed.period.start} to ${computed.period.end}): total ${c.total}, rank ${c.rank} of ${c.ranked}${c.laggingReasons.includes("below_score") ? ", below the lagging line" : ""}`,
              },
            }));
          return { ...base, schemeId: from.scheme, candidates: await withRecorded(incentive.id, candidates) };
        }
        if (from.from === "major_hazard_leads") {
          const leads = await leadsOf({
            path: place.path,
            sources: from.sources as Parameters<typeof leadsOf>[0]["sources"],
            severities: from.severities,
            from: startOfLocalDay(leadsYear.start, timeZone).toISOString(),
            to: startOfLocalDay(addDays(leadsYear.end, 1), timeZone).toISOString(),
          });
          const candidates = leads
            .filter((lead) => inSubtree(place.path, lead.path))
            .map((lead) => {
              const who = lead.reporter.name ?? lead.reporter.contact ?? (lead.reporter.type === "public" ? "群众举报人" : lead.reporter.id ?? "—");
              return {
                nodeId: lead.nodeId,
                nodeName: "",
                target: { type: "person" as const, name: who, ...(lead.reporter.type === "user" && lead.reporter.id ? { userId: lead.reporter.id } : {}) },
                source: { type: "hazard_lead" as const, hazardId: lead.hazardId },
                reason: { zh: `${lead.createdAt.slice(0, 10)} 报告的隐患被认定为“${severityName(profile, lead.severity).zh}”：${lead.description}`, en: `reported ${lead.createdAt.slice(0, 10)} and judged “${severityName(profile, lead.severity).en}”: ${lead.description}` },
              };
            });
          return { ...base, candidates: await withNodeNames(await withRecorded(incentive.id, candidates)) };
        }
        if (from.from === "early_fire_saves") {
          const fires = await incidentsBetween(place.path, startOfLocalDay(leadsYear.start, timeZone).toISOString(), startOfLocalDay(addDays(leadsYear.end, 1), timeZone).toISOString());
          const candidates = fires.flatMap((f) =>
            f.earlyFireSave
              ? [
                  {
                    nodeId: f.earlyFireSave.nodeId,
                    nodeName: "",
                    target: { type: "unit" as const, name: f.earlyFireSave.name },
                    source: { type: "early_fire_save" as const, incidentId: f.incidentId },
                    reason: { zh: `${f.occurredAt.slice(0, 10)} 火灾事故中成功扑救初期火灾`, en: `put out an early fire on ${f.occurredAt.slice(0, 10)}` },
                  },
                ]
              : [],
          );
          return { ...base, candidates: await withNodeNames(await withRecorded(incentive.id, candidates)) };
        }
        return { ...base, ...(from.why ? { why: from.why } : {}), candidates: [] };
      }),
    );
    return { period: input.schemeId !== undefined ? periodOfScheme(schemeOr404(profile, input.schemeId), j.date) : leadsYear, incentives: rows };
  },
  "query",
);

const severityName = (profile: PolicyProfile, id: string) => profile.hazards.severities.find((s) => s.id === id)?.name ?? { zh: id, en: id };

type Candidate = Omit<CandidatesView["incentives"][number]["candidates"][number], "recorded">;

/** Marks the candidates already recorded (one BatchGet of their claims). */
async function withRecorded(incentiveId: string, candidates: Candidate[]): Promise<CandidatesView["incentives"][number]["candidates"]> {
  if (!candidates.length) return [];
  const tenantId = useUser().tenantId;
  const keys = candidates.map((c) => ({ tenantId, incentiveId, candidate: candidateKey(c.source, c.nodeId) }));
  const { data } = await tenantDb().service.entities.incentiveClaim.get(keys).go();
  const claimed = new Set(data.map((d) => d.candidate));
  return candidates.map((c, i) => ({ ...c, recorded: claimed.has(keys[i]!.candidate) }));
}

/** The names of the nodes the leads lie at (one BatchGet). */
async function withNodeNames<T extends { nodeId: string; nodeName: string }>(candidates: T[]): Promise<T[]> {
  if (!candidates.length) return candidates;
  const tenantId = useUser().tenantId;
  const ids = [...new Set(candidates.map((c) => c.nodeId))];
  const { data } = await tenantDb().service.entities.node.get(ids.map((nodeId) => ({ tenantId, nodeId }))).go();
  const names = new Map(data.map((n) => [n.nodeId, n.name]));
  return candidates.map((c) => ({ ...c, nodeName: names.get(c.nodeId) ?? c.nodeId }));
}
