import type { Finding } from "../compliance/index.ts";
import type { Frequency, PolicyProfile } from "../profile/index.ts";

// Scorecards as pure functions of (the scheme, each assessed node's evidence,
// the scores the assessor entered): each indicator scored 0–100, the total
// weighted by the indicators' weights, the rank among sibling nodes, and
// whether the node lags (the scheme's lagging rule). Nothing here reads a
// database or the clock.

type Scheme = PolicyProfile["assessment"]["schemes"][number];
type Indicator = Scheme["indicators"][number];
type Bilingual = { zh: string; en: string };

/** The period of a scheme whose document sets none (frequency null): a calendar year. */
export const DEFAULT_ASSESSMENT_FREQUENCY: Frequency = { every: 1, unit: "year" };

export const frequencyOf = (scheme: Scheme): Frequency => scheme.frequency ?? DEFAULT_ASSESSMENT_FREQUENCY;

/** The one indicator of a scheme that names none: the assessor's overall score. */
export function indicatorsOf(scheme: Scheme): Indicator[] {
  if (scheme.indicators.length) return scheme.indicators;
  return [
    {
      id: "overall",
      name: { zh: "综合评分", en: "Overall score" },
      weight: 100,
      sourceRef: scheme.sourceRef,
      ...(scheme.text !== undefined ? { text: scheme.text } : {}),
      assumption: { zh: "方案未列考核指标，由考核单位给出综合评分", en: "The scheme names no indicators: the assessor gives one overall score" },
    },
  ];
}

/** The levels a scheme assesses: its own, and those of the bodies it names. */
export function assessedLevelsOf(profile: PolicyProfile, scheme: Scheme): string[] {
  const ofBodies = (scheme.assessedBodies ?? []).flatMap((id) => profile.bodies.filter((b) => b.id === id).map((b) => b.level));
  return [...new Set<string>([...scheme.assessedLevels, ...ofBodies])];
}

export interface AssessedNode {
  nodeId: string;
  name: string;
  path: string;
  level: string;
  /** The parent: nodes with the same parent are ranked together. */
  parentId: string | undefined;
}

/** A subtree's hazards over the period: closes, late closes, and (while the period runs) those open and overdue now. */
export interface ClosureRecord {
  closed: number;
  late: number;
  overdueNow: number;
}

/** One coverage counter of the node's subtree (a category and one of its periods), of a period that starts within the assessment period. */
export interface CoverageRecord {
  category: string;
  period: string;
  due: number;
  inspected: number;
}

/** One of the node's own records dated in the assessment period. */
export interface RecordRecord {
  recordId: string;
  kind: string;
  date: string;
}

/** What the engine knows of one node for the period. */
export interface NodeEvidence {
  /** The node's compliance findings at the period's end (or now, while it runs). */
  findings?: readonly Finding[];
  closure?: ClosureRecord;
  /** The subtree's coverage counters of the period. */
  coverage?: readonly CoverageRecord[];
  /** The subtree's hazards open and overdue now; undefined when unknown (a period already over). */
  overdueNow?: number;
  /** The subtree's open hazards listed for supervision now; undefined when unknown (a period already over). */
  listedNow?: number;
  /** The progress of the period's campaigns over the node (its share of each). */
  campaigns?: readonly CampaignShare[];
  /** The node's own records dated in the period. */
  records?: readonly RecordRecord[];
  /** The fire incidents (火灾事故) of the node's subtree that occurred in the period (so far). */
  incidents?: readonly string[];
}

/** One campaign's target venues in a node, and how many were visited. */
export interface CampaignShare {
  campaignId: string;
  total: number;
  done: number;
}

/**
 * A node's share of campaigns (pure): a campaign over the node's area or within it counts whole; one over a
 * wider area counts the row of the branch the node is (a child of the area); a node deeper than that branch
 * cannot be told apart from its branch and is left out of that campaign.
 */
export function campaignShares(nodePath: string, campaigns: readonly { campaignId: string; areaPath: string; rows: readonly { nodeId: string; total: number; done: number }[] }[]): CampaignShare[] {
  const under = (path: string, area: string) => path === area || path.startsWith(`${area}/`);
  return campaigns.flatMap((c) => {
    if (under(c.areaPath, nodePath)) return [{ campaignId: c.campaignId, total: c.rows.reduce((s, r) => s + r.total, 0), done: c.rows.reduce((s, r) => s + r.done, 0) }];
    const rest = nodePath.slice(c.areaPath.length + 1).split("/");
    if (!under(nodePath, c.areaPath) || rest.length !== 1) return [];
    const row = c.rows.find((r) => r.nodeId === rest[0]);
    return row ? [{ campaignId: c.campaignId, total: row.total, done: row.done }] : [];
  });
}

/** Where the data behind an indicator's score is listed, for the web to open. */
export type EvidenceLink =
  | { kind: "findings"; nodeId: string; ruleIds: string[] }
  | { kind: "hazards"; nodeId: string; filter: "closed" | "overdue" | "listed" }
  | { kind: "coverage"; nodeId: string; categories?: string[] }
  | { kind: "campaigns"; nodeId: string; campaignIds: string[] }
  | { kind: "records"; nodeId: string; recordKinds: string[]; recordIds: string[] }
  | { kind: "incidents"; nodeId: string; incidentIds: string[] };

/**
 * The first day of an inspection period named by its key (inspections/periods.ts):
 * `2026`, `2026-Q4`, `2026-H2`, `2026-11`, `2026-M04x2`, `2026-11-23`, `W2026-11-23`, `2026-11-23x3`, `2026-Y2`.
 */
export function periodKeyStart(key: string): string | undefined {
  const k = key.startsWith("W") ? key.slice(1) : key;
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(k);
  if (day) return day[1];
  const m = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])|M(\d{2})x\d+|Y\d+))?$/.exec(k);
  if (!m) return undefined;
  const [, year, month, quarter, half, months] = m;
  const first = month ?? months ?? (quarter ? String((Number(quarter) - 1) * 3 + 1).padStart(2, "0") : half ? (half === "1" ? "01" : "07") : "01");
  return `${year}-${first}-01`;
}

export interface EnteredScore {
  nodeId: string;
  indicatorId: string;
  score: number;
  note: string;
  enteredBy: string;
  enteredByName?: string | undefined;
  enteredAt: string;
  /** Files the assessor attached (keys under the tenant's prefix). */
  attachments?: string[] | undefined;
}

export type Method = "compliance" | "hazard_closure_on_time" | "inspection_coverage" | "hazard_overdue" | "hazard_listed" | "campaign_progress" | "records" | "incidents" | "manual";

export interface IndicatorScore {
  indicatorId: string;
  name: Bilingual;
  weight: number;
  method: Method;
  /** The engine's score, for an indicator that measures data; null when there is nothing to judge. */
  computed: number | null;
  evidence?: Bilingual;
  /** Rules counted against it (compliance). */
  failing?: string[];
  /** Where the data behind the score is listed. */
  link?: EvidenceLink;
  /** The assessor's score: the score of a manual indicator, or an override of a computed one. */
  entered?: Omit<EnteredScore, "nodeId" | "indicatorId">;
  /** The score counted: entered, else computed. */
  score: number | null;
  sourceRef: string | null;
  text: string;
}

export interface Scorecard {
  nodeId: string;
  name: string;
  path: string;
  parentId: string | undefined;
  indicators: IndicatorScore[];
  /** Weighted over the indicators scored; null when none is. */
  total: number | null;
  scoredWeight: number;
  totalWeight: number;
  /** Every indicator has a score. */
  complete: boolean;
  /** Among the scored siblings (same parent), 1 = best; ties share a rank. */
  rank: number | null;
  /** Siblings ranked (this node included). */
  ranked: number;
  lagging: boolean;
  laggingReasons: ("bottom" | "below_score")[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const areaOf = (ruleId: string) => ruleId.split(".")[0]!;

interface Computed {
  computed: number | null;
  evidence: Bilingual;
  failing?: string[];
  link?: EvidenceLink;
}

function complianceScore(profile: PolicyProfile, measure: { areas: readonly string[]; obligationKinds?: readonly string[] | undefined }, findings: readonly Finding[]): Computed {
  const kindOf = (ruleId: string) => profile.obligations.find((o) => o.id === ruleId.split(".")[1])?.kind;
  const counted = findings.filter((f) => {
    const area = areaOf(f.ruleId);
    if (!measure.areas.includes(area)) return false;
    return area !== "obligation" || measure.obligationKinds === undefined || measure.obligationKinds.includes(kindOf(f.ruleId) ?? "");
  });
  const judged = counted.filter((f) => f.status !== "not_applicable");
  if (!judged.length) {
    return { computed: null, evidence: { zh: `无可判定的检查项（${counted.length} 项文件未规定周期或不适用）`, en: `nothing to judge (${counted.length} rule(s) without a period or not applicable)` }, failing: [] };
  }
  const failing = judged.filter((f) => f.status !== "met").map((f) => (f.subjectId ? `${f.ruleId}@${f.subjectId}` : f.ruleId));
  const met = judged.length - failing.length;
  return {
    computed: round1((met / judged.length) * 100),
    evidence: { zh: `合规检查达标 ${met}/${judged.length} 项`, en: `${met} of ${judged.length} compliance rules met` },
    failing,
  };
}

type Measure = NonNullable<Indicator["measures"]>;

/** Σ min(inspected, due) / Σ due × 100 over the period's coverage counters (of the named categories). */
export function coverageScore(measure: Extract<Measure, { kind: "inspection_coverage" }>, rows: readonly CoverageRecord[] | undefined): Computed {
  if (!rows) return { computed: null, evidence: { zh: "无检查覆盖统计", en: "no coverage counts" } };
  const counted = rows.filter((r) => !measure.categories || measure.categories.includes(r.category));
  const due = counted.reduce((sum, r) => sum + Math.max(0, r.due), 0);
  const covered = counted.reduce((sum, r) => sum + Math.max(0, Math.min(r.inspected, r.due)), 0);
  if (!due) return { computed: null, evidence: { zh: "本期无应检场所", en: "no venue due for inspection in the period" } };
  return {
    computed: round1((covered / due) * 100),
    evidence: { zh: `本期应检 ${due} 家次，已检 ${covered} 家次`, en: `${covered} of ${due} venue inspections due in the period done` },
  };
}

/** 100 − deductPerHazard × the hazards open and overdue now, not below 0. */
export function overdueScore(measure: Extract<Measure, { kind: "hazard_overdue" }>, overdueNow: number | undefined): Computed {
  if (overdueNow === undefined) return { computed: null, evidence: { zh: "考核期已结束，逾期数只在考核期内统计", en: "the period is over: overdue counts are known only while it runs" } };
  return {
    computed: round1(Math.max(0, 100 - measure.deductPerHazard * overdueNow)),
    evidence: { zh: `逾期未整改隐患 ${overdueNow} 件，每件扣 ${measure.deductPerHazard} 分`, en: `${overdueNow} hazard(s) open and overdue, ${measure.deductPerHazard} off each` },
  };
}

/** 100 − deductPerHazard × the open hazards listed for supervision now, not below 0. */
export function listedScore(measure: Extract<Measure, { kind: "hazard_listed" }>, listedNow: number | undefined): Computed {
  if (listedNow === undefined) return { computed: null, evidence: { zh: "考核期已结束，挂牌督办数只在考核期内统计", en: "the period is over: listed counts are known only while it runs" } };
  return {
    computed: round1(Math.max(0, 100 - measure.deductPerHazard * listedNow)),
    evidence: { zh: `挂牌督办隐患 ${listedNow} 件，每件扣 ${measure.deductPerHazard} 分`, en: `${listedNow} hazard(s) listed for supervision, ${measure.deductPerHazard} off each` },
  };
}

/** 100 − deductPerIncident × the subtree's fire incidents of the period, not below 0. */
export function incidentsScore(measure: Extract<Measure, { kind: "incidents" }>, incidentIds: readonly string[] | undefined): Computed {
  if (incidentIds === undefined) return { computed: null, evidence: { zh: "无火灾事故统计", en: "no incident counts" } };
  const count = incidentIds.length;
  return {
    computed: round1(Math.max(0, 100 - measure.deductPerIncident * count)),
    evidence: { zh: `本期辖区火灾事故 ${count} 起，每起扣 ${measure.deductPerIncident} 分`, en: `${count} fire incident(s) in the area in the period, ${measure.deductPerIncident} off each` },
  };
}

/** Σ done / Σ total × 100 over the node's shares of the period's campaigns. */
export function campaignScore(shares: readonly CampaignShare[] | undefined): Computed {
  const total = (shares ?? []).reduce((s, c) => s + c.total, 0);
  const done = (shares ?? []).reduce((s, c) => s + Math.min(c.done, c.total), 0);
  if (!total) return { computed: null, evidence: { zh: "本期辖区内没有专项整治任务", en: "no campaign task in the area in the period" } };
  return {
    computed: round1((done / total) * 100),
    evidence: { zh: `本期专项整治 ${shares!.length} 项，应检 ${total} 家，已检 ${done} 家`, en: `${shares!.length} campaign(s) in the period: ${done} of ${total} target venues visited` },
  };
}

/** min(count, perPeriod) / perPeriod × 100 over the node's records of the kinds dated in the period. */
export function recordsScore(measure: Extract<Measure, { kind: "records" }>, records: readonly RecordRecord[] | undefined): Computed & { ids: string[] } {
  const counted = (records ?? []).filter((r) => (measure.recordKinds as readonly string[]).includes(r.kind));
  return {
    computed: round1((Math.min(counted.length, measure.perPeriod) / measure.perPeriod) * 100),
    evidence: { zh: `本期记录 ${counted.length} 次，应不少于 ${measure.perPeriod} 次`, en: `${counted.length} record(s) in the period, ${measure.perPeriod} expected` },
    ids: counted.map((r) => r.recordId),
  };
}

function closureScore(record: ClosureRecord | undefined): Computed {
  if (!record) return { computed: null, evidence: { zh: "无隐患统计", en: "no hazard counts" } };
  const onTime = record.closed - record.late;
  const due = record.closed + record.overdueNow;
  const overdue = record.overdueNow ? { zh: `，逾期未结 ${record.overdueNow} 件`, en: `, ${record.overdueNow} open and overdue` } : { zh: "", en: "" };
  if (!due) return { computed: null, evidence: { zh: "本期无结案或逾期的隐患", en: "no hazard closed or overdue in the period" } };
  return {
    computed: round1((onTime / due) * 100),
    evidence: { zh: `本期结案 ${record.closed} 件，其中按期 ${onTime} 件${overdue.zh}`, en: `${record.closed} closed in the period, ${onTime} by their deadline${overdue.en}` },
  };
}

/** An indicator's score from the data, with the link to the list behind it; undefined for a manual indicator. */
function measured(profile: PolicyProfile, measure: Indicator["measures"], nodeId: string, evidence: NodeEvidence): Computed | undefined {
  switch (measure?.kind) {
    case "compliance": {
      const c = complianceScore(profile, measure, evidence.findings ?? []);
      return { ...c, link: { kind: "findings", nodeId, ruleIds: c.failing ?? [] } };
    }
    case "hazard_closure_on_time":
      return { ...closureScore(evidence.closure), link: { kind: "hazards", nodeId, filter: "closed" } };
    case "inspection_coverage":
      return { ...coverageScore(measure, evidence.coverage), link: { kind: "coverage", nodeId, ...(measure.categories ? { categories: [...measure.categories] } : {}) } };
    case "hazard_overdue":
      return { ...overdueScore(measure, evidence.overdueNow), link: { kind: "hazards", nodeId, filter: "overdue" } };
    case "campaign_progress":
      return { ...campaignScore(evidence.campaigns), link: { kind: "campaigns", nodeId, campaignIds: (evidence.campaigns ?? []).map((c) => c.campaignId) } };
    case "hazard_listed":
      return { ...listedScore(measure, evidence.listedNow), link: { kind: "hazards", nodeId, filter: "listed" } };
    case "incidents":
      return { ...incidentsScore(measure, evidence.incidents), link: { kind: "incidents", nodeId, incidentIds: [...(evidence.incidents ?? [])] } };
    case "records": {
      const { ids, ...r } = recordsScore(measure, evidence.records);
      return { ...r, link: { kind: "records", nodeId, recordKinds: [...measure.recordKinds], recordIds: ids } };
    }
    default:
      return undefined;
  }
}

/** One node's card, before ranking. */
export function scoreNode(profile: PolicyProfile, scheme: Scheme, node: AssessedNode, evidence: NodeEvidence, entered: readonly EnteredScore[]): Scorecard {
  const indicators = indicatorsOf(scheme).map((indicator): IndicatorScore => {
    const measure = indicator.measures;
    const auto = measured(profile, measure, node.nodeId, evidence);
    const mine = entered.find((e) => e.nodeId === node.nodeId && e.indicatorId === indicator.id);
    const computed = auto?.computed ?? null;
    return {
      indicatorId: indicator.id,
      name: indicator.name,
      weight: indicator.weight,
      method: measure?.kind ?? "manual",
      computed,
      ...(auto?.evidence ? { evidence: auto.evidence } : {}),
      ...(auto?.failing?.length ? { failing: auto.failing } : {}),
      ...(auto?.link ? { link: auto.link } : {}),
      ...(mine
        ? { entered: { score: mine.score, note: mine.note, enteredBy: mine.enteredBy, ...(mine.enteredByName ? { enteredByName: mine.enteredByName } : {}), enteredAt: mine.enteredAt, ...(mine.attachments?.length ? { attachments: mine.attachments } : {}) } }
        : {}),
      score: mine ? mine.score : computed,
      sourceRef: indicator.sourceRef,
      text: indicator.text ?? indicator.assumption?.zh ?? "",
    };
  });
  const scored = indicators.filter((i) => i.score !== null);
  const scoredWeight = scored.reduce((sum, i) => sum + i.weight, 0);
  const totalWeight = indicators.reduce((sum, i) => sum + i.weight, 0);
  const total = scoredWeight > 0 ? round1(scored.reduce((sum, i) => sum + i.weight * i.score!, 0) / scoredWeight) : null;
  return {
    nodeId: node.nodeId,
    name: node.name,
    path: node.path,
    parentId: node.parentId,
    indicators,
    total,
    scoredWeight,
    totalWeight,
    complete: scored.length === indicators.length,
    rank: null,
    ranked: 0,
    lagging: false,
    laggingReasons: [],
  };
}

/**
 * Ranks cards among their siblings (same parent) by total, best first (ties
 * share a rank), and flags the lagging ones: among the last `bottom` of
 * their siblings (ties with the last included; a group of `bottom` or fewer,
 * or one where all tie, has nobody behind), or with a total below
 * `belowScore`. A card without a total is neither ranked nor flagged.
 */
export function rankAndFlag(cards: readonly Scorecard[], lagging: Scheme["lagging"]): Scorecard[] {
  const groups = new Map<string, Scorecard[]>();
  for (const card of cards) if (card.total !== null) groups.set(card.parentId ?? "", [...(groups.get(card.parentId ?? "") ?? []), card]);
  return cards.map((card) => {
    if (card.total === null) return card;
    const group = groups.get(card.parentId ?? "")!;
    const rank = 1 + group.filter((c) => c.total! > card.total!).length;
    const behind = group.filter((c) => c.total! < card.total!).length;
    const reasons: Scorecard["laggingReasons"] = [];
    if (lagging?.bottom !== undefined && group.length > lagging.bottom && behind < lagging.bottom && rank > 1) reasons.push("bottom");
    if (lagging?.belowScore !== undefined && card.total < lagging.belowScore) reasons.push("below_score");
    return { ...card, rank, ranked: group.length, lagging: reasons.length > 0, laggingReasons: reasons };
  });
}

/** Every assessed node's card, ranked and flagged; in the order the nodes were given. */
export function scorecards(profile: PolicyProfile, scheme: Scheme, nodes: readonly AssessedNode[], evidence: ReadonlyMap<string, NodeEvidence>, entered: readonly EnteredScore[]): Scorecard[] {
  return rankAndFlag(
    nodes.map((node) => scoreNode(profile, scheme, node, evidence.get(node.nodeId) ?? {}, entered)),
    scheme.lagging,
  );
}
