// A node's organisation: its bodies, people, brigades, milestones and records.
import type {
  Brigade,
  CreateBrigadeInput,
  CreatePersonInput,
  CreateRecordInput,
  Milestone,
  ObligationRecord,
  OrganisationView,
  OrgBody,
  Person,
  RecordKind,
  SetBodyInput,
  SetMilestoneInput,
  SetPostingInput,
  SetStandardItemInput,
  StandardItem,
  UpdateBrigadeInput,
  UpdatePersonInput,
  UpdateRecordInput,
  ReadReceipts,
} from "@firegov/core/contract";
import { idempotent, json, patch, post, queryString, type Page } from "./http.ts";
import { nodePath } from "./nodes.ts";

const under = (nodeId: string, ...parts: string[]) => [nodePath(nodeId), ...parts.map(encodeURIComponent)].join("/");

export function getOrganisation(nodeId: string): Promise<OrganisationView> {
  return json(`${nodePath(nodeId)}/organisation`);
}

export function createPerson(nodeId: string, input: CreatePersonInput, idempotencyKey: string): Promise<Person> {
  return json(`${nodePath(nodeId)}/people`, post(input, idempotent(idempotencyKey)));
}

/** Only the fields to change; `null` clears one. Phone and ID number only for those who may see them. */
export function updatePerson(nodeId: string, personId: string, input: UpdatePersonInput): Promise<Person> {
  return json(under(nodeId, "people", personId), patch(input));
}

/** Records a profile body as set up at the node. */
export function setBody(nodeId: string, bodyId: string, input: SetBodyInput): Promise<OrgBody> {
  return json(under(nodeId, "bodies", bodyId), post(input));
}

/** One checklist item of a station standard; `metOn: null`: not (or no longer) met. */
export function setStandardItem(nodeId: string, standardId: string, itemId: string, input: SetStandardItemInput): Promise<StandardItem & { standardId: string }> {
  return json(under(nodeId, "standards", standardId, "items", itemId), post(input));
}

export function setMilestone(nodeId: string, milestoneId: string, input: SetMilestoneInput): Promise<Pick<Milestone, "milestoneId" | "metOn" | "evidence">> {
  return json(under(nodeId, "milestones", milestoneId), post(input));
}

export function createBrigade(nodeId: string, input: CreateBrigadeInput): Promise<Brigade> {
  return json(`${nodePath(nodeId)}/brigades`, post(input));
}

export function updateBrigade(nodeId: string, brigadeId: string, input: UpdateBrigadeInput): Promise<Brigade> {
  return json(under(nodeId, "brigades", brigadeId), patch(input));
}

/** Newest first. */
export function listRecords(nodeId: string, params: { kind?: RecordKind; cursor?: string; limit?: number } = {}): Promise<Page<ObligationRecord>> {
  return json(`${nodePath(nodeId)}/records${queryString(params)}`);
}

export function createRecord(nodeId: string, input: CreateRecordInput, idempotencyKey: string): Promise<ObligationRecord> {
  return json(`${nodePath(nodeId)}/records`, post(input, idempotent(idempotencyKey)));
}

/** Who a meeting's work notices went to, and who has read them. */
export function recordReceipts(nodeId: string, recordId: string): Promise<ReadReceipts> {
  return json(`${under(nodeId, "records", recordId)}/receipts`);
}

export function updateRecord(nodeId: string, recordId: string, input: UpdateRecordInput): Promise<ObligationRecord> {
  return json(under(nodeId, "records", recordId), patch(input));
}

/** The public posting (挂牌公示) of a seat; `postedOn: null` withdraws it. */
export function setPosting(nodeId: string, positionId: string, input: SetPostingInput): Promise<{ positionId: string; postedOn?: string }> {
  return json(under(nodeId, "positions", positionId, "posting"), post(input));
}
