import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useTenant, withActor } from "../context/actor.ts";
import { timeOrderedId } from "../db/ids.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxEntities, type TxItem } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { fieldErrorsFromZod } from "../errors/zod-issues.ts";
import type { MessageCode } from "../errors/messages.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { hazardStates, isOpen, raiseHazard, raisedHazardItems, raisedItemCount, type Context, type RaisedHazard } from "../hazards/index.ts";
import { atPlace, nodeMoving, nodeOrNotFound } from "../jurisdiction/index.ts";
import { deliveryItems, type Delivery } from "../notifications/index.ts";
import { profileAt, type IotAlarmType } from "../profile/index.ts";
import { DEFAULT_TIME_ZONE, tenantInContext } from "../tenancy/index.ts";
import { venueOrNotFound } from "../venues/index.ts";
import { loadDevice, DEVICE_ID, type DeviceItem } from "./devices.ts";
import { freshTimestamp, IOT_CLOCK_SKEW_SECONDS, signatureMatches, tenantOfKeyId } from "./signature.ts";
import type { RuleBasis } from "./status.ts";

// The intake: a device (or its integrator's platform) sends an alarm or a
// heartbeat signed with its key; no user token. The tenant is the one the key
// id names, and the key must be found in that tenant's data; the device must
// be one the key signs for. Nothing is written before the signature, the
// timestamp window and the key are checked. Each accepted signature is stored
// (conditional put, TTL past the window) in the same transaction as what it
// brought, so the same request sent again is refused (409) and writes nothing.

const MAX_ITEMS = 100;
const MAX_BODY = 8 * 1024;

export const AlarmInput = z
  .object({
    deviceId: DEVICE_ID,
    alarmType: z.string().min(1, bilingual("请填写报警类型", "Give the alarm type")).max(64),
    occurredAt: z.iso.datetime({ offset: true, error: bilingual("报警时间须为 ISO 8601 时间", "occurredAt is an ISO 8601 date-time") }),
    value: z.number().optional().meta({ description: "A reading (temperature, current, pressure …) when the device sends one" }),
    message: z.string().max(500).optional(),
  })
  .meta({ id: "IotAlarmInput" });

export const HeartbeatInput = z.object({ deviceId: DEVICE_ID }).meta({ id: "IotHeartbeatInput" });

export const AlarmReceiptSchema = z
  .object({
    alarmId: z.string(),
    episodeId: z.string(),
    outcome: z.enum(["hazard_raised", "attached", "notified", "notify_attached"]),
    hazardId: z.string().optional(),
    count: z.number().meta({ description: "Alarms in this episode so far" }),
  })
  .meta({ id: "IotAlarmReceipt" });
export type AlarmReceipt = z.infer<typeof AlarmReceiptSchema>;

export const HeartbeatReceiptSchema = z.object({ deviceId: z.string(), lastSeenAt: z.string() }).meta({ id: "IotHeartbeatReceipt" });

export interface SignedRequest {
  rawBody: string;
  headers: { keyId?: string | undefined; timestamp?: string | undefined; signature?: string | undefined };
}

const unauthorized = (code: MessageCode) => new AppError("unauthorized", code);

interface Verified {
  keyId: string;
  deviceKey?: string | undefined;
  integrator?: string | undefined;
  signature: string;
  timestamp: number;
  body: unknown;
}

/** The key, the window, the signature: checked before anything is read beyond the key, or written. */
async function verify(req: SignedRequest, now: Date): Promise<Verified> {
  const { keyId, timestamp, signature } = req.headers;
  if (!keyId || !timestamp || !signature) throw unauthorized("iot.signature_missing");
  if (req.rawBody.length > MAX_BODY) throw new AppError("validation", "iot.body_too_large", { max: MAX_BODY });
  const seconds = freshTimestamp(timestamp, now);
  if (seconds === undefined) throw unauthorized("iot.timestamp_stale");
  const { data: key } = await tenantDb().service.entities.iotKey.get({ tenantId: useTenant(), keyId }).go({ consistent: true });
  if (!key || key.status !== "active") throw unauthorized("iot.key_unknown");
  if (!signatureMatches(key.secret, timestamp, req.rawBody, signature)) throw unauthorized("iot.signature_invalid");
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody);
  } catch {
    throw new AppError("validation", "request.malformed_json");
  }
  return { keyId, deviceKey: key.deviceId, integrator: key.integrator, signature: signature.toLowerCase(), timestamp: seconds, body };
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AppError("validation", "request.invalid", {}, fieldErrorsFromZod(parsed.error, "body"));
  return parsed.data;
}

/** The device the key signs for: its own key, or its integrator's; else 401 (another tenant's device is simply not there). */
async function signedDevice(v: Verified, deviceId: string): Promise<DeviceItem> {
  const device = await loadDevice(deviceId);
  const mayUse = device && device.status === "active" && (v.deviceKey ? v.deviceKey === deviceId && device.keyId === v.keyId : v.integrator !== undefined && device.integrator === v.integrator);
  if (!device || !mayUse) throw unauthorized("iot.device_not_signed");
  return device;
}

/** The tenant the key id names, with the request run as that tenant's public actor. */
function asKeyTenant<T>(req: SignedRequest, fn: () => Promise<T>): Promise<T> {
  const tenantId = tenantOfKeyId(req.headers.keyId);
  if (!tenantId) throw unauthorized(req.headers.keyId ? "iot.key_unknown" : "iot.signature_missing");
  return withActor({ type: "public", tenantId }, async () => {
    const tenant = await tenantInContext();
    if (!tenant || tenant.status !== "active") throw unauthorized("iot.key_unknown");
    return fn();
  });
}

const seenItem = (tx: TxEntities, v: Verified) =>
  tx.iotSeen.create({ tenantId: useTenant(), signature: v.signature, keyId: v.keyId, expiresAt: v.timestamp + IOT_CLOCK_SKEW_SECONDS + 60 }).commit() as TxItem;

async function withConflictRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof AppError && err.code === "request.conflict_retry") || attempt >= 4) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 40));
    }
  }
}

/** The basis of an alarm type: the profile rule it came from. */
const basisOf = (t: IotAlarmType): RuleBasis => plain({ rule: `iot.alarmTypes.${t.id}`, sourceRef: t.sourceRef, text: t.text, assumption: t.assumption }) as RuleBasis;

interface Open {
  episodeId: string;
  alarmType: string;
  hazardId?: string;
  lastAt: string;
}

/** The open episode a new alarm of this type attaches to: same type, last alarm within the window. */
export function attachTo(open: Open | undefined, alarmType: string, now: Date, windowMinutes: number): Open | undefined {
  if (!open || open.alarmType !== alarmType) return undefined;
  return now.getTime() - Date.parse(open.lastAt) <= windowMinutes * 60_000 ? open : undefined;
}

/** The officers a notify-only alarm goes to: active town officers, village managers and grid workers scoped at the device's node or above it. */
async function officersOver(path: string): Promise<{ userId: string; phone?: string | undefined }[]> {
  const tenantId = useTenant();
  const paths = path.split("/").filter(Boolean).map((_, i, parts) => `/${parts.slice(0, i + 1).join("/")}`);
  const found = new Map<string, { userId: string; phone?: string | undefined }>();
  for (const p of paths) {
    const { data } = await tenantDb()
      .service.entities.user.query.byScope({ tenantId })
      .begins({ scopePath: `${p}#` })
      .go({ limit: 200, attributes: ["userId", "role", "status", "phone", "scopePath"] });
    for (const u of data) if (u.scopePath === p && u.status === "active" && ["town_officer", "village_manager", "grid_worker"].includes(u.role)) found.set(u.userId, { userId: u.userId, phone: u.phone });
  }
  return [...found.values()].slice(0, 20);
}

/** Receives a signed alarm: a new hazard, or attached to the device's open one; or, for a notify-only type, a notification. */
export async function receiveAlarm(req: SignedRequest, opts: { now?: Date } = {}): Promise<AlarmReceipt> {
  const now = opts.now ?? new Date();
  return asKeyTenant(req, async () => {
    const v = await verify(req, now);
    const input = parse(AlarmInput, v.body);
    return withConflictRetry(() => writeAlarm(v, input, now));
  });
}

async function writeAlarm(v: Verified, input: z.output<typeof AlarmInput>, now: Date): Promise<AlarmReceipt> {
  const tenantId = useTenant();
  const device = await signedDevice(v, input.deviceId);
  const { version, profile } = await profileAt(now);
  const iot = profile.iot;
  if (!iot) throw new AppError("conflict", "iot.not_in_profile");
  const type = iot.alarmTypes.find((t) => t.id === input.alarmType);
  if (!type) {
    throw new AppError("validation", "request.invalid", {}, [
      { path: "body.alarmType", code: "iot.alarm_type_unknown", message: { zh: `报警类型“${input.alarmType}”不在政策档案中`, en: `Alarm type "${input.alarmType}" is not in the profile` } },
    ]);
  }
  const at = now.toISOString();
  const alarmId = timeOrderedId(now);
  const inWindow = attachTo(device.open as Open | undefined, type.id, now, iot.attachWindowMinutes.value);
  // Attach only to a hazard still open: one closed (or withdrawn) in the loop meanwhile ends the episode, and the alarm starts a new one.
  const hazardEnded = inWindow?.hazardId ? !isOpen((await hazardStates([inWindow.hazardId])).get(inWindow.hazardId) ?? "closed") : false;
  const attached = hazardEnded ? undefined : inWindow;
  const ended = hazardEnded ? inWindow : undefined;
  const episodeId = attached?.episodeId ?? timeOrderedId(now);
  const alarm = plain({ tenantId, deviceId: device.deviceId, alarmId, episodeId, alarmType: type.id, occurredAt: input.occurredAt, receivedAt: at, value: input.value, message: input.message, keyId: v.keyId });
  const deviceUpdate = (tx: TxEntities, open: Open) =>
    tx.iotDevice
      .patch({ tenantId, deviceId: device.deviceId })
      .set({ lastSeenAt: at, lastAlarmAt: at, open, version: device.version + 1 })
      .add({ alarms: 1 })
      .where((a, op) => op.eq(a.version, device.version))
      .commit() as TxItem;
  const audit = (tx: TxEntities, details: Record<string, unknown>) =>
    auditItem(tx, { action: "iot.alarm", targetType: "iot_device", targetId: device.deviceId, details: plain({ alarmId, episodeId, alarmType: type.id, ...details }) }, now) as TxItem;
  const endedItem = (tx: TxEntities, e: Open) =>
    tx.iotEpisode.patch({ tenantId, deviceId: device.deviceId, episodeId: e.episodeId }).set({ status: "closed", closeReason: "handled", closedAt: at, closedBy: "hazard_loop" }).commit() as TxItem;
  const onCanceled = (reasons: { index: number }[]) => {
    if (reasons.some((r) => r.index === 0)) return new AppError("conflict", "iot.replayed");
    return new AppError("conflict", "request.conflict_retry");
  };

  if (attached) {
    // Another alarm of the open episode: counted on it, recorded, no new hazard or message.
    const open = { ...attached, lastAt: at };
    let count = 0;
    const { data: ep } = await tenantDb().service.entities.iotEpisode.get({ tenantId, deviceId: device.deviceId, episodeId }).go({ consistent: true });
    count = (ep?.count ?? 0) + 1;
    await writeTransaction(
      (tx) => [
        seenItem(tx, v),
        deviceUpdate(tx, open),
        tx.iotEpisode.patch({ tenantId, deviceId: device.deviceId, episodeId }).add({ count: 1 }).set({ lastAt: at }).where((a, op) => op.eq(a.status, "open")).commit() as TxItem,
        tx.iotAlarm.create(alarm).commit() as TxItem,
        audit(tx, { attached: true, hazardId: attached.hazardId }),
      ],
      { onCanceled },
    );
    return plain({ alarmId, episodeId, outcome: type.action === "hazard" ? "attached" : "notify_attached", hazardId: attached.hazardId, count }) as AlarmReceipt;
  }

  const tenant = await tenantInContext();
  const timeZone = tenant?.timeZone ?? DEFAULT_TIME_ZONE;
  const venue = device.venueId ? await venueOrNotFound(device.venueId).catch(() => undefined) : undefined;
  const node = venue ? { nodeId: venue.nodeId, path: venue.path } : await nodeOrNotFound(device.nodeId).then((n) => ({ nodeId: n.nodeId, path: n.path }));
  const basis = basisOf(type);
  const episode = plain({ tenantId, deviceId: device.deviceId, episodeId, alarmType: type.id, action: type.action, count: 1, firstAt: at, lastAt: at, status: "open" as const, basis });
  const deviceName = device.name ?? device.deviceId;

  if (type.action === "notify") {
    const users = await officersOver(node.path);
    const deliveries: Delivery[] = users.length ? [{ intent: { kind: "iot_alarm", title: { zh: `物联网设备报警：${type.name.zh}（${deviceName}）`, en: `IoT alarm: ${type.name.en} (${deviceName})` } }, users }] : [];
    const open: Open = { episodeId, alarmType: type.id, lastAt: at };
    await writeTransaction(
      (tx) => [
        seenItem(tx, v),
        deviceUpdate(tx, open),
        tx.iotEpisode.create(episode).commit() as TxItem,
        tx.iotAlarm.create(alarm).commit() as TxItem,
        audit(tx, { notified: users.map((u) => u.userId) }),
        // At most 20 officers: 1 + 2 × 20 items beside the five above.
        ...deliveryItems(tx, { subjectType: "iot_device", subjectId: device.deviceId }, deliveries, now),
      ],
      { onCanceled },
    );
    return { alarmId, episodeId, outcome: "notified", count: 1 };
  }

  const ctx: Context = { profile, profileVersion: version, timeZone, now, actor: { type: "public" } };
  const raised: RaisedHazard = await raiseHazard(
    ctx,
    {
      hazardId: timeOrderedId(now),
      place: node,
      venueId: venue?.venueId,
      venueName: venue?.name,
      venueKinds: venue?.kinds,
      locationText: venue ? (venue.address ?? venue.name) : deviceName,
      code: type.hazardCode,
      severity: type.severity,
      description: `${type.name.zh}（物联网设备 ${deviceName}${input.message ? `：${input.message}` : ""}）`,
      photos: [],
      source: "iot_alert",
      reporter: { type: "system", id: `iot:${device.deviceId}` },
    },
    { details: { deviceId: device.deviceId, alarmId, episodeId, alarmType: type.id, ...(input.value !== undefined ? { value: input.value } : {}) }, basis },
  );
  const hazardId = raised.outcome.hazard.hazardId;
  const place = atPlace(node);
  const fixed = 5 + node.path.split("/").filter(Boolean).length;
  const room = MAX_ITEMS - fixed;
  if (raisedItemCount([raised], timeZone) > room) throw new AppError("conflict", "request.conflict_retry");
  const open: Open = { episodeId, alarmType: type.id, hazardId, lastAt: at };
  await writeTransaction(
    (tx) =>
      place.items(tx, [
        seenItem(tx, v),
        deviceUpdate(tx, open),
        tx.iotEpisode.create({ ...episode, hazardId }).commit() as TxItem,
        ...(ended ? [endedItem(tx, ended)] : []),
        tx.iotAlarm.create(alarm).commit() as TxItem,
        audit(tx, { hazardId }),
        ...raisedHazardItems(tx, [raised], { profileVersion: version, timeZone, now, room }),
      ]),
    {
      onCanceled: (reasons) => {
        if (place.moved(reasons)) return nodeMoving();
        return onCanceled(reasons);
      },
    },
  );
  return { alarmId, episodeId, outcome: "hazard_raised", hazardId, count: 1 };
}

/** Receives a signed heartbeat: the device was heard of now. */
export async function receiveHeartbeat(req: SignedRequest, opts: { now?: Date } = {}): Promise<z.infer<typeof HeartbeatReceiptSchema>> {
  const now = opts.now ?? new Date();
  return asKeyTenant(req, async () => {
    const v = await verify(req, now);
    const input = parse(HeartbeatInput, v.body);
    const device = await signedDevice(v, input.deviceId);
    const tenantId = useTenant();
    const at = now.toISOString();
    await writeTransaction(
      (tx) => [
        seenItem(tx, v),
        // No version condition: a heartbeat only moves lastSeenAt forward, whatever else changes.
        tx.iotDevice.patch({ tenantId, deviceId: device.deviceId }).set({ lastSeenAt: at }).commit() as TxItem,
      ],
      { onCanceled: (reasons) => (reasons.some((r) => r.index === 0) ? new AppError("conflict", "iot.replayed") : new AppError("conflict", "request.conflict_retry")) },
    );
    return { deviceId: device.deviceId, lastSeenAt: at };
  });
}

