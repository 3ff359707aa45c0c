import { z } from "zod";
import { authorize } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { countByStatus, FindingSchema, localDate, type Finding } from "../compliance/index.ts";
import { toXlsx } from "../files/index.ts";
import { nodeOrNotFound } from "../jurisdiction/index.ts";
import { profileAt } from "../profile/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { resourceFindings } from "./findings.ts";
import { listCertificates } from "./qualifications.ts";
import { listEquipment } from "./equipment.ts";

// A node's findings of funding, equipment and certificates, computed on
// read like compliance's: the profile in effect at T, the node's items, T.

export const ResourceFindingsInput = z.object({
  at: z.iso.datetime({ offset: true }).optional().meta({ description: "Judge as at this instant, with the profile version then in effect (default now)" }),
});

const Counts = z.object({ met: z.int(), unmet: z.int(), due_soon: z.int(), overdue: z.int(), not_applicable: z.int() });

export const ResourceFindingsSchema = z
  .object({ nodeId: z.string(), at: z.string(), today: z.string(), profileVersion: z.int(), counts: Counts, findings: z.array(FindingSchema) })
  .meta({ id: "ResourceFindings" });

export const resourceFindingsOf = useCase(
  ResourceFindingsInput,
  async (input, nodeId: string): Promise<z.infer<typeof ResourceFindingsSchema>> => {
    const node = await nodeOrNotFound(nodeId, { allowRetired: true });
    authorize(useUser(), "org.read", node);
    const now = input.at ? new Date(input.at) : new Date();
    const [{ profile, version }, timeZone] = await Promise.all([profileAt(now), tenantTimeZone()]);
    const today = localDate(now, timeZone);
    const key = { tenantId: node.tenantId, nodeId };
    const entities = tenantDb().service.entities;
    const [equipment, certificates, lines] = await Promise.all([
      entities.equipment.query.byNode(key).go({ pages: "all" }),
      entities.certificate.query.byNode(key).go({ pages: "all" }),
      entities.budgetLine.query.byNode(key).go({ pages: "all" }),
    ]);
    const findings: Finding[] = node.status === "active"
      ? resourceFindings(profile, { nodeId, level: node.level, equipment: equipment.data, certificates: certificates.data, budgetYears: [...new Set(lines.data.map((l) => l.year))] }, today)
      : [];
    return { nodeId, at: now.toISOString(), today, profileVersion: version, counts: countByStatus(findings), findings };
  },
  "query",
);

const STATUS_ZH: Record<string, string> = { met: "正常", due_soon: "即将到期", unmet: "已过期", overdue: "已过期", not_applicable: "不适用" };

/** The equipment register and the certificates as xlsx, each row with its status today. */
export async function exportRegister(nodeId: string) {
  const [equipment, certificates, judged] = await Promise.all([listEquipment(nodeId), listCertificates(nodeId), resourceFindingsOf({}, nodeId)]);
  const statusOf = (ruleId: string, subjectId: string) => {
    const f = judged.findings.find((x) => x.ruleId === ruleId && x.subjectId === subjectId);
    return f ? STATUS_ZH[f.status]! : null;
  };
  const body = await toXlsx([
    {
      name: "装备",
      rows: [
        ["装备类型", "名称", "数量", "上次检查", "下次检查", "有效期至", "有效期状态", "检查状态", "在用"],
        ...equipment.items.map((e) => [e.kindName.zh, e.name ?? null, e.count, e.lastCheckOn ?? null, e.nextCheckDue ?? null, e.expiresOn ?? null, statusOf("equipment.expiry", e.equipmentId), statusOf("equipment.check", e.equipmentId), e.status === "active" ? "是" : "否"]),
      ],
      widths: [16, 24, 8, 12, 12, 12, 12, 12, 6],
    },
    {
      name: "资格证书",
      rows: [
        ["姓名", "证书类型", "证书编号", "发证日期", "有效期至", "状态"],
        ...certificates.items.map((c) => [c.personName, c.kindName.zh, c.number, c.issuedOn, c.expiresOn ?? null, c.expiresOn ? statusOf("qualification.expiry", c.certificateId) : "长期有效"]),
      ],
      widths: [12, 20, 24, 12, 12, 12],
    },
  ]);
  return { body, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: `register-${judged.today}.xlsx` };
}
