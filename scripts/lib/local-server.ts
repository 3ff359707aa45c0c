import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import type { App } from "@firegov/functions/api/app";

/**
 * The local origin: the API (the very app Lambda runs) and the built web
 * client side by side, as CloudFront puts them in AWS. Unknown non-API paths
 * fall back to index.html so client-side routes survive a reload.
 */
export function createLocalOrigin(api: App, webDist: string) {
  const root = new Hono();
  const indexHtml = join(webDist, "index.html");
  const isApiPath = (path: string) => path === "/health" || path.startsWith("/v1/");
  root.all("*", async (c, next) => (isApiPath(c.req.path) ? api.fetch(c.req.raw, c.env) : next()));
  root.use("*", serveStatic({ root: webDist }));
  root.get("*", (c) =>
    existsSync(indexHtml)
      ? c.html(readFileSync(indexHtml, "utf8"))
      : c.text("web client not built: run `npm run build:web` / 前端尚未构建", 503),
  );
  return root;
}

export function listen(app: Hono, port: number, hostname: string): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => resolve({ server, port: info.port }));
  });
}
