import { describe, expect, it } from "vitest";
import { fitWithin, ORIGINAL_MAX_PX, THUMB_MAX_PX, watermarkBand } from "../../../web/src/photos/sizes.ts";
import { stampTime, watermarkLines } from "../../../web/src/photos/watermark-lines.ts";

describe("photo sizes", () => {
  it("shrink the long side to the limit, keeping proportions, never enlarging", () => {
    expect(fitWithin({ width: 4000, height: 3000 }, ORIGINAL_MAX_PX)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin({ width: 3000, height: 4000 }, ORIGINAL_MAX_PX)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin({ width: 1600, height: 1200 }, THUMB_MAX_PX)).toEqual({ width: 320, height: 240 });
    expect(fitWithin({ width: 800, height: 600 }, ORIGINAL_MAX_PX)).toEqual({ width: 800, height: 600 });
    expect(fitWithin({ width: 10000, height: 10 }, THUMB_MAX_PX)).toEqual({ width: 320, height: 1 });
  });

  it("size the watermark band to the image and its lines", () => {
    const band = watermarkBand({ width: 1600, height: 1200 }, 3);
    expect(band.fontPx).toBe(43);
    expect(band.height).toBeGreaterThanOrEqual(3 * band.fontPx);
    expect(band.height).toBeLessThan(1200 / 4);
    expect(watermarkBand({ width: 100, height: 20 }, 3).height).toBe(20);
  });
});

describe("watermark lines", () => {
  const at = new Date("2026-12-07T06:03:41Z");

  it("give the time in the county's zone, the place with its position, and the reporter", () => {
    expect(watermarkLines({ at, place: "城南网格 · 某某超市", lat: 31.8, lng: 121.650004, reporter: "张三" })).toEqual([
      "2026-12-07 14:03",
      "城南网格 · 某某超市  31.80000,121.65000",
      "张三",
    ]);
  });

  it("leave out what is not known", () => {
    expect(watermarkLines({ at })).toEqual(["2026-12-07 14:03"]);
    expect(watermarkLines({ at, lat: 31.8, lng: Number.NaN, reporter: " " })).toEqual(["2026-12-07 14:03"]);
    expect(watermarkLines({ at, lat: 31.8, lng: 121.6 })).toEqual(["2026-12-07 14:03", "31.80000,121.60000"]);
  });

  it("write midnight as 00, in another zone when the county's differs", () => {
    expect(stampTime(new Date("2026-12-07T16:00:00Z"))).toBe("2026-12-08 00:00");
    expect(stampTime(at, "Asia/Urumqi")).toBe("2026-12-07 12:03");
  });
});
