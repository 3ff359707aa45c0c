// How the audit log's entries read, zh-CN and en: core's action and object
// names (the xlsx export uses the same), kept in the audit page's own chunk.
import { ACTION_NAMES, AUDIT_ACTION_NAMES, AUDIT_TARGET_NAMES, hazardAuditNames, roles } from "@firegov/core/browser";
import type { PolicyProfile, Role } from "@firegov/core/contract";
import type { AuditEntry } from "../../api/audit.ts";
import { roleName } from "../../display.ts";
import type { Locale } from "../../i18n/index.tsx";

type Bilingual = { zh: string; en: string };
const pick = (text: Bilingual, locale: Locale) => (locale === "en" ? text.en : text.zh);

// The log's words are core's (the xlsx export uses the same); the loop's actions by the hazards' names.
const auditActions: Record<string, Bilingual> = { ...AUDIT_ACTION_NAMES, ...hazardAuditNames(ACTION_NAMES) };

/** A known action by name; an unknown one by its code, so nothing is hidden. */
export function auditActionName(action: string, locale: Locale): string {
  const known = auditActions[action];
  return known ? pick(known, locale) : action;
}

/** Who did it: a user's name when known, else the actor as recorded. */
export function auditActorName(entry: AuditEntry, names: ReadonlyMap<string, string>, locale: Locale): string {
  if (entry.actorType === "user") return names.get(entry.actorId) ?? entry.actorId;
  if (entry.actorType === "public") return locale === "en" ? "Public (not signed in)" : "公众（未登录）";
  return locale === "en" ? `System (${entry.actorId.replace(/^system:/, "")})` : `系统（${entry.actorId.replace(/^system:/, "")}）`;
}

export function auditTargetName(entry: AuditEntry, names: ReadonlyMap<string, string>, locale: Locale = "zh-CN"): string {
  const kind = AUDIT_TARGET_NAMES[entry.targetType];
  return entry.targetType === "user" ? (names.get(entry.targetId) ?? entry.targetId) : `${kind ? pick(kind, locale) : entry.targetType} ${entry.targetId}`;
}

/** Every action and object kind the log names, for the filters' choices. */
export const auditActionChoices = () => Object.keys(auditActions);
export const auditTargetChoices = () => Object.keys(AUDIT_TARGET_NAMES);
export const auditTargetKindName = (targetType: string, locale: Locale) => (AUDIT_TARGET_NAMES[targetType] ? pick(AUDIT_TARGET_NAMES[targetType]!, locale) : targetType);

const isRole = (value: unknown): value is Role => roles.includes(value as Role);

/** `key: value` pairs of an entry's details, for one line of text; a role by its name. */
export function auditDetails(entry: AuditEntry, locale: Locale, profile?: Pick<PolicyProfile, "vocabulary">): string {
  return Object.entries(entry.details ?? {})
    .map(([key, value]) => `${key}: ${isRole(value) ? roleName(value, locale, profile) : typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" · ");
}
