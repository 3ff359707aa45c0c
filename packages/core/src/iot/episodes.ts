import { z } from "zod";
import { authorize, inSubtree } from "../access/index.ts";
import { auditItem } from "../audit/index.ts";
import { useTenant, useUser } from "../context/actor.ts";
import { plain } from "../db/plain.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { writeTransaction, type TxEntities, type TxItem } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { invalid } from "../errors/index.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { actOnHazardWith } from "../hazards/index.ts";
import { profileAt } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { allDevices, deviceOrNotFound } from "./devices.ts";
import { deviceStatus, RuleBasisSchema } from "./status.ts";

// A device's alarm episodes (alarms of one type close together), and how an
// officer ends one: a false alarm (误报) with its reason withdraws the hazard
// it raised and counts on the device, in one transaction; a notify-only
// episode is closed as handled or false. And the offline devices as findings.

export const EpisodeSchema = z
  .object({
    episodeId: z.string(),
    alarmType: z.string(),
    action: z.enum(["hazard", "notify"]),
    hazardId: z.string().optional(),
    count: z.number(),
    firstAt: z.string(),
    lastAt: z.string(),
    status: z.enum(["open", "closed"]),
    closeReason: z.enum(["false_alarm", "handled"]).optional(),
    closeNote: z.string().optional(),
    closedAt: z.string().optional(),
    basis: RuleBasisSchema.optional(),
  })
  .meta({ id: "IotAlarmEpisode" });
export type EpisodeView = z.infer<typeof EpisodeSchema>;
export const EpisodeListSchema = z.object({ items: z.array(EpisodeSchema) }).meta({ id: "IotAlarmEpisodeList" });

export const CloseEpisodeInput = z
  .object({
    reason: z.enum(["false_alarm", "handled"], bilingual("请选择关闭原因：误报或已处置", "Choose why: false_alarm or handled")),
    note: z.string().trim().min(2, bilingual("请说明情况（至少 2 个字）", "Say what was found (at least 2 characters)")).max(500),
  })
  .meta({ id: "CloseIotAlarmInput" });

const toView = (e: Record<string, unknown>): EpisodeView => {
  const { tenantId: _t, deviceId: _d, closedBy: _b, ...rest } = e;
  return plain(rest) as EpisodeView;
};

/** A device's alarm episodes, newest first (at most 100). */
export async function listEpisodes(deviceId: string): Promise<{ items: EpisodeView[] }> {
  const device = await deviceOrNotFound(deviceId);
  authorize(useUser(), "iot.read", device);
  const { data } = await tenantDb().service.entities.iotEpisode.query.byDevice({ tenantId: useTenant(), deviceId }).go({ order: "desc", limit: 100 });
  return { items: data.map((e) => toView(e as never)) };
}

/**
 * Ends an open episode. A false alarm raised as a hazard withdraws the hazard
 * (撤销, the reason on its timeline) with the episode's closing and the
 * device's false-alarm count in the hazard's own transaction; one that only
 * notified closes the episode. A hazard episode closed as handled is refused:
 * a real hazard closes through its loop.
 */
export const closeEpisode = useCase(CloseEpisodeInput, async (input, deviceId: string, episodeId: string, opts: { now?: Date } = {}): Promise<EpisodeView> => {
  const user = useUser();
  const tenantId = useTenant();
  const now = opts.now ?? new Date();
  const device = await deviceOrNotFound(deviceId);
  const { data: episode } = await tenantDb().service.entities.iotEpisode.get({ tenantId, deviceId, episodeId }).go({ consistent: true });
  if (!episode) throw new AppError("not_found", "iot.episode_not_found", { episodeId });
  authorize(user, "hazard.act", device);
  if (episode.status !== "open") throw new AppError("conflict", "iot.episode_closed");
  if (episode.hazardId && input.reason === "handled") throw invalid("body.reason", "iot.close_in_loop", "已生成隐患的报警须在隐患闭环中结案；误报请选择“误报”", "An alarm that raised a hazard is closed in the hazard loop; choose false_alarm for a false alarm");
  const at = now.toISOString();
  const falseAlarm = input.reason === "false_alarm";
  const clearsOpen = (device.open as { episodeId?: string } | undefined)?.episodeId === episodeId;
  const items = (tx: TxEntities): TxItem[] => [
    tx.iotEpisode
      .patch({ tenantId, deviceId, episodeId })
      .set({ status: "closed", closeReason: input.reason, closeNote: input.note, closedAt: at, closedBy: user.userId })
      .where((a, op) => op.eq(a.status, "open"))
      .commit() as TxItem,
    // The count, and the device's open episode cleared when it is this one: the next alarm starts afresh.
    // No version condition: concurrent alarms read the version again (it is raised here) and see the episode ended.
    (clearsOpen
      ? tx.iotDevice.patch({ tenantId, deviceId }).add({ falseAlarms: falseAlarm ? 1 : 0, version: 1 }).remove(["open"])
      : tx.iotDevice.patch({ tenantId, deviceId }).add({ falseAlarms: falseAlarm ? 1 : 0, version: 1 })
    ).commit() as TxItem,
  ];
  const closed = () => new AppError("conflict", "request.conflict_retry");
  if (episode.hazardId && falseAlarm) {
    await actOnHazardWith(episode.hazardId, { action: "withdraw", reason: `误报 / false alarm: ${input.note}` } as never, {
      now,
      audit: { iot: { deviceId, episodeId, reason: input.reason } },
      extra: (tx) => items(tx),
      onExtraCanceled: closed,
    });
  } else {
    await writeTransaction(
      (tx) => [...items(tx), auditItem(tx, { action: "iot.alarm.close", targetType: "iot_device", targetId: deviceId, details: { episodeId, reason: input.reason, note: input.note } }, now) as TxItem],
      { onCanceled: closed },
    );
  }
  const { data: after } = await tenantDb().service.entities.iotEpisode.get({ tenantId, deviceId, episodeId }).go({ consistent: true });
  return toView(after as never);
});

export const OfflineFindingSchema = z
  .object({
    deviceId: z.string(),
    name: z.string().optional(),
    type: z.string(),
    nodeId: z.string(),
    venueId: z.string().optional(),
    since: z.string(),
    offlineAt: z.string(),
    basis: RuleBasisSchema,
    message: z.object({ zh: z.string(), en: z.string() }),
  })
  .meta({ id: "IotOfflineFinding" });
export const OfflineFindingListSchema = z.object({ items: z.array(OfflineFindingSchema) }).meta({ id: "IotOfflineFindingList" });
export type OfflineFinding = z.infer<typeof OfflineFindingSchema>;

/** The devices of the reader's subtree silent past the profile's window, each a finding citing the rule. */
export async function offlineFindings(opts: { now?: Date } = {}): Promise<{ items: OfflineFinding[] }> {
  const user = useUser();
  authorize(user, "iot.read");
  const now = opts.now ?? new Date();
  const { profile } = await profileAt(now);
  const items: OfflineFinding[] = [];
  for (const d of await allDevices()) {
    if (!inSubtree(user.scopePath, d.path)) continue;
    const s = deviceStatus(d, profile, now);
    if (s.state !== "offline" || !s.basis) continue;
    const hours = Math.round((s.silenceMinutes ?? 0) / 6) / 10;
    items.push(
      plain({
        deviceId: d.deviceId,
        name: d.name,
        type: d.type,
        nodeId: d.nodeId,
        venueId: d.venueId,
        since: s.since,
        offlineAt: s.offlineAt!,
        basis: s.basis,
        message: { zh: `设备 ${d.name ?? d.deviceId} 已超过 ${hours} 小时无心跳（离线）`, en: `Device ${d.name ?? d.deviceId} has been silent for more than ${hours} hours (offline)` },
      }) as OfflineFinding,
    );
  }
  return { items };
}
