import { randomUUID } from "node:crypto";
import { z } from "zod";
import { auditItem } from "../audit/index.ts";
import { withActor } from "../context/actor.ts";
import { TENANT_ID_PATTERN } from "../db/keys.ts";
import { writeTransaction } from "../db/transact.ts";
import { AppError } from "../errors/app-error.ts";
import { bilingual } from "../errors/zod-issues.ts";
import { DisplayName, Email, Password, passwordPolicy, Phone, Username } from "../identity/index.ts";
import { hashPassword, issueRecoveryCodes } from "../identity/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import { citesOwnDocument, firstVersionItems, forkProfile, ownProfileId } from "../profile/index.ts";
import { useCase } from "../use-case.ts";
import { registryItem } from "./registry.ts";

const RESERVED_SLUGS = new Set(["api", "app", "www", "admin", "system", "root", "demo-admin"]);

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const SignupInput = z
  .object({
    slug: z
      .string()
      .trim()
      .regex(TENANT_ID_PATTERN, bilingual("单位代码为 3–32 位小写字母、数字或连字符，以字母开头", "County code: 3–32 lowercase letters, digits or hyphens, starting with a letter"))
      .refine((s) => !RESERVED_SLUGS.has(s), bilingual("该单位代码为系统保留", "This county code is reserved")),
    name: z.string().trim().min(2, bilingual("单位名称至少 2 个字", "County name needs at least 2 characters")).max(60),
    timeZone: z.string().default("Asia/Shanghai").refine(isTimeZone, bilingual("不是有效的时区", "Not a valid time zone")),
    presetId: z.string().min(1).meta({ description: "A built-in preset's id, or `blank` (GET /v1/presets marks it) for the baseline without county rules" }),
    profileId: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, bilingual("档案 id 须为小写字母开头的 snake_case", "Profile id: snake_case starting with a letter"))
      .max(40)
      .optional()
      .meta({ description: "The county's own profile id. Default: the preset's (a copy), or the county code for a starting point with no citations of its own (blank). Another id forks the preset: its citations are kept as borrowed (借用)" }),
    admin: z.object({
      username: Username,
      displayName: DisplayName,
      phone: Phone.optional(),
      email: Email.optional(),
      password: Password,
    }),
  })
  .superRefine(passwordPolicy("admin.password", (v: { admin: { password: string; username: string; phone?: string } }) => v.admin))
  .meta({ id: "SignupInput" });

export interface SignupResult {
  tenantId: string;
  adminUserId: string;
  rootNodeId: string;
  /** The county's profile id (the preset's, or its own when forked or blank). */
  profileId: string;
  /** One-time recovery codes, shown once: issued when the admin gave neither phone nor email. */
  recoveryCodes?: string[];
}

/**
 * The county's version 1: the preset as it is under the preset's own id (a
 * copy, as before forks existed); under another id a fork keeping the
 * preset's citations as borrowed. A starting point that cites nothing of its
 * own document (blank) takes the county's own id and name.
 */
function startingProfile(preset: PolicyProfile, input: { slug: string; name: string; profileId?: string | undefined }): PolicyProfile {
  const profileId = input.profileId ?? (citesOwnDocument(preset) ? preset.id : ownProfileId(input.slug));
  return profileId === preset.id ? preset : forkProfile(preset, { id: profileId, name: { zh: input.name, en: input.name } });
}

/**
 * A county signs up: one transaction creates the tenant, its root node, its
 * first admin (and the username claim), version 1 of its policy profile
 * (a copy of the chosen preset, in effect from now), its entry in the tenant
 * registry (which scheduled jobs walk) and the audit entry.
 * The tenant row's existence condition makes the slug unique: a taken slug
 * writes nothing.
 */
export const signup = useCase(SignupInput, async (input, preset: PolicyProfile | undefined, opts: { idempotencyKey?: string } = {}): Promise<SignupResult> => {
  if (!preset) throw new AppError("validation", "request.invalid", {}, [{ path: "body.presetId", code: "preset.unknown", message: { zh: `没有名为“${input.presetId}”的内置政策档案`, en: `No built-in policy profile “${input.presetId}”` } }]);
  const tenantId = input.slug;
  const rootNodeId = randomUUID();
  const adminUserId = randomUUID();
  const passwordHash = await hashPassword(input.admin.password);
  const profile = startingProfile(preset, input);
  // An admin nobody can reach by phone or email gets recovery codes: the only way back in without the platform operator.
  const recovery = input.admin.phone || input.admin.email ? undefined : await issueRecoveryCodes();

  return withActor({ type: "public", tenantId }, async () => {
    const result: SignupResult = { tenantId, adminUserId, rootNodeId, profileId: profile.id };
    const stored = await writeTransaction<SignupResult>(
      ({ tenant, node, user, login, audit, profileVersion, profileHead, tenantRegistry }) => [
        tenant.create({ tenantId, name: input.name, timeZone: input.timeZone, presetId: preset.id, rootNodeId }).commit(),
        node.create({ tenantId, nodeId: rootNodeId, path: `/${rootNodeId}`, level: profile.levels[0]!.id, name: input.name }).commit(),
        user
          .create({
            tenantId,
            userId: adminUserId,
            username: input.admin.username,
            displayName: input.admin.displayName,
            phone: input.admin.phone,
            email: input.admin.email,
            role: "tenant_admin",
            scopeNodeId: rootNodeId,
            scopePath: `/${rootNodeId}`,
            passwordHash,
            ...(recovery ? { recoveryCodes: recovery.hashes } : {}),
          })
          .commit(),
        login.create({ tenantId, username: input.admin.username, userId: adminUserId }).commit(),
        ...firstVersionItems({ profileVersion, profileHead }, { tenantId, preset: profile, basedOn: preset.id, at: new Date(), publishedBy: adminUserId, publishedByName: input.admin.displayName }),
        registryItem({ tenantRegistry }, { timeZone: input.timeZone, at: new Date() }),
        auditItem({ audit }, { action: "tenant.signup", targetType: "tenant", targetId: tenantId, details: { presetId: preset.id, profileId: profile.id, admin: input.admin.username, recoveryCodes: recovery ? recovery.codes.length : 0 } }),
      ],
      {
        idempotency: opts.idempotencyKey ? { key: opts.idempotencyKey, request: input, result } : undefined,
        onCanceled: () => new AppError("conflict", "tenant.slug_taken", { slug: tenantId }),
      },
    );
    // The codes are shown once: a retried request (same Idempotency-Key) gets the stored result, which never holds them.
    return stored ?? (recovery ? { ...result, recoveryCodes: recovery.codes } : result);
  });
});
