import type { Frequency, PolicyProfile } from "../../profile/index.ts";
import { depthOf, finding, frequencyText, list } from "../finding.ts";
import { addDays, daysBetween, periodOf, previousPeriod, rollingEnd, type Period } from "../periods.ts";
import type { Bilingual, Finding, OrgData, PersonFacts, Severity, Status } from "../types.ts";
import { dueSoonDays, meaningOf } from "../../profile/index.ts";

// Recurring obligations (profile.obligations): meetings, drills, publicity …
// counted per node over the periods of their frequency; trainings that cover
// roles counted per person (每人每年至少1次). A rule without a frequency
// (定期, 常态化 with no period taken) cannot be judged: not applicable, with
// what was recorded.
//
// Calendar periods (the default; profile `periods`): each subject (the node,
// a person) is judged on the current period and the one before it:
// - done in the current period: met;
// - not done, and the previous period ended with nothing recorded: overdue
//   (a period was missed, and the obligation stays overdue until it is done
//   again); a previous period the subject was not there for (it ended before
//   the node was recorded, or, for a person, before they were hired) is not
//   held against it;
// - not done, the previous period done (or not held): due soon in the last
//   DUE_SOON_DAYS of the current period, before that unmet (still to do, low
//   severity: nothing has been missed yet).
// Rolling periods: met while the last record is within one period of today;
// due soon when that period runs out within DUE_SOON_DAYS; overdue once it
// has (or when nothing was recorded at all, unless the subject is newer than
// one period: then it is still to do, as above).
// Severities rise with the urgency: unmet low, due soon medium, overdue high.
//
// Events (入职必训、转岗轮训): a covered person hired or moved to a new post
// (the latest of the two, within the records read) is to have a training of
// the obligation dated on or after it, within the obligation's
// eventWindowDays (default EVENT_WINDOW_DAYS): a second finding,
// `<rule>.events`: overdue past the window, due soon in its last
// DUE_SOON_DAYS, met when everyone hired or moved has been trained.
//
// Targets (the 五进 audiences …): each target is a subject of its own, met
// by records that name it; the finding says which targets are not yet (or
// were not) reached. Occasions (campaign days and months, dated in the
// profile): a second finding, `<rule>.occasions`, over the occasions that
// fall in the current period: one has its record when a record of the
// obligation is dated within it (the day; the month) or names it as its
// campaign; an occasion that has passed without one is overdue, one ending
// within DUE_SOON_DAYS is due soon, one still ahead is to do (unmet).

type Obligation = PolicyProfile["obligations"][number];

/** A record fulfils the obligation it names; one naming none counts for every obligation of its kind. */
const fulfils = (ob: Obligation) => (r: { kind: string; obligationId?: string | undefined }) => (r.obligationId !== undefined ? r.obligationId === ob.id : r.kind === ob.kind);

const SEVERITY: Record<Status, Severity> = { met: "info", unmet: "low", due_soon: "medium", overdue: "high", not_applicable: "info" };
const RANK: Record<Status, number> = { not_applicable: 0, met: 1, unmet: 2, due_soon: 3, overdue: 4 };
const worst = (statuses: readonly Status[]): Status => statuses.reduce<Status>((w, s) => (RANK[s] > RANK[w] ? s : w), "met");

const lastDay = (p: Period) => addDays(p.end, -1);
const span = (p: Period): Bilingual => ({ zh: `${p.start} 至 ${lastDay(p)}`, en: `${p.start} to ${lastDay(p)}` });

/** How one subject stands: the status, and the periods it was judged on. */
interface Standing {
  status: Status;
  /** The period done or to do (rolling: the one running out). */
  current: Period;
  /** The calendar period missed, when that is why it is overdue. */
  missed?: Period;
}

/**
 * Judges one subject from the dates it was done on. `heldFrom`: the day the
 * subject came to be (node recorded, person hired); periods that ended
 * before it are not held against it.
 */
function standing(frequency: Frequency, mode: "calendar" | "rolling", dates: readonly string[], today: string, soon: number, heldFrom?: string): Standing {
  const DUE_SOON_DAYS = soon;
  // N times per period (每月两次): a period counts as done with N records in it.
  const times = frequency.times ?? 1;
  const done = dates.filter((d) => d <= today);
  if (mode === "rolling") {
    const window = periodOf(frequency, today, "rolling");
    // The N-th latest record: the run it opened lasts while N records fall within one period.
    const last = [...done].sort().reverse()[times - 1];
    if (last !== undefined && last >= window.start) {
      const current = { start: last, end: rollingEnd(frequency, last) };
      return { status: daysBetween(today, lastDay(current)) <= DUE_SOON_DAYS ? "due_soon" : "met", current };
    }
    if (heldFrom !== undefined && heldFrom > window.start) {
      const current = { start: heldFrom, end: rollingEnd(frequency, heldFrom) };
      return { status: daysBetween(today, lastDay(current)) <= DUE_SOON_DAYS ? "due_soon" : "unmet", current };
    }
    return { status: "overdue", current: window };
  }
  const current = periodOf(frequency, today);
  if (done.filter((d) => d >= current.start).length >= times) return { status: "met", current };
  const previous = previousPeriod(frequency, current);
  const held = heldFrom === undefined || heldFrom <= previous.start;
  if (held && done.filter((d) => d >= previous.start && d < previous.end).length < times) return { status: "overdue", current, missed: previous };
  return { status: daysBetween(today, lastDay(current)) <= DUE_SOON_DAYS ? "due_soon" : "unmet", current };
}

/** What a status adds to the evidence: the period missed, or the days left. */
function note(s: Standing, today: string): Bilingual {
  if (s.status === "overdue" && s.missed) return { zh: `；上一周期（${span(s.missed).zh}）未完成`, en: `; the previous period (${span(s.missed).en}) was missed` };
  if (s.status === "overdue") return { zh: `；已超过一个周期未完成`, en: `; not done for over a period` };
  if (s.status === "due_soon") {
    const left = daysBetween(today, lastDay(s.current));
    return { zh: `；本周期 ${lastDay(s.current)} 截止，还剩 ${left} 天`, en: `; this period ends ${lastDay(s.current)}, ${left} days left` };
  }
  return { zh: "", en: "" };
}

const modeOf = (ob: Obligation) => ob.periods ?? "calendar";

/** "once", "twice", "3 times": how often a period asks for it. */
const timesEn = (f: Frequency) => ((f.times ?? 1) === 1 ? "once" : (f.times ?? 1) === 2 ? "twice" : `${f.times} times`);

/** The earliest date a judgement at `today` reads records from, for an obligation with a frequency. */
export function obligationSince(ob: Obligation, today: string): string | undefined {
  if (!ob.frequency) return undefined;
  if (modeOf(ob) === "rolling") return periodOf(ob.frequency, today, "rolling").start;
  return previousPeriod(ob.frequency, periodOf(ob.frequency, today)).start;
}

/** The window of an event-triggered training when the profile gives none (a version from before it could). */
export const EVENT_WINDOW_DAYS = 30;

const EVENT_NAMES = { hire: { zh: "入职", en: "hired" }, job_change: { zh: "转岗", en: "moved" } } as const;

/** Everyone hired or moved to a new post since `since` trained after it, within the window. */
function onEvents(data: OrgData, ob: Obligation, covered: readonly PersonFacts[], today: string, since: string, DUE_SOON_DAYS: number): Finding {
  const window = ob.eventWindowDays?.value ?? EVENT_WINDOW_DAYS;
  const dateOf = { hire: (p: PersonFacts) => p.hiredOn, job_change: (p: PersonFacts) => p.jobChangedOn };
  const judged = covered.flatMap((p) => {
    const events = (ob.events ?? []).flatMap((kind) => {
      const on = dateOf[kind](p);
      return on !== undefined && on >= since && on <= today ? [{ kind, on }] : [];
    });
    const event = events.sort((a, b) => (a.on < b.on ? 1 : -1))[0];
    if (!event) return [];
    const trained = data.attendance.some((a) => a.personId === p.personId && fulfils(ob)(a) && a.date >= event.on && a.date <= today);
    const due = addDays(event.on, window);
    const left = daysBetween(today, due);
    const status: Status = trained ? "met" : left < 0 ? "overdue" : left <= DUE_SOON_DAYS ? "due_soon" : "unmet";
    return [{ person: p, event, due, left, status }];
  });
  const status = worst(judged.map((j) => j.status));
  const pending = judged.filter((j) => j.status !== "met");
  const head: Bilingual = {
    zh: `${ob.name.zh}（入职、转岗后 ${window} 天内培训）：${since} 起入职或转岗 ${judged.length} 人`,
    en: `${ob.name.en} (training within ${window} days of hire or change of post): ${judged.length} hired or moved since ${since}`,
  };
  if (!pending.length) {
    return finding(data.node, `obligation.${ob.id}.events`, ob, status, { zh: `${head.zh}${judged.length ? "，均已培训" : ""}`, en: `${head.en}${judged.length ? ", all trained" : ""}` }, { severity: SEVERITY[status] });
  }
  const shown = pending.slice(0, 5);
  const more = pending.length - shown.length;
  const zh = shown.map((j) => `${j.person.name}（${j.event.on} ${EVENT_NAMES[j.event.kind].zh}，${j.left < 0 ? `期限 ${j.due}，已逾期 ${-j.left} 天` : `${j.due} 前`}）`).join("、");
  const en = shown.map((j) => `${j.person.name} (${EVENT_NAMES[j.event.kind].en} ${j.event.on}, ${j.left < 0 ? `due ${j.due}, ${-j.left} days overdue` : `due ${j.due}`})`).join(", ");
  return finding(data.node, `obligation.${ob.id}.events`, ob, status, {
    zh: `${head.zh}，未培训 ${pending.length} 人：${zh}${more > 0 ? ` 等` : ""}`,
    en: `${head.en}; ${pending.length} not trained: ${en}${more > 0 ? ` and ${more} more` : ""}`,
  }, { severity: SEVERITY[status] });
}

function perPerson(profile: PolicyProfile, data: OrgData, ob: Obligation, today: string, since: string): Finding[] {
  const lowest = Math.min(...ob.levels.map((level) => depthOf(profile, level)).filter((d) => d >= 0));
  if (depthOf(profile, data.node.level) < lowest) return [];
  const covered = data.people.filter((p) => p.roles.some((role) => ob.covers.includes(role)));
  if (!covered.length) return [];
  const soon = dueSoonDays(profile).value;
  const events = ob.events?.length ? [onEvents(data, ob, covered, today, since, soon)] : [];
  return [periodic(data, ob, covered, today, since, soon), ...events];
}

function periodic(data: OrgData, ob: Obligation, covered: readonly PersonFacts[], today: string, since: string, soon: number): Finding {
  const ruleId = `obligation.${ob.id}`;
  const datesOf = (personId: string) => data.attendance.filter((a) => a.personId === personId && fulfils(ob)(a)).map((a) => a.date);
  if (ob.frequency === null) {
    const trained = covered.filter((p) => datesOf(p.personId).some((d) => d >= since && d <= today));
    return finding(data.node, ruleId, ob, "not_applicable", {
      zh: `文件未规定频次；应参训 ${covered.length} 人，${since} 起参训 ${trained.length} 人`,
      en: `no frequency set; ${covered.length} people covered, ${trained.length} trained since ${since}`,
    });
  }
  const frequency = ob.frequency;
  const judged = covered.map((p) => ({ person: p, s: standing(frequency, modeOf(ob), datesOf(p.personId), today, soon, p.hiredOn ?? data.node.createdOn) }));
  const status = worst(judged.map((j) => j.s.status));
  const missing = judged.filter((j) => j.s.status !== "met");
  const every = frequencyText(frequency);
  const start = periodOf(frequency, today, modeOf(ob)).start;
  if (!missing.length) {
    return finding(data.node, ruleId, ob, status, {
      zh: `${ob.name.zh}：应参训 ${covered.length} 人，${start} 起均已参训（要求${every.zh}至少 ${frequency.times ?? 1} 次）`,
      en: `${ob.name.en}: all ${covered.length} covered people trained since ${start} (required at least ${timesEn(frequency)} ${every.en})`,
    }, { severity: SEVERITY[status] });
  }
  const who = list(missing.map((j) => j.person.name));
  const lead = judged.find((j) => j.s.status === status)!.s;
  const more = note(lead, today);
  return finding(data.node, ruleId, ob, status, {
    zh: `${ob.name.zh}：应参训 ${covered.length} 人，${start} 起已参训 ${covered.length - missing.length} 人；未参训：${who.zh}（要求${every.zh}至少 ${frequency.times ?? 1} 次）${more.zh}`,
    en: `${ob.name.en}: ${covered.length - missing.length} of ${covered.length} covered people trained since ${start}; not yet: ${who.en} (required at least ${timesEn(frequency)} ${every.en})${more.en}`,
  }, { severity: SEVERITY[status] });
}

/** Each target reached in the period: one subject per target, the records naming it. */
function perTarget(data: OrgData, ob: Obligation, frequency: Frequency, targets: readonly string[], today: string, soon: number): Finding {
  const records = data.records.filter((r) => fulfils(ob)(r) && r.date <= today);
  const judged = targets.map((target) => ({ target, s: standing(frequency, modeOf(ob), records.filter((r) => r.target?.trim() === target).map((r) => r.date), today, soon, data.node.createdOn) }));
  const status = worst(judged.map((j) => j.s.status));
  const start = periodOf(frequency, today, modeOf(ob)).start;
  const reached = judged.filter((j) => j.s.status === "met").map((j) => j.target);
  const missing = judged.filter((j) => j.s.status !== "met").map((j) => j.target);
  const unnamed = records.filter((r) => r.date >= start && !targets.includes(r.target?.trim() ?? "")).length;
  const every = frequencyText(frequency);
  const more = missing.length ? note(judged.find((j) => j.s.status === status)!.s, today) : { zh: "", en: "" };
  const aside: Bilingual = unnamed ? { zh: `；另有 ${unnamed} 次未注明对象，不计入`, en: `; ${unnamed} more name no target and do not count` } : { zh: "", en: "" };
  return finding(data.node, `obligation.${ob.id}`, ob, status, {
    zh: `${ob.name.zh}：${start} 起已覆盖 ${reached.length}/${targets.length} 个对象${missing.length ? `，未覆盖：${missing.join("、")}` : ""}（要求每个对象${every.zh}至少 ${frequency.times ?? 1} 次）${more.zh}${aside.zh}`,
    en: `${ob.name.en}: ${reached.length} of ${targets.length} targets reached since ${start}${missing.length ? `; not reached: ${missing.join(", ")}` : ""} (each required at least ${timesEn(frequency)} ${every.en})${more.en}${aside.en}`,
  }, { severity: SEVERITY[status] });
}

type Occasion = NonNullable<Obligation["occasions"]>[number];

const pad = (n: number) => String(n).padStart(2, "0");

/** The occasions' dates within a period: a day, or a whole month, in each year the period touches. */
function occasionsIn(occasions: readonly Occasion[], period: Period): { occasion: Occasion; when: Period }[] {
  const years = Array.from({ length: Number(lastDay(period).slice(0, 4)) - Number(period.start.slice(0, 4)) + 1 }, (_, i) => Number(period.start.slice(0, 4)) + i);
  return years
    .flatMap((year) =>
      occasions.map((occasion) => {
        const first = `${String(year).padStart(4, "0")}-${pad(occasion.month)}-${pad(occasion.day ?? 1)}`;
        const end = occasion.day === undefined ? (occasion.month === 12 ? `${String(year + 1).padStart(4, "0")}-01-01` : `${String(year).padStart(4, "0")}-${pad(occasion.month + 1)}-01`) : addDays(first, 1);
        return { occasion, when: { start: first, end } };
      }),
    )
    .filter((o) => o.when.start >= period.start && o.when.start < period.end)
    .sort((a, b) => (a.when.start < b.when.start ? -1 : 1));
}

const said = (o: Occasion, when: Period): Bilingual => {
  const zh = o.day === undefined ? `${Number(when.start.slice(5, 7))}月` : `${Number(when.start.slice(5, 7))}月${o.day}日`;
  return { zh: `${o.name.zh}（${zh}）`, en: `${o.name.en} (${when.start.slice(0, o.day === undefined ? 7 : 10)})` };
};

/** Each campaign occasion of the period has a record made in or for it. */
function perOccasion(data: OrgData, ob: Obligation, frequency: Frequency, occasions: readonly Occasion[], today: string, DUE_SOON_DAYS: number): Finding {
  const period = periodOf(frequency, today, modeOf(ob));
  const records = data.records.filter((r) => fulfils(ob)(r) && r.date <= today);
  const names = (o: Occasion) => [o.id, o.name.zh, o.name.en];
  const judged = occasionsIn(occasions, period).map(({ occasion, when }) => {
    const done = records.some((r) => (r.date >= when.start && r.date < when.end) || (r.campaign !== undefined && names(occasion).includes(r.campaign.trim()) && r.date >= period.start));
    const left = daysBetween(today, lastDay(when));
    const status: Status = done ? "met" : left < 0 ? "overdue" : left <= DUE_SOON_DAYS ? "due_soon" : "unmet";
    return { status, text: said(occasion, when) };
  });
  const status = judged.length ? worst(judged.map((j) => j.status)) : "not_applicable";
  const group = (s: Status[], zh: string, en: string) => {
    const items = judged.filter((j) => s.includes(j.status)).map((j) => j.text);
    return items.length ? [{ zh: `${zh}：${items.map((i) => i.zh).join("、")}`, en: `${en}: ${items.map((i) => i.en).join(", ")}` }] : [];
  };
  const parts = [...group(["met"], "已开展", "done"), ...group(["overdue"], "已过未开展", "passed without a record"), ...group(["due_soon", "unmet"], "待开展", "to come")];
  return finding(data.node, `obligation.${ob.id}.occasions`, ob, status, {
    zh: `${ob.name.zh}·活动节点（${span(period).zh}）：${parts.length ? parts.map((p) => p.zh).join("；") : "本周期无活动节点"}`,
    en: `${ob.name.en}, campaign occasions (${span(period).en}): ${parts.length ? parts.map((p) => p.en).join("; ") : "none in this period"}`,
  }, { severity: SEVERITY[status] });
}

function perNode(data: OrgData, ob: Obligation, today: string, since: string, soon: number): Finding[] {
  if (!ob.levels.includes(data.node.level as never)) return [];
  const ruleId = `obligation.${ob.id}`;
  // Work notices are also issued at meetings (工作提示): a meeting that issued n counts n times.
  const dates = [
    ...data.records.filter(fulfils(ob)).map((r) => r.date),
    ...(ob.kind === "work_notice" ? data.records.filter((r) => r.kind === "meeting").flatMap((r) => Array<string>(r.workNotices).fill(r.date)) : []),
  ];
  const countFrom = (start: string) => dates.filter((d) => d >= start && d <= today).length;
  if (ob.frequency === null) {
    return [
      finding(data.node, ruleId, ob, "not_applicable", {
        zh: `文件未规定频次；${since} 起记录 ${countFrom(since)} 次`,
        en: `no frequency set; ${countFrom(since)} recorded since ${since}`,
      }),
    ];
  }
  // A version published before occasions had dates names them only (strings): those cannot be judged.
  const dated = (ob.occasions ?? []).filter((o): o is Occasion => typeof o === "object");
  const occasions = dated.length ? [perOccasion(data, ob, ob.frequency, dated, today, soon)] : [];
  if (ob.targets?.length) return [perTarget(data, ob, ob.frequency, ob.targets, today, soon), ...occasions];
  const s = standing(ob.frequency, modeOf(ob), dates, today, soon, data.node.createdOn);
  const start = periodOf(ob.frequency, today, modeOf(ob)).start;
  const done = countFrom(start);
  const every = frequencyText(ob.frequency);
  const more = note(s, today);
  return [
    finding(data.node, ruleId, ob, s.status, {
      zh: `${ob.name.zh}：${start} 起 ${done} 次，要求${every.zh}至少 ${ob.frequency.times ?? 1} 次${more.zh}`,
      en: `${ob.name.en}: ${done} since ${start}, required at least ${timesEn(ob.frequency)} ${every.en}${more.en}`,
    }, { severity: SEVERITY[s.status] }),
    ...occasions,
    ...(ob.kind === "ledger_report" ? ledgerCounts(data, ob, today, since) : []),
  ];
}

const LEDGER_METRICS = { discovered: "opened", closed: "closed" } as const;
const LEDGER_NAMES = { discovered: { zh: "发现", en: "reported" }, closed: { zh: "结案", en: "closed" } } as const;

/** The months a node needs the hazard counters for: its ledger reports' (undefined: no ledger report to check). */
export function ledgerMonths(profile: PolicyProfile, data: Pick<OrgData, "node" | "records">): string[] | undefined {
  const obs = profile.obligations.filter((ob) => meaningOf(profile, "recordKinds", ob.kind) === "ledger_report" && ob.levels.includes(data.node.level as never));
  const months = data.records.filter((r) => r.ledger && obs.some((ob) => fulfils(ob)(r))).map((r) => r.ledger!.month);
  return months.length ? [...new Set(months)].sort() : undefined;
}

/**
 * A hazard ledger report (隐患台账报送) is checked against the ground truth:
 * the latest report of each month since `since` against the hazard counters
 * of the node's subtree for that month (reported in it, closed in it). A
 * report whose counts differ is unmet, naming the month and the states.
 */
function ledgerCounts(data: OrgData, ob: Obligation, today: string, since: string): Finding[] {
  const reports = data.records.filter((r) => fulfils(ob)(r) && r.ledger && r.date >= since && r.date <= today).sort((a, b) => (a.date === b.date ? (a.recordId < b.recordId ? -1 : 1) : a.date < b.date ? -1 : 1));
  if (!reports.length) return [];
  const latest = new Map(reports.map((r) => [r.ledger!.month, r.ledger!]));
  const counter = (metric: string) => (data.hazardCounters ?? []).filter((c) => c.metric === metric).reduce((sum, c) => sum + c.value, 0);
  const wrong: Bilingual[] = [];
  for (const [month, ledger] of [...latest].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const diffs = (Object.keys(LEDGER_METRICS) as (keyof typeof LEDGER_METRICS)[]).flatMap((state) => {
      const reported = ledger.counts[state];
      const actual = counter(`${LEDGER_METRICS[state]}#${month}`);
      return reported === undefined || reported === actual ? [] : [{ state, reported, actual }];
    });
    if (diffs.length) {
      wrong.push({
        zh: `${month}：${diffs.map((d) => `${LEDGER_NAMES[d.state].zh} 报 ${d.reported}、台账 ${d.actual}`).join("；")}`,
        en: `${month}: ${diffs.map((d) => `${LEDGER_NAMES[d.state].en} ${d.reported} reported, ${d.actual} in the ledger`).join("; ")}`,
      });
    }
  }
  const months = [...latest.keys()].sort();
  const ruleId = `obligation.${ob.id}.counts`;
  return [
    wrong.length
      ? finding(data.node, ruleId, ob, "unmet", {
          zh: `${ob.name.zh}：报送数与隐患台账不符——${wrong.map((w) => w.zh).join("；")}`,
          en: `${ob.name.en}: counts differ from the hazard ledger — ${wrong.map((w) => w.en).join("; ")}`,
        })
      : finding(data.node, ruleId, ob, "met", {
          zh: `${ob.name.zh}：${months.join("、")} 报送数与隐患台账一致`,
          en: `${ob.name.en}: counts for ${months.join(", ")} agree with the hazard ledger`,
        }),
  ];
}

export function obligations(profile: PolicyProfile, data: OrgData, today: string, since: string): Finding[] {
  return profile.obligations.flatMap((ob) => (ob.kind === "training" && ob.covers.length ? perPerson(profile, data, ob, today, since) : perNode(data, ob, today, since, dueSoonDays(profile).value)));
}
