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
    [{ every: 1, unit: "half_year" }, "2025-08-01", "2025-07-01", "2026-01-01"],
    [{ every: 1, unit: "quarter" }, "2025-02-28", "2025-01-01", "2025-04-01"],
    [{ every: 1, unit: "month" }, "2025-12-31", "2025-12-01", "2026-01-01"],
    [{ every: 1, unit: "week" }, "2025-06-15", "2025-06-09", "2025-06-16"],
    [{ every: 3, unit: "day" }, "2025-03-01", "2025-02-27", "2025-03-02"],
  ] as const)("%o on %s runs from %s to %s", (frequency, today, start, end) => {
    expect(Compliance.periodOf(frequency, today)).toEqual({ start, end });
  });
});
