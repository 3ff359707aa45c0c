/**
 * UI strings, English. Messages beyond the inbox: a user's channel and quiet hours; the admin's delivery log.
 */
export default {
  notify: {
    accountTitle: "How messages reach me",
    accountIntro: "Besides the in-app inbox, dispatches and other notices can reach you by SMS, a WeCom or DingTalk group robot, or your own system (webhook).",
    channel: "Channel",
    channelName: { inapp: "In-app only", sms: "SMS", wecom: "WeCom group robot", dingtalk: "DingTalk group robot", webhook: "Webhook (your system)" },
    phone: "Mobile number",
    phoneHint: "SMS goes to this number; robot messages @-mention it",
    webhookUrl: "Robot or receiver address",
    webhookHint: "WeCom: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…; DingTalk: https://oapi.dingtalk.com/robot/send?access_token=…",
    quiet: "Quiet hours",
    quietOn: "Quiet hours on (messages wait until they end; listed major hazards, escalations, fire alarms and warnings still come)",
    quietStart: "From",
    quietEnd: "Until",
    timeZone: "In the county's time zone, {{zone}}",
    save: "Save",
    saved: "Saved.",
    adminTitle: "Message delivery",
    adminIntro: "Sends by SMS, WeCom, DingTalk and webhook. Failed sends are retried with backoff; after repeated failures they are listed under Failed, where you can send them again.",
    filter: "Channel",
    allChannels: "All channels",
    pending: "Waiting",
    sent: "Sent",
    dead: "Failed",
    none: "Nothing yet.",
    col: { channel: "Channel", title: "Message", status: "Status", attempts: "Attempts", when: "When", error: "Last error", action: "Action" },
    status: { queued: "Queued", deferred: "Quiet hours", retrying: "Retrying", sent: "Sent", dead: "Failed" },
    retry: "Send again",
    retried: "Queued again; it goes out within a minute.",
  },
};
