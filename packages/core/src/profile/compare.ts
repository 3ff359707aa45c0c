import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { useCase } from "../use-case.ts";
import { describeChange, diffProfiles } from "./diff.ts";
import type { PolicyProfile } from "./schema.ts";
import { currentDraft, loadVersion, authorizeProfile } from "./store.ts";
import { getCurrentProfile } from "./versions.ts";

/** A profile to compare or export: a tenant version, the draft, or a built-in preset. */
export const ProfileRef = z
  .string()
  .regex(/^(v:[1-9]\d{0,5}|draft|preset:[a-z][a-z0-9_]*)$/, bilingual("应为 v:<版本号>、draft 或 preset:<档案id>", "expected v:<n>, draft or preset:<id>"))
  .meta({ description: "`v:<n>` (a published version), `draft`, or `preset:<id>` (a built-in profile)" });

/** A preset by id; the api Lambda loads each preset lazily, hence the promise. */
export type PresetLookup = (id: string) => PolicyProfile | undefined | Promise<PolicyProfile | undefined>;

/** Presets are data of another package: the caller passes the lookup in. */
export async function resolveRef(ref: string, presets: PresetLookup): Promise<unknown> {
  if (ref.startsWith("preset:")) {
    authorizeProfile("profile.read");
    const presetId = ref.slice("preset:".length);
    const preset = await presets(presetId);
    if (!preset) throw new AppError("not_found", "preset.unknown", { presetId });
    return preset;
  }
  if (ref === "draft") return (authorizeProfile("profile.edit"), await currentDraft()).profile;
  authorizeProfile("profile.read");
  return (await loadVersion(Number(ref.slice("v:".length)))).profile;
}

export const DiffInput = z.object({ from: ProfileRef, to: ProfileRef });

const Line = z.object({ zh: z.string(), en: z.string() });

export const ProfileDiffSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    changes: z.array(
      z.object({
        kind: z.enum(["added", "removed", "changed"]),
        path: z.string().meta({ description: "List elements named by id: `$.levels[id=town].name.zh`" }),
        ruleId: z.string().optional(),
        ruleName: Line.optional(),
        before: z.unknown().optional(),
        after: z.unknown().optional(),
        sourceRefBefore: z.string().nullable().optional(),
        sourceRefAfter: z.string().nullable().optional(),
        text: Line,
      }),
    ),
  })
  .meta({ id: "ProfileDiff" });

/** What changes from one profile to another, rule by rule, with the clause cited on each side. */
export const diff = useCase(
  DiffInput,
  async (input, presets: PresetLookup): Promise<z.infer<typeof ProfileDiffSchema>> => {
    const [before, after] = await Promise.all([resolveRef(input.from, presets), resolveRef(input.to, presets)]);
    // The draft may not be a valid profile; the diff is structural and takes any JSON.
    const changes = diffProfiles(before as PolicyProfile, after as PolicyProfile);
    return { from: input.from, to: input.to, changes: changes.map((change) => ({ ...change, text: describeChange(change) })) };
  },
  "query",
);

export const ExportInput = z.object({
  version: z
    .string()
    .regex(/^(draft|[1-9]\d{0,5})$/, bilingual("应为版本号或 draft", "expected a version number or draft"))
    .optional()
    .meta({ description: "A version number or `draft`; default the version in effect now" }),
});

/** A document to download: a version, the draft, or (by default) the one in effect now. */
export const exportProfile = useCase(
  ExportInput,
  async (input): Promise<{ ref: string; profile: unknown }> => {
    if (input.version === undefined) {
      const inEffect = await getCurrentProfile({});
      return { ref: `v:${inEffect.version}`, profile: inEffect.profile };
    }
    const ref = input.version === "draft" ? "draft" : `v:${input.version}`;
    return { ref, profile: await resolveRef(ref, () => undefined) };
  },
  "query",
);
