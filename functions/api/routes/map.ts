import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { invalid, Maps, Tenancy } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, json, pathParam, readErrors, signedIn, writeErrors } from "./helpers.ts";

// The one map (一张图): points, their GeoJSON export, node boundaries, and the tenant's basemap.

const authed = signedIn("map");
const NodeParams = z.object({ nodeId: pathParam("nodeId") });

const routes = {
  points: createRoute({
    method: "get", path: "/v1/map/points", summary: "一张图点位 / Map points of a subtree", ...authed,
    description: "One layer a request (venues with coordinates, open hazards at their venue, today's open venue tasks), a page at a time: read on with the cursor until it is null.",
    request: { query: Maps.MapPointsInput },
    responses: { 200: json(Maps.MapPointPageSchema, "A page of points"), ...readErrors },
  }),
  export: createRoute({
    method: "get", path: "/v1/export/map-points", summary: "导出点位 GeoJSON / Export map points as GeoJSON", ...authed,
    description: "The same points and filters as /v1/map/points, all pages, as one RFC 7946 FeatureCollection (WGS-84, [longitude, latitude]).",
    request: { query: Maps.MapExportInput },
    responses: { 200: { description: "application/geo+json FeatureCollection", content: { "application/geo+json": { schema: z.object({ type: z.literal("FeatureCollection"), features: z.array(z.any()) }) } } }, ...readErrors },
  }),
  boundaries: createRoute({
    method: "get", path: "/v1/map/boundaries", summary: "辖区边界 / Boundaries of a node and its children", ...authed,
    request: { query: Maps.BoundariesInput },
    responses: { 200: json(Maps.BoundaryCollectionSchema, "GeoJSON FeatureCollection, the node's own first"), ...readErrors },
  }),
  setBoundary: createRoute({
    method: "put", path: "/v1/nodes/{nodeId}/boundary", summary: "上传辖区边界 / Upload a node's boundary", ...authed,
    description: `GeoJSON (RFC 7946, WGS-84): a Polygon or MultiPolygon, bare, in a Feature, or a FeatureCollection of them; at most ${Maps.MAX_BOUNDARY_BYTES} bytes and ${Maps.MAX_BOUNDARY_POSITIONS} positions. Send it as the JSON body.`,
    request: { params: NodeParams },
    responses: { 200: json(Maps.BoundaryReceiptSchema, "Stored, replacing any before"), ...writeErrors },
  }),
  deleteBoundary: createRoute({
    method: "delete", path: "/v1/nodes/{nodeId}/boundary", summary: "删除辖区边界 / Remove a node's boundary", ...authed,
    description: "The node's admin (node.manage in their subtree). Removing a node that has none answers removed: false.",
    request: { params: NodeParams },
    responses: { 200: json(Maps.BoundaryRemovalSchema, "Removed (or there was none)"), ...writeErrors },
  }),
  basemap: createRoute({
    method: "get", path: "/v1/map/basemap", summary: "底图 / The tenant's basemap", ...authed,
    responses: { 200: json(Tenancy.BasemapViewSchema, "none, 天地图 or a tile URL, with the layers to draw"), ...readErrors },
  }),
  setBasemap: createRoute({
    method: "put", path: "/v1/map/basemap", summary: "设置底图 / Set the tenant's basemap", ...authed,
    request: { body: body(Tenancy.BasemapInput) },
    responses: { 200: json(Tenancy.BasemapViewSchema, "Set"), ...writeErrors },
  }),
};

/** The body of a boundary upload: refused when announced too large, before it is read; core checks what arrives again. */
async function geoJsonBody(c: { req: { header: (n: string) => string | undefined; text: () => Promise<string> } }) {
  const tooLarge = () => invalid("body", "map.boundary_too_large", `边界文件超过 ${Maps.MAX_BOUNDARY_BYTES / 1000} KB 的上限，请先简化`, `The boundary file is over the ${Maps.MAX_BOUNDARY_BYTES / 1000} KB limit: simplify it first`);
  if (Number(c.req.header("content-length") ?? 0) > Maps.MAX_BOUNDARY_BYTES * 2) throw tooLarge();
  const text = await c.req.text();
  if (Buffer.byteLength(text) > Maps.MAX_BOUNDARY_BYTES * 2) throw tooLarge();
  try {
    return { value: JSON.parse(text) as unknown, bytes: Buffer.byteLength(text) };
  } catch {
    throw invalid("body", "request.malformed_json", "不是有效的 JSON（GeoJSON 文件须为 UTF-8 文本）", "Not valid JSON (a GeoJSON file is UTF-8 text)");
  }
}

export function mapRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.points, async (c) => c.json(await Maps.mapPoints(c.req.valid("query")), 200))
    .openapi(routes.export, async (c) => {
      const query = c.req.valid("query");
      const collection = await Maps.exportMapPoints(query);
      return c.body(JSON.stringify(collection), 200, {
        "content-type": "application/geo+json; charset=utf-8",
        "content-disposition": `attachment; filename="map-${query.layer}.geojson"`,
      }) as never;
    })
    .openapi(routes.boundaries, async (c) => c.json(await Maps.getBoundaries(c.req.valid("query")), 200))
    .openapi(routes.setBoundary, async (c) => {
      const { value, bytes } = await geoJsonBody(c);
      // The raw body's size counts, not only the geometry kept: a file padded with properties is still too large to send.
      if (bytes > Maps.MAX_BOUNDARY_BYTES) throw invalid("body", "map.boundary_too_large", `边界文件 ${Math.ceil(bytes / 1000)} KB，超过 ${Maps.MAX_BOUNDARY_BYTES / 1000} KB 的上限，请先简化`, `The boundary file is ${Math.ceil(bytes / 1000)} KB, over the ${Maps.MAX_BOUNDARY_BYTES / 1000} KB limit: simplify it first`);
      return c.json(await Maps.setBoundary(value, c.req.valid("param").nodeId, { bytes }), 200);
    })
    .openapi(routes.deleteBoundary, async (c) => c.json(await Maps.deleteBoundary(c.req.valid("param").nodeId), 200))
    .openapi(routes.basemap, async (c) => c.json(await Tenancy.getBasemap(), 200))
    .openapi(routes.setBasemap, async (c) => c.json(await Tenancy.setBasemap(c.req.valid("json")), 200));
}

