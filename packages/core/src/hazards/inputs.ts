import { z } from "zod";
import { pageQuery } from "../db/cursor.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { SOURCES, STATES } from "./types.ts";

// What the hazard use cases accept. The HTTP routes reuse these schemas for
// validation and for the OpenAPI document; what needs the profile (codes,
// severities, bodies) is checked against the profile in effect.

const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, bilingual("只能包含字母、数字、下划线或连字符", "Letters, digits, underscores or hyphens only"));

const ProfileId = z.string().min(1).max(64);

const PhotoKey = z
  .string()
  .refine((key) => /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/.test(key) && !key.includes(".."), bilingual("照片须为上传后得到的存储键", "A photo is the storage key its upload returned"));

const Photos = z.array(PhotoKey).max(10, bilingual("最多 10 张照片", "At most 10 photos"));
const Note = z.string().trim().min(1).max(1000);
const Reason = z.string().trim().min(2, bilingual("请写明理由", "Give a reason")).max(500);
const Party = z.object({
  name: z.string().trim().min(1, bilingual("请填写责任单位或责任人", "Name the responsible party")).max(100),
  contact: z.string().trim().min(1).max(50).optional(),
});
/** A phone's position, WGS-84 (GPS as the browser gives it; not GCJ-02), both or neither. */
const Wgs84 = {
  lat: z.number(bilingual("纬度须为数字", "Latitude is a number")).min(-90, bilingual("纬度须在 -90 到 90 之间", "Latitude is between -90 and 90")).max(90, bilingual("纬度须在 -90 到 90 之间", "Latitude is between -90 and 90")).optional().meta({ description: "WGS-84 latitude where the reporter stands" }),
  lng: z.number(bilingual("经度须为数字", "Longitude is a number")).min(-180, bilingual("经度须在 -180 到 180 之间", "Longitude is between -180 and 180")).max(180, bilingual("经度须在 -180 到 180 之间", "Longitude is between -180 and 180")).optional().meta({ description: "WGS-84 longitude where the reporter stands" }),
};
function bothOrNeither(v: { lat?: number | undefined; lng?: number | undefined }, ctx: z.RefinementCtx) {
  if ((v.lat === undefined) !== (v.lng === undefined)) ctx.addIssue({ code: "custom", path: [v.lat === undefined ? "lat" : "lng"], message: bilingual("经纬度须成对填写", "Give latitude and longitude together") });
}
const LocalDate = z.iso.date(bilingual("日期格式为 YYYY-MM-DD", "A date as YYYY-MM-DD"));
const ExpectedVersion = z.int().min(1).optional().meta({ description: "The version the client last read; a different current version answers 409" });

/** Sources only their own flows write (a resident's tip, a venue's self-check, a home visit's checklist) are not an officer's to claim. */
type PublicSource = "public_tip" | "self_check" | "home_visit" | "open311";
const OfficerSources = SOURCES.filter((s) => s !== "public_tip" && s !== "self_check" && s !== "home_visit" && s !== "open311") as [Exclude<(typeof SOURCES)[number], PublicSource>, ...Exclude<(typeof SOURCES)[number], PublicSource>[]];

export const CreateHazardInput = z
  .object({
    nodeId: Id.meta({ description: "The jurisdiction node the hazard lies in (a grid, village, town …)" }),
    venueId: Id.optional().meta({ description: "The venue, when known; recurrence is counted per venue and code" }),
    locationText: z.string().trim().min(1).max(200).optional(),
    ...Wgs84,
    code: z.string().min(1).max(64).meta({ description: "A hazard code of the profile (its codes or checklists), or `other` with codeText" }),
    codeText: z.string().trim().min(1).max(100).optional(),
    severity: ProfileId.meta({ description: "A severity id of the profile; it sets the deadline and the handler" }),
    description: z.string().trim().min(2, bilingual("请描述隐患情况", "Describe the hazard")).max(1000),
    photos: Photos.default([]),
    source: z.enum(OfficerSources),
    transferredFrom: z.string().trim().min(1).max(100).optional().meta({ description: "The body it came from, when source is `transfer`" }),
    responsibleParty: Party.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.source === "transfer" && !v.transferredFrom) ctx.addIssue({ code: "custom", path: ["transferredFrom"], message: bilingual("移送来的隐患须写明移送机构", "Name the body that transferred it") });
    bothOrNeither(v, ctx);
  })
  .meta({ id: "CreateHazardInput" });

const PublicNote = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .optional()
  .meta({ description: "A note for the public (the reporter, an Open311 client's status_notes); never staff names or internal details" });

const act = <A extends string, S extends z.ZodRawShape>(action: A, shape: S) => z.object({ action: z.literal(action), expectedVersion: ExpectedVersion, publicNote: PublicNote, ...shape });

export const ActionInput = z
  .discriminatedUnion("action", [
    act("register", {
      severity: ProfileId.optional(),
      code: z.string().min(1).max(64).optional(),
      codeText: z.string().trim().min(1).max(100).optional(),
      nodeId: Id.optional().meta({ description: "Place the hazard at another node of your subtree (a tip lands at the root)" }),
      responsibleParty: Party.optional(),
      note: Note.optional(),
    }),
    act("dispatch", {
      assigneeId: Id.optional().meta({ description: "The user who follows the rectification up; default you" }),
      responsibleParty: Party.optional(),
      deadline: LocalDate.optional().meta({ description: "A deadline other than the profile's, as a local date" }),
      note: Note.optional(),
    }),
    act("start", { note: Note.optional() }),
    act("submit", { note: Note.optional(), photos: Photos.optional() }),
    act("close", { note: Note.optional(), photos: Photos.optional() }),
    act("reject", { reason: Reason, deadline: LocalDate.optional().meta({ description: "Default: the profile's period for the severity, from today" }), photos: Photos.optional() }),
    act("fix_on_spot", { note: Note.optional(), photos: Photos.optional() }),
    act("withdraw", { reason: Reason }),
    act("reopen", { reason: Reason }),
    act("acknowledge", { body: ProfileId.optional().meta({ description: "The body acknowledging, when several are awaited" }), note: Note.optional() }),
    act("escalate", { to: ProfileId.meta({ description: "A body of the profile above the current handling level" }), reason: Reason }),
    act("assess", {
      departments: z.array(z.string().trim().min(1).max(64)).max(20).optional().meta({ description: "Departments involved (two or more: multi-department)" }),
      remitOf: z.array(ProfileId).max(10).optional().meta({ description: "Bodies whose remit the hazard falls within" }),
      decision: z.object({ by: ProfileId, criteria: z.array(z.string().min(1).max(100)).min(1).max(10), reason: Reason }).optional(),
    }),
    act("list", {
      level: ProfileId.meta({ description: "A listed-supervision level id of the profile" }),
      trigger: ProfileId.optional(),
      criteria: z.array(z.string().min(1).max(100)).min(1).max(10).optional().meta({ description: "What you decide, when the trigger needs a decision of your body" }),
      reason: Reason,
    }),
    act("delist", { level: ProfileId, reason: Reason }),
  ])
  .meta({ id: "HazardActionInput" });

export type ActionRequest = z.output<typeof ActionInput>;

const Page = {
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};
const Within = {
  path: z
    .string()
    .regex(/^(\/[A-Za-z0-9_-]{1,64}){1,8}$/, bilingual("节点路径格式为 /<根>/<下级>…", "A node path: /<root>/<child>…"))
    .optional()
    .meta({ description: "The path of a node of your subtree (as the nodes list gives it); default your own scope" }),
};

export const ListByStateInput = z.object({ ...Within, ...Page, state: z.enum([...STATES, "open"]).default("open") });
export const ListAssignedInput = z.object({ ...Page, assigneeId: Id.optional().meta({ description: "Default: you" }) });
export const ListByVenueInput = z.object({ ...Page, venueId: Id });
export const ListWithinInput = z.object({ ...Within, ...Page });
export const ListAwaitingAckInput = z.object({ ...Within, ...Page, bodyId: ProfileId.optional().meta({ description: "The department; default: the body the caller is bound to" }) });
export const ListBySourceInput = z.object({ ...Within, ...Page, source: z.enum(SOURCES) });

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual("月份格式为 YYYY-MM", "A month as YYYY-MM"));
export const CountersInput = z.object({ ...Within, from: Month.optional(), to: Month.optional() });

export const TimelineInput = pageQuery({ max: 200, default: 100 });

export const TipInput = z
  .object({
    locationText: z.string().trim().min(2, bilingual("请填写隐患所在位置", "Say where the hazard is")).max(200),
    ...Wgs84,
    description: z.string().trim().min(5, bilingual("请描述隐患情况（至少 5 个字）", "Describe the hazard (at least 5 characters)")).max(1000),
    contact: z.string().trim().min(1).max(50).optional().meta({ description: "Phone or other contact, if you want to be called back" }),
    photoKey: PhotoKey.optional(),
    placeId: Id.optional().meta({ description: "The town or village the tipster picks (GET /v1/public/{tenantSlug}/places); a phone position inside a node's boundary places the tip more exactly" }),
  })
  .superRefine(bothOrNeither)
  .meta({ id: "PublicTipInput" });

/** Add one's photo or note to an open hazard instead of reporting it again (补充). */
export const CorroborateInput = z
  .object({ note: Note.optional(), photos: Photos.default([]) })
  .superRefine((v, ctx) => {
    if (!v.note && !v.photos.length) ctx.addIssue({ code: "custom", path: ["note"], message: bilingual("请补充照片或说明", "Add a photo or a note") });
  })
  .meta({ id: "HazardCorroborateInput" });

/** Merge this hazard into its original as a duplicate (state duplicate, both linked). */
export const MergeInput = z
  .object({
    intoId: Id.meta({ description: "The original hazard this one duplicates" }),
    expectedVersion: z.int().min(1).meta({ description: "The version of this (the duplicate) hazard the officer saw; another answers 409" }),
    note: Note.optional(),
  })
  .meta({ id: "HazardMergeInput" });

/** Open hazards like the one being reported: the same code at the same venue, or within 50 m. */
export const SimilarInput = z
  .object({
    code: z.string().min(1).max(64).meta({ description: "The hazard code being reported" }),
    venueId: Id.optional(),
    lat: z.coerce.number().min(-90).max(90).optional().meta({ description: "WGS-84 latitude where the reporter stands" }),
    lng: z.coerce.number().min(-180).max(180).optional().meta({ description: "WGS-84 longitude where the reporter stands" }),
  })
  .superRefine((v, ctx) => {
    bothOrNeither(v, ctx);
    if (v.venueId === undefined && v.lat === undefined && v.lng === undefined) ctx.addIssue({ code: "custom", path: ["venueId"], message: bilingual("请提供场所或位置", "Give a venue or a position") });
  })
  .meta({ id: "SimilarHazardsInput" });
/** A query flag: `1`/`true` on, `0`/`false` off; anything else is refused naming the parameter. A boolean passes too: the route parses the query before the use case parses it again. */
const Flag = z
  .union([z.boolean(), z.enum(["1", "0", "true", "false"], bilingual("取值为 1/0 或 true/false", "Use 1/0 or true/false")).transform((v) => v === "1" || v === "true")], bilingual("取值为 1/0 或 true/false", "Use 1/0 or true/false"))
  .optional();

/** The board's server-side search: filters, a sort and a cursor (see search.ts for what each costs). */
export const SearchHazardsInput = z
  .object({
    ...Within,
    ...Page,
    state: z.enum([...STATES, "open"], bilingual("状态取值无效", "Not a hazard state")).default("open"),
    severity: ProfileId.optional().meta({ description: "A severity id of the profile" }),
    code: z.string().min(1).max(64).optional().meta({ description: "A hazard code" }),
    source: z.enum(SOURCES, bilingual("来源取值无效", "Not a hazard source")).optional(),
    overdue: Flag.meta({ description: "Only hazards past their deadline" }),
    mine: Flag.meta({ description: "Only what I reported or am assigned" }),
    from: LocalDate.optional().meta({ description: "Reported on or after this local date" }),
    to: LocalDate.optional().meta({ description: "Reported on or before this local date" }),
    sort: z.enum(["reported", "deadline", "severity"], bilingual("排序取值为 reported、deadline 或 severity", "Sort by reported, deadline or severity")).default("reported"),
    order: z.enum(["asc", "desc"], bilingual("顺序取值为 asc 或 desc", "Order is asc or desc")).optional().meta({ description: "Default: newest reported first; earliest deadline first; severities in the profile's order" }),
  })
  .meta({ id: "HazardSearchQuery" });
