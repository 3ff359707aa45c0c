import { z } from "zod";
import { authorize, inSubtree } from "../access/index.ts";
import { evaluateNode, periodOf, recordsSince } from "../compliance/index.ts";
import { useTenant, useUser, type Actor } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { addDays, closureRecord, endOfLocalDate, localDate, subtreeCounters } from "../hazards/index.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { readNodeView, toOrgData } from "../organisation/index.ts";
import { profileAt, type PolicyProfile } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { mayAssess } from "./assessor.ts";
import { assessedLevelsOf, frequencyOf, indicatorsOf, scorecards, type AssessedNode, type NodeEvidence, type Scorecard } from "./scorecard.ts";
import type { ScorecardsView } from "./views.ts";

// Scorecards are computed on read, like compliance findings: a pure function
// of the profile in effect at the period's end, each assessed node's data
// then (its findings, its subtree's hazard counters) and the scores the
// assessor entered. Nothing is stored but the entered scores.

export type Scheme = PolicyProfile["assessment"]["schemes"][number];

const PARALLEL_READS = 8;

/** A calendar date, YYYY-MM-DD. */
export const DateOnly = z.iso.date();

export interface Period {
  start: string;
  /** Last day, inclusive. */
  end: string;
}

/** The scheme's period that holds `date` (calendar-aligned; a scheme without a frequency: the year). */
export function periodOfScheme(scheme: Scheme, date: string): Period {
  const { start, end } = periodOf(frequencyOf(scheme), date);
  return { start, end: addDays(end, -1) };
}

export function schemeOr404(profile: PolicyProfile, schemeId: string): Scheme {
  const scheme = profile.assessment.schemes.find((s) => s.id === schemeId);
  if (!scheme) throw new AppError("not_found", "assessment.scheme_not_found", { schemeId });
  return scheme;
}

/** Today in the tenant's calendar, and the profile and instant a period is judged at: its last moment, or now while it runs. */
export async function judgement(date: string | undefined, path: string) {
  const now = new Date();
  const timeZone = await tenantTimeZone();
  const today = localDate(now, timeZone);
  if (date !== undefined && date > today) throw invalid(path, "assessment.period_future", "不能查看或评定尚未开始的考核期", "That period has not begun");
  return { now, timeZone, today, date: date ?? today };
}

/** The active nodes at these levels under a path (one Query of the tree, levels as a filter). */
async function nodesAt(path: string, levels: readonly string[]) {
  if (!levels.length) return [];
  const { node } = tenantDb().service.entities;
  const rows = await allPages((cursor) =>
    node.query
      .bySubtree({ tenantId: useTenant() })
      .begins({ path })
      .where((a, op) => levels.map((level) => op.eq(a.level, level)).join(" OR "))
      .go({ cursor, limit: 500 }),
  );
  return rows.filter((n) => n.status === "active" && inSubtree(path, n.path));
}

const toAssessed = (n: { nodeId: string; name: string; path: string; level: string; parentId?: string | undefined }): AssessedNode => ({ nodeId: n.nodeId, name: n.name, path: n.path, level: n.level, parentId: n.parentId });

const parentPathOf = (path: string) => path.slice(0, path.lastIndexOf("/"));

/** What the engine knows of each node for the period: findings and hazard counters, as the scheme's indicators need them. */
async function evidenceOf(profile: PolicyProfile, scheme: Scheme, nodes: readonly AssessedNode[], at: { now: Date; timeZone: string; day: string; period: Period; running: boolean }) {
  const measures = indicatorsOf(scheme).map((i) => i.measures?.kind);
  const needFindings = measures.includes("compliance");
  const needClosure = measures.includes("hazard_closure_on_time");
  const since = recordsSince(profile, at.day);
  const evidence = new Map<string, NodeEvidence>();
  for (let i = 0; i < nodes.length; i += PARALLEL_READS) {
    await Promise.all(
      nodes.slice(i, i + PARALLEL_READS).map(async (n) => {
        const [findings, counters] = await Promise.all([
          needFindings
            ? readNodeView(n.nodeId, since).then((view) => (view.node ? evaluateNode(profile, toOrgData({ ...view, node: view.node }), { now: at.now, timeZone: at.timeZone }) : []))
            : undefined,
          needClosure ? subtreeCounters(n.nodeId) : undefined,
        ]);
        const closure = counters ? closureRecord(counters, at.period.start.slice(0, 7), at.period.end.slice(0, 7)) : undefined;
        evidence.set(n.nodeId, {
          ...(findings ? { findings } : {}),
          // The overdue now count only says something of a period still running.
          ...(closure ? { closure: at.running ? closure : { ...closure, overdueNow: 0 } } : {}),
        });
      }),
    );
  }
  return evidence;
}

export interface Computed {
  scheme: Scheme;
  /** The profile version in effect at the instant judged. */
  profile: PolicyProfile;
  version: number;
  period: Period;
  evaluatedAt: string;
  /** The assessed nodes under the place asked for, ranked among all their siblings. */
  cards: Scorecard[];
}

/**
 * The scorecards of a scheme's period for the assessed nodes under `path`.
 * Ranks are among all siblings: where the place asked for is narrower than a
 * node's parent (an officer of one town), its siblings are judged too, and
 * only the cards under the place are answered.
 */
export async function computeScorecards(schemeId: string, date: string | undefined, path: string, datePath = "query.period"): Promise<Computed> {
  const j = await judgement(date, datePath);
  const inEffect = await profileAt(j.now);
  const period = periodOfScheme(schemeOr404(inEffect.profile, schemeId), j.date);
  const running = period.end >= j.today;
  const day = running ? j.today : period.end;
  const at = running ? j.now : endOfLocalDate(period.end, j.timeZone);
  const { version, profile } = running ? inEffect : await profileAt(at);
  const scheme = schemeOr404(profile, schemeId);
  const levels = assessedLevelsOf(profile, scheme);
  const under = (await nodesAt(path, levels)).map(toAssessed);
  // Siblings outside the place asked for, so that a rank is among all of them.
  const outside = [...new Set(under.map((n) => parentPathOf(n.path)).filter((p) => p !== "" && !inSubtree(path, p)))];
  const siblings = (await Promise.all(outside.map((p) => nodesAt(p, levels)))).flat().map(toAssessed).filter((n) => !under.some((u) => u.nodeId === n.nodeId) && outside.includes(parentPathOf(n.path)));
  const all = [...under, ...siblings];
  const [evidence, { data: entered }] = await Promise.all([
    evidenceOf(profile, scheme, all, { now: at, timeZone: j.timeZone, day, period, running }),
    tenantDb().service.entities.assessmentScore.query.byPeriod({ tenantId: useTenant(), schemeId, period: period.start }).go({ pages: "all" }),
  ]);
  const cards = scorecards(profile, scheme, all, evidence, entered).filter((c) => under.some((u) => u.nodeId === c.nodeId));
  return { scheme, profile, version, period, evaluatedAt: at.toISOString(), cards };
}

export const ScorecardsInput = z.object({
  period: DateOnly.optional().meta({ description: "Any day of the period (default today): the scheme's period that holds it" }),
  nodeId: z.string().min(1).max(64).optional().meta({ description: "The assessed nodes under this node (default: the caller's scope)" }),
});

/** A scheme's scorecards for a period: each assessed node's indicators, total, rank among siblings and whether it lags. */
export const getScorecards = useCase(
  ScorecardsInput,
  async (input, schemeId: string): Promise<ScorecardsView> => {
    const actor = useUser();
    authorize(actor, "assessment.read");
    const path = input.nodeId ? (await nodeOrNotFound(input.nodeId, { allowRetired: true })).path : actor.scopePath;
    authorize(actor, "assessment.read", { path });
    const computed = await computeScorecards(schemeId, input.period, path);
    return view(actor, computed);
  },
  "query",
);

function view(actor: Actor, computed: Computed): ScorecardsView {
  const { scheme, profile } = computed;
  const lagging = scheme.lagging;
  return {
    schemeId: scheme.id,
    name: scheme.name,
    period: computed.period,
    evaluatedAt: computed.evaluatedAt,
    profileVersion: computed.version,
    lagging: lagging
      ? { ...(lagging.bottom !== undefined ? { bottom: lagging.bottom } : {}), ...(lagging.belowScore !== undefined ? { belowScore: lagging.belowScore } : {}), sourceRef: lagging.sourceRef, text: lagging.text ?? lagging.assumption?.zh ?? "" }
      : null,
    cards: computed.cards
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map(({ parentId, ...card }) => ({ ...card, ...(parentId ? { parentId } : {}), mayScore: mayAssess(actor, profile, scheme, card.path) })),
  };
}
