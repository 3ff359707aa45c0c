import { Hono } from "hono";
import type { AppEnv } from "../env.ts";

/**
 * The API reference page. Swagger UI's assets are served by the web client's
 * hosting (`/vendor/swagger-ui/`), not a public CDN: these deployments may
 * have no route to one. WEB_ORIGIN points there when web and API differ.
 */
export function docsRoutes(webOrigin = process.env.WEB_ORIGIN ?? "") {
  const assets = `${webOrigin}/vendor/swagger-ui`;
  return new Hono<AppEnv>().get("/v1/docs", (c) =>
    c.html(`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>接口文档 · API reference</title>
<link rel="stylesheet" href="${assets}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${assets}/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: new URL("openapi.json", location.href).href, dom_id: "#swagger-ui" });</script>
</body>
</html>`),
  );
}
