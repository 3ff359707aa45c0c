import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { authorize } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction } from "../db/transact.ts";
import { timeOrderedId } from "../db/ids.ts";
import { AppError, type FieldError } from "../errors/app-error.ts";
import { fieldError } from "../errors/index.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { getPerson, getRecord } from "../organisation/index.ts";
import { profileAt } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { qualificationsOf } from "../profile/index.ts";
import { DateOnly, Id, ProfileId, ShortText } from "./fields.ts";

// 资质: certificates per person, with their expiry; 培训考核: a training
// record's scores against the profile's pass mark, who passed and who failed.

export const CreateCertificateInput = z
  .object({
    personId: Id.meta({ description: "A person of this node" }),
    kind: ProfileId.meta({ description: "A certificate kind of the profile (消防设施操作员 …)" }),
    number: ShortText.min(1, bilingual("请填写证书编号", "The certificate number is required")),
    issuedOn: DateOnly,
    expiresOn: DateOnly.optional().meta({ description: "Absent: it does not lapse" }),
  })
  .refine((v) => v.expiresOn === undefined || v.expiresOn > v.issuedOn, { path: ["expiresOn"], message: bilingual("有效期须晚于发证日期", "The expiry must come after the issue date") })
  .meta({ id: "CreateCertificateInput" });

const Label = z.object({ zh: z.string(), en: z.string() });

export const CertificateSchema = z
  .object({ certificateId: z.string(), nodeId: z.string(), personId: z.string(), personName: z.string(), kind: z.string(), kindName: Label, number: z.string(), issuedOn: z.string(), expiresOn: z.string().optional(), createdAt: z.string() })
  .meta({ id: "Certificate" });

export const CertificateListSchema = z.object({ items: z.array(CertificateSchema) }).meta({ id: "CertificateList" });

type CertItem = { tenantId: string; nodeId: string; certificateId: string; personId: string; personName: string; kind: string; number: string; issuedOn: string; expiresOn?: string | undefined; createdAt: string; createdBy: string; updatedAt: string };

export const createCertificate = useCase(CreateCertificateInput, async (input, nodeId: string, opts: { idempotencyKey?: string } = {}) => {
  const actor = useUser();
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "org.manage", node);
  const { profile } = await profileAt();
  const kinds = qualificationsOf(profile).certificateKinds;
  const errors: FieldError[] = [];
  if (!kinds.some((k) => k.id === input.kind)) errors.push(fieldError("body.kind", "resources.certificate_kind_unknown", `“${input.kind}”不是政策档案中的资格证书类型，可选：${kinds.map((k) => k.name.zh).join("、")}`, `“${input.kind}” is not a certificate kind of the profile; one of: ${kinds.map((k) => k.id).join(", ")}`));
  const person = await getPerson(nodeId, input.personId).catch((e: unknown) => {
    if (e instanceof AppError && e.kind === "not_found") return undefined;
    throw e;
  });
  if (!person) errors.push(fieldError("body.personId", "resources.person_unknown", "该节点没有这名人员", "No such person at this node"));
  if (errors.length) throw new AppError("validation", "request.invalid", {}, errors);
  const certificateId = timeOrderedId();
  const stored = await writeTransaction<{ certificateId: string }>(
    ({ certificate, audit }) => [
      certificate.create({ tenantId: actor.tenantId, nodeId, certificateId, ...input, personName: person!.name, createdBy: actor.userId }).commit(),
      auditItem({ audit }, { action: "certificate.create", targetType: "person", targetId: input.personId, details: { nodeId, certificateId, kind: input.kind, expiresOn: input.expiresOn ?? null } }),
    ],
    {
      idempotency: opts.idempotencyKey ? { key: opts.idempotencyKey, request: { nodeId, input }, result: { certificateId } } : undefined,
      onCanceled: () => new AppError("conflict", "request.conflict_retry"),
    },
  );
  const { data } = await tenantDb().service.entities.certificate.get({ tenantId: actor.tenantId, nodeId, certificateId: stored?.certificateId ?? certificateId }).go({ consistent: true });
  if (!data) throw new AppError("not_found", "resources.certificate_not_found");
  return toCertificateView(kinds, data as CertItem);
});

function toCertificateView(kinds: readonly { id: string; name: { zh: string; en: string } }[], c: CertItem): z.infer<typeof CertificateSchema> {
  const { tenantId: _t, createdBy: _c, updatedAt: _u, ...rest } = c;
  return { ...rest, kindName: kinds.find((k) => k.id === c.kind)?.name ?? { zh: c.kind, en: c.kind } };
}

/** The certificates of a node's people. */
export async function listCertificates(nodeId: string): Promise<z.infer<typeof CertificateListSchema>> {
  const node = await nodeOrNotFound(nodeId, { allowRetired: true });
  authorize(useUser(), "org.read", node);
  const { profile } = await profileAt();
  const { data } = await tenantDb().service.entities.certificate.query.byNode({ tenantId: node.tenantId, nodeId }).go({ pages: "all" });
  const kinds = qualificationsOf(profile).certificateKinds;
  return { items: data.map((c) => toCertificateView(kinds, c as CertItem)) };
}

// ── Training results ───────────────────────────────────────────────────────

export const SetTrainingResultsInput = z
  .object({
    scores: z
      .array(z.object({ personId: Id, nodeId: Id, score: z.number(bilingual("成绩须为数字", "A score is a number")).min(0, bilingual("成绩为 0–100 分", "Scores are 0–100")).max(100, bilingual("成绩为 0–100 分", "Scores are 0–100")) }))
      .min(1, bilingual("请至少填写一人的成绩", "Enter at least one score"))
      .max(95),
  })
  .meta({ id: "SetTrainingResultsInput" });

const ResultRow = z.object({ personId: z.string(), nodeId: z.string(), name: z.string(), score: z.number(), passed: z.boolean() });

export const TrainingResultsSchema = z
  .object({
    recordId: z.string(),
    nodeId: z.string(),
    date: z.string(),
    passMark: z.number(),
    /** The pass mark's clause (or null for a marked default) and its text. */
    sourceRef: z.string().nullable(),
    text: z.string(),
    results: z.array(ResultRow),
    passed: z.array(ResultRow),
    failed: z.array(ResultRow),
    /** Attendees of the record with no score yet. */
    unscored: z.array(z.object({ personId: z.string(), nodeId: z.string() })),
  })
  .meta({ id: "TrainingResults" });

export type TrainingResults = z.infer<typeof TrainingResultsSchema>;

/**
 * Enter (or replace) the scores of a training record's assessment. Only its
 * attendees are scored; the pass mark of the profile in effect is kept with
 * them, so a later profile does not rewrite who passed.
 */
export const setTrainingResults = useCase(SetTrainingResultsInput, async (input, nodeId: string, recordId: string) => {
  const actor = useUser();
  const record = await getRecord(nodeId, recordId);
  const node = await nodeOrNotFound(nodeId);
  authorize(actor, "org.manage", node);
  const errors: FieldError[] = [];
  if (record.kind !== "training") errors.push(fieldError("path.recordId", "resources.not_training", "该记录不是培训记录", "The record is not a training"));
  const attendees = new Set(record.attendees.map((a) => `${a.nodeId}/${a.personId}`));
  const seen = new Set<string>();
  input.scores.forEach((s, i) => {
    const key = `${s.nodeId}/${s.personId}`;
    if (!attendees.has(key)) errors.push(fieldError(`body.scores[${i}].personId`, "resources.not_attendee", "此人未参加该培训", "This person did not attend the training"));
    if (seen.has(key)) errors.push(fieldError(`body.scores[${i}].personId`, "resources.score_twice", "同一人只能填写一个成绩", "One score per person"));
    seen.add(key);
  });
  if (errors.length) throw new AppError("validation", "request.invalid", {}, errors);
  const people = await Promise.all(input.scores.map((s) => getPerson(s.nodeId, s.personId).catch(() => undefined)));
  const { profile } = await profileAt();
  const passMark = qualificationsOf(profile).training.passMark;
  const scores = input.scores.map((s, i) => ({ personId: s.personId, nodeId: s.nodeId, score: s.score, name: people[i]?.name ?? s.personId }));
  await writeTransaction(
    ({ trainingResult, audit }) => [
      trainingResult.put({ tenantId: actor.tenantId, nodeId, recordId, date: record.date, passMark, scores, createdBy: actor.userId }).commit(),
      auditItem({ audit }, { action: "training.results.set", targetType: "record", targetId: recordId, details: { nodeId, passMark, scored: scores.length, failed: scores.filter((s) => s.score < passMark).length } }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return trainingResults(nodeId, recordId);
});

/** A training's results: each score against the pass mark, who passed, who failed, who attended without a score. */
export async function trainingResults(nodeId: string, recordId: string): Promise<TrainingResults> {
  const record = await getRecord(nodeId, recordId);
  const { profile } = await profileAt();
  const rule = qualificationsOf(profile).training;
  const { data } = await tenantDb().service.entities.trainingResult.get({ tenantId: useUser().tenantId, nodeId, recordId }).go({ consistent: true });
  const passMark = data?.passMark ?? rule.passMark;
  const results = (data?.scores ?? []).map((s) => ({ personId: s.personId, nodeId: s.nodeId, name: s.name, score: s.score, passed: s.score >= passMark }));
  const scored = new Set(results.map((r) => `${r.nodeId}/${r.personId}`));
  return {
    recordId,
    nodeId,
    date: record.date,
    passMark,
    sourceRef: rule.sourceRef,
    text: rule.text ?? rule.assumption?.zh ?? "",
    results,
    passed: results.filter((r) => r.passed),
    failed: results.filter((r) => !r.passed),
    unscored: record.attendees.filter((a) => !scored.has(`${a.nodeId}/${a.personId}`)),
  };
}
