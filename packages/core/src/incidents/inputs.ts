import { z } from "zod";
import { pageQuery } from "../db/cursor.ts";
import { bilingual } from "../errors/zod-issues.ts";

// What a fire incident is written from: zod at the boundary, each message zh first.

const Id = z.string().min(1).max(64);
const Instant = z.iso.datetime({ offset: true, message: bilingual("时间格式须为 ISO 8601（如 2026-03-01T08:30:00+08:00）", "Times are ISO 8601 (e.g. 2026-03-01T08:30:00+08:00)") });
const Lat = z.number(bilingual("纬度须为数字", "Latitude is a number")).min(-90, bilingual("纬度须在 -90 到 90 之间", "Latitude is between -90 and 90")).max(90, bilingual("纬度须在 -90 到 90 之间", "Latitude is between -90 and 90"));
const Lng = z.number(bilingual("经度须为数字", "Longitude is a number")).min(-180, bilingual("经度须在 -180 到 180 之间", "Longitude is between -180 and 180")).max(180, bilingual("经度须在 -180 到 180 之间", "Longitude is between -180 and 180"));
const Count = (zh: string, en: string) =>
  z.int(bilingual(`${zh}须为整数`, `${en} is a whole number`)).min(0, bilingual(`${zh}不能为负数`, `${en} cannot be negative`)).max(10_000, bilingual(`${zh}超出合理范围`, `${en} is out of range`));

export const ForceInput = z.object({
  brigadeId: Id.meta({ description: "A brigade or micro station (organisation brigades)" }),
  dispatchedAt: Instant.optional().meta({ description: "When it was dispatched (调派)" }),
  arrivedAt: Instant.optional().meta({ description: "When it arrived (到场)" }),
});

const fields = {
  occurredAt: Instant.meta({ description: "When the fire broke out (or was reported)" }),
  venueId: Id.optional().meta({ description: "The venue it happened at; its node and location come from the venue" }),
  nodeId: Id.optional().meta({ description: "Where it happened when not at a registered venue (required then)" }),
  lat: Lat.optional().meta({ description: "WGS-84 latitude (default: the venue's)" }),
  lng: Lng.optional().meta({ description: "WGS-84 longitude (default: the venue's)" }),
  address: z.string().trim().max(200, bilingual("地址不超过 200 字", "At most 200 characters")).optional(),
  cause: Id.meta({ description: "A cause category id of profile.incidents.causes" }),
  description: z.string().trim().max(2000, bilingual("经过不超过 2000 字", "At most 2000 characters")).optional(),
  directLoss: z.number(bilingual("直接财产损失须为数字（元）", "Direct loss is a number of yuan")).min(0, bilingual("直接财产损失不能为负数", "Direct loss cannot be negative")).max(1e12, bilingual("直接财产损失超出合理范围", "Direct loss is out of range")).default(0).meta({ description: "Direct loss in yuan (直接财产损失)" }),
  deaths: Count("死亡人数", "Deaths").default(0),
  injuries: Count("受伤人数", "Injuries").default(0),
  forces: z.array(ForceInput).max(30, bilingual("出动力量不超过 30 支", "At most 30 forces")).default([]).meta({ description: "Forces dispatched, with their dispatch and arrival times" }),
  earlyFireSave: z.object({ brigadeId: Id.meta({ description: "The micro station that put the fire out while it was small (初期火灾)" }) }).optional(),
};

const BOTH = { message: bilingual("经纬度须同时填写", "Latitude and longitude go together"), path: ["lng"] };
const bothOrNeither = (v: { lat?: number | null | undefined; lng?: number | null | undefined }) => (v.lat == null) === (v.lng == null);

export const CreateIncidentInput = z
  .object(fields)
  .refine(bothOrNeither, BOTH)
  .refine((v) => v.venueId !== undefined || v.nodeId !== undefined, { message: bilingual("请选择场所，或指定发生地所在节点", "Name the venue, or the node where it happened"), path: ["nodeId"] })
  .meta({ id: "CreateIncidentInput" });
export type CreateIncidentInput = z.infer<typeof CreateIncidentInput>;

export const UpdateIncidentInput = z
  .object({
    occurredAt: fields.occurredAt.optional(),
    lat: Lat.nullable().optional(),
    lng: Lng.nullable().optional(),
    address: fields.address.nullable(),
    cause: fields.cause.optional(),
    description: fields.description.nullable(),
    directLoss: fields.directLoss.removeDefault().optional(),
    deaths: Count("死亡人数", "Deaths").optional(),
    injuries: Count("受伤人数", "Injuries").optional(),
    forces: z.array(ForceInput).max(30, bilingual("出动力量不超过 30 支", "At most 30 forces")).optional(),
    earlyFireSave: fields.earlyFireSave.nullable(),
    status: z.enum(["reported", "closed"]).optional().meta({ description: "closed: the incident's record is complete (结案)" }),
    version: z.int().min(1).meta({ description: "The version read: a write over a newer one answers 409" }),
  })
  .refine((v) => Object.keys(v).some((k) => k !== "version"), bilingual("没有要修改的内容", "Nothing to change"))
  .refine(bothOrNeither, BOTH)
  .meta({ id: "UpdateIncidentInput" });
export type UpdateIncidentInput = z.infer<typeof UpdateIncidentInput>;

export const ListIncidentsInput = pageQuery({ max: 100, default: 50 }).extend({
  nodeId: Id.optional().meta({ description: "The incidents under this node (default: the caller's scope)" }),
});

export const ExportIncidentsInput = z.object({
  nodeId: Id.optional().meta({ description: "The incidents under this node (default: the caller's scope)" }),
});

export const IncidentParams = z.object({ incidentId: Id });
