/**
 * UI strings, zh-CN. The audit log.
 */
export default {
  audit: {
    title: "审计日志",
    from: "开始时间",
    to: "结束时间",
    search: "查询",
    empty: "该时间段内没有记录。",
    loadMore: "加载更多",
    actor: "操作人：{{name}}",
    target: "对象：{{name}}",
    person: "操作人",
    anyone: "全部人员",
    action: "操作",
    anyAction: "全部操作",
    objectType: "对象类型",
    anyObject: "全部对象",
    objectId: "对象编号",
    export: "导出 Excel",
    exporting: "正在导出…",
    requestId: "请求编号",
  },
};
