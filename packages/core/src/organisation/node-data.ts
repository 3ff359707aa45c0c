import { useTenant } from "../context/actor.ts";
import { QueryCommand, type QueryCommandOutput } from "@aws-sdk/lib-dynamodb";
import { documentClient } from "../db/document-client.ts";
import type { BrigadeFacts, OrgData, PersonFacts } from "./facts.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { viewFrom } from "../db/key-templates.ts";
import { defined } from "../db/plain.ts";

/** Far enough ahead that no record is dated after it: reads only the undated items. */
export const CURRENT_ONLY = "9999-12-31";

/**
 * Everything kept at a node, in one Query of the nodeView index: the node,
 * its people, bodies, checklist items, milestone records, brigades and
 * coverage, and its records and attendance dated on or after `since`
 * (db/key-templates.ts explains the key order that makes this one range).
 * DynamoDB pages at 1 MB; a node that large continues the same Query.
 */
export async function readNodeView(nodeId: string, since: string) {
  const tenantId = useTenant();
  const db = tenantDb();
  const { entities } = db.service;
  // The key as the node entity builds it: one definition of the partition format.
  const key = entities.node.query.nodeView({ tenantId, nodeId }).params<{ ExpressionAttributeValues: Record<string, string> }>().ExpressionAttributeValues[":pk"]!;
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out: QueryCommandOutput = await documentClient(db.client).send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: "gsi2",
        KeyConditionExpression: "#pk = :pk AND #sk >= :from",
        ExpressionAttributeNames: { "#pk": "gsi2pk", "#sk": "gsi2sk" },
        ExpressionAttributeValues: { ":pk": key, ":from": viewFrom(since) },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    start = out.LastEvaluatedKey;
  } while (start);

  const of = (entity: string) => ({ Items: items.filter((item) => item.__edb_e__ === entity) });
  // A node written before the nodeView index existed is not in it; its own item still is.
  const node = entities.node.parse(of("node")).data[0] ?? (await entities.node.get({ tenantId, nodeId }).go()).data ?? undefined;
  return {
    node,
    people: entities.person.parse(of("person")).data,
    bodies: entities.orgBody.parse(of("orgBody")).data,
    standardItems: entities.standardItem.parse(of("standardItem")).data,
    milestones: entities.milestoneRecord.parse(of("milestoneRecord")).data,
    postings: entities.positionPosting.parse(of("positionPosting")).data,
    brigades: entities.brigade.parse(of("brigade")).data,
    covers: entities.brigadeCover.parse(of("brigadeCover")).data,
    records: entities.obligationRecord.parse(of("obligationRecord")).data,
    attendance: entities.attendance.parse(of("attendance")).data,
  };
}

export type NodeViewData = Awaited<ReturnType<typeof readNodeView>>;

type PersonItem = NodeViewData["people"][number];
type BrigadeItem = NodeViewData["brigades"][number];

const brigadeFacts = (b: BrigadeItem): BrigadeFacts => ({
  brigadeId: b.brigadeId,
  name: b.name,
  force: b.force,
  ...(b.grade ? { grade: b.grade } : {}),
  ...(b.deployment ? { deployment: b.deployment } : {}),
  ...(b.venueId ? { venueId: b.venueId } : {}),
  ...(b.publicInstitution !== undefined ? { publicInstitution: b.publicInstitution } : {}),
  memberCount: b.memberIds.length,
  memberIds: b.memberIds,
  formerMemberIds: b.formerMemberIds ?? [],
  vehicles: b.vehicles,
  ...(b.teams?.length ? { teams: b.teams.map((t) => ({ id: t.id, name: t.name, ...(t.memberCount !== undefined ? { memberCount: t.memberCount } : {}) })) } : {}),
});

/** The active brigades of a whole subtree, as facts (one Query of the subtree index, paged). */
export async function brigadeFactsUnder(path: string): Promise<BrigadeFacts[]> {
  const { data } = await tenantDb().service.entities.brigade.query.bySubtree({ tenantId: useTenant() }).begins({ path }).go({ pages: "all" });
  return data.filter((b) => b.status === "active").map(brigadeFacts);
}

const personFacts = (p: PersonItem): PersonFacts => ({
  personId: p.personId,
  name: p.name,
  employment: p.employment,
  roles: p.roles,
  positions: p.positions,
  ...defined({
    secondedFrom: p.secondedFrom,
    bodyId: p.bodyId,
    hiredOn: p.hiredOn,
    jobChangedOn: p.jobChangedOn,
    annualPay: p.annualPay,
    leftOn: p.leftOn,
    leftFor: p.leftFor,
    longServiceBenefitOn: p.longServiceBenefitOn,
  }),
});

/** The facts the compliance engine judges: active people (and, apart, those who left) and active brigades. */
export function toOrgData(view: NodeViewData & { node: NonNullable<NodeViewData["node"]> }): OrgData {
  const { node } = view;
  return {
    node: { nodeId: node.nodeId, level: node.level, name: node.name, ...(node.unit ? { unit: node.unit } : {}), ...(node.tier ? { tier: node.tier } : {}) },
    people: view.people.filter((p) => p.status === "active").map(personFacts),
    leavers: view.people.filter((p) => p.status === "left").map(personFacts),
    bodies: view.bodies.map((b) => ({ bodyId: b.bodyId, ...(b.establishedOn ? { establishedOn: b.establishedOn } : {}) })),
    standardItems: view.standardItems.map((i) => ({ standardId: i.standardId, itemId: i.itemId, ...(i.metOn ? { metOn: i.metOn } : {}), ...(i.value !== undefined ? { value: i.value } : {}) })),
    postings: view.postings.map((p) => ({ positionId: p.positionId, postedOn: p.postedOn })),
    brigades: view.brigades.filter((b) => b.status === "active").map(brigadeFacts),
    coverage: view.covers.map((c) => ({ brigadeId: c.brigadeId, name: c.name, force: c.force, ...(c.grade ? { grade: c.grade } : {}) })),
    records: view.records.map((r) => ({ recordId: r.recordId, kind: r.kind, ...(r.obligationId ? { obligationId: r.obligationId } : {}), ...(r.responsibilityId ? { responsibilityId: r.responsibilityId } : {}), date: r.date, workNotices: r.workNotices?.length ?? 0, ...(r.target ? { target: r.target } : {}), ...(r.campaign ? { campaign: r.campaign } : {}), ...(r.ledgerMonth ? { ledger: { month: r.ledgerMonth, counts: defined({ ...r.ledgerCounts }) } } : {}) })),
    attendance: view.attendance.map((a) => ({ personId: a.personId, recordId: a.recordId, kind: a.kind, ...(a.obligationId ? { obligationId: a.obligationId } : {}), date: a.date })),
    milestones: view.milestones.map((m) => ({ milestoneId: m.milestoneId, metOn: m.metOn })),
  };
}
