import { action, query } from "@solidjs/router";
import * as api from "../api/client.ts";

// Reads and writes of the tree, organisation and compliance pages. Every
// action revalidates the cached reads (the router's default), so a list
// shows what was just written.

/** The profile in effect: its names for levels, bodies, positions, grades… */
export const profileInEffect = query(async () => (await api.getCurrentProfile()).profile, "org-profile");

/** The caller's subtree, every page, parents before children (retired nodes too: their history stays). */
export const subtree = query(async () => {
  const nodes: api.JurisdictionNode[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listNodes({ cursor, limit: 500 });
    nodes.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return nodes;
}, "org-subtree");

export const organisation = query((nodeId: string) => api.getOrganisation(nodeId), "org-organisation");
export const nodeById = query((nodeId: string) => api.getNode(nodeId), "org-node");
export const recordsPage = query((nodeId: string, kind: api.RecordKind | undefined, cursor: string | undefined) => api.listRecords(nodeId, { kind, cursor, limit: 50 }), "org-records");
export const nodeFindings = query((nodeId: string, at: string | undefined) => api.getNodeFindings(nodeId, at), "org-findings");
export const rollupPage = query((cursor: string | undefined) => api.getRollup({ cursor, limit: 100 }), "org-rollup");

/** Every record of a node (of one kind), for the ledger export. */
export async function allRecords(nodeId: string, kind: api.RecordKind | undefined): Promise<api.ObligationRecord[]> {
  const records: api.ObligationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.listRecords(nodeId, { kind, cursor, limit: 200 });
    records.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return records;
}

// ── Tree ───────────────────────────────────────────────────────────────────

export const createNodeAction = action((input: api.CreateNodeInput, key: string) => api.createNode(input, key), "createNode");
export const updateNodeAction = action((nodeId: string, input: Parameters<typeof api.updateNode>[1]) => api.updateNode(nodeId, input), "updateNode");
export const moveNodeAction = action((nodeId: string, parentId: string) => api.moveNode(nodeId, parentId), "moveNode");
export const retireNodeAction = action((nodeId: string) => api.retireNode(nodeId), "retireNode");
export const importAction = action((kind: api.ImportKind, file: File, params: { mode: api.ImportMode; under?: string }) => api.importFile(kind, file, params), "importFile");

// ── Organisation ───────────────────────────────────────────────────────────

export const createPersonAction = action(
  (nodeId: string, input: api.PersonInput & { name: string; employment: api.Employment }, key: string) => api.createPerson(nodeId, input, key),
  "createPerson",
);
export const updatePersonAction = action((nodeId: string, personId: string, input: api.PersonInput) => api.updatePerson(nodeId, personId, input), "updatePerson");
export const setBodyAction = action((nodeId: string, bodyId: string, input: Parameters<typeof api.setBody>[2]) => api.setBody(nodeId, bodyId, input), "setBody");
export const setItemAction = action(
  (nodeId: string, standardId: string, itemId: string, input: Parameters<typeof api.setStandardItem>[3]) => api.setStandardItem(nodeId, standardId, itemId, input),
  "setStandardItem",
);
export const setMilestoneAction = action((nodeId: string, milestoneId: string, input: Parameters<typeof api.setMilestone>[2]) => api.setMilestone(nodeId, milestoneId, input), "setMilestone");
export const createBrigadeAction = action((nodeId: string, input: api.BrigadeInput & { name: string; force: api.ForceKind }) => api.createBrigade(nodeId, input), "createBrigade");
export const updateBrigadeAction = action((nodeId: string, brigadeId: string, input: api.BrigadeInput) => api.updateBrigade(nodeId, brigadeId, input), "updateBrigade");
export const createRecordAction = action(
  (nodeId: string, input: api.RecordInput & { kind: api.RecordKind; date: string }, key: string) => api.createRecord(nodeId, input, key),
  "createRecord",
);
export const updateRecordAction = action((nodeId: string, recordId: string, input: api.RecordInput) => api.updateRecord(nodeId, recordId, input), "updateRecord");

// ── Compliance ─────────────────────────────────────────────────────────────

export const refreshRollupAction = action(() => api.refreshRollup(), "refreshRollup");
