import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createFullApp } from "@firegov/functions/api/full-app";
import { ROUTE_MANIFEST } from "@firegov/functions/api/route-manifest.generated";
import { ROUTE_GROUPS } from "@firegov/functions/api/route-groups";
import { manifestSource } from "../../../scripts/lib/route-manifest.ts";
import { testDeps } from "../../support/app.ts";

describe("the api's route manifest", () => {
  it("is the route groups as they are (else: npm run routes:manifest)", async () => {
    const file = readFileSync(resolve(import.meta.dirname, "../../../functions/api/route-manifest.generated.ts"), "utf8");
    expect(file).toBe(await manifestSource());
  });

  it("lists every route of the full app, in the full app's order", async () => {
    const full = await createFullApp(testDeps(), ROUTE_GROUPS);
    const fullRoutes = [...new Set(full.routes.filter((r) => r.path !== "/*" && r.path !== "/v1/openapi.json").map((r) => `${r.method} ${r.path}`))];
    const listed = ROUTE_MANIFEST.flatMap(([, routes]) => routes.map(([method, path]) => `${method} ${path}`));
    expect([...new Set(listed)]).toEqual(fullRoutes);
  });
});

describe("the api's thin router", () => {
  it("answers 503 with Retry-After when a route group cannot load, and loads it again on the next request", async () => {
    const { createApp } = await import("@firegov/functions/api/app");
    let tries = 0;
    const groups = {
      ...ROUTE_GROUPS,
      presets: async () => {
        tries++;
        if (tries === 1) throw new Error("chunk missing mid-deploy");
        return ROUTE_GROUPS.presets();
      },
    };
    const app = createApp(testDeps(), groups);
    const first = await app.request("/v1/presets", { headers: { "accept-language": "en" } });
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("1");
    expect(first.headers.get("content-type")).toContain("application/problem+json");
    expect((await first.json()).code).toBe("server.busy");
    const second = await app.request("/v1/presets");
    expect(second.status).toBe(200);
    expect((await second.json()).items.length).toBeGreaterThan(0);
    expect(tries).toBe(2);
  });

  it("still answers 503 problem+json in both languages when core itself cannot load (no 500)", async () => {
    const { busyAnswer } = await import("@firegov/functions/api/app");
    const coreMissing = () => Promise.reject(new Error("core chunk missing mid-deploy"));
    const en = await busyAnswer("/v1/venues", "en", coreMissing);
    expect(en.status).toBe(503);
    expect(en.headers.get("retry-after")).toBe("1");
    expect(en.headers.get("content-type")).toContain("application/problem+json");
    expect(await en.json()).toMatchObject({ status: 503, code: "server.busy", instance: "/v1/venues", detail: expect.stringContaining("retry in 1 s") });
    const zh = await busyAnswer("/v1/venues", "zh", coreMissing);
    expect((await zh.json()).detail).toContain("服务繁忙");
    // With core there, the words are core's own and the same as the fallback's.
    const withCore = await busyAnswer("/v1/venues", "en");
    expect((await withCore.json()).detail).toBe((await (await busyAnswer("/v1/venues", "en", coreMissing)).json()).detail);
  });
});
