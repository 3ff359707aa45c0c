// Pure words of the venue ledger, so the web can offer a template the importer reads.

/** The ledger's headers, as written by the export and read by the import. */
export const HEADERS = {
  externalId: "外部编号",
  name: "场所名称",
  address: "地址",
  node: "所在网格",
  lng: "经度",
  lat: "纬度",
  kinds: "场所类型",
  keyUnitLevel: "重点单位级别",
  enterpriseGrade: "企业分级",
  riskGrade: "风险等级",
  flags: "监管标记",
  features: "场所特征",
  contactName: "负责人",
  contactPhone: "联系电话",
} as const;
