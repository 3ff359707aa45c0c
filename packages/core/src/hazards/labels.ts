import type { EventAction, State } from "./types.ts";

// Names of the loop's states and actions in both languages, for messages.

export const STATE_NAMES: Record<State, { zh: string; en: string }> = {
  discovered: { zh: "发现", en: "discovered" },
  registered: { zh: "立案", en: "registered" },
  dispatched: { zh: "派遣", en: "dispatched" },
  rectifying: { zh: "处置", en: "rectifying" },
  verifying: { zh: "核查", en: "verifying" },
  closed: { zh: "结案", en: "closed" },
  withdrawn: { zh: "撤销", en: "withdrawn" },
  duplicate: { zh: "重复", en: "duplicate" },
};

export const ACTION_NAMES: Record<EventAction, { zh: string; en: string }> = {
  create: { zh: "上报发现", en: "report" },
  register: { zh: "立案", en: "register" },
  dispatch: { zh: "派遣", en: "dispatch" },
  start: { zh: "开始整改", en: "start rectifying" },
  submit: { zh: "提交核查", en: "submit for verification" },
  close: { zh: "核查通过并结案", en: "verify and close" },
  reject: { zh: "核查不通过并退回整改", en: "fail verification" },
  fix_on_spot: { zh: "当场整改", en: "fix on the spot" },
  withdraw: { zh: "作为无效隐患撤销", en: "withdraw as invalid" },
  reopen: { zh: "重新打开", en: "reopen" },
  acknowledge: { zh: "部门报到", en: "acknowledge" },
  escalate: { zh: "上报", en: "escalate" },
  assess: { zh: "认定", en: "assess" },
  list: { zh: "挂牌督办", en: "list for supervision" },
  delist: { zh: "摘牌", en: "delist" },
  overdue: { zh: "逾期", en: "overdue" },
  ack_overdue: { zh: "部门逾期未报到", en: "acknowledgement overdue" },
  escalated: { zh: "按规则上报", en: "escalated by rule" },
  listed: { zh: "按规则挂牌", en: "listed by rule" },
  delisted: { zh: "随结案摘牌", en: "delisted with the case" },
  merge: { zh: "作为重复隐患合并", en: "merge as a duplicate" },
  merged: { zh: "并入重复隐患", en: "duplicate merged in" },
  corroborate: { zh: "补充照片或说明", en: "add a photo or note" },
};

/** Message parameters that name an action and a state in both languages. */
export function actionParams(action: EventAction, state: State): Record<string, string> {
  return { action, actionZh: ACTION_NAMES[action].zh, actionEn: ACTION_NAMES[action].en, state, stateZh: STATE_NAMES[state].zh, stateEn: STATE_NAMES[state].en };
}
