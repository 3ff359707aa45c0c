import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Iot } from "@firegov/core";
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { body, errors, json, pathParam, readErrors, signedIn, writeErrors } from "./helpers.ts";

// 消防物联网: the county's device registry (signed-in admins and officers) and
// the intake devices sign (no user token: the key id names the county).

const authed = signedIn("iot");
const DeviceParams = z.object({ deviceId: pathParam("deviceId") });
const EpisodeParams = z.object({ deviceId: pathParam("deviceId"), episodeId: pathParam("episodeId") });
const SignedHeaders = z.object({
  [Iot.IOT_HEADERS.keyId]: z.string().max(80).optional().openapi({ description: "The signing key's id (`<county>.<random>`), issued with the device or its integrator" }),
  [Iot.IOT_HEADERS.timestamp]: z.string().max(20).optional().openapi({ description: `Unix seconds; refused when more than ${Iot.IOT_CLOCK_SKEW_SECONDS / 60} minutes from the server's clock` }),
  [Iot.IOT_HEADERS.signature]: z.string().max(128).optional().openapi({ description: "hex HMAC-SHA256 with the key's secret over `${timestamp}\\n${rawBody}`" }),
});
/**
 * The signed body is documented, not validated before the handler: the
 * signature is checked over the raw bytes first, and only then is the body
 * parsed (an unsigned request answers 401, whatever it carries).
 */
const signedBody = (name: string) => ({ required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } } });
const intakeErrors = { 400: errors[400], 401: errors[401], 409: errors[409] };
const signedDescription =
  "No sign-in: sign the raw body with the key's secret. Nothing is written unless the key, the timestamp window and the signature hold; the same signed request sent again is refused (409 `iot.replayed`) and writes nothing.";

const routes = {
  alarm: createRoute({
    method: "post", path: "/v1/iot/alarms", tags: ["iot"], summary: "设备报警（签名） / A device's signed alarm",
    description: `${signedDescription} By the profile's alarm type: a hazard at the device's venue or node (source iot_alert), attached to the device's open one when repeated within the window; or a notification to the node's officers.`,
    request: { headers: SignedHeaders, body: signedBody("IotAlarmInput") as never },
    responses: { 201: json(Iot.AlarmReceiptSchema, "Received"), ...intakeErrors },
  }),
  heartbeat: createRoute({
    method: "post", path: "/v1/iot/heartbeats", tags: ["iot"], summary: "设备心跳（签名） / A device's signed heartbeat",
    description: signedDescription,
    request: { headers: SignedHeaders, body: signedBody("IotHeartbeatInput") as never },
    responses: { 200: json(Iot.HeartbeatReceiptSchema, "Heard"), ...intakeErrors },
  }),
  list: createRoute({
    method: "get", path: "/v1/iot/devices", summary: "物联网设备 / Devices of your area with their status", ...authed,
    responses: { 200: json(Iot.IotDeviceListSchema, "Each with online/offline, last seen, alarms and false alarms"), ...readErrors },
  }),
  register: createRoute({
    method: "post", path: "/v1/iot/devices", summary: "登记物联网设备 / Register a device", ...authed,
    description: "County admins. Unless `ownKey` is false (it signs with its integrator's key), the device gets its own signing key: the secret is in this answer only.",
    request: { body: body(Iot.RegisterDeviceInput) },
    responses: { 201: json(Iot.RegisteredDeviceSchema, "Registered, with its key's secret shown once"), ...writeErrors },
  }),
  get: createRoute({
    method: "get", path: "/v1/iot/devices/{deviceId}", summary: "物联网设备 / A device", ...authed,
    request: { params: DeviceParams },
    responses: { 200: json(Iot.IotDeviceSchema, "The device and its status"), ...readErrors },
  }),
  update: createRoute({
    method: "patch", path: "/v1/iot/devices/{deviceId}", summary: "修改或停用设备 / Change or retire a device", ...authed,
    request: { params: DeviceParams, body: body(Iot.UpdateDeviceInput) },
    responses: { 200: json(Iot.IotDeviceSchema, "Changed"), ...writeErrors },
  }),
  key: createRoute({
    method: "post", path: "/v1/iot/devices/{deviceId}/key", summary: "更换设备密钥 / Replace a device's key", ...authed,
    description: "The old key stops signing at once; the new secret is in this answer only.",
    request: { params: DeviceParams },
    responses: { 201: json(Iot.IotKeySchema, "The new key, shown once"), ...writeErrors },
  }),
  episodes: createRoute({
    method: "get", path: "/v1/iot/devices/{deviceId}/alarms", summary: "设备报警记录 / A device's alarms", ...authed,
    request: { params: DeviceParams },
    responses: { 200: json(Iot.EpisodeListSchema, "Alarm episodes, newest first, each with its count"), ...readErrors },
  }),
  close: createRoute({
    method: "post", path: "/v1/iot/devices/{deviceId}/alarms/{episodeId}/close", summary: "关闭设备报警（误报） / Close a device's alarm (false alarm)", ...authed,
    description: "A false alarm withdraws the hazard it raised (the reason on its timeline) and counts on the device, in one transaction.",
    request: { params: EpisodeParams, body: body(Iot.CloseEpisodeInput) },
    responses: { 200: json(Iot.EpisodeSchema, "Closed"), ...writeErrors },
  }),
  integratorKey: createRoute({
    method: "post", path: "/v1/iot/integrator-keys", summary: "签发集成商密钥 / Issue an integrator's key", ...authed,
    description: "The key signs for every device registered under the integrator; the secret is in this answer only.",
    request: { body: body(Iot.IssueIntegratorKeyInput) },
    responses: { 201: json(Iot.IotKeySchema, "The key, shown once"), ...writeErrors },
  }),
  findings: createRoute({
    method: "get", path: "/v1/iot/findings", summary: "离线设备 / Devices silent past the profile's window", ...authed,
    responses: { 200: json(Iot.OfflineFindingListSchema, "Each citing the profile's heartbeat rule"), ...readErrors },
  }),
};

/** What the intake hands core: the raw body (the signature covers its bytes) and the signing headers. */
async function signed(c: Context<AppEnv>): Promise<Iot.SignedRequest> {
  return {
    rawBody: await c.req.text(),
    headers: { keyId: c.req.header(Iot.IOT_HEADERS.keyId), timestamp: c.req.header(Iot.IOT_HEADERS.timestamp), signature: c.req.header(Iot.IOT_HEADERS.signature) },
  };
}

export function iotRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  for (const [name, schema] of [["IotAlarmInput", Iot.AlarmInput], ["IotHeartbeatInput", Iot.HeartbeatInput]] as const) {
    const { $schema: _s, ...jsonSchema } = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
    app.openAPIRegistry.registerComponent("schemas", name, jsonSchema as never);
  }
  return app
    .openapi(routes.alarm, async (c) => c.json(await Iot.receiveAlarm(await signed(c)), 201))
    .openapi(routes.heartbeat, async (c) => c.json(await Iot.receiveHeartbeat(await signed(c)), 200))
    .openapi(routes.list, async (c) => c.json(await Iot.listDevices(), 200))
    .openapi(routes.register, async (c) => c.json(await Iot.registerDevice(c.req.valid("json")), 201))
    .openapi(routes.get, async (c) => c.json(await Iot.getDevice(c.req.valid("param").deviceId), 200))
    .openapi(routes.update, async (c) => c.json(await Iot.updateDevice(c.req.valid("json"), c.req.valid("param").deviceId), 200))
    .openapi(routes.key, async (c) => c.json(await Iot.replaceDeviceKey(c.req.valid("param").deviceId), 201))
    .openapi(routes.episodes, async (c) => c.json(await Iot.listEpisodes(c.req.valid("param").deviceId), 200))
    .openapi(routes.close, async (c) => {
      const { deviceId, episodeId } = c.req.valid("param");
      return c.json(await Iot.closeEpisode(c.req.valid("json"), deviceId, episodeId), 200);
    })
    .openapi(routes.integratorKey, async (c) => c.json(await Iot.issueIntegratorKey(c.req.valid("json")), 201))
    .openapi(routes.findings, async (c) => c.json(await Iot.offlineFindings(), 200));
}
