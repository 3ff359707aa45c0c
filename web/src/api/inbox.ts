// The caller's in-app inbox.
import type { Notification } from "@firegov/core/contract";
import { json, post, queryString, type Page } from "./http.ts";

export function listInbox(params: { cursor?: string; limit?: number } = {}): Promise<Page<Notification>> {
  return json(`/v1/inbox${queryString(params)}`);
}

export async function unreadCount(): Promise<number> {
  return (await json<{ unread: number }>("/v1/inbox/unread-count")).unread;
}

export function markRead(notificationId: string): Promise<Notification> {
  return json(`/v1/inbox/${encodeURIComponent(notificationId)}/read`, { method: "POST" });
}

/** Opening a hazard marks the caller's unread messages about it read; answers how many. */
export async function markSubjectRead(subjectType: "hazard", subjectId: string): Promise<number> {
  return (await json<{ marked: number }>("/v1/inbox/read-subject", post({ subjectType, subjectId }))).marked;
}
