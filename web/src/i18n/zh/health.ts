// The system status page (/status): loaded with its route.
export default {
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
};
