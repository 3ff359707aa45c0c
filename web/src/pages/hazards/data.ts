import { action, query } from "@solidjs/router";
import type { HazardActionInput, ReportHazardInput } from "@firegov/core/contract";
import { actOnHazard, getHazard, listHazards, reportHazard, type HazardList } from "../../api/hazards.ts";
import { listInbox, markRead } from "../../api/inbox.ts";
import { getNode } from "../../api/nodes.ts";

// `opened`: when the page was opened. Each visit reads afresh (others act on the same hazards meanwhile);
// within a visit the router's cache and revalidation apply.
export const hazardTimeline = query((hazardId: string, _opened: number) => getHazard(hazardId, { limit: 200 }), "hazard");
export const hazardPage = query((params: HazardList & { cursor?: string }, _opened: number) => listHazards({ ...params, limit: 50 }), "hazards");
export const hazardNode = query(async (nodeId: string) => getNode(nodeId).catch(() => undefined), "hazard-node");

export const inboxPage = query((cursor?: string) => listInbox({ cursor, limit: 50 }), "inbox");

export const actAction = action((hazardId: string, input: HazardActionInput, key: string) => actOnHazard(hazardId, input, key), "hazard-act");
export const reportAction = action((input: ReportHazardInput, key: string) => reportHazard(input, key), "hazard-report");
export const markReadAction = action((id: string) => markRead(id), "inbox-read");
