import type { Role } from "../access/index.ts";
import { inSubtree } from "../access/index.ts";
import type { Condition, LevelId, PolicyProfile } from "../profile/index.ts";
import { acknowledgeHours, bodyForVenue, industryDepartmentFor, industryRuleFor, meaningOf, officerRoleAt } from "../profile/index.ts";
import { DAY_MS, endOfDayAfter, iso } from "./clock.ts";
import { isOpen, OTHER_CODE, type Basis, type EventDraft, type Handling, type Hazard, type NotificationIntent, type Recipient, type RuleActor } from "./types.ts";

// The policy profile's hazard rules as pure functions: who handles a hazard,
// its deadline, who may act for a body, and the escalations and listings that
// fire when their conditions hold. Nothing here knows a county: every answer
// comes from the profile passed in.

type Body = PolicyProfile["bodies"][number];
type Escalation = PolicyProfile["hazards"]["escalations"][number];
type ListingLevel = PolicyProfile["hazards"]["listedSupervision"][number];
type Trigger = ListingLevel["triggers"][number];
type Cited = { sourceRef: string | null; text?: string | undefined; assumption?: unknown };

/** A system default where the profile is silent, marked as such wherever it shows. */
export interface MarkedDefault {
  value: number;
  default: true;
  assumption: { zh: string; en: string };
}

/**
 * How long a department has to acknowledge (报到) a hazard reported to it.
 * The profile schema holds no such time and no document sets one.
 */
export const ACK_DAYS: MarkedDefault = {
  value: 1,
  default: true,
  assumption: {
    zh: "政策档案未规定部门报到时限，系统默认报送次日结束前报到",
    en: "The profile sets no time for a department to acknowledge; by default, by the end of the next day",
  },
};

/**
 * When an acknowledgement asked at `now` is due: within the profile's
 * acknowledgeHours, else (the marked default) by the end of the next day.
 */
export function acknowledgeBy(profile: Pick<PolicyProfile, "settings">, now: Date, timeZone: string): Date {
  const hours = acknowledgeHours(profile).value;
  return hours === null ? endOfDayAfter(now, ACK_DAYS.value, timeZone) : new Date(now.getTime() + hours * 3_600_000);
}

// ── The tree ───────────────────────────────────────────────────────────────

/** Node ids from the root down to the node itself. */
export const segments = (path: string) => path.split("/").filter(Boolean);

export function levelIndex(profile: PolicyProfile, level: string): number {
  return profile.levels.findIndex((l) => l.id === level);
}

/** The level of the node at a path: the root is at the profile's first level, each step one level down. */
export function levelOfPath(profile: PolicyProfile, path: string): LevelId | undefined {
  return profile.levels[segments(path).length - 1]?.id;
}

/** The node above (or at) a path at a level, if the path reaches that level. */
export function ancestorAt(profile: PolicyProfile, path: string, level: string): { nodeId: string; path: string } | undefined {
  const index = levelIndex(profile, level);
  const ids = segments(path);
  if (index < 0 || index >= ids.length) return undefined;
  return { nodeId: ids[index]!, path: `/${ids.slice(0, index + 1).join("/")}` };
}

// ── Bodies and the roles that act for them ─────────────────────────────────

export function bodyOf(profile: PolicyProfile, id: string | undefined): Body | undefined {
  return id === undefined ? undefined : profile.bodies.find((b) => b.id === id);
}

/** Body kinds (by their kernel meaning) whose staff answer through a department liaison, and who must acknowledge (报到) what is reported to them. */
const DEPARTMENT_KINDS = new Set(["industry_department", "fire_rescue", "police", "emergency_management"]);
const FORCE_KINDS = new Set(["brigade", "micro_station", "volunteer_team", "forestry_team"]);

/** What a body's kind means to the product (its kernel kind), whatever the county calls it. */
const kindOf = (profile: PolicyProfile, body: Body) => meaningOf(profile, "bodyKinds", body.kind) ?? "";

export const isDepartment = (profile: PolicyProfile, body: Body | undefined) => body !== undefined && DEPARTMENT_KINDS.has(kindOf(profile, body));

/** The platform roles that act for a body (or, with no body named, for the level's officers: profile/levels.ts). */
export function rolesFor(profile: PolicyProfile, handling: Handling): Role[] {
  const body = bodyOf(profile, handling.body);
  const officer = officerRoleAt(profile, handling.level) ?? "tenant_admin";
  if (!body) return [officer];
  const kind = kindOf(profile, body);
  if (kind === "emergency_management") return ["department_liaison", officer];
  if (DEPARTMENT_KINDS.has(kind)) return ["department_liaison"];
  if (FORCE_KINDS.has(kind)) return ["brigade_member"];
  return [officer];
}

/** Where a body sits, as a handling (body + its level). */
export function handlingOf(profile: PolicyProfile, bodyId: string): Handling | undefined {
  const body = bodyOf(profile, bodyId);
  return body ? { body: body.id, level: body.level } : undefined;
}

/**
 * Whether a user bound to a body (users' `bodyId`) may answer for a body: a
 * department (部门) answers only through users bound to it, or through users
 * bound to no body (accounts made before binding existed act for every
 * department at their level, as they always did). Governing bodies (offices,
 * committees, villages) are represented by their level's officers whatever
 * body those officers are bound to.
 */
export function boundTo(profile: PolicyProfile, userBodyId: string | undefined, bodyId: string | undefined): boolean {
  if (userBodyId === undefined || bodyId === undefined) return true;
  return !isDepartment(profile, bodyOf(profile, bodyId)) || userBodyId === bodyId;
}

/**
 * Whether a user acts for a body on a hazard: a role that acts for the body,
 * scoped at the body's level, at a node whose subtree holds the hazard, and
 * (for a department) bound to that department or to none. So a body at the
 * grid level is represented by the grid's own workers, not by the town above
 * it, and the housing department's liaison does not answer for education.
 */
export function represents(profile: PolicyProfile, actor: RuleActor, handling: Handling, hazardPath: string): boolean {
  if (actor.type === "system") return true;
  if (actor.type !== "user") return false;
  return (
    rolesFor(profile, handling).includes(actor.role) &&
    levelOfPath(profile, actor.scopePath) === handling.level &&
    inSubtree(actor.scopePath, hazardPath) &&
    boundTo(profile, actor.bodyId, handling.body)
  );
}

/** Officers who take in a hazard that nobody has graded yet (a resident's tip): the governing role at their own level, within their subtree. */
export function mayTakeIn(profile: PolicyProfile, actor: RuleActor, hazardPath: string): boolean {
  if (actor.type === "system") return true;
  if (actor.type !== "user") return false;
  const level = levelOfPath(profile, actor.scopePath);
  return level !== undefined && officerRoleAt(profile, level) === actor.role && inSubtree(actor.scopePath, hazardPath);
}

// ── Severities, codes and deadlines ────────────────────────────────────────

export function severityOf(profile: PolicyProfile, id: string | undefined) {
  return id === undefined ? undefined : profile.hazards.severities.find((s) => s.id === id);
}

/**
 * Who handles a hazard of a severity, per the profile (handledBy): for a
 * handler chosen by venue kind, the industry department of the hazard's
 * venue (at its own level), else the body named.
 */
export function handlingFor(profile: PolicyProfile, severity: string, venueKinds?: readonly string[]): Handling | undefined {
  const s = severityOf(profile, severity);
  if (!s) return undefined;
  const body = bodyForVenue(profile, s.handledBy, venueKinds);
  if (body === s.handledBy.body) return { body, level: s.handledBy.level };
  return { body, level: bodyOf(profile, body)?.level ?? s.handledBy.level };
}

/** The body an escalation goes to for this hazard: the industry department of its venue's kind when the rule says so. */
export function escalationTarget(profile: PolicyProfile, rule: Escalation, hazard: Pick<Hazard, "venueKinds">): string {
  return bodyForVenue(profile, { body: rule.to, byVenueKind: rule.byVenueKind }, hazard.venueKinds);
}

/** The industry rule that chose a body for this hazard, cited on the event (undefined when the named body stands). */
function industryBasis(profile: PolicyProfile, byVenueKind: boolean | undefined, hazard: Pick<Hazard, "venueKinds">): Basis | undefined {
  if (!byVenueKind) return undefined;
  const rule = industryRuleFor(profile, hazard.venueKinds);
  return rule ? basisOf(rule.id, rule) : undefined;
}

/** The joint supervisors of a listing level for this hazard (会同): its own, then its venue kind's industry department. */
export function jointlyFor(profile: PolicyProfile, level: ListingLevel, hazard: Pick<Hazard, "venueKinds">): string[] {
  const industry = level.jointlyByVenueKind ? industryDepartmentFor(profile, hazard.venueKinds) : undefined;
  return [...new Set([...(level.jointly ?? []), ...(industry ? [industry] : [])])];
}

/** The rectification deadline: the end of the local day `rectificationDays` after now. */
export function deadlineFor(profile: PolicyProfile, severity: string, now: Date, timeZone: string): string | undefined {
  const s = severityOf(profile, severity);
  return s ? iso(endOfDayAfter(now, s.rectificationDays.value, timeZone)) : undefined;
}

/** Hazard codes the profile knows: its own list and its checklists' codes; `other` always, with a text. */
export function hazardCodes(profile: PolicyProfile): string[] {
  const fromChecklists = profile.inspectionCategories.flatMap((c) => c.checklist.map((i) => i.hazardCode));
  return [...new Set([...profile.hazards.codes.map((c) => c.id), ...fromChecklists, OTHER_CODE])];
}

/** Whether the profile's workflow includes a state. */
export const inWorkflow = (profile: PolicyProfile, state: string) => (profile.hazards.workflow.states as string[]).includes(state);

/**
 * Whether a hazard of this severity may be fixed on the spot (discovered →
 * verifying → closed). The documents allow it for hazards that can be put
 * right at once or within a short time (一般隐患): read from the profile as
 * the severities with the shortest rectification period that no escalation
 * or listing picks out by severity alone, and only where the workflow has a
 * verification step to close through.
 */
export function onSpotAllowed(profile: PolicyProfile, severity: string | undefined): boolean {
  const s = severityOf(profile, severity);
  if (!s || !inWorkflow(profile, "verifying") || !inWorkflow(profile, "closed")) return false;
  const shortest = Math.min(...profile.hazards.severities.map((x) => x.rectificationDays.value));
  if (s.rectificationDays.value !== shortest) return false;
  const bySeverity = (when: Condition[]) => when.some((c) => c.kind === "severity" && c.severities.includes(s.id));
  const escalated = profile.hazards.escalations.some((e) => bySeverity(e.when));
  const listed = profile.hazards.listedSupervision.some((l) => l.triggers.some((t) => bySeverity(t.when)));
  return !escalated && !listed;
}

// ── Conditions ─────────────────────────────────────────────────────────────

/**
 * N occurrences within M days: some M-day window holds N of them. Checked
 * at each new occurrence, so it is the window that ends at one of them.
 */
export function recurs(occurrences: readonly string[], times: number, withinDays: number): boolean {
  const instants = occurrences.map((o) => Date.parse(o)).sort((a, b) => a - b);
  for (let i = 0; i < instants.length; i++) {
    const from = instants[i]! - withinDays * DAY_MS;
    if (instants.slice(0, i + 1).filter((t) => t >= from).length >= times) return true;
  }
  return false;
}

/** Whether a condition holds of a hazard at an instant. */
export function holds(condition: Condition, hazard: Hazard, now: Date): boolean {
  switch (condition.kind) {
    case "severity":
      return hazard.severity !== undefined && condition.severities.includes(hazard.severity);
    case "overdue":
      return isOpen(hazard.state) && hazard.deadline !== undefined && now.getTime() >= Date.parse(hazard.deadline) + condition.days * DAY_MS;
    case "recurring":
      return recurs(hazard.occurrences, condition.times, condition.withinDays);
    case "multi_department":
      return hazard.departments.length >= 2;
    case "within_remit":
      return hazard.remitOf.includes(condition.of);
    case "officer_decision":
      return hazard.decisions.some((d) => d.by === condition.by && d.criteria.some((c) => condition.criteria.includes(c)));
  }
}

/** What a condition asks, in both languages, for refusals and timelines. */
export function describeCondition(profile: PolicyProfile, condition: Condition): { zh: string; en: string } {
  const name = (id: string) => bodyOf(profile, id)?.name ?? { zh: id, en: id };
  switch (condition.kind) {
    case "severity": {
      const names = condition.severities.map((id) => severityOf(profile, id)?.name ?? { zh: id, en: id });
      return { zh: `隐患等级为${names.map((n) => n.zh).join("或")}`, en: `severity is ${names.map((n) => n.en).join(" or ")}` };
    }
    case "overdue":
      return { zh: `逾期满 ${condition.days} 日`, en: `overdue by ${condition.days} day(s)` };
    case "recurring":
      return { zh: `同一场所同一隐患 ${condition.withinDays} 日内出现 ${condition.times} 次`, en: `the same hazard at the same venue ${condition.times} times within ${condition.withinDays} days` };
    case "multi_department":
      return { zh: "涉及多个部门", en: "several departments are involved" };
    case "within_remit":
      return { zh: `属于${name(condition.of).zh}职责范围`, en: `within the remit of ${name(condition.of).en}` };
    case "officer_decision":
      return { zh: `${name(condition.by).zh}认定（${condition.criteria.join("、")}）`, en: `${name(condition.by).en} decides so (${condition.criteria.join(", ")})` };
  }
}

// ── Escalation and listing ─────────────────────────────────────────────────

const basisOf = (rule: string, cited: Cited): Basis => ({
  rule,
  sourceRef: cited.sourceRef,
  ...(cited.text !== undefined ? { text: cited.text } : {}),
  ...(cited.assumption !== undefined ? { assumption: cited.assumption as Basis["assumption"] } : {}),
});

/**
 * The bodies a hazard starts out passing through: its handler, and every
 * body at the levels between the node where it was found and the handler's
 * level (a village's hazard handled by the county passes the town); the
 * bodies its reporter acts for join them (see reporterBodies). An escalation
 * fires only from a body on this trail or one it has reached.
 */
export function initialTrail(profile: PolicyProfile, path: string, handling: Handling): string[] {
  const nodeIndex = segments(path).length - 1;
  const handlerIndex = levelIndex(profile, handling.level);
  const between = profile.levels.filter((_, i) => i > handlerIndex && i <= nodeIndex).map((l) => l.id);
  const bodies = profile.bodies.filter((b) => between.includes(b.level)).map((b) => b.id);
  return [...new Set([...(handling.body ? [handling.body] : []), ...bodies])];
}

/** The bodies a reporting user acts for at the hazard's place: where the hazard was found (移送 starts from the body that found it). */
export function reporterBodies(profile: PolicyProfile, actor: RuleActor, path: string): string[] {
  if (actor.type !== "user") return [];
  return profile.bodies.filter((b) => represents(profile, actor, { body: b.id, level: b.level }, path)).map((b) => b.id);
}

/** Whether the profile's rules watch a hazard now: graded, and between registration and closing. */
export const rulesApply = (hazard: Hazard) => hazard.severity !== undefined && isOpen(hazard.state) && hazard.state !== "discovered";

interface RuleOutcome {
  hazard: Hazard;
  events: EventDraft[];
  intents: NotificationIntent[];
}

const bodyName = (profile: PolicyProfile, id: string) => bodyOf(profile, id)?.name ?? { zh: id, en: id };

function escalate(profile: PolicyProfile, hazard: Hazard, rule: Escalation, now: Date, timeZone: string): RuleOutcome {
  // 按照行业类别: a rule marked byVenueKind goes to the industry department of the hazard's venue.
  const toId = escalationTarget(profile, rule, hazard);
  const routedBy = industryBasis(profile, rule.byVenueKind, hazard);
  const to = bodyOf(profile, toId);
  const at = iso(now);
  const basis = basisOf(rule.id, rule);
  const needsAck = (rule.action === "report" || rule.action === "transfer") && isDepartment(profile, to);
  let next: Hazard = {
    ...hazard,
    fired: [...hazard.fired, rule.id],
    trail: hazard.trail.includes(toId) ? hazard.trail : [...hazard.trail, toId],
    reports: [...hazard.reports, { to: toId, action: rule.action, at, copy: rule.action === "report" && !needsAck }],
  };
  // Handling moves only to a body whose level the hazard lies under; otherwise the step is on record only.
  const handing = rule.action === "transfer" || rule.action === "hand_over" || rule.action === "joint_enforcement";
  if (handing && to && ancestorAt(profile, hazard.path, to.level)) next = { ...next, handling: { body: to.id, level: to.level } };
  if (needsAck) next = awaitAck(profile, next, toId, basis, now, timeZone);
  const name = bodyName(profile, toId);
  const verbs = {
    report: needsAck ? { zh: "报送（待报到）", en: "reported (awaiting acknowledgement) to" } : { zh: "抄报", en: "copied to" },
    transfer: { zh: "移送", en: "transferred to" },
    hand_over: { zh: "移交", en: "handed over to" },
    joint_enforcement: { zh: "提请联合执法", en: "for joint enforcement led by" },
    request_listing: { zh: "提请挂牌督办", en: "requested listing by" },
  }[rule.action];
  return {
    hazard: next,
    events: [{ action: "escalated", from: hazard.state, to: hazard.state, basis, details: { escalation: rule.id, action: rule.action, to: toId, toName: name, ...(routedBy ? { routedBy } : {}), ...(needsAck ? { acknowledgeBy: next.pendingAcks.at(-1)?.dueAt, ackDays: ACK_DAYS, acknowledgeWindow: acknowledgeHours(profile) } : {}) } }],
    intents: [{ kind: "escalated", to: to ? [{ type: "handler", handling: { body: to.id, level: to.level } }] : [], title: { zh: `隐患已${verbs.zh}${name.zh}`, en: `Hazard ${verbs.en} ${name.en}` } }],
  };
}

/** A body's acknowledgement (报到) awaited, unless it is awaited or given already. */
function awaitAck(profile: PolicyProfile, hazard: Hazard, body: string, basis: Basis, now: Date, timeZone: string): Hazard {
  if (hazard.pendingAcks.some((p) => p.body === body) || hazard.acks.some((a) => a.body === body)) return hazard;
  return { ...hazard, pendingAcks: [...hazard.pendingAcks, { body, requestedAt: iso(now), dueAt: iso(acknowledgeBy(profile, now, timeZone)), late: false, basis }] };
}

/**
 * A listing's joint supervisors take part (会同…重点督办):
 * each is told, and each department among them must acknowledge (报到) as a
 * department reported to does, citing the listing level.
 */
export function joinListing(profile: PolicyProfile, hazard: Hazard, level: ListingLevel, now: Date, timeZone: string): { hazard: Hazard; intents: NotificationIntent[] } {
  const jointly = jointlyFor(profile, level, hazard);
  let next = hazard;
  for (const body of jointly) if (isDepartment(profile, bodyOf(profile, body))) next = awaitAck(profile, next, body, basisOf(level.id, level), now, timeZone);
  const intents: NotificationIntent[] = jointly.length
    ? [{ kind: "listed", to: jointly.flatMap((b) => bodyRecipient(profile, b)), title: { zh: `隐患已列入${level.name.zh}，请会同督办`, en: `Hazard placed under ${level.name.en}: supervise it jointly` } }]
    : [];
  return { hazard: next, intents };
}

/** The node a listing sits at: the hazard's ancestor at the listing's level (or the root, if the hazard lies above it). */
function listingNode(profile: PolicyProfile, path: string, level: string) {
  return (ancestorAt(profile, path, level) ?? { nodeId: segments(path)[0]! }).nodeId;
}

export function listingOf(profile: PolicyProfile, hazard: Hazard, level: ListingLevel, trigger: Trigger, at: string, by: string, reason?: string) {
  const jointly = jointlyFor(profile, level, hazard);
  return {
    levelId: level.id,
    level: level.level,
    listedBy: level.listedBy,
    ...(level.via ? { via: level.via } : {}),
    nodeId: listingNode(profile, hazard.path, level.level),
    trigger: trigger.id,
    ...(jointly.length ? { jointly } : {}),
    ...(reason ? { reason } : {}),
    at,
    by,
  };
}

export const listingKey = (level: string, trigger: string) => `listing:${level}:${trigger}`;

/** Whoever handles the hazard, and its assignee: those told of what happens to it. */
export function watchers(hazard: Hazard): Recipient[] {
  return [...(hazard.handling ? [{ type: "handler" as const, handling: hazard.handling }] : []), ...(hazard.assigneeId ? [{ type: "user" as const, userId: hazard.assigneeId }] : [])];
}

/** Whoever acts for a body, as a recipient. */
export function bodyRecipient(profile: PolicyProfile, bodyId: string): Recipient[] {
  const handling = handlingOf(profile, bodyId);
  return handling ? [{ type: "handler", handling }] : [];
}

/**
 * Everything the profile makes happen on its own at `now`: the deadline
 * passing, a department's acknowledgement falling late, escalations whose
 * conditions now hold, and listings whose triggers hold without an officer's
 * decision still to come. Each rule fires once per hazard. Pure; the same
 * function serves every transition and the hourly sweep, so a rule fires at
 * the first moment anyone looks after it holds.
 */
export function applyRules(profile: PolicyProfile, hazard: Hazard, now: Date, timeZone: string): RuleOutcome {
  let current = hazard;
  const events: EventDraft[] = [];
  const intents: NotificationIntent[] = [];
  const at = iso(now);

  if (isOpen(current.state) && current.deadline !== undefined) {
    const late = now.getTime() - Date.parse(current.deadline);
    if (late >= 0) {
      const days = Math.floor(late / DAY_MS);
      if (!current.overdue) {
        events.push({ action: "overdue", from: current.state, to: current.state, details: { deadline: current.deadline } });
        intents.push({ kind: "overdue", to: watchers(current), title: { zh: "隐患已逾期未整改", en: "A hazard is past its rectification deadline" } });
      }
      current = { ...current, overdue: true, overdueDaysSeen: Math.max(current.overdueDaysSeen, days) };
    }
  }
  if (isOpen(current.state)) {
    const late = current.pendingAcks.filter((p) => !p.late && Date.parse(p.dueAt) <= now.getTime());
    if (late.length) {
      current = { ...current, pendingAcks: current.pendingAcks.map((p) => (late.includes(p) ? { ...p, late: true } : p)) };
      for (const p of late) {
        events.push({ action: "ack_overdue", from: current.state, to: current.state, basis: p.basis, details: { body: p.body, dueAt: p.dueAt } });
        intents.push({ kind: "ack_overdue", to: [...bodyRecipient(profile, p.body), ...watchers(current)], title: { zh: `${bodyName(profile, p.body).zh}未按时报到`, en: `${bodyName(profile, p.body).en} has not acknowledged in time` } });
      }
    }
  }
  if (!rulesApply(current)) return { hazard: current, events, intents };

  // Escalations can feed one another (a report reaches a body that hands over): run to a fixed point.
  for (let changed = true; changed; ) {
    changed = false;
    for (const rule of profile.hazards.escalations) {
      if (current.fired.includes(rule.id) || !current.trail.includes(rule.from)) continue;
      if (!rule.when.every((c) => holds(c, current, now))) continue;
      const outcome = escalate(profile, current, rule, now, timeZone);
      current = outcome.hazard;
      events.push(...outcome.events);
      intents.push(...outcome.intents);
      changed = true;
    }
  }

  for (const level of profile.hazards.listedSupervision) {
    if (current.listings.some((l) => l.levelId === level.id)) continue;
    const trigger = level.triggers.find((t) => !current.fired.includes(listingKey(level.id, t.id)) && t.when.every((c) => holds(c, current, now)));
    if (!trigger) continue;
    const listing = listingOf(profile, current, level, trigger, at, "system");
    const joined = joinListing(profile, { ...current, fired: [...current.fired, listingKey(level.id, trigger.id)], listings: [...current.listings, listing] }, level, now, timeZone);
    current = joined.hazard;
    events.push({ action: "listed", from: current.state, to: current.state, basis: basisOf(trigger.id, trigger), details: { level: level.id, atLevel: level.level, listedBy: level.listedBy, trigger: trigger.id, automatic: true, ...(listing.jointly ? { jointly: listing.jointly } : {}) } });
    intents.push({ kind: "listed", to: [...watchers(current), ...bodyRecipient(profile, level.listedBy)], title: { zh: `隐患已列入${level.name.zh}`, en: `Hazard placed under ${level.name.en}` } }, ...joined.intents);
  }
  return { hazard: current, events, intents };
}

export { basisOf };
