import { action, query } from "@solidjs/router";
import * as api from "../../api/client.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";

export const hazardProfile = query(async () => (await api.getCurrentProfile()).profile, "hazard-profile");
// `opened`: when the page was opened. Each visit reads afresh (others act on the same hazards meanwhile);
// within a visit the router's cache and revalidation apply.
export const hazardTimeline = query((hazardId: string, _opened: number) => api.getHazard(hazardId, { limit: 200 }), "hazard");
export const hazardPage = query((params: api.HazardList & { cursor?: string }, _opened: number) => api.listHazards({ ...params, limit: 50 }), "hazards");
export const hazardNode = query(async (nodeId: string) => api.getNode(nodeId).catch(() => undefined), "hazard-node");

/** The caller's subtree, every page, parents before children. */
export const hazardNodes = query(async () => {
  const nodes: api.JurisdictionNode[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listNodes({ cursor, limit: 500 });
    nodes.push(...page.items.filter((n) => n.status === "active"));
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return nodes;
}, "hazard-nodes");

/** Names of the users the caller may list (one page), for the timeline; others show by id. */
export const userNames = query(async () => {
  const me = signedInUser();
  const names: Record<string, string> = {};
  if (me) names[me.userId] = me.displayName;
  if (me && can(me.role, "user.read")) {
    const page = await api.listUsers({ limit: 100 }).catch(() => undefined);
    for (const u of page?.items ?? []) names[u.userId] = u.displayName;
  }
  return names;
}, "hazard-user-names");

export const inboxPage = query((cursor?: string) => api.listInbox({ cursor, limit: 50 }), "inbox");
export const unreadCount = query(() => api.unreadCount(), "inbox-unread");

export const actAction = action((hazardId: string, input: api.HazardActionInput, key: string) => api.actOnHazard(hazardId, input, key), "hazard-act");
export const reportAction = action((input: api.ReportHazardInput, key: string) => api.reportHazard(input, key), "hazard-report");
export const markReadAction = action((id: string) => api.markRead(id), "inbox-read");
