import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import solid from "vite-plugin-solid";

/** Swagger UI's assets for the API reference page, served from our own origin (no public CDN). */
function swaggerUiAssets(): Plugin {
  const dist = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
  return {
    name: "swagger-ui-assets",
    apply: "build",
    generateBundle() {
      for (const file of ["swagger-ui.css", "swagger-ui-bundle.js"]) {
        this.emitFile({ type: "asset", fileName: `vendor/swagger-ui/${file}`, source: readFileSync(join(dist, file)) });
      }
    },
  };
}

/** The service worker's cache of those reads; sign-out deletes it (src/auth/session.ts). */
const DATA_CACHE = "firegov-data";

/** The installable app: manifest, icons, and a service worker that precaches the shell (Workbox, generated). */
const pwa = VitePWA({
  // Registered by src/offline/register-sw.ts from a lazy chunk, after the first screen.
  injectRegister: false,
  registerType: "autoUpdate",
  includeAssets: ["icons/icon.svg", "icons/apple-touch-icon.png"],
  manifest: {
    name: "基层消防安全治理",
    short_name: "基层消防",
    description: "基层消防安全治理：巡查场所、上报隐患、闭环整改",
    lang: "zh-CN",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    theme_color: "#b91c1c",
    background_color: "#ffffff",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  },
  workbox: {
    // The shell and every route's chunk (a page opened offline for the first time still loads); not the API reference's Swagger UI.
    globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
    globIgnores: ["vendor/**"],
    navigateFallback: "/index.html",
    navigateFallbackDenylist: [/^\/v1\//, /^\/health/, /^\/open311\//],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    runtimeCaching: [
      {
        // The API reads a field worker needs for the day, for when the network is gone: the caller, the profile in
        // effect, the nodes a report names, today's tasks (each opened with its checklist), their venues and checklists.
        // Network first (fresh when online), the cache after a short wait. Only GETs: writes go through the outbox.
        // (Written out here: Workbox copies this function, alone, into sw.js.)
        urlPattern: ({ url, sameOrigin, request }) =>
          sameOrigin && request.method === "GET" && /^\/v1\/(me|profile|nodes|inspection-tasks(\/[^/]+)?|venues\/[^/]+(\/checklist)?)$/.test(url.pathname),
        handler: "NetworkFirst",
        options: {
          cacheName: DATA_CACHE,
          networkTimeoutSeconds: 4,
          // The bearer token changes every 15 minutes; the answer is the same data.
          matchOptions: { ignoreVary: true },
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 400, maxAgeSeconds: 3 * 24 * 3600 },
        },
      },
    ],
  },
});

export default defineConfig({
  plugins: [solid(), swaggerUiAssets(), pwa],
  server: { proxy: { "/v1": "http://127.0.0.1:3000", "/health": "http://127.0.0.1:3000", "/open311": "http://127.0.0.1:3000" } },
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 600,
    // Browsers without <link rel=modulepreload> (old Safari, Firefox < 115) still load every module, one step later;
    // the polyfill cost every browser ≈0.25 KB gzip of the 35 KB first load.
    modulePreload: { polyfill: false },
    // the words' chunks named by locale and area (src/i18n/<locale>/<area>.ts): words-en-hazards-<hash>.js
    rolldownOptions: {
      output: {
        chunkFileNames: (chunk) => {
          const words = /\/i18n\/(zh|en)\/(\w+)\.ts$/.exec(chunk.facadeModuleId ?? "");
          return words ? `assets/words-${words[1]}-${words[2]}-[hash].js` : "assets/[name]-[hash].js";
        },
      },
    },
  },
});
