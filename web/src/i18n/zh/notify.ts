/**
 * UI strings, zh-CN. Messages beyond the inbox: a user's channel and quiet hours; the admin's delivery log.
 */
export default {
  notify: {
    accountTitle: "消息接收设置",
    accountIntro: "除站内消息外，还可通过短信、企业微信、钉钉或自有系统（Webhook）接收派遣、督办等通知。",
    channel: "接收方式",
    channelName: { inapp: "仅站内消息", sms: "短信", wecom: "企业微信群机器人", dingtalk: "钉钉群机器人", webhook: "Webhook（自有系统）" },
    phone: "手机号",
    phoneHint: "短信发送到此号码；群机器人消息中会 @ 此号码",
    webhookUrl: "机器人或接收地址",
    webhookHint: "企业微信：https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…；钉钉：https://oapi.dingtalk.com/robot/send?access_token=…",
    quiet: "夜间免打扰",
    quietOn: "开启免打扰（期间的消息推迟到结束时发送；重大隐患挂牌、升级督办、火警、预警除外）",
    quietStart: "开始",
    quietEnd: "结束",
    timeZone: "按本单位时区 {{zone}} 计算",
    save: "保存",
    saved: "已保存。",
    adminTitle: "消息推送",
    adminIntro: "短信、企业微信、钉钉与 Webhook 的发送记录。发送失败会按退避间隔自动重试，多次失败后列入“发送失败”，可在此重新发送。",
    filter: "渠道",
    allChannels: "全部渠道",
    pending: "待发送",
    sent: "已发送",
    dead: "发送失败",
    none: "暂无记录。",
    col: { channel: "渠道", title: "消息", status: "状态", attempts: "尝试次数", when: "时间", error: "最后错误", action: "操作" },
    status: { queued: "排队中", deferred: "免打扰推迟", retrying: "重试中", sent: "已发送", dead: "发送失败" },
    retry: "重新发送",
    retried: "已重新排队，将在一分钟内发送。",
  },
};
