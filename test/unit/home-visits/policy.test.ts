import { describe, expect, it } from "vitest";
import { HomeVisits } from "@firegov/core";
import { getPreset } from "@firegov/profiles";

const { addFrequency, dueOf, homeVisitsOf, DEFAULT_HOME_VISITS } = HomeVisits;

describe("home visits: when a visit falls due", () => {
  it("moves a date on by the frequency, a month from the 31st landing on the month's last day", () => {
    expect(addFrequency("2027-01-31", { every: 1, unit: "month" })).toBe("2027-02-28");
    expect(addFrequency("2027-11-15", { every: 1, unit: "quarter" })).toBe("2028-02-15");
    expect(addFrequency("2027-03-01", { every: 2, unit: "week" })).toBe("2027-03-15");
    expect(addFrequency("2028-02-29", { every: 1, unit: "year" })).toBe("2029-02-28");
  });

  it("is due one frequency after the last visit, else after registration; due soon within the window, overdue the day after", () => {
    const monthly = { every: 1, unit: "month" } as const;
    expect(dueOf({ registeredOn: "2027-03-10" }, monthly, "2027-03-31", 7)).toEqual({ dueOn: "2027-04-10", status: "not_due" });
    expect(dueOf({ registeredOn: "2027-03-10" }, monthly, "2027-04-03", 7)).toEqual({ dueOn: "2027-04-10", status: "due_soon" });
    expect(dueOf({ registeredOn: "2027-03-10" }, monthly, "2027-04-10", 7).status).toBe("due_soon");
    expect(dueOf({ registeredOn: "2027-03-10" }, monthly, "2027-04-11", 7).status).toBe("overdue");
    expect(dueOf({ registeredOn: "2027-03-10", lastVisitOn: "2027-04-12" }, monthly, "2027-04-20", 7)).toEqual({ dueOn: "2027-05-12", status: "not_due" });
  });

  it("songjiang 六(一)1: every category is visited monthly (确保每月一次), cited; a profile without the section gets the marked defaults", () => {
    const songjiang = getPreset("songjiang")!;
    const rules = homeVisitsOf(songjiang);
    expect(rules.categories.every((c) => c.frequency.unit === "month" && c.frequency.every === 1 && c.sourceRef === "songjiang 六(一)1")).toBe(true);
    expect(rules.categories[0]!.text).toContain("确保每月一次");
    const bare = { ...songjiang, homeVisits: undefined };
    expect(homeVisitsOf(bare)).toBe(DEFAULT_HOME_VISITS);
    expect(DEFAULT_HOME_VISITS.categories.every((c) => c.sourceRef === null && c.assumption !== undefined)).toBe(true);
    expect(DEFAULT_HOME_VISITS.piiReaders.roles).toEqual(["tenant_admin"]);
  });
});
