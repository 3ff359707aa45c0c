// The venue ledger; supervisor and categories are derived by the API from the profile.
import type { CreateVenueInput, ImportMode, PatrolPlanInput, SafetyEvaluationInput, SafetyEvaluationResult, UpdateVenueInput, Venue, VenueEvent, VenueExportFilter, VenueListFilter, VenueImportProgress, VenueImportReport } from "@firegov/core/contract";
import { apiFetch, idempotent, json, patch, post, queryString, uploadBody, type Page } from "./http.ts";

export const venuePath = (venueId: string) => `/v1/venues/${encodeURIComponent(venueId)}`;

export function listVenues(params: VenueListFilter & { nodeId?: string; cursor?: string; limit?: number } = {}): Promise<Page<Venue>> {
  return json(`/v1/venues${queryString(params)}`);
}

export function getVenue(venueId: string): Promise<Venue> {
  return json(venuePath(venueId));
}

export function createVenue(input: CreateVenueInput, idempotencyKey: string): Promise<Venue> {
  return json("/v1/venues", post(input, idempotent(idempotencyKey)));
}

export function updateVenue(venueId: string, input: UpdateVenueInput): Promise<Venue> {
  return json(venuePath(venueId), patch(input));
}

/** A high-risk venue's patrol plan: the named patroller, frequency and method (its tasks follow at once). */
export function setPatrolPlan(venueId: string, input: PatrolPlanInput): Promise<Venue> {
  return json(`${venuePath(venueId)}/patrol-plan`, post(input));
}

/** 安全评估: a failed one makes the venue must-not-operate and raises a hazard, in one write. */
export function recordSafetyEvaluation(venueId: string, input: SafetyEvaluationInput, idempotencyKey: string): Promise<SafetyEvaluationResult> {
  return json(`${venuePath(venueId)}/safety-evaluations`, post(input, idempotent(idempotencyKey)));
}

export function venueHistory(venueId: string, params: { cursor?: string; limit?: number } = {}): Promise<Page<VenueEvent>> {
  return json(`${venuePath(venueId)}/history${queryString(params)}`);
}

export async function exportVenues(format: "xlsx" | "csv", filter: VenueExportFilter = {}): Promise<{ filename: string; blob: Blob }> {
  const res = await apiFetch(`/v1/export/venues${queryString({ format, ...filter })}`);
  const disposition = res.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  return { filename: encoded ? decodeURIComponent(encoded) : `venues.${format}`, blob: await res.blob() };
}

/**
 * An xlsx or CSV ledger as the request body; `importId` lets the caller poll
 * progress meanwhile. In all_or_nothing mode a bad file answers 400 with the
 * rows named in its fields (`rows[<row>].<column>`).
 */
export function importVenues(file: Blob & { name?: string }, params: { mode: ImportMode; under?: string; importId: string }): Promise<VenueImportReport> {
  return json(`/v1/import/venues${queryString(params)}`, uploadBody(file));
}

export function venueImportProgress(importId: string): Promise<VenueImportProgress> {
  return json(`/v1/venue-imports/${encodeURIComponent(importId)}`);
}
