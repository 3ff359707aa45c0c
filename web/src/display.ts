/**
 * How domain values read on screen, zh-CN and en: role names,
 * presets, nodes, times. Components ask here instead of mapping themselves.
 */
import type { JurisdictionNode, PolicyProfile, User } from "@firegov/core/contract";
import type { Preset } from "./api/system.ts";
import type { Locale } from "./i18n/index.tsx";

type Bilingual = { zh: string; en: string };
const pick = (text: Bilingual, locale: Locale) => (locale === "en" ? text.en : text.zh);

/**
 * A platform role as the county's profile labels it (`vocabulary.platformRoles`:
 * 网格员, 楼栋长 …). Before a profile is at hand (or for a role it does not
 * label) the role's id: never another county's word.
 */
export function roleName(role: string, locale: Locale, profile?: Pick<PolicyProfile, "vocabulary"> | undefined): string {
  const name = profile?.vocabulary?.platformRoles.find((r) => r.id === role)?.name;
  return name ? pick(name, locale) : role;
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

// The one date formatter of the web: zh-CN reads 2026年12月7日 (14:30), English as its locale writes it.
const DAY: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric" };
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day. A calendar date (`YYYY-MM-DD`) shows as that day wherever the browser is; an instant, its day in the browser's time zone. Unreadable input shows as given. */
export function formatDate(value: string, locale: Locale): string {
  const calendar = CALENDAR_DAY.test(value);
  const date = new Date(calendar ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(locale, calendar ? { ...DAY, timeZone: "UTC" } : DAY).format(date);
}

/** An instant with its time (24-hour in zh-CN), in the browser's time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(locale, { ...DAY, hour: "2-digit", minute: "2-digit", ...(locale === "zh-CN" ? { hourCycle: "h23" as const } : {}) }).format(date);
}

/** `YYYY-MM-DDTHH:mm` in the browser's time zone, for a datetime-local input. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
