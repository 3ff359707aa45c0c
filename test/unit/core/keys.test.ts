import { describe, expect, it } from "vitest";
import { leadingKeyPatterns, tenantKey } from "@firegov/core";

/** The IAM StringLike semantics the second wall relies on: `*` any run, `?` one character. */
function iamLike(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
  return re.test(value);
}

describe("tenant key format", () => {
  it("leads with T# and the tenant id", () => {
    expect(tenantKey("qidong")).toBe("T#qidong");
  });

  it("refuses ids that could break out of the key format", () => {
    for (const bad of ["", "Q", "qd#x", "qd*", "a", "中文", "qd-"]) expect(() => tenantKey(bad)).toThrow();
  });

  it("admits a tenant's own keys and never a tenant whose id merely starts the same", () => {
    const patterns = leadingKeyPatterns("qd");
    const matches = (key: string) => patterns.some((p) => iamLike(p, key));
    expect(matches("T#qd")).toBe(true);
    expect(matches("T#qd#VENUE#1")).toBe(true);
    expect(matches("T#qd2")).toBe(false);
    expect(matches("T#qd2#VENUE#1")).toBe(false);
    expect(matches("T#q")).toBe(false);
  });
});
