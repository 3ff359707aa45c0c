/**
 * The one way the web client talks to the API: same origin by default,
 * Accept-Language from the UI, the bearer token from the session (renewed
 * once when it has expired), problem+json turned into ApiError.
 */
import type { Role } from "@firegov/core/context/roles";
import type { PolicyProfile } from "@firegov/core/profile/schema";

export type { Role };

export interface ProblemField {
  path: string;
  code: string;
  message: string;
}

/**
 * Problems that concern one field without naming it in `errors`: the form
 * shows them next to that field rather than above the form.
 */
const fieldOfCode: Record<string, string> = {
  "tenant.slug_taken": "body.slug",
  "user.username_taken": "body.username",
  "auth.wrong_password": "body.currentPassword",
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ProblemField[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The message for one input, by its request path (`body.admin.password`). */
  fieldMessage(path: string): string | undefined {
    const own = this.fields.filter((f) => f.path === path).map((f) => f.message);
    if (own.length) return own.join("；");
    return fieldOfCode[this.code] === path ? this.message : undefined;
  }

  /** Field problems the form has no input for: shown with the form's own message. */
  otherFields(paths: readonly string[]): ProblemField[] {
    return this.fields.filter((f) => !paths.includes(f.path));
  }

  /** Whether the form shows this problem entirely next to one of its inputs. */
  belongsTo(paths: readonly string[]): boolean {
    const field = fieldOfCode[this.code];
    return field !== undefined && paths.includes(field);
  }
}

let languageHeader = "zh-CN";
export function setApiLanguage(locale: string) {
  languageHeader = locale;
}

/** What the client needs from the session; the auth module provides it. */
export interface TokenSource {
  accessToken(): string | undefined;
  /** A fresh access token; concurrent callers share one refresh. Rejects when the session cannot be restored. */
  renew(): Promise<string>;
  /** The API ended the session (revoked, disabled, invalid token). */
  ended(error: ApiError): void;
}

let tokens: TokenSource | undefined;
export function setTokenSource(source: TokenSource | undefined) {
  tokens = source;
}

const base = (import.meta.env.VITE_API_BASE as string | undefined) ?? "";

interface FetchOptions {
  /** Statuses that still carry a normal body. */
  okStatuses?: number[];
  /** Public endpoints: no bearer token, no refresh. */
  anonymous?: boolean;
}

export async function apiFetch(path: string, init: RequestInit = {}, opts: FetchOptions = {}): Promise<Response> {
  const send = (token: string | undefined) => {
    const headers = new Headers(init.headers);
    headers.set("accept-language", languageHeader);
    if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
    if (token) headers.set("authorization", `Bearer ${token}`);
    return fetch(`${base}${path}`, { ...init, headers });
  };
  const token = opts.anonymous ? undefined : tokens?.accessToken();
  let res = await send(token);
  if (res.status === 401 && token && tokens) {
    const problem = await toApiError(res);
    if (problem.code !== "auth.token_expired") {
      tokens.ended(problem);
      throw problem;
    }
    // Another request may already have renewed it: then no second refresh.
    const current = tokens.accessToken();
    res = await send(current && current !== token ? current : await tokens.renew());
    if (res.status === 401) {
      const again = await toApiError(res);
      tokens.ended(again);
      throw again;
    }
  }
  if (res.ok || opts.okStatuses?.includes(res.status)) return res;
  throw await toApiError(res);
}

async function toApiError(res: Response): Promise<ApiError> {
  if ((res.headers.get("content-type") ?? "").includes("json")) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; detail?: string; errors?: ProblemField[]; requestId?: string };
    return new ApiError(res.status, body.code ?? "unknown", body.detail ?? res.statusText, body.errors ?? [], body.requestId);
  }
  return new ApiError(res.status, "unknown", `${res.status} ${res.statusText}`);
}

async function json<T>(path: string, init: RequestInit = {}, opts: FetchOptions = {}): Promise<T> {
  return (await (await apiFetch(path, init, opts)).json()) as T;
}

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: "POST", body: JSON.stringify(body), headers });

function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * An Idempotency-Key: a v4 UUID. `crypto.randomUUID` exists only in secure
 * contexts, and intranet deployments may be served over plain http.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function" && globalThis.isSecureContext !== false) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// ---- system

export interface HealthReport {
  status: "ok" | "degraded";
  dynamodb: { reachable: boolean; table: string; tableStatus?: string; latencyMs: number; error?: string };
  checkedAt: string;
}

/** 503 still carries a report: the API is up, the database is not. */
export async function getHealth(): Promise<HealthReport> {
  return json<HealthReport>("/health", {}, { okStatuses: [503], anonymous: true });
}

// ---- tenancy and auth

export interface Preset {
  id: string;
  name: { zh: string; en: string };
  document: { title: string; number: string | null; issuer: string | null; date: string };
}

export async function getPresets(): Promise<Preset[]> {
  return (await json<{ items: Preset[] }>("/v1/presets", {}, { anonymous: true })).items;
}

export interface SignupInput {
  slug: string;
  name: string;
  timeZone?: string;
  presetId: string;
  admin: { username: string; displayName: string; phone?: string; email?: string; password: string };
}

export interface SignupResult {
  tenantId: string;
  adminUserId: string;
  rootNodeId: string;
}

export function signup(input: SignupInput, idempotencyKey: string): Promise<SignupResult> {
  return json<SignupResult>("/v1/signup", post(input, { "idempotency-key": idempotencyKey }), { anonymous: true });
}

export interface User {
  userId: string;
  username: string;
  displayName: string;
  phone?: string;
  email?: string;
  role: Role;
  scopeNodeId: string;
  scopePath: string;
  status: "active" | "disabled";
  mustChangePassword: boolean;
  lockedUntil?: string;
  createdAt: string;
  updatedAt: string;
}

export interface Tenant {
  tenantId: string;
  name: string;
  timeZone: string;
  presetId: string;
  rootNodeId: string;
  status: string;
  createdAt: string;
}

export interface SignedIn {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  user: User;
  mustChangePassword: boolean;
}

export interface LoginInput {
  tenant: string;
  username: string;
  password: string;
}

export function login(input: LoginInput): Promise<SignedIn> {
  return json<SignedIn>("/v1/auth/login", post(input), { anonymous: true });
}

/** Rotates the refresh token: the one returned replaces the one sent, which is spent. */
export function refresh(refreshToken: string): Promise<SignedIn> {
  return json<SignedIn>("/v1/auth/refresh", post({ refreshToken }), { anonymous: true });
}

export async function logout(): Promise<void> {
  await apiFetch("/v1/auth/logout", { method: "POST" });
}

export function getMe(): Promise<{ user: User; tenant: Tenant }> {
  return json("/v1/me");
}

export async function changePassword(input: { currentPassword: string; newPassword: string }): Promise<void> {
  await apiFetch("/v1/me/password", post(input));
}

// ---- users and nodes

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

export function listUsers(params: { cursor?: string; limit?: number } = {}): Promise<Page<User>> {
  return json(`/v1/users${queryString(params)}`);
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  phone?: string;
  email?: string;
  role: Role;
  scopeNodeId: string;
  password: string;
}

export function createUser(input: CreateUserInput, idempotencyKey: string): Promise<User> {
  return json("/v1/users", post(input, { "idempotency-key": idempotencyKey }));
}

export interface UpdateUserInput {
  displayName?: string;
  phone?: string | null;
  email?: string | null;
  role?: Role;
  scopeNodeId?: string;
}

const userPath = (userId: string) => `/v1/users/${encodeURIComponent(userId)}`;

export function updateUser(userId: string, input: UpdateUserInput): Promise<User> {
  return json(userPath(userId), { method: "PATCH", body: JSON.stringify(input) });
}

export function setUserStatus(userId: string, status: User["status"]): Promise<User> {
  return json(`${userPath(userId)}/status`, post({ status }));
}

/** Sets a temporary password: the user must change it and is signed out everywhere. */
export function resetPassword(userId: string, newPassword: string): Promise<User> {
  return json(`${userPath(userId)}/password-reset`, post({ newPassword }));
}

export interface JurisdictionNode {
  nodeId: string;
  parentId?: string;
  path: string;
  level: string;
  name: string;
  unit?: string;
  tier?: string;
  status: string;
  /** Active children, as the API counts them (retiring waits for zero). */
  activeChildren?: number;
}

export function listNodes(params: { cursor?: string; limit?: number } = {}): Promise<Page<JurisdictionNode>> {
  return json(`/v1/nodes${queryString(params)}`);
}

// ---- audit

export interface AuditEntry {
  auditId: string;
  at: string;
  actorType: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  requestId: string;
  details?: Record<string, unknown>;
}

export function listAudit(params: { from: string; to: string; cursor?: string; limit?: number }): Promise<Page<AuditEntry>> {
  return json(`/v1/audit${queryString(params)}`);
}

// ---- policy profiles

/** A published profile is valid; a draft (or an import) may not be, so it is plain JSON. */
export type { PolicyProfile };
export type ProfileDocument = Record<string, unknown>;

export interface ProfileVersionSummary {
  version: number;
  effectiveFrom: string;
  publishedAt: string;
  publishedBy: string;
  publishedByName?: string;
  /** `preset:<id>` or `v:<n>`: usable as a diff side. */
  basedOn: string;
  note?: string;
}

export interface ProfileVersion extends ProfileVersionSummary {
  profile: PolicyProfile;
}

/** A problem in a profile at a JSON path (`$.hazards.severities[0].rectificationDays.value`). */
export interface ProfileIssue {
  path: string;
  code: string;
  message: { zh: string; en: string };
}

export interface ProfileDraft {
  /** Send it back as If-Match when saving; 0 before the first save. */
  rev: number;
  basedOnVersion: number;
  /** Saved since the last publish. */
  pending: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  profile: ProfileDocument;
  issues: ProfileIssue[];
}

/** `v:<n>`, `draft` or `preset:<id>`. */
export type ProfileRef = string;

export interface ProfileChange {
  kind: "added" | "removed" | "changed";
  /** List elements named by id: `$.levels[id=town].name.zh`. */
  path: string;
  ruleId?: string;
  before?: unknown;
  after?: unknown;
  /** The clause of the innermost rule on each side; null: a default without source; absent: no rule there. */
  sourceRefBefore?: string | null;
  sourceRefAfter?: string | null;
  text: { zh: string; en: string };
}

export interface ProfileDiff {
  from: ProfileRef;
  to: ProfileRef;
  changes: ProfileChange[];
}

const ifMatch = (rev: number) => ({ "if-match": `"${rev}"` });

/** The version in effect at `at` (default now). */
export function getCurrentProfile(at?: string): Promise<ProfileVersion> {
  return json(`/v1/profile${queryString({ at })}`);
}

export function listProfileVersions(params: { cursor?: string; limit?: number } = {}): Promise<Page<ProfileVersionSummary>> {
  return json(`/v1/profile/versions${queryString(params)}`);
}

export function getProfileVersion(n: number): Promise<ProfileVersion> {
  return json(`/v1/profile/versions/${n}`);
}

export function getProfileDraft(): Promise<ProfileDraft> {
  return json("/v1/profile/draft");
}

/** 409 `profile.draft_stale` when the draft moved on since `rev`. */
export function saveProfileDraft(profile: ProfileDocument, rev: number): Promise<ProfileDraft> {
  return json("/v1/profile/draft", { method: "PUT", body: JSON.stringify({ profile }), headers: ifMatch(rev) });
}

/** The issues of a document; nothing is saved. */
export function validateProfile(profile: ProfileDocument, signal?: AbortSignal): Promise<{ valid: boolean; issues: ProfileIssue[] }> {
  return json("/v1/profile/draft/validate", { ...post({ profile }), ...(signal ? { signal } : {}) });
}

export function publishProfile(input: { effectiveFrom?: string; note?: string }, idempotencyKey: string): Promise<ProfileVersionSummary> {
  return json("/v1/profile/publish", post(input, { "idempotency-key": idempotencyKey }));
}

export function getProfileDiff(from: ProfileRef, to: ProfileRef): Promise<ProfileDiff> {
  return json(`/v1/profile/diff${queryString({ from, to })}`);
}

/** A document becomes the draft (nothing is published); 409 when the draft moved on since `rev`. */
export function importProfile(profile: ProfileDocument, rev: number): Promise<ProfileDraft> {
  return json("/v1/profile/import", { method: "POST", body: JSON.stringify(profile), headers: ifMatch(rev) });
}

/** A version's (or the draft's) document as a file, named as the API names it. */
export async function exportProfile(version: number | "draft"): Promise<{ filename: string; blob: Blob }> {
  const res = await apiFetch(`/v1/profile/export${queryString({ version })}`);
  const disposition = res.headers.get("content-disposition") ?? "";
  const filename = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `profile-${version}.json`;
  return { filename, blob: await res.blob() };
}

// ---- jurisdiction tree

const nodePath = (nodeId: string) => `/v1/nodes/${encodeURIComponent(nodeId)}`;

export function getNode(nodeId: string): Promise<JurisdictionNode> {
  return json(nodePath(nodeId));
}

export interface CreateNodeInput {
  parentId: string;
  name: string;
  unit?: string;
  tier?: string;
}

/** The child's level is the one below its parent's in the profile in force. */
export function createNode(input: CreateNodeInput, idempotencyKey: string): Promise<JurisdictionNode> {
  return json("/v1/nodes", post(input, { "idempotency-key": idempotencyKey }));
}

/** `tier: null` clears it (tenant admins only). */
export function updateNode(nodeId: string, input: { name?: string; unit?: string; tier?: string | null }): Promise<JurisdictionNode> {
  return json(nodePath(nodeId), { method: "PATCH", body: JSON.stringify(input) });
}

export function moveNode(nodeId: string, parentId: string): Promise<JurisdictionNode> {
  return json(`${nodePath(nodeId)}/move`, post({ parentId }));
}

/** 409 `node.has_active_children` while it has active children. */
export function retireNode(nodeId: string): Promise<JurisdictionNode> {
  return json(`${nodePath(nodeId)}/retire`, { method: "POST" });
}

// ---- imports

export type ImportMode = "all_or_nothing" | "skip_bad_rows";
export type ImportKind = "tree" | "staff";

export interface ImportRowError {
  row: number;
  column: string;
  code: string;
  message: { zh: string; en: string };
}

export interface ImportReport {
  mode: ImportMode;
  imported: number;
  skipped: number;
  errors: ImportRowError[];
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * An xlsx or CSV file as the request body. In all_or_nothing mode a bad file
 * answers 400 `import.rejected`, its fields named `rows[<row>].<column>`.
 */
export function importFile(kind: ImportKind, file: Blob & { name?: string }, params: { mode: ImportMode; under?: string }): Promise<ImportReport> {
  const csv = /\.csv$/i.test(file.name ?? "") || file.type === "text/csv";
  return json(`/v1/import/${kind}${queryString(params)}`, { method: "POST", body: file, headers: { "content-type": csv ? "text/csv" : XLSX_TYPE } });
}

// ---- organisation of a node

export type Employment = "on_payroll" | "contracted" | "auxiliary" | "seconded" | "other";
export type ForceKind = "full_time_brigade" | "micro_station" | "volunteer_team" | "integrated_team";
export type VehicleType = "water_tanker" | "other_firefighting" | "multi_purpose" | "support";
export type DutyStatus = "on_duty" | "standby" | "off_duty" | "out_of_service";
export type RecordKind = "meeting" | "analysis" | "training" | "drill" | "emergency_plan" | "publicity" | "annual_plan" | "work_notice";
type Label = { zh: string; en: string };

export interface Person {
  personId: string;
  nodeId: string;
  path: string;
  name: string;
  employment: Employment;
  secondedFrom?: string;
  bodyId?: string;
  roles: string[];
  positions: string[];
  /** Masked (138****5678) when `personalData` is "masked". */
  phone?: string;
  idNumber?: string;
  personalData: "full" | "masked";
  userId?: string;
  status: "active" | "left";
  updatedAt: string;
}

export interface Brigade {
  brigadeId: string;
  nodeId: string;
  path: string;
  name: string;
  force: ForceKind;
  grade?: string;
  deployment?: "centre" | "satellite";
  coveredNodeIds: string[];
  memberIds: string[];
  vehicles: { type: VehicleType; count: number }[];
  dutyStatus: DutyStatus;
  status: "active" | "disbanded";
  updatedAt: string;
}

export interface StandardItem {
  itemId: string;
  name: Label;
  metOn?: string;
  evidence?: string;
  photoKey?: string;
}

export interface OrgBody {
  bodyId: string;
  name: Label;
  kind: string;
  localName?: string;
  establishedOn?: string;
  note?: string;
  setUp: boolean;
  members: { personId: string; name: string; positionId: string; title: Label }[];
  staff: number;
  standards: { standardId: string; name: Label; deadline: string | null; sourceRef: string | null; items: StandardItem[] }[];
}

export interface Organisation {
  node: JurisdictionNode;
  bodies: OrgBody[];
  people: Person[];
  brigades: Brigade[];
  coveredBy: { brigadeId: string; homeNodeId: string; name: string; force: string; grade?: string }[];
  milestones: { milestoneId: string; name: Label; by: string; sourceRef: string | null; metOn?: string; evidence?: string }[];
}

export function getOrganisation(nodeId: string): Promise<Organisation> {
  return json(`${nodePath(nodeId)}/organisation`);
}

export interface PersonInput {
  name?: string;
  employment?: Employment;
  secondedFrom?: string | null;
  bodyId?: string | null;
  roles?: string[];
  positions?: string[];
  phone?: string | null;
  idNumber?: string | null;
  status?: Person["status"];
}

export function createPerson(nodeId: string, input: PersonInput & { name: string; employment: Employment }, idempotencyKey: string): Promise<Person> {
  return json(`${nodePath(nodeId)}/people`, post(input, { "idempotency-key": idempotencyKey }));
}

/** Only the fields to change; `null` clears one. Phone and ID number only for those who may see them. */
export function updatePerson(nodeId: string, personId: string, input: PersonInput): Promise<Person> {
  return json(`${nodePath(nodeId)}/people/${encodeURIComponent(personId)}`, { method: "PATCH", body: JSON.stringify(input) });
}

/** Records a profile body as set up at the node. */
export function setBody(nodeId: string, bodyId: string, input: { localName?: string; establishedOn?: string; note?: string }): Promise<OrgBody> {
  return json(`${nodePath(nodeId)}/bodies/${encodeURIComponent(bodyId)}`, post(input));
}

/** One checklist item of a station standard; `metOn: null`: not (or no longer) met. */
export function setStandardItem(nodeId: string, standardId: string, itemId: string, input: { metOn: string | null; evidence?: string }): Promise<StandardItem & { standardId: string }> {
  return json(`${nodePath(nodeId)}/standards/${encodeURIComponent(standardId)}/items/${encodeURIComponent(itemId)}`, post(input));
}

export function setMilestone(nodeId: string, milestoneId: string, input: { metOn: string; evidence?: string }): Promise<{ milestoneId: string; metOn: string; evidence?: string }> {
  return json(`${nodePath(nodeId)}/milestones/${encodeURIComponent(milestoneId)}`, post(input));
}

export interface BrigadeInput {
  name?: string;
  force?: ForceKind;
  grade?: string | null;
  memberIds?: string[];
  vehicles?: Brigade["vehicles"];
  dutyStatus?: DutyStatus;
  status?: Brigade["status"];
}

export function createBrigade(nodeId: string, input: BrigadeInput & { name: string; force: ForceKind }): Promise<Brigade> {
  return json(`${nodePath(nodeId)}/brigades`, post(input));
}

export function updateBrigade(nodeId: string, brigadeId: string, input: BrigadeInput): Promise<Brigade> {
  return json(`${nodePath(nodeId)}/brigades/${encodeURIComponent(brigadeId)}`, { method: "PATCH", body: JSON.stringify(input) });
}

export interface ObligationRecord {
  recordId: string;
  nodeId: string;
  kind: RecordKind;
  obligationId?: string;
  date: string;
  title?: string;
  note?: string;
  attendees: { personId: string; nodeId: string }[];
  chairPersonId?: string;
  topics?: string[];
  minutes?: string;
  workNotices?: string[];
  course?: string;
  hours?: number;
  drillType?: string;
  participantCount?: number;
  target?: string;
  campaign?: string;
  audienceCount?: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export type RecordInput = Partial<Omit<ObligationRecord, "recordId" | "nodeId" | "kind" | "obligationId" | "createdBy" | "createdAt" | "updatedAt">> & { obligationId?: string | null };

/** Newest first. */
export function listRecords(nodeId: string, params: { kind?: RecordKind; cursor?: string; limit?: number } = {}): Promise<Page<ObligationRecord>> {
  return json(`${nodePath(nodeId)}/records${queryString(params)}`);
}

export function createRecord(nodeId: string, input: RecordInput & { kind: RecordKind; date: string }, idempotencyKey: string): Promise<ObligationRecord> {
  return json(`${nodePath(nodeId)}/records`, post(input, { "idempotency-key": idempotencyKey }));
}

export function updateRecord(nodeId: string, recordId: string, input: RecordInput): Promise<ObligationRecord> {
  return json(`${nodePath(nodeId)}/records/${encodeURIComponent(recordId)}`, { method: "PATCH", body: JSON.stringify(input) });
}

// ---- compliance

export type FindingStatus = "met" | "unmet" | "due_soon" | "not_applicable" | "overdue";
export type StatusCounts = Record<FindingStatus, number>;

export interface Finding {
  ruleId: string;
  nodeId: string;
  subjectId?: string;
  status: FindingStatus;
  evidence: Label;
  severity: "high" | "medium" | "low" | "info";
  /** The clause; null for a rule the document does not state (`text` then gives the assumption). */
  sourceRef: string | null;
  /** The clause's zh text. */
  text: string;
}

export interface NodeFindings {
  nodeId: string;
  at: string;
  today: string;
  profileVersion: number;
  counts: StatusCounts;
  findings: Finding[];
}

/** Judged now, or as at `at` under the profile version then in effect. */
export function getNodeFindings(nodeId: string, at?: string): Promise<NodeFindings> {
  return json(`/v1/compliance/nodes/${encodeURIComponent(nodeId)}${queryString({ at })}`);
}

export interface RollupRow {
  nodeId: string;
  name: string;
  path: string;
  counts: StatusCounts;
  nodesEvaluated: number;
  profileVersion: number;
  evaluatedAt: string;
}

/** Counts per town as of each town's last refresh. */
export function getRollup(params: { nodeId?: string; cursor?: string; limit?: number } = {}): Promise<Page<RollupRow>> {
  return json(`/v1/compliance/rollup${queryString(params)}`);
}

export function refreshRollup(nodeId?: string): Promise<Page<RollupRow>> {
  return json("/v1/compliance/refresh", post(nodeId ? { nodeId } : {}));
}

// ---- hazards (the closed loop), inbox, public tips

export type HazardState = "discovered" | "registered" | "dispatched" | "rectifying" | "verifying" | "closed" | "withdrawn";
export type HazardSource = "inspection" | "grid_patrol" | "public_tip" | "iot_alert" | "transfer";
export type HazardAction =
  | "register" | "dispatch" | "start" | "submit" | "close" | "reject" | "fix_on_spot" | "withdraw" | "reopen"
  | "acknowledge" | "escalate" | "assess" | "list" | "delist";

export interface Hazard {
  hazardId: string;
  nodeId: string;
  path: string;
  venueId?: string;
  locationText?: string;
  code?: string;
  codeText?: string;
  severity?: string;
  description: string;
  photos: string[];
  source: HazardSource;
  transferredFrom?: string;
  reporter: { type: string; id?: string; contact?: string };
  responsibleParty?: { name: string; contact?: string };
  state: HazardState;
  deadline?: string;
  overdue: boolean;
  handling?: { body?: string; level: string };
  assigneeId?: string;
  pendingAcks: { body: string; requestedAt: string; dueAt: string; late: boolean }[];
  acks: { body: string; at: string; by: string }[];
  listings: { levelId: string; level: string; listedBy: string; at: string; by: string; reason?: string }[];
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  reopenCount: number;
  version: number;
}

export interface HazardEvent {
  seq: number;
  at: string;
  action: string;
  from: string;
  to: string;
  actorType: string;
  actorId: string;
  actorName?: string;
  version: number;
  note?: string;
  photos?: string[];
  deadlineBefore?: string;
  deadlineAfter?: string;
  details?: Record<string, unknown>;
}

export interface HazardTimeline {
  hazard?: Hazard;
  /** The actions the caller may take now (inputs still checked on submit). */
  allowedActions?: HazardAction[];
  events: HazardEvent[];
  cursor: string | null;
}

export interface HazardSummary {
  hazardId: string;
  nodeId: string;
  path: string;
  state: HazardState;
  severity?: string;
  code?: string;
  codeText?: string;
  description: string;
  locationText?: string;
  source: HazardSource;
  deadline?: string;
  overdue: boolean;
  handling?: { body?: string; level: string };
  assigneeId?: string;
  listedAt: string[];
  awaitingAck: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ReportHazardInput {
  nodeId: string;
  venueId?: string;
  locationText?: string;
  code: string;
  codeText?: string;
  severity: string;
  description: string;
  photos?: string[];
  source: Exclude<HazardSource, "public_tip">;
  transferredFrom?: string;
  responsibleParty?: { name: string; contact?: string };
}

/** 201 a new hazard; 200 with `reopened: true` when it reopened a closed one. */
export function reportHazard(input: ReportHazardInput, idempotencyKey: string): Promise<Hazard & { reopened: boolean }> {
  return json("/v1/hazards", post(input, { "idempotency-key": idempotencyKey }));
}

export type HazardList =
  | { list: "state"; state?: HazardState | "open"; path?: string }
  | { list: "assigned" }
  | { list: "overdue"; path?: string }
  | { list: "listed"; path?: string }
  | { list: "awaiting-ack"; bodyId: string; path?: string }
  | { list: "by-source"; source: HazardSource; path?: string };

/** One page of one of the API's hazard lists. */
export function listHazards(params: HazardList & { cursor?: string; limit?: number }): Promise<Page<HazardSummary>> {
  const { list, ...query } = params;
  const path = list === "state" ? "/v1/hazards" : `/v1/hazards/${list}`;
  return json(`${path}${queryString(query)}`);
}

const hazardPath = (hazardId: string) => `/v1/hazards/${encodeURIComponent(hazardId)}`;

/** The hazard (first page only) and its events in order. */
export function getHazard(hazardId: string, params: { cursor?: string; limit?: number } = {}): Promise<HazardTimeline> {
  return json(`${hazardPath(hazardId)}${queryString(params)}`);
}

export interface HazardActionInput {
  action: HazardAction;
  expectedVersion?: number;
  note?: string;
  reason?: string;
  photos?: string[];
  deadline?: string;
  assigneeId?: string;
  responsibleParty?: { name: string; contact?: string };
  severity?: string;
  body?: string;
  to?: string;
  level?: string;
}

/** 409 when the state does not allow it or someone acted first: `errors` carry `current.state` and `current.version`. */
export function actOnHazard(hazardId: string, input: HazardActionInput, idempotencyKey: string): Promise<Hazard> {
  return json(`${hazardPath(hazardId)}/transitions`, post(input, { "idempotency-key": idempotencyKey }));
}

export interface Notification {
  notificationId: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  title: { zh: string; en: string };
  createdAt: string;
  readAt?: string;
}

export function listInbox(params: { cursor?: string; limit?: number } = {}): Promise<Page<Notification>> {
  return json(`/v1/inbox${queryString(params)}`);
}

export async function unreadCount(): Promise<number> {
  return (await json<{ unread: number }>("/v1/inbox/unread-count")).unread;
}

export function markRead(notificationId: string): Promise<Notification> {
  return json(`/v1/inbox/${encodeURIComponent(notificationId)}/read`, { method: "POST" });
}

export interface TipInput {
  locationText: string;
  description: string;
  contact?: string;
}

/** No sign-in; 429 `hazard.tip_rate_limited` when one address sent too many. */
export function submitTip(tenantSlug: string, input: TipInput): Promise<{ hazardId: string; state: HazardState; message: { zh: string; en: string } }> {
  return json(`/v1/public/${encodeURIComponent(tenantSlug)}/tips`, post(input), { anonymous: true });
}

// ---- hazard photos: presigned upload straight to storage, short-lived links to view

interface PhotoUpload {
  key: string;
  uploadUrl: string;
  method: "PUT";
  headers: Record<string, string>;
}

/** Uploads one photo for a hazard report or action and answers its key (to send in `photos`). */
export async function uploadHazardPhoto(file: File): Promise<string> {
  const slot = await json<PhotoUpload>("/v1/hazards/photos", post({ contentType: file.type, size: file.size }));
  // The browser sets Content-Length itself, from the file: it matches the signed size.
  const res = await fetch(slot.uploadUrl, { method: slot.method, headers: { "content-type": slot.headers["content-type"]! }, body: file });
  if (!res.ok) throw new ApiError(res.status, "file.upload_failed", `${res.status} ${res.statusText}`);
  return slot.key;
}

export function hazardPhotoUrl(hazardId: string, key: string): Promise<{ url: string }> {
  return json(`${hazardPath(hazardId)}/photo?key=${encodeURIComponent(key)}`);
}

/** Uploads one photo taken at a venue (an inspection item's evidence) and answers its key. */
export async function uploadVenuePhoto(venueId: string, file: File): Promise<string> {
  const slot = await json<PhotoUpload>(`/v1/venues/${encodeURIComponent(venueId)}/photos`, post({ contentType: file.type, size: file.size }));
  const res = await fetch(slot.uploadUrl, { method: slot.method, headers: { "content-type": slot.headers["content-type"]! }, body: file });
  if (!res.ok) throw new ApiError(res.status, "file.upload_failed", `${res.status} ${res.statusText}`);
  return slot.key;
}

// ---- venues: the ledger; supervisor and categories are derived by the API from the profile

export interface Venue {
  venueId: string;
  name: string;
  address?: string;
  lat?: number;
  lng?: number;
  nodeId: string;
  path: string;
  kinds: string[];
  keyUnitLevel?: string;
  enterpriseGrade?: string;
  riskGrade?: string;
  flags: string[];
  features: string[];
  contactName?: string;
  contactPhone?: string;
  externalId?: string;
  supervisor: string;
  supervisionRule?: string;
  categories: string[];
  profileVersion: number;
  status: "active" | "retired";
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface VenueInput {
  name?: string;
  address?: string | null;
  nodeId?: string;
  kinds?: string[];
  riskGrade?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  externalId?: string | null;
}

export interface VenueEvent {
  eventId: string;
  at: string;
  action: string;
  actorId: string;
  profileVersion: number;
  changed?: string[];
}

const venuePath = (venueId: string) => `/v1/venues/${encodeURIComponent(venueId)}`;

export function listVenues(params: { nodeId?: string; cursor?: string; limit?: number } = {}): Promise<Page<Venue>> {
  return json(`/v1/venues${queryString(params)}`);
}

export function getVenue(venueId: string): Promise<Venue> {
  return json(venuePath(venueId));
}

export function createVenue(input: VenueInput & { name: string; nodeId: string; kinds: string[] }, idempotencyKey: string): Promise<Venue> {
  return json("/v1/venues", post(input, { "idempotency-key": idempotencyKey }));
}

export function updateVenue(venueId: string, input: VenueInput & { version?: number }): Promise<Venue> {
  return json(venuePath(venueId), { method: "PATCH", body: JSON.stringify(input) });
}

export function venueHistory(venueId: string, params: { cursor?: string; limit?: number } = {}): Promise<Page<VenueEvent>> {
  return json(`${venuePath(venueId)}/history${queryString(params)}`);
}

export interface VenueExportFilter {
  nodeId?: string;
  kind?: string;
  category?: string;
  supervisor?: string;
}

export async function exportVenues(format: "xlsx" | "csv", filter: VenueExportFilter = {}): Promise<{ filename: string; blob: Blob }> {
  const res = await apiFetch(`/v1/export/venues${queryString({ format, ...filter })}`);
  const disposition = res.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  return { filename: encoded ? decodeURIComponent(encoded) : `venues.${format}`, blob: await res.blob() };
}

export interface VenueImportReport {
  importId?: string;
  mode: ImportMode;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: { row: number; column: string; code: string; message: { zh: string; en: string } }[];
}

export interface VenueImportProgress {
  importId: string;
  status: "checking" | "writing" | "done" | "rejected" | "failed";
  total: number;
  processed: number;
  startedAt: string;
  finishedAt?: string;
  report?: VenueImportReport;
}

/**
 * An xlsx or CSV ledger as the request body; `importId` lets the caller poll
 * progress meanwhile. In all_or_nothing mode a bad file answers 400 with the
 * rows named in its fields (`rows[<row>].<column>`).
 */
export function importVenues(file: Blob & { name?: string }, params: { mode: ImportMode; under?: string; importId: string }): Promise<VenueImportReport> {
  const csv = /\.csv$/i.test(file.name ?? "") || file.type === "text/csv";
  return json(`/v1/import/venues${queryString(params)}`, { method: "POST", body: file, headers: { "content-type": csv ? "text/csv" : XLSX_TYPE } });
}

export function venueImportProgress(importId: string): Promise<VenueImportProgress> {
  return json(`/v1/venue-imports/${encodeURIComponent(importId)}`);
}

// ---- inspections: tasks from the daily job, checklists, visits, coverage

export interface InspectionTask {
  taskId: string;
  kind: "coverage" | "patrol";
  subjectId: string;
  category: string;
  period: string;
  venueId?: string;
  venueName?: string;
  nodeId: string;
  path: string;
  responsibleRole: string;
  dueAt: string;
  state: "open" | "done";
  doneAt?: string;
  inspectionId?: string;
}

export interface ChecklistEntry {
  category: string;
  itemId: string;
  name: { zh: string; en: string };
  hazardCode: string;
  sourceRef: string | null;
}

export interface Checklist {
  venueId: string;
  venueName: string;
  categories: { id: string; name: { zh: string; en: string }; includedBy?: string }[];
  items: ChecklistEntry[];
  task?: InspectionTask;
}

export type ItemOutcome = "pass" | "fail" | "not_applicable";

export interface ItemResult {
  category: string;
  itemId: string;
  result: ItemOutcome;
  note?: string;
  photos: string[];
  severity?: string;
}

export interface FinishInspectionInput {
  taskId?: string;
  startedAt?: string;
  note?: string;
  items: ItemResult[];
}

export interface Inspection {
  inspectionId: string;
  venueId: string;
  nodeId: string;
  path: string;
  categories: string[];
  taskIds: string[];
  inspectorId: string;
  startedAt?: string;
  finishedAt: string;
  note?: string;
  items: (ItemResult & { hazardCode: string; hazardId?: string })[];
  hazardIds: string[];
  passed: number;
  failed: number;
  notApplicable: number;
  profileVersion: number;
}

export interface CoverageRow {
  nodeId: string;
  path: string;
  category: string;
  period: string;
  due: number;
  inspected: number;
  percent: number;
}

export function listInspectionTasks(params: { nodeId?: string; state?: "open" | "done"; cursor?: string; limit?: number } = {}): Promise<Page<InspectionTask>> {
  return json(`/v1/inspection-tasks${queryString(params)}`);
}

export function openInspectionTask(taskId: string): Promise<{ task: InspectionTask; checklist?: Checklist }> {
  return json(`/v1/inspection-tasks/${encodeURIComponent(taskId)}`);
}

export function getChecklist(venueId: string): Promise<Checklist> {
  return json(`${venuePath(venueId)}/checklist`);
}

export function finishInspection(venueId: string, input: FinishInspectionInput, idempotencyKey: string): Promise<Inspection> {
  return json(`${venuePath(venueId)}/inspections`, post(input, { "idempotency-key": idempotencyKey }));
}

export function listVenueInspections(venueId: string, params: { cursor?: string; limit?: number } = {}): Promise<Page<Inspection>> {
  return json(`${venuePath(venueId)}/inspections${queryString(params)}`);
}

export function getNodeCoverage(nodeId: string, params: { cursor?: string; limit?: number } = {}): Promise<Page<CoverageRow>> {
  return json(`/v1/coverage/nodes/${encodeURIComponent(nodeId)}${queryString(params)}`);
}

export function getCoverageByPeriod(params: { category: string; period: string; nodeId?: string; cursor?: string; limit?: number }): Promise<Page<CoverageRow>> {
  return json(`/v1/coverage${queryString(params)}`);
}
