import type { IncidentsPolicy } from "../profile/index.ts";

// Pure rules of fire incidents: distances, the nearest forces, the review
// window and how a venue's past hazards read in an accountability review.

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance in km: a straight line over the earth, not a road distance. */
export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const DEFAULT_SUGGESTIONS = 5;

/** The forces with a position, nearest first (ties by name), at most `limit`; and how many had no position. */
export function nearest<T extends { name: string; lat?: number | undefined; lng?: number | undefined }>(from: { lat: number; lng: number }, forces: readonly T[], limit: number): { items: (T & { lat: number; lng: number; distanceKm: number })[]; withoutPosition: number } {
  const placed = forces.filter((f): f is T & { lat: number; lng: number } => typeof f.lat === "number" && typeof f.lng === "number");
  const items = placed
    .map((f) => ({ ...f, distanceKm: Math.round(haversineKm(from, f) * 100) / 100 }))
    .sort((a, b) => a.distanceKm - b.distanceKm || a.name.localeCompare(b.name, "zh-CN"))
    .slice(0, limit);
  return { items, withoutPosition: forces.length - placed.length };
}

/** The start of the review window: the incident's instant, `months` calendar months back (UTC). */
export function windowStart(occurredAt: string, months: number): string {
  const d = new Date(occurredAt);
  const back = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 0)).getUTCDate();
  back.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return back.toISOString();
}

export interface HazardRow {
  hazardId: string;
  state: string;
  severity?: string | undefined;
  code?: string | undefined;
  description: string;
  createdAt: string;
  updatedAt: string;
  deadline?: string | undefined;
  overdue: boolean;
}

/**
 * How a venue's hazard reads in a review at `at`: past its deadline at all,
 * still open and past it now, closed after it (a closed hazard's last change
 * is its close), and open when the fire broke out.
 */
export function reviewHazard(h: HazardRow, occurredAt: string, at: string) {
  const closed = h.state === "closed";
  const pastDeadline = (t: string) => h.deadline !== undefined && t > h.deadline;
  const closedLate = closed && (h.overdue || pastDeadline(h.updatedAt));
  const overdueNow = !closed && (h.overdue || pastDeadline(at));
  return {
    hazardId: h.hazardId,
    state: h.state,
    ...(h.severity ? { severity: h.severity } : {}),
    ...(h.code ? { code: h.code } : {}),
    description: h.description,
    createdAt: h.createdAt,
    ...(h.deadline ? { deadline: h.deadline } : {}),
    overdue: h.overdue || closedLate || overdueNow,
    overdueNow,
    closedLate,
    openAtIncident: h.createdAt <= occurredAt && (!closed || h.updatedAt > occurredAt),
  };
}

/** The cause a profile lists, or undefined. */
export const causeOf = (policy: IncidentsPolicy, id: string) => policy.causes.find((c) => c.id === id);

