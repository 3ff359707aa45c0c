import { z } from "zod";
import { authorize } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { endOfLocalDate, localDate, openHazardsUnder } from "../hazards/index.ts";
import { openTasksDueUnder } from "../inspections/index.ts";
import { readPlace } from "../jurisdiction/index.ts";
import { tenantTimeZone } from "../tenancy/index.ts";
import { useCase } from "../use-case.ts";
import { venueCoordinates, venuePointsUnder } from "../venues/index.ts";
import { pointFeature, type PointFeature } from "./geo.ts";

// The one map (一张图): the points of a node's subtree, one layer a request,
// in pages the client reads on until the cursor ends (10k venues: a handful of
// pages, each a few DynamoDB Queries with a projection). Venues are placed by
// their own lat/lng; hazards and tasks at their venue's (hazards have no
// coordinates of their own yet; those without a placed venue are counted as
// `unplaced`, never drawn at a made-up place).

export const LAYERS = ["venues", "hazards", "tasks"] as const;
const Word = z.string().trim().min(1).max(64).regex(/^[\w.-]+$/);
// Parsed twice (the route, then the use case): the second time it is already a boolean.
const Bool = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

const Filters = {
  nodeId: z.string().min(1).max(64).optional().meta({ description: "The subtree to draw (default: your scope node)" }),
  layer: z.enum(LAYERS).default("venues").meta({ description: "venues (场所), hazards (open 隐患), tasks (today's open 检查任务)" }),
  kind: Word.optional().meta({ description: "venues: only this venue kind (profile id)" }),
  category: Word.optional().meta({ description: "venues: only this inspection category; tasks: only this category" }),
  risk: Word.optional().meta({ description: "venues: only this risk grade (profile id)" }),
  severity: Word.optional().meta({ description: "hazards: only this severity (profile id)" }),
  overdue: Bool.optional().meta({ description: "hazards: true only overdue ones, false only those not overdue" }),
  dueBy: z.iso.date().optional().meta({ description: "tasks: open tasks due on or before this local date (default: today, in the tenant's time zone)" }),
};
export const MapPointsInput = z.object({ ...Filters, cursor: z.string().max(2000).optional(), limit: z.coerce.number().int().min(1).max(5000).default(2000) });
export const MapExportInput = z.object(Filters);

export const MapPointSchema = z
  .object({
    id: z.string(),
    lat: z.number(),
    lng: z.number(),
    name: z.string().optional().meta({ description: "The venue's name (hazards and tasks: their venue's)" }),
    kinds: z.array(z.string()).optional(),
    categories: z.array(z.string()).optional(),
    risk: z.string().optional().meta({ description: "venues: risk grade" }),
    severity: z.string().optional(),
    overdue: z.boolean().optional(),
    state: z.string().optional(),
    code: z.string().optional(),
    codeText: z.string().optional(),
    venueId: z.string().optional(),
    category: z.string().optional(),
    dueAt: z.string().optional(),
  })
  .meta({ id: "MapPoint" });
export type MapPoint = z.infer<typeof MapPointSchema>;
export const MapPointPageSchema = z
  .object({ layer: z.enum(LAYERS), items: z.array(MapPointSchema), unplaced: z.int().meta({ description: "Items of this page with no coordinates to draw them at" }), cursor: z.string().nullable() })
  .meta({ id: "MapPointPage" });
export type MapPointPage = z.infer<typeof MapPointPageSchema>;

const ACTION = { venues: "venue.read", hazards: "hazard.read", tasks: "inspection.read" } as const;

async function pointsPage(input: z.output<typeof MapPointsInput>, now: Date): Promise<MapPointPage> {
  const actor = useUser();
  const place = await readPlace(input.nodeId);
  authorize(actor, ACTION[input.layer], place);
  if (input.layer === "venues") {
    const page = await venuePointsUnder(place.path, { kind: input.kind, category: input.category, risk: input.risk }, input.cursor, input.limit);
    const items = page.items.map((v) => ({ id: v.venueId, lat: v.lat, lng: v.lng, name: v.name, kinds: v.kinds, categories: v.categories, ...(v.riskGrade ? { risk: v.riskGrade } : {}) }));
    return { layer: "venues", items, unplaced: 0, cursor: page.cursor };
  }
  if (input.layer === "hazards") {
    const page = await openHazardsUnder(place.path, { severity: input.severity, overdue: input.overdue }, input.cursor, input.limit);
    const at = await venueCoordinates(page.items.flatMap((h) => (h.venueId ? [h.venueId] : [])));
    const items: MapPoint[] = [];
    for (const h of page.items) {
      const v = h.venueId ? at.get(h.venueId) : undefined;
      if (!v) continue;
      items.push({ id: h.hazardId, lat: v.lat, lng: v.lng, name: v.name, overdue: h.overdue, state: h.state, venueId: h.venueId!, ...(h.severity ? { severity: h.severity } : {}), ...(h.code ? { code: h.code } : {}), ...(h.codeText ? { codeText: h.codeText } : {}) });
    }
    return { layer: "hazards", items, unplaced: page.items.length - items.length, cursor: page.cursor };
  }
  const timeZone = await tenantTimeZone();
  const until = endOfLocalDate(input.dueBy ?? localDate(now, timeZone), timeZone).toISOString();
  const page = await openTasksDueUnder(place.path, until, input.cursor, input.limit);
  const rows = input.category === undefined ? page.items : page.items.filter((t) => t.category === input.category);
  const at = await venueCoordinates(rows.map((t) => t.venueId));
  const items: MapPoint[] = [];
  for (const t of rows) {
    const v = at.get(t.venueId);
    if (v) items.push({ id: t.taskId, lat: v.lat, lng: v.lng, name: t.venueName ?? v.name, venueId: t.venueId, category: t.category, dueAt: t.dueAt, overdue: t.dueAt < now.toISOString() });
  }
  return { layer: "tasks", items, unplaced: rows.length - items.length, cursor: page.cursor };
}

/** One page of one layer's points in a subtree. */
export const mapPoints = useCase(MapPointsInput, async (input, opts: { now?: Date } = {}) => pointsPage(input, opts.now ?? new Date()), "query");

/** At most this many features in one GeoJSON export. */
export const MAX_EXPORT_FEATURES = 50_000;

export interface PointCollection {
  type: "FeatureCollection";
  features: PointFeature[];
  /** A foreign member (RFC 7946 §6.1): how many items had no coordinates, and whether the export stopped at its cap. */
  firegov: { layer: (typeof LAYERS)[number]; unplaced: number; truncated: boolean; crs: "WGS-84" };
}

/** The same points as a GeoJSON FeatureCollection (RFC 7946: WGS-84, [lng, lat]); property names are ASCII, values UTF-8 as stored. */
export const exportMapPoints = useCase(
  MapExportInput,
  async (input, opts: { now?: Date } = {}): Promise<PointCollection> => {
    const now = opts.now ?? new Date();
    const features: PointFeature[] = [];
    let unplaced = 0;
    let cursor: string | undefined;
    do {
      const page = await pointsPage({ ...input, limit: 5000, ...(cursor ? { cursor } : {}) }, now);
      unplaced += page.unplaced;
      for (const { id, lat, lng, ...rest } of page.items) {
        const properties: PointFeature["properties"] = { layer: input.layer };
        for (const [k, v] of Object.entries(rest)) if (v !== undefined) properties[k] = v as never;
        features.push(pointFeature(id, lat, lng, properties));
      }
      cursor = page.cursor ?? undefined;
    } while (cursor && features.length < MAX_EXPORT_FEATURES);
    return { type: "FeatureCollection", features: features.slice(0, MAX_EXPORT_FEATURES), firegov: { layer: input.layer, unplaced, truncated: cursor !== undefined || features.length > MAX_EXPORT_FEATURES, crs: "WGS-84" } };
  },
  "query",
);
