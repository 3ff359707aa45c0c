// 入户走访: the register of vulnerable households, visits, the due list.
import type { DueHomeVisits, HomeVisitPolicy, HomeVisitResult, Household, HouseholdDetail, RecordHomeVisitInput, RegisterHouseholdInput, RevealedIdNumber } from "@firegov/core/contract";
import { apiFetch, idempotent, json, post, queryString, type Page } from "./http.ts";

const households = "/v1/home-visits/households";

export function homeVisitPolicy(): Promise<HomeVisitPolicy> {
  return json("/v1/home-visits/policy");
}

/** ID numbers come masked. */
export function listHouseholds(params: { nodeId?: string; category?: string; cursor?: string; limit?: number } = {}): Promise<Page<Household>> {
  return json(`${households}${queryString(params)}`);
}

export function getHousehold(householdId: string): Promise<HouseholdDetail> {
  return json(`${households}/${encodeURIComponent(householdId)}`);
}

export function registerHousehold(input: RegisterHouseholdInput, key: string): Promise<Household> {
  return json(households, post(input, idempotent(key)));
}

/** The ID number in full: only the profile's piiReaders (403 otherwise); the API audits each read. */
export function revealIdNumber(householdId: string): Promise<RevealedIdNumber> {
  return json(`${households}/${encodeURIComponent(householdId)}/id-number`, post({}));
}

export function recordVisit(householdId: string, input: RecordHomeVisitInput, key: string): Promise<HomeVisitResult> {
  return json(`${households}/${encodeURIComponent(householdId)}/visits`, post(input, idempotent(key)));
}

export function dueVisits(params: { nodeId?: string; withinDays?: number } = {}): Promise<DueHomeVisits> {
  return json(`/v1/home-visits/due${queryString(params)}`);
}

/** The register as xlsx (ID numbers and phones masked), with the file name the API gives it. */
export async function exportHouseholds(params: { nodeId?: string } = {}): Promise<{ filename: string; blob: Blob }> {
  const res = await apiFetch(`/v1/export/home-visits${queryString(params)}`);
  const disposition = res.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  return { filename: encoded ? decodeURIComponent(encoded) : "home-visits.xlsx", blob: await res.blob() };
}
