import { gunzipSync, gzipSync } from "node:zlib";
import type { Actor } from "../context/actor.ts";
import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { profileAt, type PolicyProfile } from "../profile/index.ts";
import { levelOfPath, mayAssess } from "./assessor.ts";
import { indicatorsOf, type Scorecard } from "./scorecard.ts";
import type { Computed, Period, Scheme } from "./read.ts";
import { judgement, periodOfScheme, schemeOr404 } from "./read.ts";

// A period's sheet (the scheme's header and every card, ranked), as
// answered while it runs and as frozen when it is closed. The snapshot keeps
// the sheet gzipped; reading a closed period answers it unchanged.

type Bilingual = { zh: string; en: string };

export interface Sheet {
  schemeId: string;
  name: Bilingual;
  period: Period;
  evaluatedAt: string;
  profileVersion: number;
  lagging: { bottom?: number; belowScore?: number; sourceRef: string | null; text: string } | null;
  /** The scheme's indicators (the export's columns). */
  indicators: { indicatorId: string; name: Bilingual; weight: number }[];
  cards: (Omit<Scorecard, "parentId"> & { parentId?: string })[];
  closed?: { closedAt: string; closedBy: string; closedByName?: string };
}

export function sheetOf(computed: Computed): Sheet {
  const { scheme } = computed;
  const lagging = scheme.lagging;
  return {
    schemeId: scheme.id,
    name: scheme.name,
    period: computed.period,
    evaluatedAt: computed.evaluatedAt,
    profileVersion: computed.version,
    lagging: lagging
      ? { ...(lagging.bottom !== undefined ? { bottom: lagging.bottom } : {}), ...(lagging.belowScore !== undefined ? { belowScore: lagging.belowScore } : {}), sourceRef: lagging.sourceRef, text: lagging.text ?? lagging.assumption?.zh ?? "" }
      : null,
    indicators: indicatorsOf(scheme).map((i) => ({ indicatorId: i.id, name: i.name, weight: i.weight })),
    cards: computed.cards.map(({ parentId, ...card }) => ({ ...card, ...(parentId ? { parentId } : {}) })),
  };
}

export const packSheet = (sheet: Sheet) => gzipSync(Buffer.from(JSON.stringify(sheet))).toString("base64");
export const unpackSheet = (packed: string) => JSON.parse(gunzipSync(Buffer.from(packed, "base64")).toString("utf8")) as Sheet;

/** The first day of the scheme's period that holds `date` (default today), checked against the profile in effect now. */
export async function periodStartOf(schemeId: string, date: string | undefined, datePath: string) {
  const j = await judgement(date, datePath);
  const { profile } = await profileAt(j.now);
  return periodOfScheme(schemeOr404(profile, schemeId), j.date).start;
}

/** The stored snapshot item of a closed period, if it was closed. */
export async function snapshotItem(schemeId: string, periodStart: string, consistent = false) {
  const { data } = await tenantDb().service.entities.assessmentSnapshot.get({ tenantId: useTenant(), schemeId, period: periodStart }).go({ consistent });
  return data ?? undefined;
}

/** The sheet of a closed period (one GetItem), or undefined while it is open. */
export async function closedSheet(schemeId: string, date: string | undefined, datePath: string): Promise<Sheet | undefined> {
  const item = await snapshotItem(schemeId, await periodStartOf(schemeId, date, datePath));
  if (!item) return undefined;
  return { ...unpackSheet(item.cards), closed: { closedAt: item.closedAt, closedBy: item.closedBy, ...(item.closedByName ? { closedByName: item.closedByName } : {}) } };
}

/** Who closes a period of a scheme: one who may assess the whole tree (a tenant admin of the root; the system). */
export function isAdminOfTree(actor: Actor, profile: PolicyProfile, scheme: Scheme): boolean {
  if (actor.type === "system") return true;
  if (actor.type !== "user") return false;
  return levelOfPath(profile, actor.scopePath) === profile.levels[0]?.id && mayAssess(actor, profile, scheme, actor.scopePath);
}
