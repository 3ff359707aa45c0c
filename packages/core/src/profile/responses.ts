import type { PolicyProfile, PublicResponse } from "./schema.ts";
import { RESPONSE_PLACEHOLDER_NAMES, type ResponsePlaceholder } from "./response-words.ts";

// Response templates for the public (答复群众): what an officer may write a
// tipster when moving a hazard along the loop. A profile without its own
// (`hazards.publicResponses`) gets these marked defaults: none of the five
// counties' documents says how the public is answered. Pure: the web fills
// a picked template with the same function the tests check.

export { RESPONSE_PLACEHOLDER_NAMES, type ResponsePlaceholder };

// Plain literals only (no spread, no call at the top level): a module without side effects stays out of the first load.
const ASSUMED = { zh: "文件未规定答复群众的用语，采用系统默认模板", en: "The document does not say how the public is answered: the system's default template" };

export const DEFAULT_PUBLIC_RESPONSES: PublicResponse[] = [
  { id: "registered", action: "register", name: { zh: "已受理立案", en: "Registered" }, message: { zh: "您反映的问题已受理，编号{编号}，由{单位}负责办理，我们将在{期限}前督促整改到位。", en: "Your report is registered as {编号}; {单位} handles it and will see it fixed by {期限}." }, sourceRef: null, assumption: ASSUMED },
  { id: "dispatched", action: "dispatch", name: { zh: "已派人处理", en: "Dispatched" }, message: { zh: "您反映的问题已派专人跟进，整改期限为{期限}。", en: "Someone now follows your report up; the deadline for the fix is {期限}." }, sourceRef: null, assumption: ASSUMED },
  { id: "rectifying", action: "start", name: { zh: "正在整改", en: "Being fixed" }, message: { zh: "您反映的问题正在整改中。", en: "The problem you reported is being fixed." }, sourceRef: null, assumption: ASSUMED },
  { id: "verifying", action: "submit", name: { zh: "整改完成待核查", en: "Fixed, being checked" }, message: { zh: "整改已完成，正在核查。", en: "The fix is done and being checked." }, sourceRef: null, assumption: ASSUMED },
  { id: "closed", action: "close", name: { zh: "已办结", en: "Closed" }, message: { zh: "您反映的问题已整改到位并核查通过，感谢您对消防安全的关心。", en: "The problem you reported has been fixed and checked. Thank you for caring about fire safety." }, sourceRef: null, assumption: ASSUMED },
  { id: "fixed_on_spot", action: "fix_on_spot", name: { zh: "已当场整改", en: "Fixed on the spot" }, message: { zh: "您反映的问题已当场整改。", en: "The problem you reported was fixed on the spot." }, sourceRef: null, assumption: ASSUMED },
  { id: "rejected", action: "reject", name: { zh: "整改未通过，继续督办", en: "Fix not accepted" }, message: { zh: "整改未达到要求，已要求在{期限}前重新整改。", en: "The fix fell short; it must be redone by {期限}." }, sourceRef: null, assumption: ASSUMED },
  { id: "not_confirmed", action: "withdraw", name: { zh: "经核实不属实", en: "Not confirmed" }, message: { zh: "经现场核实，未发现您反映的问题。如仍有疑问，请再次举报并附照片。", en: "On checking we did not find the problem you reported. If it persists, report it again with a photo." }, sourceRef: null, assumption: ASSUMED },
  { id: "reopened", action: "reopen", name: { zh: "重新办理", en: "Reopened" }, message: { zh: "您反映的问题已重新办理。", en: "Your report has been reopened." }, sourceRef: null, assumption: ASSUMED },
];

/** The templates in effect: the profile's own, or the marked defaults. */
export function publicResponsesOf(profile: Pick<PolicyProfile, "hazards"> | undefined): PublicResponse[] {
  return profile?.hazards.publicResponses ?? DEFAULT_PUBLIC_RESPONSES;
}

/** The templates for one move along the loop. */
export function responsesFor(profile: Pick<PolicyProfile, "hazards"> | undefined, action: string): PublicResponse[] {
  return publicResponsesOf(profile).filter((r) => r.action === action);
}

/** The values a hazard gives the placeholders; a missing one stays as its placeholder for the officer to fill. */
export type ResponseValues = Partial<Record<ResponsePlaceholder, string>>;

/** A template's text with its placeholders filled. */
export function fillResponse(text: string, values: ResponseValues): string {
  return text.replace(/\{([^{}]*)\}/g, (whole, name: string) => values[name as ResponsePlaceholder] ?? whole);
}

/** A hazard's reference for the public: the last eight characters of its id, upper case (no other id is shown). */
export const publicReference = (hazardId: string) => hazardId.slice(-8).toUpperCase();

/** A local date as the public reads it in a note: 2026年12月22日 (the deadline's day in the county's zone). */
function zhDate(at: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "numeric", day: "numeric" }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}年${part("month")}月${part("day")}日`;
}

/**
 * What a hazard gives the placeholders, in the words of its profile (zh): its
 * reference, its deadline's local date, the body handling it, its code and
 * severity. What it does not have yet (no deadline before registering) is
 * left out, so the placeholder stays for the server to fill after the move.
 */
export function responseValues(
  profile: Pick<PolicyProfile, "hazards" | "bodies"> | undefined,
  hazard: { hazardId: string; deadline?: string | undefined; handling?: { body?: string | undefined; level: string } | undefined; code?: string | undefined; codeText?: string | undefined; severity?: string | undefined },
  timeZone = "Asia/Shanghai",
): ResponseValues {
  const body = hazard.handling?.body ? profile?.bodies.find((b) => b.id === hazard.handling!.body)?.name.zh : undefined;
  const code = hazard.code === "other" ? hazard.codeText : profile?.hazards.codes.find((c) => c.id === hazard.code)?.name.zh;
  const severity = profile?.hazards.severities.find((s) => s.id === hazard.severity)?.name.zh;
  const values: ResponseValues = { 编号: publicReference(hazard.hazardId) };
  if (hazard.deadline) values.期限 = zhDate(hazard.deadline, timeZone);
  if (body) values.单位 = body;
  if (code) values.类别 = code;
  if (severity) values.等级 = severity;
  return values;
}
