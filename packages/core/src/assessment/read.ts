import { z } from "zod";
import { authorize, inSubtree } from "../access/index.ts";
import { evaluateNode, periodOf, recordsSince } from "../compliance/index.ts";
import { useTenant, useUser, type Actor } from "../context/actor.ts";
import { allPages } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { addDays, closureRecord, endOfLocalDate, listedUnder, localDate, startOfLocalDay, subtreeCounters } from "../hazards/index.ts";
import { incidentsBetween } from "../incidents/index.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { readNodeView, toOrgData } from "../organisation/index.ts";
import { profileAt, type PolicyProfile } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { mayAssess } from "./assessor.ts";
import { campaignsBetween } from "../campaigns/index.ts";
import { assessedLevelsOf, campaignShares, frequencyOf, indicatorsOf, periodKeyStart, scorecards, type AssessedNode, type NodeEvidence, type Scorecard } from "./scorecard.ts";
import { subtreeCoverage } from "../inspections/index.ts";
import { closedSheet, isAdminOfTree, sheetOf, type Sheet } from "./snapshot.ts";
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

/**
 * What the engine knows of each node for the period, as the scheme's indicators need it: findings and
 * the node's own records (one Query of the node's view), the subtree's hazard counters (one Query) and
 * its coverage counters (one Query), eight nodes at a time.
 */
async function evidenceOf(profile: PolicyProfile, scheme: Scheme, nodes: readonly AssessedNode[], at: { now: Date; timeZone: string; day: string; period: Period; running: boolean }) {
  const measures = indicatorsOf(scheme).map((i) => i.measures?.kind);
  const needFindings = measures.includes("compliance");
  const needRecords = measures.includes("records");
  const needCounters = measures.includes("hazard_closure_on_time") || measures.includes("hazard_overdue");
  const needCoverage = measures.includes("inspection_coverage");
  const needListed = measures.includes("hazard_listed") && at.running;
  const needIncidents = measures.includes("incidents");
  const periodFrom = startOfLocalDay(at.period.start, at.timeZone).toISOString();
  // The period's campaigns are read once for every node (few per year).
  const campaigns = measures.includes("campaign_progress") ? await campaignsBetween(at.period.start, at.day) : undefined;
  const since = recordsSince(profile, at.day);
  const readFrom = needRecords && at.period.start < since ? at.period.start : since;
  const inPeriod = (date: string | undefined) => date !== undefined && date >= at.period.start && date <= at.period.end;
  const evidence = new Map<string, NodeEvidence>();
  for (let i = 0; i < nodes.length; i += PARALLEL_READS) {
    await Promise.all(
      nodes.slice(i, i + PARALLEL_READS).map(async (n) => {
        const [view, counters, coverage, listedNow, incidents] = await Promise.all([
          needFindings || needRecords ? readNodeView(n.nodeId, readFrom) : undefined,
          needCounters ? subtreeCounters(n.nodeId) : undefined,
          needCoverage ? subtreeCoverage(n.nodeId) : undefined,
          needListed ? listedUnder(n.path) : undefined,
          needIncidents ? incidentsBetween(n.path, periodFrom, at.now.toISOString()) : undefined,
        ]);
        const findings =
          needFindings && view
            ? view.node
              ? evaluateNode(profile, toOrgData({ ...view, node: view.node, records: view.records.filter((r) => r.date >= since), attendance: view.attendance.filter((a) => a.date >= since) }), { now: at.now, timeZone: at.timeZone })
              : []
            : undefined;
        const records = needRecords && view ? view.records.filter((r) => inPeriod(r.date) && r.date <= at.day).map((r) => ({ recordId: r.recordId, kind: r.kind, date: r.date })) : undefined;
        const closure = counters ? closureRecord(counters, at.period.start.slice(0, 7), at.period.end.slice(0, 7)) : undefined;
        evidence.set(n.nodeId, {
          ...(findings ? { findings } : {}),
          // The overdue now count only says something of a period still running.
          ...(closure ? { closure: at.running ? closure : { ...closure, overdueNow: 0 } } : {}),
          ...(closure && at.running ? { overdueNow: closure.overdueNow } : {}),
          ...(records ? { records } : {}),
          ...(listedNow !== undefined ? { listedNow } : {}),
          ...(incidents ? { incidents: incidents.map((i) => i.incidentId) } : {}),
          ...(campaigns ? { campaigns: campaignShares(n.path, campaigns) } : {}),
          ...(coverage ? { coverage: coverage.filter((c) => inPeriod(periodKeyStart(c.period))) } : {}),
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

/**
 * The sheet of a scheme's period for the assessed nodes under `path`: the closed period's snapshot
 * when it was closed (later data does not change it), else computed now.
 */
export async function currentSheet(schemeId: string, date: string | undefined, path: string, datePath = "query.period"): Promise<Sheet> {
  const closed = await closedSheet(schemeId, date, datePath);
  if (closed) return { ...closed, cards: closed.cards.filter((c) => inSubtree(path, c.path)) };
  return sheetOf(await computeScorecards(schemeId, date, path, datePath));
}

/** A scheme's scorecards for a period: each assessed node's indicators, total, rank among siblings and whether it lags. */
export const getScorecards = useCase(
  ScorecardsInput,
  async (input, schemeId: string): Promise<ScorecardsView> => {
    const actor = useUser();
    authorize(actor, "assessment.read");
    const path = input.nodeId ? (await nodeOrNotFound(input.nodeId, { allowRetired: true })).path : actor.scopePath;
    authorize(actor, "assessment.read", { path });
    const sheet = await currentSheet(schemeId, input.period, path);
    const { profile } = await profileAt(new Date());
    return scorecardsView(actor, profile, sheet);
  },
  "query",
);

export function scorecardsView(actor: Actor, profile: PolicyProfile, sheet: Sheet): ScorecardsView {
  const scheme = profile.assessment.schemes.find((s) => s.id === sheet.schemeId);
  const { indicators: _i, closed, ...rest } = sheet;
  return {
    ...rest,
    ...(closed ? { closed } : {}),
    mayClose: !closed && scheme !== undefined && isAdminOfTree(actor, profile, scheme),
    cards: [...sheet.cards]
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map((card) => ({ ...card, mayScore: !closed && scheme !== undefined && mayAssess(actor, profile, scheme, card.path) })),
  };
}
