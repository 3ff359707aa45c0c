import { action, query } from "@solidjs/router";
import type {
  CreateBrigadeInput,
  CreateNodeInput,
  CreatePersonInput,
  CreateRecordInput,
  ImportMode,
  ObligationRecord,
  RecordKind,
  SetBodyInput,
  SetMilestoneInput,
  SetPostingInput,
  SetStandardItemInput,
  UpdateBrigadeInput,
  UpdateNodeInput,
  UpdatePersonInput,
  UpdateRecordInput,
} from "@firegov/core/contract";
import { getNodeFindings, getRollup, refreshRollup } from "../api/compliance.ts";
import { createNode, getNode, importFile, moveNode, retireNode, updateNode, type ImportKind } from "../api/nodes.ts";
import * as org from "../api/organisation.ts";

// Reads and writes of the tree, organisation and compliance pages. Every
// action revalidates the cached reads (the router's default), so a list
// shows what was just written.

export const organisation = query((nodeId: string) => org.getOrganisation(nodeId), "org-organisation");
export const nodeById = query((nodeId: string) => getNode(nodeId), "org-node");
export const recordsPage = query((nodeId: string, kind: RecordKind | undefined, cursor: string | undefined) => org.listRecords(nodeId, { kind, cursor, limit: 50 }), "org-records");
export const nodeFindings = query((nodeId: string, at: string | undefined) => getNodeFindings(nodeId, at), "org-findings");
export const rollupPage = query((cursor: string | undefined) => getRollup({ cursor, limit: 100 }), "org-rollup");

/** Every record of a node (of one kind), for the ledger export. */
export async function allRecords(nodeId: string, kind: RecordKind | undefined): Promise<ObligationRecord[]> {
  const records: ObligationRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await org.listRecords(nodeId, { kind, cursor, limit: 200 });
    records.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return records;
}

// ── Tree ───────────────────────────────────────────────────────────────────

export const createNodeAction = action((input: CreateNodeInput, key: string) => createNode(input, key), "createNode");
export const updateNodeAction = action((nodeId: string, input: UpdateNodeInput) => updateNode(nodeId, input), "updateNode");
export const moveNodeAction = action((nodeId: string, parentId: string) => moveNode(nodeId, parentId), "moveNode");
export const retireNodeAction = action((nodeId: string) => retireNode(nodeId), "retireNode");
export const importAction = action((kind: ImportKind, file: File, params: { mode: ImportMode; under?: string }) => importFile(kind, file, params), "importFile");

// ── Organisation ───────────────────────────────────────────────────────────

export const createPersonAction = action((nodeId: string, input: CreatePersonInput, key: string) => org.createPerson(nodeId, input, key), "createPerson");
export const updatePersonAction = action((nodeId: string, personId: string, input: UpdatePersonInput) => org.updatePerson(nodeId, personId, input), "updatePerson");
export const setBodyAction = action((nodeId: string, bodyId: string, input: SetBodyInput) => org.setBody(nodeId, bodyId, input), "setBody");
export const setItemAction = action(
  (nodeId: string, standardId: string, itemId: string, input: SetStandardItemInput) => org.setStandardItem(nodeId, standardId, itemId, input),
  "setStandardItem",
);
export const setPostingAction = action((nodeId: string, positionId: string, input: SetPostingInput) => org.setPosting(nodeId, positionId, input), "setPosting");
export const setMilestoneAction = action((nodeId: string, milestoneId: string, input: SetMilestoneInput) => org.setMilestone(nodeId, milestoneId, input), "setMilestone");
export const createBrigadeAction = action((nodeId: string, input: CreateBrigadeInput) => org.createBrigade(nodeId, input), "createBrigade");
export const updateBrigadeAction = action((nodeId: string, brigadeId: string, input: UpdateBrigadeInput) => org.updateBrigade(nodeId, brigadeId, input), "updateBrigade");
export const createRecordAction = action((nodeId: string, input: CreateRecordInput, key: string) => org.createRecord(nodeId, input, key), "createRecord");
export const updateRecordAction = action((nodeId: string, recordId: string, input: UpdateRecordInput) => org.updateRecord(nodeId, recordId, input), "updateRecord");

// ── Compliance ─────────────────────────────────────────────────────────────

export const refreshRollupAction = action(() => refreshRollup(), "refreshRollup");
