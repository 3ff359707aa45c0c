/** UI strings, zh-CN first. Keys are the glossary's English names. */
export const zh = {
  app: { title: "基层消防安全治理", subtitle: "隐患闭环 · 场所巡查 · 组织合规" },
  nav: { home: "首页", health: "系统状态", apiDocs: "接口文档", language: "English" },
  home: {
    welcome: "欢迎使用基层消防安全治理平台",
    intro: "县（区）、镇街、村居和网格的消防工作在此协同：场所巡查、隐患闭环、组织与制度合规，均以本地政策文件为依据。",
  },
  health: {
    title: "系统状态",
    api: "接口服务",
    database: "数据库 (DynamoDB)",
    reachable: "可达",
    unreachable: "不可达",
    latency: "响应 {{ms}} 毫秒",
    checkedAt: "检查时间",
    refresh: "重新检查",
    loading: "正在检查…",
    failed: "无法连接接口服务：{{message}}",
    ok: "正常",
    degraded: "降级",
  },
  error: { generic: "出错了：{{message}}", retry: "重试" },
};

export type Dict = typeof zh;

export const en: Dict = {
  app: { title: "Grassroots Fire Safety", subtitle: "Hazard loop · Venue inspection · Organisation compliance" },
  nav: { home: "Home", health: "System status", apiDocs: "API docs", language: "中文" },
  home: {
    welcome: "Welcome to grassroots fire-safety governance",
    intro: "Counties, towns, villages and grids work together here: venue inspections, hazard closed loops and organisational compliance, all driven by the local policy documents.",
  },
  health: {
    title: "System status",
    api: "API service",
    database: "Database (DynamoDB)",
    reachable: "reachable",
    unreachable: "unreachable",
    latency: "{{ms}} ms",
    checkedAt: "Checked at",
    refresh: "Check again",
    loading: "Checking…",
    failed: "Cannot reach the API: {{message}}",
    ok: "OK",
    degraded: "Degraded",
  },
  error: { generic: "Something went wrong: {{message}}", retry: "Retry" },
};
