import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

// 消防物联网. The tenant's devices and signing keys live in one partition,
// `T#<tenant>#IOT` (a county registers hundreds to a few thousand devices:
// the list is one Query); each device's alarm episodes and alarms in the
// device's own partition `T#<tenant>#IOTDEV#<deviceId>`; each signature seen
// by the intake in a partition of its own, `T#<tenant>#IOTSIG#<signature>`,
// kept until the timestamp window has passed (TTL), so a replay fails the
// conditional put of the alarm's own transaction.

const iotPk = () => tenantPk("pk", "#IOT");
const devicePk = () => tenantPk("pk", "#IOTDEV#${deviceId}", ["deviceId"]);

/** A registered device: where it is, who integrates it, what it has sent. */
export const IotDeviceEntity = new Entity({
  model: { entity: "iotDevice", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    /** The device's own serial, as it names itself in alarms. */
    deviceId: { type: "string", required: true, readOnly: true },
    name: { type: "string" },
    /** The profile's device type (`iot.deviceTypes`). */
    type: { type: "string", required: true },
    venueId: { type: "string" },
    nodeId: { type: "string", required: true },
    /** The node's path when registered or last changed: subtree reads. An alarm reads the node again. */
    path: { type: "string", required: true },
    lat: { type: "number", required: true },
    lng: { type: "number", required: true },
    integrator: { type: "string" },
    status: { type: ["active", "retired"] as const, required: true, default: "active" },
    /** The device's own signing key, when it has one (integrators' keys sign for all their devices). */
    keyId: { type: "string" },
    registeredAt: { type: "string", required: true, readOnly: true },
    registeredBy: { type: "string", required: true, readOnly: true },
    lastSeenAt: { type: "string" },
    lastAlarmAt: { type: "string" },
    alarms: { type: "number", required: true, default: 0 },
    falseAlarms: { type: "number", required: true, default: 0 },
    /** The open alarm episode repeated alarms attach to: `{ episodeId, alarmType, hazardId?, lastAt }`. */
    open: { type: "any" },
    version: { type: "number", required: true, default: 0 },
  },
  indexes: {
    byTenant: { pk: iotPk(), sk: sortKey("sk", "DEV#${deviceId}", ["deviceId"]) },
  },
});

/** A signing key: its secret (shown once when issued), and whom it signs for: one device, or an integrator's devices. */
export const IotKeyEntity = new Entity({
  model: { entity: "iotKey", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    keyId: { type: "string", required: true, readOnly: true },
    secret: { type: "string", required: true, readOnly: true },
    deviceId: { type: "string", readOnly: true },
    integrator: { type: "string", readOnly: true },
    status: { type: ["active", "revoked"] as const, required: true, default: "active" },
    issuedAt: { type: "string", required: true, readOnly: true },
    issuedBy: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byTenant: { pk: iotPk(), sk: sortKey("sk", "KEY#${keyId}", ["keyId"]) },
  },
});

/** Alarms of one device and type close together: one hazard (or one notification), a count, how it ended. */
export const IotEpisodeEntity = new Entity({
  model: { entity: "iotEpisode", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    deviceId: { type: "string", required: true, readOnly: true },
    episodeId: { type: "string", required: true, readOnly: true },
    alarmType: { type: "string", required: true, readOnly: true },
    action: { type: ["hazard", "notify"] as const, required: true, readOnly: true },
    hazardId: { type: "string", readOnly: true },
    count: { type: "number", required: true, default: 0 },
    firstAt: { type: "string", required: true, readOnly: true },
    lastAt: { type: "string", required: true },
    status: { type: ["open", "closed"] as const, required: true, default: "open" },
    closeReason: { type: ["false_alarm", "handled"] as const },
    closeNote: { type: "string" },
    closedAt: { type: "string" },
    closedBy: { type: "string" },
    /** The profile rule the alarm type came from. */
    basis: { type: "any" },
  },
  indexes: {
    byDevice: { pk: devicePk(), sk: sortKey("sk", "EP#${episodeId}", ["episodeId"]) },
  },
});

/** One alarm as received (immutable). */
export const IotAlarmEntity = new Entity({
  model: { entity: "iotAlarm", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    deviceId: { type: "string", required: true, readOnly: true },
    alarmId: { type: "string", required: true, readOnly: true },
    episodeId: { type: "string", required: true, readOnly: true },
    alarmType: { type: "string", required: true, readOnly: true },
    occurredAt: { type: "string", required: true, readOnly: true },
    receivedAt: { type: "string", required: true, readOnly: true },
    value: { type: "number", readOnly: true },
    message: { type: "string", readOnly: true },
    keyId: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byDevice: { pk: devicePk(), sk: sortKey("sk", "AL#${alarmId}", ["alarmId"]) },
  },
});

/** A signature the intake accepted, until the timestamp window it was valid in has passed. */
export const IotSeenEntity = new Entity({
  model: { entity: "iotSeen", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    signature: { type: "string", required: true, readOnly: true },
    keyId: { type: "string", required: true, readOnly: true },
    expiresAt: { type: "number", required: true, readOnly: true },
  },
  indexes: {
    bySignature: { pk: tenantPk("pk", "#IOTSIG#${signature}", ["signature"]), sk: sortKey("sk", "SEEN", []) },
  },
});

// Access patterns
// - the tenant's devices (list, offline findings): IotDevice.byTenant begins DEV# (Query)
// - a device (alarm intake, admin): IotDevice.byTenant (GetItem); a key (intake): IotKey.byTenant (GetItem)
// - a device's alarm episodes, newest first: IotEpisode.byDevice begins EP# (Query, descending)
// - a replayed signature: IotSeen.bySignature (conditional create in the alarm's transaction)

declare module "../db/service.ts" {
  interface Entities {
    iotDevice: typeof IotDeviceEntity;
    iotKey: typeof IotKeyEntity;
    iotEpisode: typeof IotEpisodeEntity;
    iotAlarm: typeof IotAlarmEntity;
    iotSeen: typeof IotSeenEntity;
  }
}
registerEntities({ iotDevice: IotDeviceEntity, iotKey: IotKeyEntity, iotEpisode: IotEpisodeEntity, iotAlarm: IotAlarmEntity, iotSeen: IotSeenEntity });
