import { describe, expect, it } from "vitest";
import { MAX_PROFILE_BYTES } from "@firegov/core/profile/index";
import { ProfileVersionEntity } from "@firegov/core/profile/profile.entity";
import { presets } from "@firegov/profiles";

// A version item keeps its profile as one JSON string attribute; DynamoDB
// refuses items over 400 KB, so the document must stay well under that.

describe("storing a profile in one item", () => {
  const sizes = Object.values(presets).map((profile) => [profile.id, Buffer.byteLength(JSON.stringify(profile), "utf8")] as const);
  const largest = Math.max(...sizes.map(([, size]) => size));

  it("caps the document below DynamoDB's 400 KB item limit, with room for the other attributes", () => {
    expect(MAX_PROFILE_BYTES).toBeLessThanOrEqual(400 * 1024 - 50 * 1024);
  });

  // A third, not a quarter, since issues 18 and 19 gave the profile its IoT, incident, warning, home-visit and resource sections
  // (songjiang ≈ 76 KB): still three times the room for a county's own additions.
  it("leaves the largest built-in preset at most a third of the cap", () => {
    expect(largest).toBeGreaterThan(10_000);
    expect(largest * 3).toBeLessThan(MAX_PROFILE_BYTES);
  });

  it("orders version keys numerically (version 10 after version 9)", () => {
    const key = (version: number) => ProfileVersionEntity.get({ tenantId: "tenant-a", version }).params<{ Key: { sk: string } }>({ table: "any" }).Key.sk;
    expect(key(9) < key(10)).toBe(true);
    expect(key(10)).toBe("V#000010");
  });
});
