import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { plain } from "../db/plain.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { authorize } from "../access/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";

// Each user's own choice of how messages reach them beyond the inbox, and
// their quiet hours (local times in the tenant's time zone).

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, bilingual("时间格式应为 HH:MM（如 22:00）", "Time must be HH:MM (e.g. 22:00)"));
const Phone = z.string().regex(/^(\+86)?1[3-9]\d{9}$/, bilingual("请填写11位手机号码", "Enter an 11-digit mainland mobile number"));
const HttpsUrl = z
  .string()
  .max(500)
  .url(bilingual("请填写完整的网址", "Enter a full URL"))
  .refine((u) => u.startsWith("https://"), bilingual("地址须以 https:// 开头", "The address must start with https://"));

export const ChannelKind = z.enum(["inapp", "sms", "wecom", "dingtalk", "webhook"]).meta({ id: "NotificationChannelKind" });

export const ChannelSettingInput = z
  .object({
    channel: ChannelKind,
    phone: Phone.optional().meta({ description: "sms: the number; wecom / dingtalk: the mobile @-mentioned in the group" }),
    webhookUrl: HttpsUrl.optional().meta({ description: "wecom / dingtalk: the group robot's webhook; webhook: your endpoint" }),
    quietHours: z.object({ start: HHMM, end: HHMM }).nullable().optional().meta({ description: "Local times in the county's time zone; null: none" }),
  })
  .superRefine((v, ctx) => {
    if (v.channel === "sms" && !v.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: bilingual("短信需要填写手机号码", "SMS needs a mobile number") });
    if (["wecom", "dingtalk", "webhook"].includes(v.channel) && !v.webhookUrl) ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: bilingual("请填写机器人或接收地址", "Enter the robot's or receiver's webhook address") });
    if (v.channel === "wecom" && v.webhookUrl && v.webhookUrl.startsWith("https://") && !v.webhookUrl.startsWith("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=")) ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: bilingual("企业微信机器人地址应以 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key= 开头", "A WeCom robot address starts with https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=") });
    if (v.channel === "dingtalk" && v.webhookUrl && v.webhookUrl.startsWith("https://") && !v.webhookUrl.startsWith("https://oapi.dingtalk.com/robot/send?access_token=")) ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: bilingual("钉钉机器人地址应以 https://oapi.dingtalk.com/robot/send?access_token= 开头", "A DingTalk robot address starts with https://oapi.dingtalk.com/robot/send?access_token=") });
  })
  .meta({ id: "NotificationChannelInput" });

export const ChannelSettingSchema = z
  .object({
    channel: ChannelKind,
    phone: z.string().optional(),
    webhookUrl: z.string().optional(),
    quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
    timeZone: z.string().meta({ description: "The county's time zone, in which quiet hours are read" }),
    updatedAt: z.string().optional(),
  })
  .meta({ id: "NotificationChannel" });

export type ChannelSettingView = z.infer<typeof ChannelSettingSchema>;

/** The caller's channel (in-app only until they choose another; their account's phone offered). */
export async function myChannel(): Promise<ChannelSettingView> {
  const actor = useUser();
  authorize(actor, "inbox.read");
  const db = tenantDb();
  const [{ data }, timeZone] = await Promise.all([db.service.entities.channelSetting.get({ tenantId: actor.tenantId, userId: actor.userId }).go(), tenantTimeZone()]);
  if (!data) {
    const { data: user } = await db.service.entities.user.get({ tenantId: actor.tenantId, userId: actor.userId }).go({ attributes: ["phone"] });
    return plain({ channel: "inapp" as const, phone: user?.phone, quietHours: null, timeZone });
  }
  return plain({ channel: data.channel, phone: data.phone, webhookUrl: data.webhookUrl, quietHours: data.quietStart && data.quietEnd ? { start: data.quietStart, end: data.quietEnd } : null, timeZone, updatedAt: data.updatedAt });
}

/** Sets the caller's channel and quiet hours (with an audit entry, one transaction). */
export const setMyChannel = useCase(ChannelSettingInput, async (input, now: Date = new Date()): Promise<ChannelSettingView> => {
  const actor = useUser();
  authorize(actor, "inbox.read");
  const item = plain({
    tenantId: actor.tenantId,
    userId: actor.userId,
    channel: input.channel,
    phone: input.phone,
    webhookUrl: input.channel === "sms" || input.channel === "inapp" ? undefined : input.webhookUrl,
    quietStart: input.quietHours?.start,
    quietEnd: input.quietHours?.end,
    updatedAt: now.toISOString(),
  });
  await writeTransaction(({ channelSetting, audit }) => [channelSetting.put(item).commit(), auditItem({ audit }, { action: "notification.channel", targetType: "user", targetId: actor.userId, details: { channel: input.channel, quietHours: input.quietHours ? `${input.quietHours.start}-${input.quietHours.end}` : "none" } }, now)], {
    onCanceled: () => new AppError("conflict", "request.conflict_retry"),
  });
  return myChannel();
});
