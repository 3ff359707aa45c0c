import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { defineConfig, type Plugin } from "vite";
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

export default defineConfig({
  plugins: [solid(), swaggerUiAssets()],
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
