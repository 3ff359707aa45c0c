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
