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
    requestId: "请求编号",
  },
};
