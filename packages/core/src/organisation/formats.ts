// The organisation's spreadsheets, defined once: the columns the tree and
// staff imports read (import.ts), and the headers of the templates and
// ledgers (台账) the web writes, so that a ledger imports back unchanged.
// Pure data: the web takes it through browser.ts.

/** An import column: the header a template writes, then the others accepted. */
export interface ImportColumn<K extends string = string> {
  key: K;
  names: readonly [string, ...string[]];
  required?: boolean;
}

export const TREE_HEADERS = { parent: "上级", name: "名称", unit: "单位类型", tier: "类别" } as const;

export const STAFF_HEADERS = {
  node: "所在节点",
  name: "姓名",
  employment: "用工性质",
  secondedFrom: "派出单位",
  bodyId: "所在机构",
  roles: "角色",
  positions: "职务",
  phone: "电话",
  idNumber: "身份证号",
} as const;

export const TREE_COLUMNS: readonly ImportColumn<keyof typeof TREE_HEADERS>[] = [
  { key: "parent", names: [TREE_HEADERS.parent, "上级节点", "parent"] },
  { key: "name", names: [TREE_HEADERS.name, "节点名称", "name"], required: true },
  { key: "unit", names: [TREE_HEADERS.unit, "类型", "unit"] },
  { key: "tier", names: [TREE_HEADERS.tier, "镇街类别", "tier"] },
];

export const STAFF_COLUMNS: readonly ImportColumn<keyof typeof STAFF_HEADERS>[] = [
  { key: "node", names: [STAFF_HEADERS.node, "节点", "单位", "node"] },
  { key: "name", names: [STAFF_HEADERS.name, "name"], required: true },
  { key: "employment", names: [STAFF_HEADERS.employment, "人员类别", "employment"], required: true },
  { key: "secondedFrom", names: [STAFF_HEADERS.secondedFrom, "seconded_from", "secondedFrom"] },
  { key: "bodyId", names: [STAFF_HEADERS.bodyId, "机构", "body"] },
  { key: "roles", names: [STAFF_HEADERS.roles, "roles"] },
  { key: "positions", names: [STAFF_HEADERS.positions, "positions"] },
  { key: "phone", names: [STAFF_HEADERS.phone, "手机", "联系电话", "phone"] },
  { key: "idNumber", names: [STAFF_HEADERS.idNumber, "身份证号码", "id_number", "idNumber"] },
];

/** The header row of an import template, in the columns' order. */
export const IMPORT_TEMPLATES = {
  tree: Object.values(TREE_HEADERS),
  staff: Object.values(STAFF_HEADERS),
} as const;

/** The people ledger: the staff import's columns, then whether the person is still in post. */
export const PEOPLE_LEDGER = { ...STAFF_HEADERS, status: "状态" } as const;
export const PERSON_STATUS_NAMES = { active: "在岗", left: "离岗" } as const;

/** The records ledger, one column per field a record of any kind may carry. */
export const RECORDS_LEDGER = {
  date: "日期",
  kind: "类型",
  obligation: "对应工作要求",
  title: "标题",
  chair: "主持人",
  attendees: "参加人员",
  participantCount: "参加人数",
  topics: "议题",
  workNotices: "工作提示",
  minutes: "会议纪要",
  course: "培训内容",
  hours: "学时",
  drillType: "演练类型",
  target: "宣传对象",
  campaign: "活动",
  audienceCount: "覆盖人数",
  note: "备注",
  responsibility: "对应履职事项",
} as const;
