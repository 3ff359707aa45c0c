// The one map (一张图): points a layer and a page at a time, boundaries, the basemap, the GeoJSON export.
import type { Basemap, BoundaryCollection, MapPointPage, MapPointsQuery } from "@firegov/core/contract";
import { apiFetch, json, queryString } from "./http.ts";

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
