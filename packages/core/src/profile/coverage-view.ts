import { z } from "zod";
import { useCase } from "../use-case.ts";
import { profileAt } from "./in-force.ts";
import { platformSupport, ruleCoverage } from "./coverage.ts";
import { authorizeProfile } from "./store.ts";

// The rule coverage of the tenant's own profile in effect: what `npm run
// rules` prints for the presets, for whatever the county has published.

const Bilingual = z.object({ zh: z.string(), en: z.string() });

export const RuleCoverageRowSchema = z.object({
  path: z.string(),
  section: z.string(),
  kind: z.string().optional(),
  clause: z.string().nullable().meta({ description: "The clause cited; null for a marked default" }),
  code: z.string().optional().meta({ description: "The code that applies the rule; absent when data only" }),
  does: Bilingual,
  dataOnly: z.boolean(),
  missing: z.array(z.object({ fn: z.string(), why: Bilingual })).optional().meta({ description: "A platform rule's functions this product does not provide yet" }),
});

export const RuleCoverageSchema = z
  .object({
    version: z.int(),
    rules: z.int(),
    applied: z.int(),
    dataOnly: z.int(),
    rows: z.array(RuleCoverageRowSchema),
  })
  .meta({ id: "RuleCoverage" });

export type RuleCoverage = z.infer<typeof RuleCoverageSchema>;

export const RuleCoverageInput = z.object({});

/** Each rule of the profile in effect now, with the code that applies it or why it is data only. */
export const getRuleCoverage = useCase(
  RuleCoverageInput,
  async (_input, opts: { now?: Date } = {}): Promise<RuleCoverage> => {
    authorizeProfile("profile.read");
    const { version, profile } = await profileAt(opts.now ?? new Date());
    const rows = ruleCoverage(profile).map(({ rule, ...row }) => {
      const missing = row.section === "platforms" ? platformSupport(rule as { functions: string[] }).missing : [];
      return missing.length ? { ...row, missing } : row;
    });
    const dataOnly = rows.filter((r) => r.dataOnly).length;
    return { version, rules: rows.length, applied: rows.length - dataOnly, dataOnly, rows };
  },
  "query",
);
