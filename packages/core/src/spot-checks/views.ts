import { z } from "zod";
import { pageOf } from "../db/cursor.ts";

const Bilingual = z.object({ zh: z.string(), en: z.string() });

/** What became of a drawn venue: not yet inspected, inspected with nothing failed, hazards found, or withdrawn (the venue retired). */
export const DrawOutcome = z.enum(["pending", "passed", "hazards_found", "withdrawn"]);

const Result = z.object({
  outcome: DrawOutcome,
  /** The local date of the inspection. */
  inspectedOn: z.string().optional(),
  /** Checklist items passed. */
  passed: z.int().optional(),
  /** Items failed: each raised a hazard. */
  hazards: z.int().optional(),
});

const Period = {
  ruleId: z.string(),
  period: z.string().meta({ description: "The period key: 2026-Q1, 2026-11 …" }),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueAt: z.string(),
  /** The inspection category the drawn tasks carry, and its name in the profile. */
  category: z.string(),
  title: Bilingual,
  seed: z.string(),
  algorithm: z.string().meta({ description: "How the draw is made from the seed and the pools (sha256-sfc32-fy/1: see spot-checks/draw.ts)" }),
  drawnAt: z.string(),
  inspectorsPerVenue: z.int(),
  pool: z.object({ venues: z.int(), inspectors: z.int() }),
};

export const DrawPickSchema = z.object({
  venueId: z.string(),
  venueName: z.string(),
  taskId: z.string(),
  inspectors: z.array(z.object({ userId: z.string(), displayName: z.string() })),
  result: Result,
});

export const DrawViewSchema = z
  .object({
    ...Period,
    drawnBy: z.string(),
    profileVersion: z.int(),
    picks: z.array(DrawPickSchema),
    /** The pools' ids, sorted (one draw's view only): with the seed, what reproduces the draw. */
    venuePool: z.array(z.string()).optional(),
    inspectorPool: z.array(z.string()).optional(),
  })
  .meta({ id: "SpotCheckDraw" });
export type DrawView = z.infer<typeof DrawViewSchema>;
export const DrawPageSchema = pageOf(DrawViewSchema).meta({ id: "SpotCheckDrawPage" });

/**
 * A draw as the public sees it (一公开): the period, the seed and the size of
 * the pools, and for each drawn venue its name and result. No ids of venues,
 * users or tasks, and no inspector's name: the clause asks for the results
 * to be public, not who checked.
 */
export const PublicDrawSchema = z
  .object({
    ...Period,
    picks: z.array(z.object({ venueName: z.string(), result: Result })),
  })
  .meta({ id: "PublicSpotCheckDraw" });
export type PublicDrawView = z.infer<typeof PublicDrawSchema>;

export const PublicDrawPageSchema = z
  .object({ county: z.object({ name: z.string() }), items: z.array(PublicDrawSchema), cursor: z.string().nullable() })
  .meta({ id: "PublicSpotCheckDrawPage" });
export type PublicDrawPage = z.infer<typeof PublicDrawPageSchema>;
