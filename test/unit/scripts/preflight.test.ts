import { describe, expect, it } from "vitest";
import { missing } from "../../../scripts/preflight.mjs";

describe("test preflight", () => {
  it("lets the run go on when everything is there or not checked", () => {
    expect(missing({ java: true, chromium: true, cjkFont: true })).toEqual([]);
    expect(missing({ java: true })).toEqual([]);
  });

  it("names a missing Chromium in zh and en, with the apt command", () => {
    const lines = missing({ java: true, chromium: false, cjkFont: true });
    expect(lines).toContain("未找到 Chromium：端到端测试使用它（或用 CHROMIUM_PATH 指定路径）。");
    expect(lines).toContain("Chromium is missing: the e2e tests drive it (or point CHROMIUM_PATH at it).");
    expect(lines).toContain("  sudo apt-get install -y chromium");
  });

  it("installs everything missing with one command", () => {
    const lines = missing({ java: false, chromium: true, cjkFont: false });
    expect(lines.filter((line) => line.includes("apt-get"))).toEqual(["  sudo apt-get install -y default-jre-headless fonts-wqy-microhei"]);
    expect(lines.join("\n")).toMatch(/Java/);
  });
});
