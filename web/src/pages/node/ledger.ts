/**
 * The ledgers (台账) a node exports: its people and its records, as rows of a
 * sheet with Chinese headers and Chinese values, whatever the UI language,
 * since they are filed and printed as such. The people sheet uses the staff
 * import's own headers, so it can be edited and imported again.
 */
import type { ObligationRecord, Person, PolicyProfile } from "@firegov/core/contract";
import { bodyName, employmentName, obligationName, positionName, recordKindName, roleTermName } from "../../organisation/labels.ts";
import type { SheetRow } from "../../organisation/xlsx.ts";

const ZH = "zh-CN";

export function peopleSheet(people: readonly Person[], profile: PolicyProfile, nodeName: string): SheetRow[] {
  const header = ["所在节点", "姓名", "用工性质", "派出单位", "所在机构", "角色", "职务", "电话", "身份证号", "状态"];
  return [
    header,
    ...people.map((p) => [
      nodeName,
      p.name,
      employmentName(p.employment, ZH),
      bodyName(profile, p.secondedFrom, ZH),
      bodyName(profile, p.bodyId, ZH),
      p.roles.map((r) => roleTermName(profile, r, ZH)).join("、"),
      p.positions.map((id) => positionName(profile, id, ZH).replace(" ", "")).join("、"),
      p.phone ?? "",
      p.idNumber ?? "",
      p.status === "active" ? "在岗" : "离岗",
    ]),
  ];
}

/** One row per record, newest first as listed; a person by name where the node knows them. */
export function recordsSheet(records: readonly ObligationRecord[], profile: PolicyProfile, names: ReadonlyMap<string, string>): SheetRow[] {
  const header = ["日期", "类型", "对应工作要求", "标题", "主持人", "参加人员", "参加人数", "议题", "工作提示", "会议纪要", "培训内容", "学时", "演练类型", "宣传对象", "活动", "覆盖人数", "备注"];
  const person = (id: string | undefined) => (id ? (names.get(id) ?? id) : "");
  return [
    header,
    ...records.map((r) => [
      r.date,
      recordKindName(r.kind, ZH),
      obligationName(profile, r.obligationId, ZH),
      r.title ?? "",
      person(r.chairPersonId),
      r.attendees.map((a) => person(a.personId)).join("、"),
      r.participantCount ?? (r.attendees.length || null),
      (r.topics ?? []).join("；"),
      (r.workNotices ?? []).join("；"),
      r.minutes ?? "",
      r.course ?? "",
      r.hours ?? null,
      r.drillType ?? "",
      r.target ?? "",
      r.campaign ?? "",
      r.audienceCount ?? null,
      r.note ?? "",
    ]),
  ];
}
