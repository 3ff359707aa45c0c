import type { NoticeDetail } from "../notifications/index.ts";
import type { PolicyProfile } from "../profile/index.ts";
import type { Hazard, NotificationIntent } from "./types.ts";

// What a hazard's notice says besides its title, so the inbox (and the
// phone's message) tells the reader which hazard, where, by when and, for a
// rejection, why, without opening it.

/** The hazard's name: its code's name in the profile (codes, then checklist items), its own text for `other`, else its first words. */
export function hazardName(profile: PolicyProfile, h: Pick<Hazard, "code" | "codeText" | "description">): { zh: string; en: string } {
  if (h.codeText) return { zh: h.codeText, en: h.codeText };
  if (h.code) {
    const named = profile.hazards.codes.find((c) => c.id === h.code)?.name ?? profile.inspectionCategories.flatMap((c) => c.checklist).find((i) => i.hazardCode === h.code)?.name;
    if (named) return { zh: named.zh, en: named.en };
  }
  const words = [...h.description.trim()];
  const short = words.length > 16 ? `${words.slice(0, 16).join("")}…` : words.join("");
  return { zh: short, en: short };
}

export function noticeDetail(profile: PolicyProfile, hazard: Hazard, intent: NotificationIntent): NoticeDetail {
  const place = hazard.venueName ?? hazard.locationText;
  return {
    name: hazardName(profile, hazard),
    ...(place ? { place } : {}),
    ...(hazard.deadline ? { deadline: hazard.deadline } : {}),
    ...(intent.reason ? { reason: intent.reason } : {}),
  };
}
