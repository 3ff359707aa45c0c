import { z } from "zod";
import { AppError } from "../errors/app-error.ts";
import type { PolicyProfile } from "./schema.ts";
import type { ProfileIssue } from "./validate.ts";

// What the profile use cases answer with, and how a profile is kept in an item.

/**
 * DynamoDB's item limit is 400 KB including attribute names and the other
 * attributes; a profile above this much JSON would not fit beside them.
 * The largest built-in preset (with its baseline checklists) is about a sixth of it.
 */
export const MAX_PROFILE_BYTES = 300_000;

/** A profile document as the API carries it; the profile rules (parseProfile) judge it, not this schema. */
export const ProfileJson = z
  .record(z.string(), z.unknown())
  .meta({ id: "PolicyProfileDocument", description: "A policy profile document (JSON object), validated by the profile rules" });

export const ProfileIssueSchema = z
  .object({ path: z.string(), code: z.string(), message: z.object({ zh: z.string(), en: z.string() }) })
  .meta({ id: "ProfileIssue" });

export const VersionSummarySchema = z
  .object({
    version: z.int(),
    effectiveFrom: z.string(),
    publishedAt: z.string(),
    publishedBy: z.string(),
    publishedByName: z.string().optional(),
    basedOn: z.string().meta({ description: "`preset:<id>` or `v:<n>`, usable as a diff reference" }),
    note: z.string().optional(),
  })
  .meta({ id: "ProfileVersionSummary" });

export const VersionViewSchema = VersionSummarySchema.extend({ profile: ProfileJson }).meta({ id: "ProfileVersion" });

export const DraftViewSchema = z
  .object({
    rev: z.int().meta({ description: "Send it back (If-Match or rev) when saving; 0: no draft saved yet" }),
    basedOnVersion: z.int(),
    pending: z.boolean().meta({ description: "Saved since the last publish" }),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
    profile: ProfileJson,
    issues: z.array(ProfileIssueSchema),
  })
  .meta({ id: "ProfileDraft" });

export type VersionSummary = z.infer<typeof VersionSummarySchema>;
export type VersionView = VersionSummary & { profile: PolicyProfile };
export type DraftView = Omit<z.infer<typeof DraftViewSchema>, "issues"> & { issues: ProfileIssue[] };

type VersionItem = {
  version: number;
  effectiveFrom: string;
  publishedAt: string;
  publishedBy: string;
  publishedByName?: string | undefined;
  basedOn: string;
  note?: string | undefined;
};

export function toSummary(item: VersionItem): VersionSummary {
  const { version, effectiveFrom, publishedAt, publishedBy, publishedByName, basedOn, note } = item;
  return { version, effectiveFrom, publishedAt, publishedBy, basedOn, ...(publishedByName === undefined ? {} : { publishedByName }), ...(note === undefined ? {} : { note }) };
}

/** The JSON kept in an item; refused when it could not fit. */
export function encodeProfile(profile: unknown, path = "body"): string {
  const json = JSON.stringify(profile);
  if (Buffer.byteLength(json, "utf8") > MAX_PROFILE_BYTES) {
    const message = { zh: `政策档案超过 ${MAX_PROFILE_BYTES} 字节`, en: `larger than ${MAX_PROFILE_BYTES} bytes` };
    throw new AppError("validation", "profile.too_large", { max: MAX_PROFILE_BYTES }, [{ path, code: "profile.too_large", message }]);
  }
  return json;
}

export function decodeProfile(json: string): Record<string, unknown> {
  // Kept as saved (an invalid draft included): validation and publishing lift an older shape (migrate.ts).
  return JSON.parse(json) as Record<string, unknown>;
}
