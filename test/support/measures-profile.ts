import type { PolicyProfile } from "@firegov/core/contract";

// Rules that measure, added to a preset as a county's admin would add them:
// the venue measures, "高度 ≥ 50 米 → 一级重点单位" as a classify policy, a
// category of the key units inspected twice a month, a meeting twice a month,
// and the windows and roll-up level as settings. Marked defaults (sourceRef
// null + assumption), so they validate in any preset.

const assumed = (zh: string) => ({ sourceRef: null, assumption: { zh, en: zh } });

export const MEASURES = [
  { id: "height_m", name: { zh: "建筑高度", en: "Building height" }, unit: { zh: "米", en: "m" } },
  { id: "floor_area_m2", name: { zh: "建筑面积", en: "Floor area" }, unit: { zh: "平方米", en: "m²" } },
  { id: "storeys", name: { zh: "层数", en: "Storeys" }, unit: { zh: "层", en: "storeys" } },
  { id: "occupants", name: { zh: "容纳人数", en: "Occupants" }, unit: { zh: "人", en: "people" } },
  { id: "beds", name: { zh: "床位数", en: "Beds" }, unit: { zh: "张", en: "beds" } },
];

/** A copy of `base` with the rules that measure; `keyUnitLevel` names the level a tall building gets (one of base's). */
export function withMeasures(base: PolicyProfile, opts: { keyUnitLevel: string; checklistFrom: string; meetingLevel: string; acknowledgeHours?: number }): PolicyProfile {
  const p = structuredClone(base) as PolicyProfile & Record<string, any>;
  const item = p.inspectionCategories.find((c) => c.id === opts.checklistFrom)!.checklist[0]!;
  p.venues.measures = MEASURES;
  p.venues.policies.push({
    id: "tall_building_key_unit",
    kind: "classify",
    match: { numbers: [{ measure: "height_m", min: 50 }] },
    set: { keyUnitLevel: opts.keyUnitLevel },
    ...assumed("建筑高度 50 米及以上的场所列为重点单位"),
  } as never);
  p.inspectionCategories.push({
    id: "key_unit_check",
    name: { zh: "重点单位检查", en: "Key-unit inspection" },
    responsibleRole: p.inspectionCategories.find((c) => c.id === opts.checklistFrom)!.responsibleRole,
    coveragePeriod: { every: 1, unit: "month", times: 2, ...assumed("重点单位每月检查两次") },
    includes: [],
    checklist: [{ ...item, id: `key_${item.id}` }],
    match: { keyUnitLevels: [opts.keyUnitLevel] },
    ...assumed("重点单位单列检查类别"),
  } as never);
  p.obligations.push({
    id: "twice_monthly_meeting",
    kind: "meeting",
    name: { zh: "每月两次例会", en: "Meeting twice a month" },
    frequency: { every: 1, unit: "month", times: 2 },
    levels: [opts.meetingLevel],
    covers: [],
    ...assumed("每月召开两次例会"),
  } as never);
  p.settings = {
    ...(opts.acknowledgeHours ? { acknowledgeHours: { value: opts.acknowledgeHours, ...assumed(`部门 ${opts.acknowledgeHours} 小时内报到`) } } : {}),
    dueSoonDays: { value: 3, ...assumed("期限前 3 天内为临期") },
  };
  return p;
}
