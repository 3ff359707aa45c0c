import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { useTenant, withActor } from "../context/actor.ts";
import { timeOrderedId } from "../db/ids.ts";
import { TENANT_ID_PATTERN } from "../db/keys.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type CancelReason, type TxItem } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { fieldError } from "../errors/field-error.ts";
import { bilingual, fieldErrorsFromZod } from "../errors/zod-issues.ts";
import { bodyOf, hazardDocs, raiseHazard, raisedHazardItems, raisedItemCount, type Context, type Hazard } from "../hazards/index.ts";
import { profileAt, type PolicyProfile } from "../profile/index.ts";
import { DEFAULT_TIME_ZONE, tenantInContext } from "../tenancy/index.ts";
import { clientOfKey } from "./clients.ts";
import { attributesOf, serviceDefinition, servicesOf, type Service, type ServiceDefinition } from "./services.ts";

// GeoReport v2 requests of one county: filed by a keyed client as a hazard
// (source `open311`, at the county's root like a resident's tip, for an
// officer to register or withdraw), and read back by id, by token and as a
// list. Reads need a key too: the spec allows public reads, but a hazard's
// details can name people, so only the county's own clients read them.

const MAX_ITEMS = 100;
/** A body sent again by the same client within this window is the same request (a retry without an Idempotency-Key). */
export const DUPLICATE_WINDOW_MINUTES = 10;
/** Spec: without dates, the last 90 days; at most 1000 requests. */
const DEFAULT_DAYS = 90;
const MAX_LIST = 1000;

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");

/** Runs inside the county the path names (as a public tip does); an unknown or inactive county answers 404. */
export async function inCounty<T>(tenantSlug: string, fn: () => Promise<T>): Promise<T> {
  if (!TENANT_ID_PATTERN.test(tenantSlug)) throw new AppError("not_found", "tenant.not_found");
  return withActor({ type: "public", tenantId: tenantSlug }, async () => {
    const tenant = await tenantInContext();
    if (!tenant || tenant.status !== "active") throw new AppError("not_found", "tenant.not_found");
    return fn();
  });
}

// ── Services ───────────────────────────────────────────────────────────────

export async function listServices(tenantSlug: string, opts: { now?: Date } = {}): Promise<Service[]> {
  return inCounty(tenantSlug, async () => servicesOf((await profileAt(opts.now ?? new Date())).profile));
}

export async function getServiceDefinition(tenantSlug: string, code: string, opts: { now?: Date } = {}): Promise<ServiceDefinition> {
  return inCounty(tenantSlug, async () => serviceDefinition((await profileAt(opts.now ?? new Date())).profile, code));
}

// ── Filing a request ───────────────────────────────────────────────────────

/** A form's empty field is no coordinate (not 0): `lat=&long=` means none was given. */
const Coordinate = (min: number, max: number, zh: string, en: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number(bilingual(`${zh}须为数字`, `${en} must be a number`)).min(min, bilingual(`${zh}超出范围`, `${en} is out of range`)).max(max, bilingual(`${zh}超出范围`, `${en} is out of range`)).optional(),
  );

export const PostRequestInput = z
  .object({
    service_code: z.string().trim().min(1, bilingual("请填写服务代码", "Give a service_code")).max(64),
    lat: Coordinate(-90, 90, "纬度", "lat"),
    long: Coordinate(-180, 180, "经度", "long"),
    address_string: z.string().trim().min(2).max(200).optional(),
    address_id: z.string().trim().min(1).max(64).optional(),
    description: z.string().trim().min(2, bilingual("请描述隐患情况", "Describe the hazard")).max(1000).optional(),
    media_url: z.url(bilingual("media_url 须为 http(s) 地址", "media_url must be an http(s) address")).max(500).refine((u) => /^https?:\/\//i.test(u), bilingual("media_url 须为 http(s) 地址", "media_url must be an http(s) address")).optional(),
    email: z.string().trim().max(100).optional(),
    phone: z.string().trim().max(50).optional(),
    first_name: z.string().trim().max(50).optional(),
    last_name: z.string().trim().max(50).optional(),
    device_id: z.string().trim().max(100).optional(),
    account_id: z.string().trim().max(100).optional(),
    attribute: z.record(z.string().max(64), z.union([z.string().max(200), z.array(z.string().max(200)).max(20)])).default({}),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.long === undefined)) ctx.addIssue({ code: "custom", path: [v.lat === undefined ? "lat" : "long"], message: bilingual("经纬度须同时填写", "Send lat and long together") });
    if (v.lat === undefined && !v.address_string && !v.address_id) ctx.addIssue({ code: "custom", path: ["lat"], message: bilingual("请填写位置：lat/long 或 address_string", "Give a location: lat/long or address_string") });
  })
  .meta({ id: "Open311PostRequestInput" });
export type PostRequest = z.output<typeof PostRequestInput>;

export const PostedSchema = z.object({ service_request_id: z.string(), token: z.string(), service_notice: z.string() }).meta({ id: "Open311Posted" });
export type Posted = z.infer<typeof PostedSchema>;

const NOTICE = "已受理，工作人员将核实处理 / Received: staff will check it and act";

function checkAttributes(profile: PolicyProfile, attribute: Record<string, string | string[]>) {
  const defs = new Map(attributesOf(profile).map((a) => [a.code, a]));
  const fields = [];
  for (const [code, value] of Object.entries(attribute)) {
    const def = defs.get(code);
    const path = `body.attribute[${code}]`;
    if (!def) fields.push(fieldError(path, "open311.attribute_unknown", "该服务没有此属性", "The service has no such attribute"));
    else if (def.datatype === "singlevaluelist" && (typeof value !== "string" || !def.values!.some((v) => v.key === value)))
      fields.push(fieldError(path, "open311.attribute_value", `请从以下选项中选择：${def.values!.map((v) => v.key).join("、")}`, `Pick one of: ${def.values!.map((v) => v.key).join(", ")}`));
    else if (def.datatype === "string" && (typeof value !== "string" || value.length > 100)) fields.push(fieldError(path, "open311.attribute_value", "请填写不超过 100 字的文字", "A text of at most 100 characters"));
  }
  if (fields.length) throw new AppError("validation", "request.invalid", {}, fields);
}

/**
 * A keyed client files a request: one hazard (source `open311`, the client's
 * id on its reporter and first event, at the county's root for an officer to
 * register or withdraw), the request's record (location, address, media
 * link, attributes), its token and, for retries, the Idempotency-Key and a
 * fingerprint of the body within a short window, all in ONE transaction. The
 * same key or body again answers the first request and writes nothing.
 */
export const postRequest = Object.assign(
  async (body: unknown, tenantSlug: string, apiKey: string | undefined, opts: { idempotencyKey?: string; now?: Date } = {}): Promise<Posted> =>
  inCounty(tenantSlug, async () => {
    // The key first: a caller without one learns nothing of the input's rules.
    const client = await clientOfKey(apiKey);
    const input = parsed(PostRequestInput, body, "body");
    for (let attempt = 1; ; attempt++) {
      try {
        return await file(input, client, opts.idempotencyKey, opts.now ?? new Date());
      } catch (err) {
        if (!(err instanceof AppError && err.code === "request.conflict_retry") || attempt >= 3) throw err;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 40));
      }
    }
  }),
  { schema: PostRequestInput },
);

function parsed<S extends z.ZodType>(schema: S, input: unknown, root: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("validation", "request.invalid", {}, fieldErrorsFromZod(result.error, root));
  return result.data;
}

async function file(input: PostRequest, client: { clientId: string }, idempotencyKey: string | undefined, now: Date): Promise<Posted> {
  const tenantId = useTenant();
  const tenant = (await tenantInContext())!;
  const { version, profile } = await profileAt(now);
  if (!profile.hazards.codes.some((c) => c.id === input.service_code)) {
    throw new AppError("validation", "request.invalid", {}, [fieldError("body.service_code", "open311.service_unknown", "没有此服务代码（见 services）", "No such service_code (see services)")]);
  }
  checkAttributes(profile, input.attribute);
  const timeZone = tenant.timeZone ?? DEFAULT_TIME_ZONE;
  const fingerprint = sha256(JSON.stringify([client.clientId, input]));
  const window = Math.floor(now.getTime() / (DUPLICATE_WINDOW_MINUTES * 60_000));
  const keys = [
    ...(idempotencyKey ? [{ key: `idem:${client.clientId}:${sha256(idempotencyKey)}`, ttlHours: 24 }] : []),
    { key: `dup:${fingerprint}:${window}`, ttlHours: 1 },
  ];

  const hazardId = timeOrderedId(now);
  const token = randomBytes(16).toString("base64url");
  const code = profile.hazards.codes.find((c) => c.id === input.service_code)!;
  const place = input.address_string ?? (input.lat !== undefined ? `${input.lat},${input.long}` : `address_id ${input.address_id}`);
  const venue = typeof input.attribute.venue_name === "string" ? input.attribute.venue_name : undefined;
  const contact = [[input.last_name, input.first_name].filter(Boolean).join(""), input.phone, input.email].filter(Boolean).join(" ") || undefined;
  const ctx: Context = { profile, profileVersion: version, timeZone, now, actor: { type: "public" } };
  const raised = await raiseHazard(
    ctx,
    {
      hazardId,
      place: { nodeId: tenant.rootNodeId, path: `/${tenant.rootNodeId}` },
      locationText: (venue ? `${venue}（${place}）` : place).slice(0, 200),
      code: code.id,
      description: input.description ?? `${code.name.zh}（${place}）`,
      photos: [],
      source: "open311",
      reporter: { type: "public", id: `open311:${client.clientId}`, ...(contact ? { contact } : {}) },
    },
    { details: plain({ open311ClientId: client.clientId, mediaUrl: input.media_url, attributes: Object.keys(input.attribute).length ? input.attribute : undefined }) },
  );
  const fixed = keys.length + 2;
  const room = MAX_ITEMS - fixed;
  if (raisedItemCount([raised], timeZone) > room) throw new AppError("conflict", "request.conflict_retry");
  const requestedAt = now.toISOString();
  let canceled: CancelReason[] = [];
  try {
    await writeTransaction(
      (tx) => [
        ...keys.map((k) => tx.open311Key.create({ tenantId, key: k.key, hazardId, token, fingerprint, expiresAt: Math.floor(now.getTime() / 1000) + k.ttlHours * 3600 }).commit() as TxItem),
        tx.open311Key.create({ tenantId, key: `token:${token}`, hazardId, token }).commit() as TxItem,
        tx.open311Request
          .create(
            plain({
              tenantId,
              hazardId,
              clientId: client.clientId,
              serviceCode: code.id,
              token,
              lat: input.lat,
              long: input.long,
              address: input.address_string,
              addressId: input.address_id,
              mediaUrl: input.media_url,
              attributes: Object.keys(input.attribute).length ? input.attribute : undefined,
              requestedAt,
            }),
          )
          .commit() as TxItem,
        ...raisedHazardItems(tx, [raised], { profileVersion: version, timeZone, now, room }),
      ],
      {
        onCanceled: (reasons) => {
          canceled = reasons;
          return new AppError("conflict", "request.conflict_retry");
        },
      },
    );
  } catch (err) {
    const hit = canceled.find((r) => r.index < keys.length);
    if (!hit) throw err;
    // Sent before: answer what the first request answered.
    const { data } = await tenantDb().service.entities.open311Key.get({ tenantId, key: keys[hit.index]!.key }).go({ consistent: true });
    if (!data) throw err;
    if (data.fingerprint !== fingerprint) throw new AppError("conflict", "open311.idempotency_mismatch");
    return { service_request_id: data.hazardId, token: data.token, service_notice: NOTICE };
  }
  return { service_request_id: hazardId, token, service_notice: NOTICE };
}

// ── Reading requests ───────────────────────────────────────────────────────

export const ServiceRequestSchema = z
  .object({
    service_request_id: z.string(),
    status: z.enum(["open", "closed"]),
    status_notes: z.string().optional(),
    service_name: z.string().optional(),
    service_code: z.string(),
    description: z.string(),
    agency_responsible: z.string().optional(),
    service_notice: z.string().optional(),
    requested_datetime: z.string(),
    updated_datetime: z.string(),
    expected_datetime: z.string().optional(),
    address: z.string().optional(),
    address_id: z.string().optional(),
    lat: z.number().optional(),
    long: z.number().optional(),
    media_url: z.string().optional(),
  })
  .meta({ id: "Open311ServiceRequest" });
export type ServiceRequest = z.infer<typeof ServiceRequestSchema>;

type RequestItem = { hazardId: string; clientId: string; serviceCode: string; token: string; lat?: number; long?: number; address?: string; addressId?: string; mediaUrl?: string; requestedAt: string };

/** closed: the loop's final states (closed, withdrawn as not a hazard, or merged as a duplicate); every other state is open. */
const statusOf = (h: Hazard): "open" | "closed" => (h.state === "closed" || h.state === "withdrawn" || h.state === "duplicate" ? "closed" : "open");

/**
 * The request as a client sees it: nothing staff-only. status_notes is the
 * note staff wrote for the public (never an internal note or a name);
 * agency_responsible the body that handles it (its label in the profile).
 */
function toRequest(profile: PolicyProfile, r: RequestItem, h: Hazard): ServiceRequest {
  const code = profile.hazards.codes.find((c) => c.id === (h.code ?? r.serviceCode));
  const agency = bodyOf(profile, h.handling?.body)?.name.zh;
  return plain({
    service_request_id: r.hazardId,
    status: statusOf(h),
    status_notes: h.publicNote,
    service_name: code?.name.zh,
    service_code: h.code ?? r.serviceCode,
    description: h.description,
    agency_responsible: agency,
    requested_datetime: r.requestedAt,
    updated_datetime: h.updatedAt,
    expected_datetime: statusOf(h) === "open" ? h.deadline : undefined,
    address: r.address ?? h.locationText,
    address_id: r.addressId,
    lat: r.lat,
    long: r.long,
    media_url: r.mediaUrl,
  }) as ServiceRequest;
}

const List = (zh: string, en: string) =>
  z
    .string()
    .max(2000)
    .transform((s) => s.split(",").map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().min(1).max(64, bilingual(`${zh}过长`, `${en} too long`))).max(100, bilingual(`${zh}最多 100 个`, `At most 100 ${en}`)));
const When = z.string().refine((s) => !Number.isNaN(Date.parse(s)), bilingual("时间格式为 ISO 8601（如 2026-12-01T00:00:00+08:00）", "A time in ISO 8601 (e.g. 2026-12-01T00:00:00Z)"));

export const ListRequestsInput = z
  .object({
    service_request_id: List("编号", "ids").optional(),
    service_code: List("服务代码", "codes").optional(),
    status: List("状态", "statuses").pipe(z.array(z.enum(["open", "closed"], bilingual("状态为 open 或 closed", "status is open or closed")))).optional(),
    start_date: When.optional(),
    end_date: When.optional(),
  })
  .meta({ id: "Open311ListRequestsQuery" });

const timeKey = (ms: number) => Math.max(0, ms).toString(36).padStart(9, "0");

/**
 * Requests by ids (the other filters then do not apply, as the spec says),
 * or those of a window (default the last 90 days; at most 1000, newest
 * first) filtered by service code and status.
 */
export const listRequests = Object.assign(
  async (query: unknown, tenantSlug: string, apiKey: string | undefined, opts: { now?: Date } = {}): Promise<ServiceRequest[]> =>
    inCounty(tenantSlug, async () => {
      await clientOfKey(apiKey);
      const input = parsed(ListRequestsInput, query, "query");
      const now = opts.now ?? new Date();
      const tenantId = useTenant();
      const entity = tenantDb().service.entities.open311Request;
      let items: RequestItem[];
      if (input.service_request_id?.length) {
        const { data } = await entity.get(input.service_request_id.map((hazardId) => ({ tenantId, hazardId }))).go();
        items = data as RequestItem[];
      } else {
        const end = input.end_date ? Date.parse(input.end_date) : now.getTime();
        const start = input.start_date ? Date.parse(input.start_date) : end - DEFAULT_DAYS * 86_400_000;
        const { data } = await entity.query.byId({ tenantId }).between({ hazardId: timeKey(start) }, { hazardId: `${timeKey(end)}~` }).go({ order: "desc", count: MAX_LIST, pages: "all" });
        items = (data as RequestItem[]).filter((r) => !input.service_code?.length || input.service_code.includes(r.serviceCode));
      }
      const { profile } = await profileAt(now);
      const hazards = await hazardDocs(items.map((r) => r.hazardId));
      const out = items.flatMap((r) => {
        const h = hazards.get(r.hazardId);
        return h ? [toRequest(profile, r, h)] : [];
      });
      if (input.service_request_id?.length) return out;
      return out.filter((r) => !input.status?.length || input.status.includes(r.status));
    }),
  { schema: ListRequestsInput },
);

/** One request by its id; 404 for an id that is no Open311 request of this county. */
export async function getRequest(tenantSlug: string, requestId: string, apiKey: string | undefined, opts: { now?: Date } = {}): Promise<ServiceRequest[]> {
  return inCounty(tenantSlug, async () => {
    await clientOfKey(apiKey);
    const { data } = await tenantDb().service.entities.open311Request.get({ tenantId: useTenant(), hazardId: requestId }).go();
    const h = data ? (await hazardDocs([requestId])).get(requestId) : undefined;
    if (!data || !h) throw new AppError("not_found", "open311.request_not_found");
    return [toRequest((await profileAt(opts.now ?? new Date())).profile, data as RequestItem, h)];
  });
}

/** The request a token stands for (the spec's answer: its id and the token). */
export async function requestOfToken(tenantSlug: string, token: string, apiKey: string | undefined): Promise<{ service_request_id: string; token: string }[]> {
  return inCounty(tenantSlug, async () => {
    await clientOfKey(apiKey);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(token)) throw new AppError("not_found", "open311.token_not_found");
    const { data } = await tenantDb().service.entities.open311Key.get({ tenantId: useTenant(), key: `token:${token}` }).go();
    if (!data) throw new AppError("not_found", "open311.token_not_found");
    return [{ service_request_id: data.hazardId, token: data.token }];
  });
}
