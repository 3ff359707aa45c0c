import { describe, expect, it } from "vitest";
import { profileInEffect } from "@firegov/core/profile/index";

const v = (version: number, effectiveFrom: string) => ({ version, effectiveFrom });
const history = [v(1, "2026-01-01T00:00:00.000Z"), v(2, "2026-03-01T00:00:00.000Z"), v(3, "2026-06-01T08:00:00.000Z")];

describe("profileInEffect", () => {
  it("takes the last version that started at or before the instant", () => {
    expect(profileInEffect(history, "2026-02-15T00:00:00Z")?.version).toBe(1);
    expect(profileInEffect(history, "2026-03-01T00:00:00.000Z")?.version).toBe(2);
    expect(profileInEffect(history, "2026-02-28T23:59:59.999Z")?.version).toBe(1);
    expect(profileInEffect(history, new Date("2027-01-01T00:00:00Z"))?.version).toBe(3);
  });

  it("reads instants with an offset as the same moment in UTC", () => {
    expect(profileInEffect(history, "2026-06-01T16:00:00+08:00")?.version).toBe(3);
    expect(profileInEffect(history, "2026-06-01T15:59:59+08:00")?.version).toBe(2);
  });

  it("has nothing before the first version", () => {
    expect(profileInEffect(history, "2025-12-31T23:59:59Z")).toBeUndefined();
    expect(profileInEffect([], "2026-01-01T00:00:00Z")).toBeUndefined();
  });

  it("lets the higher version win at a shared start, whatever the input order", () => {
    const replaced = [v(4, "2026-09-01T00:00:00.000Z"), ...history, v(5, "2026-09-01T00:00:00.000Z")].reverse();
    expect(profileInEffect(replaced, "2026-09-01T00:00:00Z")?.version).toBe(5);
  });

  it("returns the caller's own item", () => {
    const items = history.map((item) => ({ ...item, note: `v${item.version}` }));
    expect(profileInEffect(items, "2026-04-01T00:00:00Z")?.note).toBe("v2");
  });

  it("refuses something that is not an instant", () => {
    expect(() => profileInEffect(history, "next tuesday")).toThrow(RangeError);
  });
});
