import type { IncidentsPolicy } from "./schema.ts";

// Fire incidents (火灾事故) where a profile says nothing of them: the cause
// categories of the national fire statistics' usual classes, a review window
// of a year, no accountability clause and no dispatch rule. Every value is a
// marked default (sourceRef null + assumption). Each call returns a fresh
// object, so a preset may adopt and extend it.

const cause = (id: string, zh: string, en: string) => ({ id, name: { zh, en }, sourceRef: null, assumption: { zh: "文件未规定起火原因分类，采用系统默认分类", en: "The document sets no cause categories; the system's default list" } });

export function defaultIncidentCauses(): IncidentsPolicy["causes"] {
  return [
    cause("electrical", "电气火灾", "Electrical"),
    cause("careless_fire_use", "用火不慎", "Careless use of fire"),
    cause("smoking", "吸烟", "Smoking"),
    cause("playing_with_fire", "玩火", "Playing with fire"),
    cause("production_operation", "生产作业", "Production or hot work"),
    cause("spontaneous_combustion", "自燃", "Spontaneous combustion"),
    cause("lightning", "雷击", "Lightning"),
    cause("arson", "放火", "Arson"),
    cause("other", "其他", "Other"),
    cause("undetermined", "原因待查", "Under investigation"),
  ];
}

/** A year back: what an accountability review asks first is the venue's past year. */
export function defaultReviewWindow(): IncidentsPolicy["reviewWindowMonths"] {
  return {
    value: 12,
    sourceRef: null,
    assumption: { zh: "文件未规定事故倒查期限，默认调阅事故场所近12个月的检查与隐患记录", en: "The document sets no review window; by default the venue's inspections and hazards of the past 12 months" },
  };
}

export function defaultIncidents(): IncidentsPolicy {
  return { causes: defaultIncidentCauses(), reviewWindowMonths: defaultReviewWindow(), accountability: [] };
}

/** The profile's incident rules, or the defaults. */
export const incidentsPolicy = (profile: { incidents?: IncidentsPolicy | undefined }): IncidentsPolicy => profile.incidents ?? defaultIncidents();
