import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { inSubtree } from "../access/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { DAY_MS, endOfLocalDate, iso, localDate } from "./clock.ts";
import { actionParams } from "./labels.ts";
import { currentFields } from "./problems.ts";
import {
  ACK_DAYS,
  acknowledgeBy,
  ancestorAt,
  applyRules,
  basisOf,
  bodyOf,
  deadlineFor,
  describeCondition,
  handlingFor,
  handlingOf,
  hazardCodes,
  holds,
  initialTrail,
  inWorkflow,
  isDepartment,
  levelIndex,
  listingKey,
  listingOf,
  mayTakeIn,
  onSpotAllowed,
  represents,
  rolesFor,
  severityOf,
  watchers,
  bodyRecipient,
  reporterBodies,
  joinListing,
} from "./rules.ts";
import {
  ACTIONS,
  isOpen,
  OTHER_CODE,
  type Action,
  type Decision,
  type EventDraft,
  type Handling,
  type Hazard,
  type NotificationIntent,
  type RuleActor,
  type State,
} from "./types.ts";

// The hazard state machine: given a hazard, an action and the profile in
// effect, the next hazard, the events that record the change and who to tell.
// Pure: the caller reads the world first (node, assignee, recurrence, profile)
// and writes the outcome in one transaction.

export interface Context {
  profile: PolicyProfile;
  profileVersion: number;
  timeZone: string;
  now: Date;
  actor: RuleActor;
}

export interface Outcome {
  hazard: Hazard;
  events: EventDraft[];
  intents: NotificationIntent[];
}

type Place = { nodeId: string; path: string };
type Party = { name: string; contact?: string | undefined };

/** Each action's own input, after the caller has resolved ids to what they name. */
export type ActionInput =
  | { action: "register"; severity?: string | undefined; code?: string | undefined; codeText?: string | undefined; place?: Place | undefined; responsibleParty?: Party | undefined; note?: string | undefined }
  | { action: "dispatch"; assignee?: { userId: string; scopePath: string } | undefined; responsibleParty?: Party | undefined; deadline?: string | undefined; note?: string | undefined }
  | { action: "start"; note?: string | undefined }
  | { action: "submit"; note?: string | undefined; photos?: string[] | undefined }
  | { action: "close"; note?: string | undefined; photos?: string[] | undefined }
  | { action: "reject"; reason: string; deadline?: string | undefined; photos?: string[] | undefined }
  | { action: "fix_on_spot"; note?: string | undefined; photos?: string[] | undefined }
  | { action: "withdraw"; reason: string }
  | { action: "reopen"; reason: string; occurrences?: string[] | undefined }
  | { action: "acknowledge"; body?: string | undefined; note?: string | undefined }
  | { action: "escalate"; to: string; reason: string }
  | { action: "assess"; departments?: string[] | undefined; remitOf?: string[] | undefined; decision?: { by: string; criteria: string[]; reason: string } | undefined }
  | { action: "list"; level: string; trigger?: string | undefined; criteria?: string[] | undefined; reason: string }
  | { action: "delist"; level: string; reason: string }
  | { action: "merge"; into?: Hazard | undefined; note?: string | undefined };

// ── The workflow ───────────────────────────────────────────────────────────

const workflow = (profile: PolicyProfile) => profile.hazards.workflow.states as State[];

/** A new hazard starts in the workflow's first state (发现, in every built-in profile). */
export const initialState = (profile: PolicyProfile): State => workflow(profile)[0]!;

/** The state a forward move into `target` comes from, when the workflow has `target`. */
function predecessor(profile: PolicyProfile, target: State): State | undefined {
  const states = workflow(profile);
  const index = states.indexOf(target);
  return index > 0 ? states[index - 1] : undefined;
}

/** Where a hazard goes back to for more work: rectifying, or the step before verification when the workflow has no rectifying step. */
function backToWork(profile: PolicyProfile): State | undefined {
  return inWorkflow(profile, "rectifying") ? "rectifying" : predecessor(profile, "verifying");
}

const FORWARD: Partial<Record<Action, State>> = { register: "registered", dispatch: "dispatched", start: "rectifying", submit: "verifying", close: "closed" };

/** The state an action leads to from the hazard's state, or undefined when the workflow does not allow it there. */
export function targetOf(profile: PolicyProfile, hazard: Hazard, action: Action): State | undefined {
  const state = hazard.state;
  const forward = FORWARD[action];
  if (forward) return inWorkflow(profile, forward) && predecessor(profile, forward) === state ? forward : undefined;
  switch (action) {
    case "reject":
      return state === "verifying" ? backToWork(profile) : undefined;
    case "fix_on_spot":
      return state === initialState(profile) && state !== "verifying" && inWorkflow(profile, "verifying") ? "verifying" : undefined;
    case "withdraw":
      return isOpen(state) ? "withdrawn" : undefined;
    case "merge":
      return isOpen(state) ? "duplicate" : undefined;
    case "reopen":
      return state === "closed" ? (inWorkflow(profile, "rectifying") ? "rectifying" : predecessor(profile, "closed")) : undefined;
    default:
      // Overlay actions leave the state as it is, on open hazards only.
      return isOpen(state) ? state : undefined;
  }
}

// ── Who may act ────────────────────────────────────────────────────────────

const handles = (ctx: Context, hazard: Hazard) => hazard.handling !== undefined && represents(ctx.profile, ctx.actor, hazard.handling, hazard.path);

function actsFor(ctx: Context, hazard: Hazard, bodyId: string): boolean {
  const handling = handlingOf(ctx.profile, bodyId);
  return handling !== undefined && represents(ctx.profile, ctx.actor, handling, hazard.path);
}

function listsFor(ctx: Context, hazard: Hazard, level: PolicyProfile["hazards"]["listedSupervision"][number] | undefined): boolean {
  return level !== undefined && (actsFor(ctx, hazard, level.listedBy) || (level.via !== undefined && actsFor(ctx, hazard, level.via)));
}

/**
 * Whether the actor acts for a body the hazard passes through on its way to
 * its handler and which the profile has escalate it onward (镇街吹哨: the town
 * registers a major hazard and reports it to the department that handles it).
 */
function reportsOn(ctx: Context, hazard: Hazard): boolean {
  return ctx.profile.hazards.escalations.some((e) => hazard.trail.includes(e.from) && actsFor(ctx, hazard, e.from));
}

const isUser = (ctx: Context, userId: string | undefined) => ctx.actor.type === "user" && userId !== undefined && ctx.actor.userId === userId;

/** The transition rule: who may move a hazard, by role, scope and the profile's routing. */
function permitted(ctx: Context, hazard: Hazard, action: Action): boolean {
  switch (action) {
    case "register":
    case "withdraw":
    case "merge":
      return hazard.handling ? handles(ctx, hazard) || reportsOn(ctx, hazard) : mayTakeIn(ctx.profile, ctx.actor, hazard.path);
    case "start":
    case "submit":
      return isUser(ctx, hazard.assigneeId) || handles(ctx, hazard);
    case "fix_on_spot":
      return isUser(ctx, hazard.reporter.id) || handles(ctx, hazard);
    default:
      return handles(ctx, hazard);
  }
}

function handlerName(profile: PolicyProfile, handling: Handling | undefined) {
  const body = bodyOf(profile, handling?.body);
  const level = profile.levels.find((l) => l.id === handling?.level);
  if (body) return { zh: body.name.zh, en: body.name.en };
  if (level) return { zh: `${level.name.zh}一级`, en: `the ${level.name.en} level` };
  return { zh: "受理的上级", en: "the officers above" };
}

function forbidden(ctx: Context, hazard: Hazard, action: Action, handling = hazard.handling): AppError {
  const name = handlerName(ctx.profile, handling);
  const roles = handling ? rolesFor(ctx.profile, handling).join(", ") : "";
  return new AppError("forbidden", "hazard.not_handler", { ...actionParams(action, hazard.state), handlerZh: name.zh, handlerEn: name.en, level: handling?.level ?? "", roles });
}

function withinReopenWindow(ctx: Context, hazard: Hazard): boolean {
  if (!hazard.closedAt) return false;
  return ctx.now.getTime() - Date.parse(hazard.closedAt) <= ctx.profile.hazards.reopenWindowDays.value * DAY_MS;
}

// ── Input checks that need the profile ─────────────────────────────────────

function checkSeverity(profile: PolicyProfile, severity: string, path = "body.severity") {
  if (!severityOf(profile, severity)) {
    const ids = profile.hazards.severities.map((s) => `${s.id}（${s.name.zh}）`);
    throw invalid(path, "hazard.severity_unknown", `“${severity}”不是政策档案中的隐患等级，可选：${ids.join("、")}`, `“${severity}” is not a severity of the profile; one of: ${profile.hazards.severities.map((s) => s.id).join(", ")}`);
  }
}

function checkCode(profile: PolicyProfile, code: string, codeText: string | undefined, root = "body") {
  const codes = hazardCodes(profile);
  if (!codes.includes(code)) throw invalid(`${root}.code`, "hazard.code_unknown", `“${code}”不是政策档案中的隐患类别，可选：${codes.join("、")}`, `“${code}” is not a hazard code of the profile; one of: ${codes.join(", ")}`);
  if (code === OTHER_CODE && !codeText) throw invalid(`${root}.codeText`, "hazard.code_text_required", "隐患类别为“其他”时须填写具体类别", "Describe the hazard when its code is “other”");
}

/** The handler's level must be reachable from the node: a grid's hazard cannot sit at the town above it. */
function checkReachable(profile: PolicyProfile, path: string, handling: Handling, field: string) {
  if (ancestorAt(profile, path, handling.level)) return;
  const level = profile.levels.find((l) => l.id === handling.level);
  throw invalid(field, "hazard.node_above_handler", `该等级的隐患由${level?.name.zh ?? handling.level}一级办理，请选择${level?.name.zh ?? handling.level}或其下级的节点`, `Hazards of this severity are handled at the ${level?.name.en ?? handling.level} level: choose a node at or below it`);
}

function deadlineFromDate(ctx: Context, date: string, field: string): string {
  if (date < localDate(ctx.now, ctx.timeZone)) throw invalid(field, "hazard.deadline_past", "整改期限不能早于今天", "The deadline cannot be before today");
  return iso(endOfLocalDate(date, ctx.timeZone));
}

// ── Creating ───────────────────────────────────────────────────────────────

/** What a finder says of a new hazard: the hazard's own fields, and where it was found. */
export type NewHazard = Pick<Hazard, "hazardId" | "venueId" | "venueName" | "venueKinds" | "locationText" | "lat" | "lng" | "code" | "codeText" | "severity" | "description" | "photos" | "source" | "transferredFrom" | "reporter" | "responsibleParty"> & {
  place: Place;
  /** Earlier occurrences of the same venue and code (recurrence), oldest first. */
  priorOccurrences: string[];
};

/** A hazard as found: in the workflow's first state, its deadline and handler set from its severity when it has one. */
/** Hazards from the public flows, which the officers where they land must take in: what their notification says. */
const TAKE_IN: Partial<Record<NewHazard["source"], { zh: string; en: string }>> = {
  public_tip: { zh: "收到群众举报的隐患，请受理", en: "A resident reported a hazard: please take it in" },
  self_check: { zh: "场所自查发现隐患，请核实", en: "A venue's self-check found a hazard: please verify it" },
  iot_alert: { zh: "消防物联网设备报警，请到场核实", en: "A fire IoT device raised an alarm: please verify it on site" },
  open311: { zh: "城市服务平台转来隐患，请受理", en: "A city service platform sent a hazard: please take it in" },
};

export function discover(ctx: Context, input: NewHazard): Outcome {
  const { profile, now } = ctx;
  const at = iso(now);
  if (input.severity !== undefined) checkSeverity(profile, input.severity);
  if (input.code !== undefined) checkCode(profile, input.code, input.codeText);
  const venueKinds = input.venueId && input.venueKinds?.length ? input.venueKinds : undefined;
  const handling = input.severity === undefined ? undefined : handlingFor(profile, input.severity, venueKinds);
  if (handling) checkReachable(profile, input.place.path, handling, "body.nodeId");
  const deadline = input.severity === undefined ? undefined : deadlineFor(profile, input.severity, now, ctx.timeZone);
  const state = initialState(profile);
  const hazard: Hazard = {
    hazardId: input.hazardId,
    nodeId: input.place.nodeId,
    path: input.place.path,
    venueId: input.venueId,
    venueName: input.venueId ? input.venueName : undefined,
    venueKinds,
    locationText: input.locationText,
    lat: input.lat,
    lng: input.lng,
    code: input.code,
    codeText: input.code === OTHER_CODE ? input.codeText : undefined,
    severity: input.severity,
    description: input.description,
    photos: input.photos,
    source: input.source,
    transferredFrom: input.transferredFrom,
    reporter: input.reporter,
    responsibleParty: input.responsibleParty,
    state,
    deadline,
    overdue: false,
    overdueDaysSeen: 0,
    handling,
    trail: handling ? [...new Set([...initialTrail(profile, input.place.path, handling), ...reporterBodies(profile, ctx.actor, input.place.path)])] : reporterBodies(profile, ctx.actor, input.place.path),
    pendingAcks: [],
    acks: [],
    reports: [],
    departments: [],
    remitOf: [],
    decisions: [],
    listings: [],
    fired: [],
    occurrences: input.venueId && input.code && input.code !== OTHER_CODE ? [...input.priorOccurrences, at] : [],
    createdAt: at,
    openedAt: at,
    updatedAt: at,
    reopenCount: 0,
    profileVersion: ctx.profileVersion,
    version: 0,
    seq: 0,
  };
  const created: EventDraft = {
    action: "create",
    from: state,
    to: state,
    photos: input.photos.length ? input.photos : undefined,
    deadlineAfter: deadline,
    details: { source: input.source, severity: input.severity, code: input.code, ...(handling ? { handling } : {}), ...(deadline ? { rectificationDays: severityOf(profile, input.severity)!.rectificationDays } : {}) },
  };
  // A resident's tip, or a venue's failed self-check item, is taken in (verified) by the officers at the node it lands on.
  const landing = profile.levels[input.place.path.split("/").filter(Boolean).length - 1]?.id;
  const takeIn = TAKE_IN[input.source];
  const intents: NotificationIntent[] = takeIn && landing ? [{ kind: "create", to: [{ type: "handler", handling: { level: landing } }], title: takeIn, ...(input.source === "iot_alert" ? { urgent: true } : {}) }] : [];
  // A field report waits for registration (立案) by its handler: they hear of it, unless the reporter is that handler.
  // Who registers: the bodies on its trail that report it onward (镇街吹哨: the town registers what a department handles), else its handler.
  const onward = handling ? [...new Set(profile.hazards.escalations.filter((e) => hazard.trail.includes(e.from)).map((e) => e.from))].flatMap((b) => handlingOf(profile, b) ?? []) : [];
  const registrars = onward.length ? onward : handling ? [handling] : landing ? [{ level: landing }] : [];
  if (!takeIn && state === "discovered" && registrars.length && !registrars.some((r) => represents(profile, ctx.actor, r, input.place.path))) {
    intents.push({ kind: "create", to: registrars.map((r) => ({ type: "handler" as const, handling: r })), title: { zh: "有新上报的隐患待您立案", en: "A new report awaits your registration" } });
  }
  return finish(ctx, hazard, [created], intents, { created: true });
}

// ── Acting ─────────────────────────────────────────────────────────────────

/**
 * Applies an action: refuses it when the state does not allow it (409), when
 * the actor may not take it (403), or when its input does not fit the
 * profile (400); else returns the next hazard, its events and notifications.
 */
export function decide(ctx: Context, hazard: Hazard, input: ActionInput): Outcome {
  const { profile, now } = ctx;
  const action = input.action;
  const to = targetOf(profile, hazard, action);
  if (to === undefined) throw new AppError("conflict", "hazard.transition_not_allowed", { ...actionParams(action, hazard.state), version: hazard.version }, currentFields(hazard));
  const at = iso(now);
  const base: EventDraft = { action, from: hazard.state, to };

  switch (input.action) {
    case "register": {
      if (!permitted(ctx, hazard, action)) throw forbidden(ctx, hazard, action);
      const severity = input.severity ?? hazard.severity;
      const code = input.code ?? hazard.code;
      if (severity === undefined) throw invalid("body.severity", "hazard.severity_required", "立案须确定隐患等级", "Registering needs a severity");
      if (code === undefined) throw invalid("body.code", "hazard.code_required", "立案须确定隐患类别", "Registering needs a hazard code");
      checkSeverity(profile, severity);
      checkCode(profile, code, input.codeText ?? hazard.codeText);
      const place = input.place ?? { nodeId: hazard.nodeId, path: hazard.path };
      const handling = handlingFor(profile, severity, hazard.venueKinds)!;
      checkReachable(profile, place.path, handling, input.place ? "body.nodeId" : "body.severity");
      const regraded = severity !== hazard.severity || hazard.deadline === undefined;
      const deadline = regraded ? deadlineFor(profile, severity, now, ctx.timeZone) : hazard.deadline;
      const next: Hazard = {
        ...hazard,
        state: to,
        severity,
        code,
        codeText: code === OTHER_CODE ? (input.codeText ?? hazard.codeText) : undefined,
        nodeId: place.nodeId,
        path: place.path,
        handling,
        trail: [...new Set([...initialTrail(profile, place.path, handling), ...hazard.trail.filter((b) => b !== hazard.handling?.body)])],
        deadline,
        overdue: regraded ? false : hazard.overdue,
        overdueDaysSeen: regraded ? 0 : hazard.overdueDaysSeen,
        responsibleParty: input.responsibleParty ?? hazard.responsibleParty,
      };
      const intents: NotificationIntent[] = represents(profile, ctx.actor, handling, place.path) ? [] : [{ kind: "register", to: [{ type: "handler", handling }], title: { zh: "有新立案的隐患待您派遣", en: "A newly registered hazard awaits your dispatch" } }];
      return finish(ctx, next, [{ ...base, note: input.note, deadlineBefore: hazard.deadline, deadlineAfter: deadline, details: { severity, code, handling, ...(input.place && input.place.nodeId !== hazard.nodeId ? { movedFrom: hazard.nodeId, movedTo: place.nodeId } : {}) } }], intents);
    }
    case "dispatch": {
      if (!permitted(ctx, hazard, action)) throw forbidden(ctx, hazard, action);
      const handlerNode = ancestorAt(profile, hazard.path, hazard.handling!.level);
      const assignee = input.assignee ?? (ctx.actor.type === "user" ? { userId: ctx.actor.userId, scopePath: ctx.actor.scopePath } : undefined);
      if (!assignee) throw invalid("body.assigneeId", "hazard.assignee_required", "请指定承办人", "Name the assignee");
      if (handlerNode && !inSubtree(handlerNode.path, assignee.scopePath) && !isUser(ctx, assignee.userId)) {
        throw invalid("body.assigneeId", "hazard.assignee_out_of_scope", "承办人须在办理单位的辖区内", "The assignee must work within the handler's area");
      }
      const deadline = input.deadline ? deadlineFromDate(ctx, input.deadline, "body.deadline") : hazard.deadline;
      const next: Hazard = { ...hazard, state: to, assigneeId: assignee.userId, responsibleParty: input.responsibleParty ?? hazard.responsibleParty, deadline, ...(deadline !== hazard.deadline ? { overdue: false, overdueDaysSeen: 0 } : {}) };
      const intents: NotificationIntent[] = isUser(ctx, assignee.userId) ? [] : [{ kind: "dispatch", to: [{ type: "user", userId: assignee.userId }], title: { zh: "有隐患派遣给您整改督办", en: "A hazard has been dispatched to you" } }];
      return finish(ctx, next, [{ ...base, note: input.note, ...(deadline !== hazard.deadline ? { deadlineBefore: hazard.deadline, deadlineAfter: deadline } : {}), details: { assigneeId: assignee.userId, ...(input.responsibleParty ? { responsibleParty: input.responsibleParty } : {}) } }], intents);
    }
    case "start": {
      if (!permitted(ctx, hazard, action)) throw forbidden(ctx, hazard, action);
      return finish(ctx, { ...hazard, state: to }, [{ ...base, note: input.note }], []);
    }
    case "submit": {
      if (!permitted(ctx, hazard, action)) throw forbidden(ctx, hazard, action);
      const next: Hazard = { ...hazard, state: to, photos: [...hazard.photos, ...(input.photos ?? [])] };
      const intents: NotificationIntent[] = hazard.handling ? [{ kind: "submit", to: [{ type: "handler", handling: hazard.handling }], title: { zh: "隐患整改完成，待核查", en: "A hazard is fixed and awaits verification" } }] : [];
      return finish(ctx, next, [{ ...base, note: input.note, photos: input.photos }], intents);
    }
    case "close": {
      if (!permitted(ctx, hazard, action)) throw forbidden(ctx, hazard, action);
      return finish(ctx, closeOut({ ...hazard, state: to, closedAt: at, photos: [...hazard.photos, ...(input.photos ?? [])] }), [{ ...base, note: input.note, photos: input.photos }, ...delistAll(hazard, "closed")], []);
    }
    case "reject": {
      if (!permitted(ctx, hazard, action)) throw forbidden(ctx, hazard, action);
      const deadline = input.deadline ? deadlineFromDate(ctx, input.deadline, "body.deadline") : deadlineFor(profile, hazard.severity!, now, ctx.timeZone);
      const next: Hazard = { ...hazard, state: to, deadline, overdue: false, overdueDaysSeen: 0 };
      const intents: NotificationIntent[] = hazard.assigneeId ? [{ kind: "reject", to: [{ type: "user", userId: hazard.assigneeId }], title: { zh: "隐患核查未通过，请按新期限整改", en: "Verification failed: rectify by the new deadline" }, reason: input.reason }] : [];
      return finish(ctx, next, [{ ...base, note: input.reason, photos: input.photos, deadlineBefore: hazard.deadline, deadlineAfter: deadline, details: { reason: input.reason } }], intents);
    }
    case "fix_on_spot": {
      if (!onSpotAllowed(profile, hazard.severity)) throw new AppError("conflict", "hazard.on_spot_not_allowed", { severity: hazard.severity ?? "—" });
      if (!permitted(ctx, hazard, action)) throw forbidden(ctx, hazard, action);
      const next: Hazard = { ...hazard, state: to, photos: [...hazard.photos, ...(input.photos ?? [])] };
      const intents: NotificationIntent[] = hazard.handling ? [{ kind: "fix_on_spot", to: [{ type: "handler", handling: hazard.handling }], title: { zh: "隐患已当场整改，待核查", en: "A hazard was fixed on the spot and awaits verification" } }] : [];
      return finish(ctx, next, [{ ...base, note: input.note, photos: input.photos }], intents);
    }
    case "merge": {
      if (!permitted(ctx, hazard, action)) throw forbidden(ctx, hazard, action);
      const into = input.into;
      if (!into) throw invalid("body.intoId", "hazard.merge_into_required", "请选择要并入的原隐患", "Choose the hazard to merge into");
      if (into.hazardId === hazard.hazardId) throw invalid("body.intoId", "hazard.merge_into_self", "不能把隐患并入它自己", "A hazard cannot be merged into itself");
      if (!isOpen(into.state)) throw invalid("body.intoId", "hazard.merge_into_not_open", "只能并入仍在办理中的隐患", "Merge only into a hazard still open");
      const next: Hazard = closeOut({ ...hazard, state: to, duplicateOf: into.hazardId });
      return finish(ctx, next, [{ ...base, note: input.note, details: { intoId: into.hazardId } }, ...delistAll(hazard, "duplicate")], []);
    }
    case "withdraw": {
      if (!permitted(ctx, hazard, action)) throw forbidden(ctx, hazard, action);
      return finish(ctx, closeOut({ ...hazard, state: to, withdrawnAt: at }), [{ ...base, note: input.reason, details: { reason: input.reason } }, ...delistAll(hazard, "withdrawn")], []);
    }
    case "reopen": {
      if (!permitted(ctx, hazard, action)) throw forbidden(ctx, hazard, action);
      if (!withinReopenWindow(ctx, hazard)) throw new AppError("conflict", "hazard.reopen_window_passed", { days: profile.hazards.reopenWindowDays.value, closedAt: hazard.closedAt ?? "—" });
      const deadline = deadlineFor(profile, hazard.severity!, now, ctx.timeZone);
      const next: Hazard = {
        ...hazard,
        state: to,
        deadline,
        overdue: false,
        overdueDaysSeen: 0,
        openedAt: at,
        closedAt: undefined,
        reopenCount: hazard.reopenCount + 1,
        occurrences: input.occurrences ?? (hazard.occurrences.length ? [...hazard.occurrences, at] : []),
      };
      const intents: NotificationIntent[] = [{ kind: "reopen", to: watchers(hazard), title: { zh: "已结案的隐患重新打开", en: "A closed hazard was reopened" }, reason: input.reason }];
      return finish(ctx, next, [{ ...base, note: input.reason, deadlineBefore: hazard.deadline, deadlineAfter: deadline, details: { reason: input.reason, reopenWindowDays: profile.hazards.reopenWindowDays.value } }], intents);
    }
    case "acknowledge": {
      const mine = hazard.pendingAcks.filter((p) => actsFor(ctx, hazard, p.body) && (input.body === undefined || p.body === input.body));
      if (!hazard.pendingAcks.length || (input.body !== undefined && !hazard.pendingAcks.some((p) => p.body === input.body))) {
        throw new AppError("conflict", "hazard.no_pending_ack", { body: input.body ?? "—" });
      }
      if (!mine.length) {
        const target = input.body ?? hazard.pendingAcks[0]!.body;
        // A liaison bound to another department: 报到 is each department's own (see rules.boundTo).
        const own = ctx.actor.type === "user" ? bodyOf(profile, ctx.actor.bodyId) : undefined;
        if (own && own.id !== target && isDepartment(profile, own)) {
          const other = bodyOf(profile, target);
          throw new AppError("forbidden", "hazard.ack_other_body", { ownZh: own.name.zh, ownEn: own.name.en, bodyZh: other?.name.zh ?? target, bodyEn: other?.name.en ?? target });
        }
        throw forbidden(ctx, hazard, action, handlingOf(profile, target));
      }
      const ack = mine[0]!;
      const by = ctx.actor.type === "user" ? ctx.actor.userId : "system";
      const next: Hazard = { ...hazard, pendingAcks: hazard.pendingAcks.filter((p) => p !== ack), acks: [...hazard.acks, { body: ack.body, at, by }] };
      return finish(ctx, next, [{ ...base, note: input.note, basis: ack.basis, details: { body: ack.body, dueAt: ack.dueAt, late: Date.parse(ack.dueAt) < now.getTime() } }], [{ kind: "acknowledge", to: watchers(hazard), title: { zh: `${bodyOf(profile, ack.body)?.name.zh ?? ack.body}已报到`, en: `${bodyOf(profile, ack.body)?.name.en ?? ack.body} has acknowledged` } }]);
    }
    case "escalate": {
      if (!permitted(ctx, hazard, action)) throw forbidden(ctx, hazard, action);
      const target = bodyOf(profile, input.to);
      if (!target) throw invalid("body.to", "hazard.body_unknown", `“${input.to}”不是政策档案中的机构`, `“${input.to}” is not a body of the profile`);
      if (levelIndex(profile, target.level) >= levelIndex(profile, hazard.handling!.level)) {
        throw invalid("body.to", "hazard.escalate_not_higher", "只能上报到比当前办理层级更高的机构", "Escalate only to a body above the current handling level");
      }
      const department = isDepartment(profile, target);
      const next: Hazard = {
        ...hazard,
        handling: { body: target.id, level: target.level },
        trail: hazard.trail.includes(target.id) ? hazard.trail : [...hazard.trail, target.id],
        reports: [...hazard.reports, { to: target.id, action: "escalate", at, copy: false }],
        pendingAcks: department && !hazard.pendingAcks.some((p) => p.body === target.id) ? [...hazard.pendingAcks, { body: target.id, requestedAt: at, dueAt: iso(acknowledgeBy(profile, now, ctx.timeZone)), late: false, basis: { rule: "manual", sourceRef: null, assumption: ACK_DAYS.assumption } }] : hazard.pendingAcks,
      };
      checkReachable(profile, hazard.path, next.handling!, "body.to");
      return finish(ctx, next, [{ ...base, note: input.reason, details: { reason: input.reason, from: hazard.handling, to: next.handling } }], [{ kind: "escalate", to: [{ type: "handler", handling: next.handling! }], title: { zh: `隐患已上报${target.name.zh}`, en: `A hazard was escalated to ${target.name.en}` } }]);
    }
    case "assess": {
      const decisions: Decision[] = [];
      if (input.departments !== undefined || input.remitOf !== undefined) {
        if (!handles(ctx, hazard)) throw forbidden(ctx, hazard, action);
        input.remitOf?.forEach((id, i) => {
          if (!bodyOf(profile, id)) throw invalid(`body.remitOf[${i}]`, "hazard.body_unknown", `“${id}”不是政策档案中的机构`, `“${id}” is not a body of the profile`);
        });
      }
      if (input.decision) {
        const d = input.decision;
        const criteria = criteriaOf(profile, d.by);
        if (!criteria.length) throw invalid("body.decision.by", "hazard.decision_body_unknown", `政策档案中没有由“${d.by}”认定的条件`, `The profile has no condition decided by “${d.by}”`);
        checkCriteria(d.criteria, criteria, "body.decision.criteria");
        if (!actsFor(ctx, hazard, d.by)) throw forbidden(ctx, hazard, action, handlingOf(profile, d.by));
        decisions.push({ by: d.by, criteria: d.criteria, reason: d.reason, at, actorId: actorId(ctx) });
      }
      const next: Hazard = {
        ...hazard,
        departments: input.departments ?? hazard.departments,
        remitOf: input.remitOf ?? hazard.remitOf,
        decisions: [...hazard.decisions, ...decisions],
      };
      return finish(ctx, next, [{ ...base, note: input.decision?.reason, details: { departments: input.departments, remitOf: input.remitOf, decision: input.decision } }], []);
    }
    case "list": {
      const level = profile.hazards.listedSupervision.find((l) => l.id === input.level);
      if (!level) throw invalid("body.level", "hazard.listing_level_unknown", `“${input.level}”不是政策档案中的挂牌督办层级`, `“${input.level}” is not a listing level of the profile`);
      if (hazard.listings.some((l) => l.levelId === level.id)) throw new AppError("conflict", "hazard.already_listed", { level: level.id });
      if (!listsFor(ctx, hazard, level)) throw forbidden(ctx, hazard, action, handlingOf(profile, level.listedBy));
      const triggers = input.trigger === undefined ? level.triggers : level.triggers.filter((t) => t.id === input.trigger);
      if (!triggers.length) throw invalid("body.trigger", "hazard.trigger_unknown", `“${input.trigger}”不是该层级的挂牌条件`, `“${input.trigger}” is not a trigger of this level`);
      // The officer's own decision counts for every condition their body decides.
      const mine = [...new Set(triggers.flatMap((t) => t.when.flatMap((c) => (c.kind === "officer_decision" && actsFor(ctx, hazard, c.by) ? [c] : []))))];
      const decisions: Decision[] = mine.map((c) => {
        const criteria = input.criteria ?? (c.criteria.length === 1 ? c.criteria : undefined);
        if (!criteria) throw invalid("body.criteria", "hazard.criteria_required", `请选择认定的情形：${c.criteria.join("、")}`, `Choose what you decide: ${c.criteria.join(", ")}`);
        checkCriteria(criteria, c.criteria, "body.criteria");
        return { by: c.by, criteria: criteria.filter((x) => c.criteria.includes(x)), reason: input.reason, at, actorId: actorId(ctx) };
      });
      const judged: Hazard = { ...hazard, decisions: [...hazard.decisions, ...decisions.filter((d) => d.criteria.length)] };
      const trigger = triggers.find((t) => t.when.every((c) => holds(c, judged, now)));
      if (!trigger) {
        const unmet = triggers.flatMap((t) => t.when.filter((c) => !holds(c, judged, now)).map((c) => ({ trigger: t.id, ...describeCondition(profile, c) })));
        throw new AppError(
          "conflict",
          "hazard.listing_not_triggered",
          { level: level.id },
          unmet.map((u) => ({ path: `triggers.${u.trigger}`, code: "hazard.condition_unmet", message: { zh: u.zh, en: u.en } })),
        );
      }
      const listing = listingOf(profile, judged, level, trigger, at, actorId(ctx), input.reason);
      const joined = joinListing(profile, { ...judged, fired: [...judged.fired, listingKey(level.id, trigger.id)], listings: [...judged.listings, listing] }, level, now, ctx.timeZone);
      return finish(
        ctx,
        joined.hazard,
        [{ ...base, note: input.reason, basis: basisOf(trigger.id, trigger), details: { level: level.id, atLevel: level.level, listedBy: level.listedBy, trigger: trigger.id, reason: input.reason, decisions, ...(listing.jointly ? { jointly: listing.jointly } : {}) } }],
        [{ kind: "list", to: [...watchers(hazard), ...bodyRecipient(profile, level.listedBy)], title: { zh: `隐患已列入${level.name.zh}`, en: `Hazard placed under ${level.name.en}` } }, ...joined.intents],
      );
    }
    case "delist": {
      const listing = hazard.listings.find((l) => l.levelId === input.level);
      if (!listing) throw new AppError("conflict", "hazard.not_listed", { level: input.level });
      const level = profile.hazards.listedSupervision.find((l) => l.id === input.level);
      if (!listsFor(ctx, hazard, level)) throw forbidden(ctx, hazard, action, handlingOf(profile, listing.listedBy));
      const next: Hazard = { ...hazard, listings: hazard.listings.filter((l) => l !== listing) };
      return finish(ctx, next, [{ ...base, note: input.reason, details: { level: listing.levelId, reason: input.reason } }], [{ kind: "delist", to: watchers(hazard), title: { zh: "隐患已摘牌", en: "A hazard was removed from listed supervision" } }]);
    }
  }
}

function actorId(ctx: Context): string {
  return ctx.actor.type === "user" ? ctx.actor.userId : ctx.actor.type;
}

function criteriaOf(profile: PolicyProfile, by: string): string[] {
  const conditions = [...profile.hazards.escalations.flatMap((e) => e.when), ...profile.hazards.listedSupervision.flatMap((l) => l.triggers.flatMap((t) => t.when))];
  return [...new Set(conditions.flatMap((c) => (c.kind === "officer_decision" && c.by === by ? c.criteria : [])))];
}

function checkCriteria(chosen: string[], allowed: string[], path: string) {
  chosen.forEach((c, i) => {
    if (!allowed.includes(c)) throw invalid(`${path}[${i}]`, "hazard.criterion_unknown", `“${c}”不是可认定的情形，可选：${allowed.join("、")}`, `“${c}” is not a criterion; one of: ${allowed.join(", ")}`);
  });
}

/** A closed or withdrawn hazard leaves every open-work list: no pending acknowledgements, no listings. */
function closeOut(hazard: Hazard): Hazard {
  return { ...hazard, pendingAcks: [], listings: [] };
}

function delistAll(hazard: Hazard, why: "closed" | "withdrawn" | "duplicate"): EventDraft[] {
  const to: State = why;
  return hazard.listings.map((l) => ({ action: "delisted" as const, from: hazard.state, to, details: { level: l.levelId, reason: why } }));
}

/** The rules that fire on their own, then the bookkeeping every change shares. */
function finish(ctx: Context, next: Hazard, events: EventDraft[], intents: NotificationIntent[], opts: { created?: boolean } = {}): Outcome {
  const ruled = applyRules(ctx.profile, next, ctx.now, ctx.timeZone);
  const all = [...events, ...ruled.events];
  return {
    hazard: { ...ruled.hazard, updatedAt: iso(ctx.now), version: opts.created ? 1 : next.version + 1, seq: next.seq + all.length },
    events: all,
    intents: [...intents, ...ruled.intents],
  };
}

/**
 * What the hourly sweep finds when it looks at a hazard at `now`: the rules
 * that fire on their own (overdue, a late acknowledgement, escalations and
 * listings that now hold). Undefined when nothing has changed.
 */
export function sweep(ctx: Context, hazard: Hazard): Outcome | undefined {
  const ruled = applyRules(ctx.profile, hazard, ctx.now, ctx.timeZone);
  if (JSON.stringify(ruled.hazard) === JSON.stringify(hazard)) return undefined;
  return { hazard: { ...ruled.hazard, updatedAt: iso(ctx.now), version: hazard.version + 1, seq: hazard.seq + ruled.events.length }, events: ruled.events, intents: ruled.intents };
}

// ── Duplicates ─────────────────────────────────────────────────────────────

/** The original's side of a merge: it records the duplicate merged in (an event, no change of state) and its handler hears of it. */
export function absorb(ctx: Context, original: Hazard, duplicate: Hazard): Outcome {
  const next: Hazard = { ...original, duplicates: [...(original.duplicates ?? []), duplicate.hazardId] };
  const to = watchers(original);
  return finish(ctx, next, [{ action: "merged", from: original.state, to: original.state, details: { duplicateId: duplicate.hazardId } }], to.length ? [{ kind: "merged", to, title: { zh: "有重复上报的隐患并入此隐患", en: "A duplicate report was merged into this hazard" } }] : []);
}

/**
 * Someone who found the same hazard adds their photo or note to it instead
 * of reporting it again (an event; the photos join the hazard's own). Only
 * on an open hazard; whoever handles it, or the officers where it lies when
 * nobody does yet, hear of it.
 */
export function corroborate(ctx: Context, hazard: Hazard, input: { note?: string | undefined; photos: string[] }): Outcome {
  if (!isOpen(hazard.state)) throw new AppError("conflict", "hazard.transition_not_allowed", { ...actionParams("corroborate", hazard.state), version: hazard.version }, currentFields(hazard));
  const next: Hazard = { ...hazard, photos: [...hazard.photos, ...input.photos] };
  const landing = ctx.profile.levels[hazard.path.split("/").filter(Boolean).length - 1]?.id;
  const handler = hazard.handling ?? (landing ? { level: landing } : undefined);
  const to = [...(hazard.assigneeId ? [{ type: "user" as const, userId: hazard.assigneeId }] : []), ...(handler ? [{ type: "handler" as const, handling: handler }] : [])];
  const event: EventDraft = { action: "corroborate", from: hazard.state, to: hazard.state, note: input.note, photos: input.photos.length ? input.photos : undefined };
  return finish(ctx, next, [event], to.length ? [{ kind: "corroborate", to, title: { zh: "有人对此隐患补充了照片或说明", en: "Someone added a photo or note to this hazard" } }] : []);
}

// ── What the actor may do now ──────────────────────────────────────────────

/**
 * The actions the actor may take on the hazard now, found by asking the rules
 * themselves (decide is pure): an action refused for its state (409) or for
 * who the actor is (403) is left out; one refused only for missing input
 * (400) is offered, since the form asks for that input.
 */
export function availableActions(ctx: Context, hazard: Hazard): Action[] {
  // Each refusal is an error thrown and caught right here, whose stack no one
  // reads: capturing it was most of this loop's cost on every hazard read.
  // The loop is synchronous, so nothing else runs without its stacks meanwhile.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return ACTIONS.filter((action) => {
      try {
        decide(ctx, hazard, { action } as ActionInput);
        return true;
      } catch (err) {
        return err instanceof AppError && err.kind === "validation";
      }
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}
