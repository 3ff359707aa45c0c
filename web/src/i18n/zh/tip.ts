/**
 * UI strings, zh-CN. The public tip page.
 */
export default {
  tip: {
    title: "群众举报消防隐患",
    intro: "发现消防安全隐患（如堵塞消防通道、楼道内给电动车充电、消防设施损坏等），请告诉我们。无需登录。",
    location: "隐患位置",
    locationHint: "如：某街道某小区 3 号楼楼道",
    description: "隐患情况",
    descriptionHint: "至少 5 个字",
    contact: "联系方式",
    contactHint: "如需回访，请留下电话",
    submit: "提交举报",
    thanks: "举报已提交",
    another: "再举报一条",
    rateLimited: "提交过于频繁：{{message}}",
    notFound: "未找到该县（区），请核对举报链接。",
    receiptCode: "查询码（请保存，用于查看办理进展）：",
    lookup: "查询举报进展",
    code: "查询码",
    lookupButton: "查询",
    codeUnknown: "查询码无效，请核对。",
    stageLabel: "办理进展：",
    stage: { received: "已收到，待核实", confirmed: "已核实立案，正在办理", closed: "已办结", not_confirmed: "经核实不构成隐患，未立案" },
    note: "说明：",
    reward: { pending: "核实立案后可申请{{form}}。", eligible: "您的举报已核实，符合{{form}}条件。", rewarded: "已给予{{form}}。", not_eligible: "本次举报不符合{{form}}条件。" },
    rewardGiven: "（{{form}}{{amount}}，{{date}}）",
    amount: " {{amount}} 元",
  },
};
