import { query } from "@solidjs/router";
import { getDashboard } from "../../api/dashboard.ts";
import { listHazards } from "../../api/hazards.ts";

// What the home pages count, each from an endpoint the app already has.

/** The hazard figures of my own scope (maintained counters: one read). */
export const myAreaFigures = query(async () => (await getDashboard()).hazards, "home-area-figures");

/** The open hazards assigned to me: a count, "100+" beyond the first page. */
export const myOpenHazards = query(async () => {
  const page = await listHazards({ list: "assigned", limit: 100 });
  return { count: page.items.length, more: page.cursor !== null && page.cursor !== undefined };
}, "home-my-hazards");
