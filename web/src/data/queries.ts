import { query } from "@solidjs/router";
import type { JurisdictionNode } from "@firegov/core/contract";
import { unreadCount as countUnread } from "../api/inbox.ts";
import { listNodes } from "../api/nodes.ts";
import { getCurrentProfile } from "../api/profiles.ts";
import { listUsers } from "../api/users.ts";
import { can } from "../auth/access.ts";
import { signedInUser } from "../auth/session.ts";

// Reads many pages share: one cache entry each, whichever page asked first.

/** The version of the profile in effect now, with its facts. */
export const currentProfile = query(() => getCurrentProfile(), "profile-current");

/** The profile in effect: its names for levels, bodies, severities, categories… */
export const profileInEffect = query(async () => (await getCurrentProfile()).profile, "profile-in-effect");

/** The caller's subtree, every page, parents before children (retired nodes too: their history stays). */
export const subtreeNodes = query(async () => {
  const nodes: JurisdictionNode[] = [];
  let cursor: string | undefined;
  do {
    const page = await listNodes({ cursor, limit: 500 });
    nodes.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return nodes;
}, "subtree-nodes");

/** The active nodes of the subtree: what a form may choose. */
export const activeNodes = query(async () => (await subtreeNodes()).filter((n) => n.status === "active"), "active-nodes");

/** Names of the users the caller may list (one page), by id; others show by id. */
export const userNames = query(async () => {
  const me = signedInUser();
  const names = new Map<string, string>();
  if (me) names.set(me.userId, me.displayName);
  if (me && can(me.role, "user.read")) {
    const page = await listUsers({ limit: 100 }).catch(() => undefined);
    for (const u of page?.items ?? []) names.set(u.userId, u.displayName);
  }
  return names;
}, "user-names");

/** The inbox's unread count, for the link in the header and the inbox page. */
export const unreadCount = query(() => countUnread(), "inbox-unread");
