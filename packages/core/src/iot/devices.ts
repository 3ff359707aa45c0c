import { z } from "zod";
import { authorize, inSubtree } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxItem } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { profileAt, type PolicyProfile } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { venueOrNotFound } from "../venues/index.ts";
import { newKey } from "./signature.ts";
import { deviceStatus, DeviceStatusSchema } from "./status.ts";

// The device registry (admin): register a device with its own signing key
// (the secret shown once), change or retire it, issue an integrator's key,
// replace a device's key; and the list with each device's status.

export const DEVICE_ID = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, bilingual("设备编号须为 1–64 位字母、数字或 . _ : -", "A device id is 1–64 letters, digits or . _ : -"));
const Integrator = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, bilingual("集成商标识须为小写字母开头的 1–64 位字母、数字、_ 或 -", "An integrator id is 1–64 lowercase letters, digits, _ or -, starting with a letter"));
const Lat = z.number(bilingual("纬度须为数字", "Latitude is a number")).min(-90, bilingual("纬度须在 -90 到 90 之间", "Latitude is between -90 and 90")).max(90, bilingual("纬度须在 -90 到 90 之间", "Latitude is between -90 and 90"));
const Lng = z.number(bilingual("经度须为数字", "Longitude is a number")).min(-180, bilingual("经度须在 -180 到 180 之间", "Longitude is between -180 and 180")).max(180, bilingual("经度须在 -180 到 180 之间", "Longitude is between -180 and 180"));

export const RegisterDeviceInput = z
  .object({
    deviceId: DEVICE_ID.meta({ description: "The device's own serial, as it names itself in alarms" }),
    name: z.string().trim().min(1).max(100).optional(),
    type: z.string().min(1).max(64).meta({ description: "A device type of the profile (iot.deviceTypes)" }),
    venueId: z.string().min(1).max(64).optional(),
    nodeId: z.string().min(1).max(64).optional().meta({ description: "Where the device is; the venue's node when a venue is named" }),
    lat: Lat.meta({ description: "WGS-84" }),
    lng: Lng.meta({ description: "WGS-84" }),
    integrator: Integrator.optional(),
    ownKey: z.boolean().default(true).meta({ description: "Issue the device its own signing key (else it signs with its integrator's key)" }),
  })
  .meta({ id: "RegisterIotDeviceInput" });

export const UpdateDeviceInput = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    type: z.string().min(1).max(64).optional(),
    venueId: z.string().min(1).max(64).nullable().optional(),
    nodeId: z.string().min(1).max(64).optional(),
    lat: Lat.optional(),
    lng: Lng.optional(),
    integrator: Integrator.nullable().optional(),
    status: z.enum(["active", "retired"]).optional(),
  })
  .meta({ id: "UpdateIotDeviceInput" });

export const IssueIntegratorKeyInput = z.object({ integrator: Integrator }).meta({ id: "IssueIotIntegratorKeyInput" });

export const IotKeySchema = z
  .object({ keyId: z.string(), secret: z.string().meta({ description: "Shown this once: store it in the device or the integrator's platform" }), deviceId: z.string().optional(), integrator: z.string().optional() })
  .meta({ id: "IotKey" });
export type IotKeyView = z.infer<typeof IotKeySchema>;

export const IotDeviceSchema = z
  .object({
    deviceId: z.string(),
    name: z.string().optional(),
    type: z.string(),
    typeName: z.object({ zh: z.string(), en: z.string() }).optional(),
    venueId: z.string().optional(),
    nodeId: z.string(),
    lat: z.number(),
    lng: z.number(),
    integrator: z.string().optional(),
    status: z.enum(["active", "retired"]),
    ownKey: z.boolean(),
    registeredAt: z.string(),
    lastSeenAt: z.string().optional(),
    lastAlarmAt: z.string().optional(),
    alarms: z.number(),
    falseAlarms: z.number(),
    connection: DeviceStatusSchema,
    openEpisode: z.object({ episodeId: z.string(), alarmType: z.string(), hazardId: z.string().optional(), lastAt: z.string() }).optional(),
  })
  .meta({ id: "IotDevice" });
export type IotDeviceView = z.infer<typeof IotDeviceSchema>;

export const RegisteredDeviceSchema = z.object({ device: IotDeviceSchema, key: IotKeySchema.optional() }).meta({ id: "RegisteredIotDevice" });
export const IotDeviceListSchema = z.object({ items: z.array(IotDeviceSchema) }).meta({ id: "IotDeviceList" });

export type DeviceItem = NonNullable<Awaited<ReturnType<typeof loadDevice>>>;

export async function loadDevice(deviceId: string) {
  const { data } = await tenantDb().service.entities.iotDevice.get({ tenantId: useTenant(), deviceId }).go({ consistent: true });
  return data ?? undefined;
}

/** The device, or 404: another tenant's device is simply not there. */
export async function deviceOrNotFound(deviceId: string): Promise<DeviceItem> {
  const device = await loadDevice(deviceId);
  if (!device) throw new AppError("not_found", "iot.device_not_found", { deviceId });
  return device;
}

export function toDeviceView(d: DeviceItem, profile: PolicyProfile | undefined, now: Date): IotDeviceView {
  const type = profile?.iot?.deviceTypes.find((t) => t.id === d.type);
  const open = d.open as { episodeId: string; alarmType: string; hazardId?: string; lastAt: string } | undefined;
  return plain({
    deviceId: d.deviceId,
    name: d.name,
    type: d.type,
    typeName: type?.name,
    venueId: d.venueId,
    nodeId: d.nodeId,
    lat: d.lat,
    lng: d.lng,
    integrator: d.integrator,
    status: d.status,
    ownKey: Boolean(d.keyId),
    registeredAt: d.registeredAt,
    lastSeenAt: d.lastSeenAt,
    lastAlarmAt: d.lastAlarmAt,
    alarms: d.alarms,
    falseAlarms: d.falseAlarms,
    connection: deviceStatus(d, profile, now),
    openEpisode: open,
  }) as IotDeviceView;
}

function checkType(profile: PolicyProfile, type: string) {
  if (!profile.iot) throw new AppError("conflict", "iot.not_in_profile");
  if (!profile.iot.deviceTypes.some((t) => t.id === type)) {
    throw invalid("body.type", "iot.type_unknown", `设备类型“${type}”不在政策档案中（可选：${profile.iot.deviceTypes.map((t) => t.name.zh).join("、")}）`, `Device type "${type}" is not in the profile (${profile.iot.deviceTypes.map((t) => t.id).join(", ")})`);
  }
}

/** Where a device is: its venue's node when a venue is named, else the node named; read now (404 for another tenant's). */
async function placeOf(venueId: string | undefined, nodeId: string | undefined): Promise<{ nodeId: string; path: string; venueId?: string }> {
  if (venueId) {
    const venue = await venueOrNotFound(venueId);
    if (venue.status !== "active") throw invalid("body.venueId", "iot.venue_retired", "该场所已注销", "The venue is retired");
    return { nodeId: venue.nodeId, path: venue.path, venueId };
  }
  if (!nodeId) throw invalid("body.nodeId", "iot.place_missing", "请选择设备所在场所或辖区节点", "Name the device's venue or node");
  const node = await nodeOrNotFound(nodeId);
  return { nodeId: node.nodeId, path: node.path };
}

const actorId = () => useUser().userId;

/** Registers a device (and, unless it signs with its integrator's key, its own key: the secret is answered this once). */
export const registerDevice = useCase(RegisterDeviceInput, async (input, opts: { now?: Date } = {}) => {
  const user = useUser();
  const tenantId = useTenant();
  const now = opts.now ?? new Date();
  const place = await placeOf(input.venueId, input.nodeId);
  authorize(user, "iot.manage", place);
  const { profile } = await profileAt(now);
  checkType(profile, input.type);
  if (!input.ownKey && !input.integrator) throw invalid("body.ownKey", "iot.key_missing", "没有集成商的设备须有自己的签名密钥", "A device without an integrator needs its own key");
  const key = input.ownKey ? newKey(tenantId) : undefined;
  const at = now.toISOString();
  const item = plain({
    tenantId,
    deviceId: input.deviceId,
    name: input.name,
    type: input.type,
    venueId: place.venueId,
    nodeId: place.nodeId,
    path: place.path,
    lat: input.lat,
    lng: input.lng,
    integrator: input.integrator,
    status: "active" as const,
    keyId: key?.keyId,
    registeredAt: at,
    registeredBy: actorId(),
    alarms: 0,
    falseAlarms: 0,
    version: 0,
  });
  await writeTransaction(
    (tx) => [
      tx.iotDevice.create(item).commit() as TxItem,
      ...(key ? [tx.iotKey.create({ tenantId, keyId: key.keyId, secret: key.secret, deviceId: input.deviceId, status: "active", issuedAt: at, issuedBy: actorId() }).commit() as TxItem] : []),
      auditItem(tx, { action: "iot.device.register", targetType: "iot_device", targetId: input.deviceId, details: plain({ type: input.type, nodeId: place.nodeId, venueId: place.venueId, integrator: input.integrator, keyId: key?.keyId }) }, now) as TxItem,
    ],
    {
      onCanceled: (reasons) =>
        reasons.some((r) => r.index === 0)
          ? new AppError("conflict", "iot.device_exists", { deviceId: input.deviceId }, [{ path: "body.deviceId", code: "iot.device_exists", message: { zh: `设备“${input.deviceId}”已登记`, en: `Device "${input.deviceId}" is registered already` } }])
          : new AppError("conflict", "request.conflict_retry"),
    },
  );
  const device = (await loadDevice(input.deviceId))!;
  return { device: toDeviceView(device, profile, now), ...(key ? { key: { ...key, deviceId: input.deviceId } } : {}) };
});

/** Changes a device (its place, type, integrator, coordinates) or retires it; each change audited. */
export const updateDevice = useCase(UpdateDeviceInput, async (input, deviceId: string, opts: { now?: Date } = {}): Promise<IotDeviceView> => {
  const user = useUser();
  const tenantId = useTenant();
  const now = opts.now ?? new Date();
  const device = await deviceOrNotFound(deviceId);
  const moves = input.venueId !== undefined || input.nodeId !== undefined;
  const place = moves ? await placeOf(input.venueId ?? undefined, input.nodeId ?? (input.venueId === null ? device.nodeId : undefined)) : { nodeId: device.nodeId, path: device.path, venueId: device.venueId };
  authorize(user, "iot.manage", device);
  if (moves) authorize(user, "iot.manage", place);
  const { profile } = await profileAt(now);
  if (input.type !== undefined) checkType(profile, input.type);
  const patch = plain({
    name: input.name,
    type: input.type,
    nodeId: place.nodeId,
    path: place.path,
    lat: input.lat,
    lng: input.lng,
    status: input.status,
    version: device.version + 1,
  });
  const removes: ("venueId" | "integrator")[] = [];
  if (moves && !place.venueId) removes.push("venueId");
  if (input.integrator === null) removes.push("integrator");
  await writeTransaction(
    (tx) => {
      let update = tx.iotDevice.patch({ tenantId, deviceId }).set({ ...patch, ...(place.venueId ? { venueId: place.venueId } : {}), ...(input.integrator ? { integrator: input.integrator } : {}) });
      if (removes.length) update = update.remove(removes);
      return [
        update.where((a, op) => op.eq(a.version, device.version)).commit() as TxItem,
        auditItem(tx, { action: input.status === "retired" ? "iot.device.retire" : "iot.device.update", targetType: "iot_device", targetId: deviceId, details: plain({ ...input }) }, now) as TxItem,
      ];
    },
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return toDeviceView((await loadDevice(deviceId))!, profile, now);
});

/** Replaces a device's own key: the old one stops signing at once; the new secret is answered this once. */
export async function replaceDeviceKey(deviceId: string, opts: { now?: Date } = {}): Promise<IotKeyView> {
  const user = useUser();
  const tenantId = useTenant();
  const now = opts.now ?? new Date();
  const device = await deviceOrNotFound(deviceId);
  authorize(user, "iot.manage", device);
  const key = newKey(tenantId);
  const at = now.toISOString();
  await writeTransaction(
    (tx) => [
      tx.iotDevice.patch({ tenantId, deviceId }).set({ keyId: key.keyId, version: device.version + 1 }).where((a, op) => op.eq(a.version, device.version)).commit() as TxItem,
      tx.iotKey.create({ tenantId, keyId: key.keyId, secret: key.secret, deviceId, status: "active", issuedAt: at, issuedBy: user.userId }).commit() as TxItem,
      ...(device.keyId ? [tx.iotKey.patch({ tenantId, keyId: device.keyId }).set({ status: "revoked" }).commit() as TxItem] : []),
      auditItem(tx, { action: "iot.key.replace", targetType: "iot_device", targetId: deviceId, details: plain({ keyId: key.keyId, revoked: device.keyId }) }, now) as TxItem,
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return { ...key, deviceId };
}

/** A key an integrator signs with for every device registered under its id (admins of the county). */
export const issueIntegratorKey = useCase(IssueIntegratorKeyInput, async (input, opts: { now?: Date } = {}): Promise<IotKeyView> => {
  const user = useUser();
  const tenantId = useTenant();
  const now = opts.now ?? new Date();
  authorize(user, "iot.manage", { path: user.scopePath });
  const key = newKey(tenantId);
  await writeTransaction(
    (tx) => [
      tx.iotKey.create({ tenantId, keyId: key.keyId, secret: key.secret, integrator: input.integrator, status: "active", issuedAt: now.toISOString(), issuedBy: user.userId }).commit() as TxItem,
      auditItem(tx, { action: "iot.key.issue", targetType: "iot_integrator", targetId: input.integrator, details: { keyId: key.keyId } }, now) as TxItem,
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return { ...key, integrator: input.integrator };
});

/** One device, for those who may read devices where it is. */
export async function getDevice(deviceId: string, opts: { now?: Date } = {}): Promise<IotDeviceView> {
  const now = opts.now ?? new Date();
  const device = await deviceOrNotFound(deviceId);
  authorize(useUser(), "iot.read", device);
  const { profile } = await profileAt(now);
  return toDeviceView(device, profile, now);
}

/** Every device of the tenant the reader may see (their subtree), each with its status now. */
export async function allDevices(): Promise<DeviceItem[]> {
  const { data } = await tenantDb().service.entities.iotDevice.query.byTenant({ tenantId: useTenant() }).go({ pages: "all" });
  return data;
}

export async function listDevices(opts: { now?: Date } = {}): Promise<{ items: IotDeviceView[] }> {
  const user = useUser();
  authorize(user, "iot.read");
  const now = opts.now ?? new Date();
  const { profile } = await profileAt(now);
  const items = (await allDevices()).filter((d) => inSubtree(user.scopePath, d.path));
  return { items: items.map((d) => toDeviceView(d, profile, now)) };
}
