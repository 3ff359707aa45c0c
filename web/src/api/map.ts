// The one map (一张图): points a layer and a page at a time, boundaries, the basemap, the GeoJSON export.
import type { Basemap, BasemapInput, BoundaryCollection, BoundaryReceipt, BoundaryRemoval, MapPointPage, MapPointsQuery } from "@firegov/core/contract";
import { apiFetch, json, queryString } from "./http.ts";
import { nodePath } from "./nodes.ts";

/** The query as the URL carries it: flags as "true"/"false", the limit a number. */
type Query = Omit<MapPointsQuery, "overdue" | "limit"> & { overdue?: "true" | "false"; limit?: number };

export function mapPoints(params: Query & { cursor?: string }): Promise<MapPointPage> {
  return json(`/v1/map/points${queryString(params)}`);
}

export function mapBoundaries(nodeId?: string): Promise<BoundaryCollection> {
  return json(`/v1/map/boundaries${queryString({ nodeId })}`);
}

export function basemap(): Promise<Basemap> {
  return json("/v1/map/basemap");
}

export async function exportMapPoints(params: Omit<Query, "limit">): Promise<Blob> {
  return (await apiFetch(`/v1/export/map-points${queryString(params)}`)).blob();
}

/** The tenant's admin sets the basemap; 400 names the field (a GCJ-02 host is refused on `body.template`). */
export function setBasemap(input: BasemapInput): Promise<Basemap> {
  return json("/v1/map/basemap", { method: "PUT", body: JSON.stringify(input) });
}

/** A node's boundary: the GeoJSON file's text sent as it is (the API checks it and names what is wrong). */
export function uploadBoundary(nodeId: string, geojson: string): Promise<BoundaryReceipt> {
  return json(`${nodePath(nodeId)}/boundary`, { method: "PUT", body: geojson, headers: { "content-type": "application/json" } });
}

export function removeBoundary(nodeId: string): Promise<BoundaryRemoval> {
  return json(`${nodePath(nodeId)}/boundary`, { method: "DELETE" });
}
