/**
 * How domain values read on screen, zh-CN and en: role names, audit actions,
 * presets, nodes, times. Components ask here instead of mapping themselves.
 */
import { ACTION_NAMES, AUDIT_ACTION_NAMES, AUDIT_TARGET_NAMES, hazardAuditNames, roleNames, roles } from "@firegov/core/browser";
import type { JurisdictionNode, Role, User } from "@firegov/core/contract";
import type { AuditEntry } from "./api/audit.ts";
import type { Preset } from "./api/system.ts";
import type { Locale } from "./i18n/index.tsx";

type Bilingual = { zh: string; en: string };
const pick = (text: Bilingual, locale: Locale) => (locale === "en" ? text.en : text.zh);

export function roleName(role: Role, locale: Locale): string {
  return pick(roleNames[role], locale);
}

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
export function auditDetails(entry: AuditEntry, locale: Locale): string {
  return Object.entries(entry.details ?? {})
    .map(([key, value]) => `${key}: ${isRole(value) ? roleName(value, locale) : typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" · ");
}

/** The preset as the signup form lists it: its name, then the document it comes from. */
export function presetLabel(preset: Preset, locale: Locale): string {
  const doc = preset.document.number ? `${preset.document.title}（${preset.document.number}）` : preset.document.title;
  return `${pick(preset.name, locale)} — ${doc}`;
}

/** The source document in full: title, number, issuer and date. */
export function presetDocument(preset: Preset): string {
  const { title, number, issuer, date } = preset.document;
  return [`《${title}》`, number, issuer, date].filter(Boolean).join(" · ");
}

/** A node indented by its depth in the tree, for a select. */
export function nodeOptionLabel(node: JurisdictionNode, top: JurisdictionNode | undefined): string {
  const depth = (path: string) => path.split("/").filter(Boolean).length;
  const indent = top ? depth(node.path) - depth(top.path) : 0;
  return `${"\u3000".repeat(Math.max(0, indent))}${node.name}`;
}

export function userStatusName(status: User["status"], locale: Locale): string {
  const names: Record<User["status"], Bilingual> = { active: { zh: "启用", en: "Active" }, disabled: { zh: "已停用", en: "Disabled" } };
  return pick(names[status], locale);
}

export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

/** `YYYY-MM-DDTHH:mm` in the browser's time zone, for a datetime-local input. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
