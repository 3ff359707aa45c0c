import type { AppDeps } from "./env.ts";
import { withPipeline } from "./pipeline.ts";
import type { ROUTE_GROUPS } from "./route-groups.ts";

// The groups come from the caller (app.ts, the manifest script): importing them here would put route-groups.ts
// in a chunk of its own, one more file for every cold start to load.
type Groups = typeof ROUTE_GROUPS;

/** Every route group mounted in one app, in order: what the OpenAPI document describes and the route manifest lists. */
export async function createFullApp(deps: AppDeps, routeGroups: Groups) {
  const groups = await Promise.all(Object.values(routeGroups).map((load) => load(deps)));
  const app = withPipeline(deps, (app) => {
    for (const routes of groups) app.route("/", routes);
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  app.doc31("/v1/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "基层消防安全治理 API / Grassroots fire-safety governance API",
      version: "0.1.0",
      description: "Errors are RFC 9457 application/problem+json; send Accept-Language: en for English messages.",
    },
  });
  return app;
}

/** Each group's routes as [method, path] (Hono's path syntax), deduplicated, in registration order: the shell's table. */
export async function routeManifest(deps: AppDeps, routeGroups: Groups): Promise<[string, [string, string][]][]> {
  const out: [string, [string, string][]][] = [];
  for (const [name, load] of Object.entries(routeGroups)) {
    const routes = await load(deps);
    const seen = new Set<string>();
    const list: [string, string][] = [];
    for (const r of routes.routes) {
      const key = `${r.method} ${r.path}`;
      if (!seen.has(key)) list.push([r.method, r.path]), seen.add(key);
    }
    out.push([name, list]);
  }
  return out;
}
