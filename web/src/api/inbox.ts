// The caller's in-app inbox.
import type { Notification } from "@firegov/core/contract";
import { json, queryString, type Page } from "./http.ts";

export function listInbox(params: { cursor?: string; limit?: number } = {}): Promise<Page<Notification>> {
  return json(`/v1/inbox${queryString(params)}`);
}

export async function unreadCount(): Promise<number> {
  return (await json<{ unread: number }>("/v1/inbox/unread-count")).unread;
}

export function markRead(notificationId: string): Promise<Notification> {
  return json(`/v1/inbox/${encodeURIComponent(notificationId)}/read`, { method: "POST" });
}
