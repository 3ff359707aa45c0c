import type { Context } from "hono";
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "./env.ts";
import { ROUTE_GROUPS, type RouteGroupName } from "./route-groups.ts";
import { ROUTE_MANIFEST } from "./route-manifest.generated.ts";

type Loaded = { fetch: (request: Request, env?: unknown, executionCtx?: never) => Response | Promise<Response> };

/**
 * The Hono app, the same under Lambda and on Node: a thin router over the
 * route groups. It knows every route by its method and path (the generated
 * manifest, in the full app's order, so the same route wins) and hands the
 * request to its group's app, loaded on the group's first request and then
 * kept. Module init holds only this router; the first request loads core
 * (all of it: pipeline.ts says why) and its own group, never the other
 * groups' routes and schemas or the OpenAPI document. Each group's app runs
 * the whole pipeline; a path no group knows goes to the pipeline alone (400
 * on malformed JSON, else 404), and the OpenAPI document to the full app.
 */
export function createApp(deps: AppDeps, groups: typeof ROUTE_GROUPS = ROUTE_GROUPS) {
  const loaded = new Map<string, Promise<Loaded>>();
  const build = async (name: RouteGroupName | "openapi" | "none"): Promise<Loaded> => {
    if (name === "openapi") return (await import("./full-app.ts")).createFullApp(deps, groups);
    const { withPipeline } = await import("./pipeline.ts");
    if (name === "none") return withPipeline(deps, () => {});
    const routes = await groups[name](deps);
    return withPipeline(deps, (app) => app.route("/", routes));
  };
  const appFor = (name: RouteGroupName | "openapi" | "none") => {
    let app = loaded.get(name);
    if (!app) {
      app = build(name);
      loaded.set(name, app);
      // A failed load (a chunk missing mid-deploy) is tried again by the next request, not cached.
      app.catch(() => loaded.delete(name));
    }
    return app;
  };
  const forward = (name: RouteGroupName | "openapi" | "none") => async (c: Context<AppEnv>) => (await appFor(name)).fetch(c.req.raw, c.env);

  const shell = new Hono<AppEnv>();
  shell.get("/v1/openapi.json", forward("openapi"));
  for (const [group, routes] of ROUTE_MANIFEST) {
    const to = forward(group);
    for (const [method, path] of routes) shell.on(method, path, to);
  }
  shell.all("*", forward("none"));
  // Only a group that cannot load gets here (every group answers its own errors): the service is not ready, try again.
  shell.onError((err, c) => {
    deps.logger.error("route group failed to load", { error: err as Error });
    const locale = c.req.header("accept-language")?.trim().toLowerCase().startsWith("en") ? "en" : "zh";
    return busyAnswer(c.req.path, locale);
  });
  return shell;
}

/** Core's own server.busy words, for when core itself is the chunk that cannot load. */
const BUSY_FALLBACK = { zh: "服务繁忙，本次操作未完成，请 1 秒后重试。", en: "The service is busy and did not complete this request; retry in 1 s." };

/**
 * 503 problem+json with Retry-After for a request whose code cannot load. The
 * words come from core's messages; if core cannot load either (the same
 * missing deploy), from the fallback above, so the answer is never a 500.
 */
export async function busyAnswer(path: string, locale: "zh" | "en", loadCore: () => Promise<Pick<typeof import("@firegov/core"), "formatMessage">> = () => import("@firegov/core")): Promise<Response> {
  const detail = await loadCore().then(
    ({ formatMessage }) => formatMessage("server.busy", locale, { seconds: 1 }),
    () => BUSY_FALLBACK[locale],
  );
  const problem = { type: "urn:firegov:problem:server.busy", title: detail, status: 503, detail, instance: path, code: "server.busy" };
  return new Response(JSON.stringify(problem), { status: 503, headers: { "content-type": "application/problem+json; charset=utf-8", "retry-after": "1" } });
}

export type App = ReturnType<typeof createApp>;
