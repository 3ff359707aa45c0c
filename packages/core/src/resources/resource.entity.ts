import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { nodePk, sortKey } from "../db/key-templates.ts";

// Funding, equipment, certificates and training results live in their node's
// own partition (`T#<tenant>#NODE#<nodeId>`), each under a prefix of its own,
// so a node's ledger, register or certificates are one Query and a node that
// moves keeps them. None is projected into the nodeView index: compliance's
// one Query of a node reads only what it judges.

const audited = {
  createdBy: { type: "string", required: true, readOnly: true },
  createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
  updatedAt: { type: "string", required: true, default: () => new Date().toISOString(), set: () => new Date().toISOString(), watch: "*" },
} as const;

/** A budget line (预算科目) of a node's fire-work funding for a year, in yuan. */
export const BudgetLineEntity = new Entity({
  model: { entity: "budgetLine", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    lineId: { type: "string", required: true, readOnly: true },
    year: { type: "number", required: true },
    item: { type: "string", required: true },
    /** Yuan, at most two decimals. */
    amount: { type: "number", required: true },
    /** 财政预算, 上级补助, 专项资金 … */
    source: { type: "string", required: true },
    note: { type: "string" },
    ...audited,
  },
  indexes: { byNode: { pk: nodePk("pk"), sk: sortKey("sk", "FUND#L#${lineId}", ["lineId"]) } },
});

/** Money spent against a budget line, with the files that show it (receipts, contracts). */
export const SpendingEntity = new Entity({
  model: { entity: "spending", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    spendingId: { type: "string", required: true, readOnly: true },
    lineId: { type: "string", required: true, readOnly: true },
    date: { type: "string", required: true },
    amount: { type: "number", required: true },
    note: { type: "string" },
    /** Keys under the tenant's `resources/` prefix. */
    attachments: { type: "list", items: { type: "string" }, required: true, default: () => [] },
    ...audited,
  },
  indexes: { byNode: { pk: nodePk("pk"), sk: sortKey("sk", "FUND#S#${spendingId}", ["spendingId"]) } },
});

/** Equipment kept at a node, or by one of its brigades or stations: a kind of the profile, a count, its dates. */
export const EquipmentEntity = new Entity({
  model: { entity: "equipment", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    equipmentId: { type: "string", required: true, readOnly: true },
    kind: { type: "string", required: true },
    name: { type: "string" },
    /** The brigade or station (organisation brigade id) that keeps it; absent: the node itself. */
    brigadeId: { type: "string" },
    count: { type: "number", required: true },
    lastCheckOn: { type: "string" },
    nextCheckDue: { type: "string" },
    expiresOn: { type: "string" },
    note: { type: "string" },
    status: { type: ["active", "retired"] as const, required: true, default: "active" },
    ...audited,
  },
  indexes: { byNode: { pk: nodePk("pk"), sk: sortKey("sk", "EQP#${equipmentId}", ["equipmentId"]) } },
});

/** A certificate (职业资格证书) held by a person of the node. */
export const CertificateEntity = new Entity({
  model: { entity: "certificate", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    nodeId: { type: "string", required: true, readOnly: true },
    certificateId: { type: "string", required: true, readOnly: true },
    personId: { type: "string", required: true, readOnly: true },
    /** The person's name when the certificate was entered (lists show it without reading people). */
    personName: { type: "string", required: true },
    kind: { type: "string", required: true },
    number: { type: "string", required: true },
    issuedOn: { type: "string", required: true },
    /** Absent: does not lapse. */
    expiresOn: { type: "string" },
    ...audited,
  },
  indexes: { byNode: { pk: nodePk("pk"), sk: sortKey("sk", "CERT#${certificateId}", ["certificateId"]) } },
});

const score = {
  type: "map",
  properties: {
    personId: { type: "string", required: true },
    nodeId: { type: "string", required: true },
    name: { type: "string", required: true },
    score: { type: "number", required: true },
  },
} as const;

/** The assessment (考核) of a training record: each person's score and the pass mark in effect when entered. */
export const TrainingResultEntity = new Entity({
  model: { entity: "trainingResult", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    /** The training record's node. */
    nodeId: { type: "string", required: true, readOnly: true },
    recordId: { type: "string", required: true, readOnly: true },
    date: { type: "string", required: true },
    passMark: { type: "number", required: true },
    scores: { type: "list", items: score, required: true, default: () => [] },
    ...audited,
  },
  indexes: { byNode: { pk: nodePk("pk"), sk: sortKey("sk", "TRS#${recordId}", ["recordId"]) } },
});

// Access patterns
// - a node's budget lines / spending / equipment / certificates / training results: byNode begins_with(<prefix>)
// - one of them by id (edit, check): byNode get

declare module "../db/service.ts" {
  interface Entities {
    budgetLine: typeof BudgetLineEntity;
    spending: typeof SpendingEntity;
    equipment: typeof EquipmentEntity;
    certificate: typeof CertificateEntity;
    trainingResult: typeof TrainingResultEntity;
  }
}
registerEntities({ budgetLine: BudgetLineEntity, spending: SpendingEntity, equipment: EquipmentEntity, certificate: CertificateEntity, trainingResult: TrainingResultEntity });
