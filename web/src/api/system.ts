// Health and the built-in presets: public reads, no sign-in.
import type { HealthReport } from "@firegov/core/contract";
import { json } from "./http.ts";

/** 503 still carries a report: the API is up, the database is not. */
export function getHealth(): Promise<HealthReport> {
  return json<HealthReport>("/health", {}, { okStatuses: [503], anonymous: true });
}

/** A built-in profile as the API lists it (the presets package, not core, defines it). */
export interface Preset {
  id: string;
  name: { zh: string; en: string };
  document: { title: string; number: string | null; issuer: string | null; date: string };
  /** The blank starting point: system defaults, no county rules. */
  blank?: boolean;
}

export async function getPresets(): Promise<Preset[]> {
  return (await json<{ items: Preset[] }>("/v1/presets", {}, { anonymous: true })).items;
}
