/** How campaigns read on screen: their status and names; the profile's names for what they target. */
import type { Campaign } from "@firegov/core/contract";
import type { Locale } from "../../i18n/index.tsx";

export const STATUS_KEYS = {
  starting: "campaigns.status.starting",
  upcoming: "campaigns.status.upcoming",
  running: "campaigns.status.running",
  ended: "campaigns.status.ended",
  closed: "campaigns.status.closed",
} as const satisfies Record<Campaign["status"], string>;

export const STATUS_TONE: Record<Campaign["status"], string> = { starting: "badge-muted", upcoming: "badge-muted", running: "badge-ok", ended: "badge-warn", closed: "badge-muted" };

export const campaignName = (c: Pick<Campaign, "name">, locale: Locale) => (locale === "en" && c.name.en ? c.name.en : c.name.zh);

export const percent = (done: number, total: number) => (total <= 0 ? 100 : Math.round((done / total) * 100));
