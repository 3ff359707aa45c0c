// Messages beyond the inbox: the signed-in user's channel and quiet hours; the admin's delivery log and dead letters.
import type { DeliveryLog, NotificationChannel, NotificationChannelInput, NotificationSend } from "@firegov/core/contract";
import { json, queryString } from "./http.ts";

export function myChannel(): Promise<NotificationChannel> {
  return json("/v1/account/notification-channel");
}

/** 400 names the field (`body.phone`, `body.webhookUrl`, `body.quietHours.start` …). */
export function setMyChannel(input: NotificationChannelInput): Promise<NotificationChannel> {
  return json("/v1/account/notification-channel", { method: "PUT", body: JSON.stringify(input) });
}

export function deliveryLog(channel?: string): Promise<DeliveryLog> {
  return json(`/v1/notifications/deliveries${queryString({ channel: channel || undefined })}`);
}

export function deadLetters(): Promise<{ items: NotificationSend[] }> {
  return json("/v1/notifications/dead-letters");
}

export function retryDeadLetter(sendId: string): Promise<NotificationSend> {
  return json(`/v1/notifications/dead-letters/${encodeURIComponent(sendId)}/retry`, { method: "POST" });
}
