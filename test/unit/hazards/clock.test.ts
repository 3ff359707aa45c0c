import { describe, expect, it } from "vitest";
import { Hazards } from "@firegov/core";

describe("deadlines in the tenant's time zone", () => {
  it("ends a deadline of N days at the end of the local day N days on", () => {
    // 2026-03-02 23:30 in Shanghai is 15:30 UTC: still the 2nd there.
    const now = new Date("2026-03-02T15:30:00Z");
    expect(Hazards.endOfDayAfter(now, 15, "Asia/Shanghai").toISOString()).toBe("2026-03-17T15:59:59.999Z");
    // Half an hour later it is the 3rd in Shanghai, so the deadline moves a day.
    expect(Hazards.endOfDayAfter(new Date("2026-03-02T16:30:00Z"), 15, "Asia/Shanghai").toISOString()).toBe("2026-03-18T15:59:59.999Z");
  });

  it("ends a zero-day deadline at the end of today", () => {
    expect(Hazards.endOfDayAfter(new Date("2026-03-02T04:00:00Z"), 0, "Asia/Shanghai").toISOString()).toBe("2026-03-02T15:59:59.999Z");
  });

  it("follows a zone across a daylight-saving change", () => {
    // New York springs forward on 2026-03-08: its days end at 05:00 UTC before, at 04:00 UTC from then on.
    const friday = new Date("2026-03-06T17:00:00Z");
    expect(Hazards.endOfDayAfter(friday, 1, "America/New_York").toISOString()).toBe("2026-03-08T04:59:59.999Z");
    expect(Hazards.endOfDayAfter(friday, 2, "America/New_York").toISOString()).toBe("2026-03-09T03:59:59.999Z");
  });

  it("names the local date and month of an instant", () => {
    expect(Hazards.localDate(new Date("2026-12-31T16:00:00Z"), "Asia/Shanghai")).toBe("2027-01-01");
    expect(Hazards.localMonth(new Date("2026-12-31T15:59:59Z"), "Asia/Shanghai")).toBe("2026-12");
  });
});
