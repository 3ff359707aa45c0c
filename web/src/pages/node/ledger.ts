/**
 * The ledgers (台账) a node exports: its people and its records, as rows of a
 * sheet with Chinese headers and Chinese values, whatever the UI language,
 * since they are filed and printed as such. The headers are core's: the
 * people sheet's are the staff import's, so it can be edited and imported again.
 */
import { PEOPLE_LEDGER, PERSON_STATUS_NAMES, RECORDS_LEDGER } from "@firegov/core/browser";
import type { ObligationRecord, Person, PolicyProfile } from "@firegov/core/contract";
import { bodyName, employmentName, obligationName, positionName, recordKindName, responsibilityName, roleTermName } from "../../organisation/labels.ts";
import { sheetRows, type SheetRow } from "../../organisation/xlsx.ts";

const ZH = "zh-CN";

export function peopleSheet(people: readonly Person[], profile: PolicyProfile, nodeName: string): SheetRow[] {
  return sheetRows(
    PEOPLE_LEDGER,
    people.map((p) => ({
      node: nodeName,
      name: p.name,
      employment: employmentName(profile, p.employment, ZH),
      secondedFrom: bodyName(profile, p.secondedFrom, ZH),
      bodyId: bodyName(profile, p.bodyId, ZH),
      roles: p.roles.map((r) => roleTermName(profile, r, ZH)).join("、"),
      positions: p.positions.map((id) => positionName(profile, id, ZH).replace(" ", "")).join("、"),
      phone: p.phone ?? "",
      idNumber: p.idNumber ?? "",
      status: PERSON_STATUS_NAMES[p.status],
    })),
  );
}

/** One row per record, newest first as listed; a person by name where the node knows them. */
export function recordsSheet(records: readonly ObligationRecord[], profile: PolicyProfile, names: ReadonlyMap<string, string>): SheetRow[] {
  const person = (id: string | undefined) => (id ? (names.get(id) ?? id) : "");
  return sheetRows(
    RECORDS_LEDGER,
    records.map((r) => ({
      date: r.date,
      kind: recordKindName(profile, r.kind, ZH),
      obligation: obligationName(profile, r.obligationId, ZH),
      responsibility: responsibilityName(profile, r.responsibilityId, ZH),
      title: r.title ?? "",
      chair: person(r.chairPersonId),
      attendees: r.attendees.map((a) => person(a.personId)).join("、"),
      participantCount: r.participantCount ?? (r.attendees.length || null),
      topics: (r.topics ?? []).join("；"),
      workNotices: (r.workNotices ?? []).join("；"),
      minutes: r.minutes ?? "",
      course: r.course ?? "",
      hours: r.hours ?? null,
      drillType: r.drillType ?? "",
      target: r.target ?? "",
      campaign: r.campaign ?? "",
      audienceCount: r.audienceCount ?? null,
      note: r.note ?? "",
    })),
  );
}
