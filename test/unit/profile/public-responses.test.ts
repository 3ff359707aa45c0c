import { describe, expect, it } from "vitest";
import { Profiles } from "@firegov/core";
import { presets } from "@firegov/profiles";

// Response templates for the public (issue 16, Build 7): every preset has one
// marked default per move along the loop, officers' picks fill the
// placeholders from the hazard, and a template with an unknown placeholder is
// refused when the profile is validated.

describe("public response templates", () => {
  it("gives every preset a template for each move a tipster follows, each a marked default, counted by the coverage report", () => {
    for (const [id, profile] of Object.entries(presets)) {
      const responses = profile.hazards.publicResponses ?? [];
      expect(new Set(responses.map((r) => r.action)), id).toEqual(new Set(["register", "dispatch", "start", "submit", "close", "fix_on_spot", "reject", "withdraw", "reopen"]));
      for (const r of responses) expect(r.sourceRef === null ? r.assumption?.zh : r.text, `${id} ${r.id}`).toBeTruthy();
      const rows = Profiles.ruleCoverage(profile).filter((row) => row.section === "hazards.publicResponses");
      expect(rows.length).toBe(responses.length);
      expect(rows.every((row) => row.code === "profile/responses.ts responsesFor" && !row.dataOnly)).toBe(true);
    }
  });

  it("fills the placeholders from the hazard and leaves an unknown value as its placeholder", () => {
    const [registered] = Profiles.responsesFor(presets.songjiang, "register");
    const text = Profiles.fillResponse(registered!.message.zh, { 编号: Profiles.publicReference("01JABCDEFGHJKMNPQR"), 期限: "2026-12-22", 单位: "镇消防办" });
    expect(text).toBe("您反映的问题已受理，编号HJKMNPQR，由镇消防办负责办理，我们将在2026-12-22前督促整改到位。");
    expect(Profiles.fillResponse("请于{期限}前整改（{类别}）", { 期限: "2026-12-22" })).toBe("请于2026-12-22前整改（{类别}）");
  });

  it("takes the marked defaults for a profile without its own templates", () => {
    const profile = structuredClone(presets.songjiang!);
    delete profile.hazards.publicResponses;
    expect(Profiles.responsesFor(profile, "withdraw").map((r) => r.id)).toEqual(["not_confirmed"]);
  });

  it("refuses a template whose placeholder is not one the hazard can fill", () => {
    const profile = structuredClone(presets.songjiang!);
    profile.hazards.publicResponses![0]!.message.zh = "您的举报{举报人}已受理";
    const res = Profiles.PolicyProfile.safeParse(profile);
    expect(res.success).toBe(false);
    expect(res.error!.issues.some((i) => i.path.join(".") === "hazards.publicResponses.0.message.zh")).toBe(true);
  });
});
