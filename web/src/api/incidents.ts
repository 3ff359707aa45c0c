// Fire incidents (火灾事故): the register of my area, one incident with its review and nearest forces, the ledger as xlsx.
import type { CreateIncidentInput, Incident, IncidentDetail, NearestForces, UpdateIncidentInput } from "@firegov/core/contract";
import { apiFetch, idempotent, json, patch, post, queryString, type Page } from "./http.ts";

const incidentPath = (incidentId: string) => `/v1/incidents/${encodeURIComponent(incidentId)}`;

export function listIncidents(params: { nodeId?: string; cursor?: string; limit?: number } = {}): Promise<Page<Incident>> {
  return json(`/v1/incidents${queryString(params)}`);
}

export function getIncident(incidentId: string): Promise<IncidentDetail> {
  return json(incidentPath(incidentId));
}

export function createIncident(input: CreateIncidentInput, idempotencyKey: string): Promise<Incident> {
  return json("/v1/incidents", post(input, idempotent(idempotencyKey)));
}

export function updateIncident(incidentId: string, input: UpdateIncidentInput): Promise<Incident> {
  return json(incidentPath(incidentId), patch(input));
}

export function nearestForces(lat: number, lng: number): Promise<NearestForces> {
  return json(`/v1/nearest-forces${queryString({ lat, lng })}`);
}

/** The ledger as a workbook, with the file name the API gives it. */
export async function downloadIncidents(nodeId?: string): Promise<{ filename: string; blob: Blob }> {
  const res = await apiFetch(`/v1/export/incidents${queryString({ nodeId })}`);
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get("content-disposition") ?? "")?.[1];
  return { filename: encoded ? decodeURIComponent(encoded) : "incidents.xlsx", blob: await res.blob() };
}
