/**
 * UI strings, zh-CN. The public results of random spot checks (双随机、一公开).
 */
export default {
  spotChecks: {
    title: "“双随机、一公开”抽查结果",
    intro: "{{county}}按期随机抽取检查对象和检查人员，抽查结果向社会公开。无需登录。",
    empty: "还没有抽查记录。",
    notFound: "未找到该县（区），请核对链接。",
    period: "抽查期：{{start}} 至 {{end}}",
    drawnAt: "抽取时间",
    pool: "从 {{venues}} 家单位中抽取 {{drawn}} 家，每家由 {{per}} 名检查人员实施（检查人员库 {{inspectors}} 人）",
    seed: "随机种子",
    seedHint: "抽取由该种子按公开算法（{{algorithm}}）确定，同一种子和同一名单总得出同样结果。",
    venue: "检查对象",
    result: "检查结果",
    date: "检查日期",
    counts: "合格 {{passed}} 项，发现隐患 {{hazards}} 处",
    outcome: {
      pending: "待检查",
      passed: "未发现隐患",
      hazards_found: "发现隐患",
      withdrawn: "已注销，不再检查",
    },
    loadMore: "更早的抽查",
  },
};
