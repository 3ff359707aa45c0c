import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Notifications } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, errors, json, pathParam, readErrors, signedIn, writeErrors } from "./helpers.ts";

const authed = signedIn("notifications");
const SendParams = z.object({ sendId: pathParam("sendId", 200) });

const routes = {
  myChannel: createRoute({
    method: "get", path: "/v1/account/notification-channel", summary: "我的消息接收方式 / How messages reach me", ...authed,
    responses: { 200: json(Notifications.ChannelSettingSchema, "Your channel and quiet hours (in-app only until you choose)"), 401: errors[401] },
  }),
  setMyChannel: createRoute({
    method: "put", path: "/v1/account/notification-channel", summary: "设置消息接收方式 / Choose how messages reach me", ...authed,
    request: { body: body(Notifications.ChannelSettingInput) },
    responses: { 200: json(Notifications.ChannelSettingSchema, "Saved"), 400: errors[400], 401: errors[401], 409: errors[409] },
  }),
  deliveries: createRoute({
    method: "get", path: "/v1/notifications/deliveries", summary: "推送记录 / Delivery log (admins)", ...authed,
    request: { query: Notifications.DeliveryLogInput },
    responses: { 200: json(Notifications.DeliveryLogSchema, "Sends waiting and sent, newest first"), ...readErrors },
  }),
  deadLetters: createRoute({
    method: "get", path: "/v1/notifications/dead-letters", summary: "发送失败 / Dead letters (admins)", ...authed,
    responses: { 200: json(Notifications.DeadLettersSchema, "Sends that failed every attempt, with the last error"), ...readErrors },
  }),
  retry: createRoute({
    method: "post", path: "/v1/notifications/dead-letters/{sendId}/retry", summary: "重新发送 / Send a dead letter again (admins)", ...authed,
    request: { params: SendParams },
    responses: { 200: json(Notifications.SendViewSchema, "Queued again, due now, same dedupe id"), ...writeErrors },
  }),
};

/** A user's own channel; the county admin's delivery log and dead letters. */
export function notificationRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.myChannel, async (c) => c.json(await Notifications.myChannel(), 200))
    .openapi(routes.setMyChannel, async (c) => c.json(await Notifications.setMyChannel(c.req.valid("json")), 200))
    .openapi(routes.deliveries, async (c) => c.json(await Notifications.deliveryLog(c.req.valid("query")), 200))
    .openapi(routes.deadLetters, async (c) => c.json(await Notifications.deadLetters(), 200))
    .openapi(routes.retry, async (c) => c.json(await Notifications.retryDeadLetter(c.req.valid("param").sendId), 200));
}
