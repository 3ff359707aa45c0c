import { describe, expect, it } from "vitest";
import { Compliance } from "@firegov/core";

describe("periods in the tenant's calendar", () => {
  it("takes the date in the tenant's time zone, not UTC's", () => {
    expect(Compliance.localDate(new Date("2024-12-31T16:30:00Z"), "Asia/Shanghai")).toBe("2025-01-01");
    expect(Compliance.localDate(new Date("2024-12-31T16:30:00Z"), "UTC")).toBe("2024-12-31");
  });

  it.each([
    [{ every: 1, unit: "year" }, "2025-06-15", "2025-01-01", "2026-01-01"],
    [{ every: 2, unit: "year" }, "2025-06-15", "2024-01-01", "2026-01-01"],
    [{ every: 2, unit: "year" }, "2024-03-01", "2024-01-01", "2026-01-01"],
    [{ every: 1, unit: "half_year" }, "2025-08-01", "2025-07-01", "2026-01-01"],
    [{ every: 1, unit: "quarter" }, "2025-02-28", "2025-01-01", "2025-04-01"],
    [{ every: 2, unit: "quarter" }, "2025-05-10", "2025-01-01", "2025-07-01"],
    [{ every: 1, unit: "month" }, "2025-12-31", "2025-12-01", "2026-01-01"],
    [{ every: 2, unit: "month" }, "2025-01-20", "2025-01-01", "2025-03-01"],
    [{ every: 2, unit: "month" }, "2025-02-28", "2025-01-01", "2025-03-01"],
    [{ every: 2, unit: "month" }, "2025-03-01", "2025-03-01", "2025-05-01"],
    [{ every: 2, unit: "month" }, "2025-12-31", "2025-11-01", "2026-01-01"],
    [{ every: 1, unit: "week" }, "2025-06-15", "2025-06-09", "2025-06-16"],
    [{ every: 2, unit: "week" }, "2025-06-15", "2025-06-09", "2025-06-23"],
    [{ every: 3, unit: "day" }, "2025-03-01", "2025-03-01", "2025-03-04"],
  ] as const)("calendar: %o on %s runs from %s to %s", (frequency, today, start, end) => {
    expect(Compliance.periodOf(frequency, today)).toEqual({ start, end });
  });

  it("calendar: a 2-monthly period does not move with the day judged (the old window always ended with the current month)", () => {
    const frequency = { every: 2, unit: "month" } as const;
    expect(Compliance.periodOf(frequency, "2025-03-02")).toEqual(Compliance.periodOf(frequency, "2025-04-30"));
    expect(Compliance.previousPeriod(frequency, Compliance.periodOf(frequency, "2025-03-02"))).toEqual({ start: "2025-01-01", end: "2025-03-01" });
  });

  it.each([
    [{ every: 2, unit: "month" }, "2025-06-15", "2025-04-16", "2025-06-16"],
    [{ every: 1, unit: "month" }, "2025-03-30", "2025-02-28", "2025-03-31"],
    [{ every: 1, unit: "year" }, "2025-06-15", "2024-06-16", "2025-06-16"],
    [{ every: 2, unit: "week" }, "2025-06-15", "2025-06-02", "2025-06-16"],
    [{ every: 3, unit: "day" }, "2025-03-01", "2025-02-27", "2025-03-02"],
  ] as const)("rolling: %o on %s runs from %s to %s", (frequency, today, start, end) => {
    expect(Compliance.periodOf(frequency, today, "rolling")).toEqual({ start, end });
  });

  it("adds months within the month's length", () => {
    expect(Compliance.addMonths("2025-03-31", -1)).toBe("2025-02-28");
    expect(Compliance.addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(Compliance.addMonths("2025-11-15", 2)).toBe("2026-01-15");
  });
});
