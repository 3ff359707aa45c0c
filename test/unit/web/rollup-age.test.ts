import { describe, expect, it } from "vitest";
import { ageOf } from "../../../web/src/pages/compliance/age.ts";

const now = Date.parse("2026-12-07T12:00:00.000Z");
const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

describe("the roll-up's age", () => {
  it("is none without counts, and the newest town decides", () => {
    expect(ageOf([], now)).toBeUndefined();
    expect(ageOf([ago(300), ago(12)], now)).toEqual({ unit: "minutes", count: 12 });
  });
  it("reads as just now, minutes, hours, then days", () => {
    expect(ageOf([ago(0.5)], now)).toEqual({ unit: "now", count: 0 });
    expect(ageOf([ago(59)], now)).toEqual({ unit: "minutes", count: 59 });
    expect(ageOf([ago(61)], now)).toEqual({ unit: "hours", count: 1 });
    expect(ageOf([ago(3 * 24 * 60)], now)).toEqual({ unit: "days", count: 3 });
  });
});
