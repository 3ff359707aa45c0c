import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initialJs } from "../../../scripts/web-size.ts";
import { AREAS } from "../../../web/src/i18n/words.ts";

// The built client's weight, deterministic for a given source: built here,
// with a manifest, into a temporary folder (web/dist is left alone).
const web = resolve(import.meta.dirname, "../../../web");
const out = mkdtempSync(join(tmpdir(), "firegov-web-"));
type Manifest = Record<string, { file: string; imports?: string[]; dynamicImports?: string[]; isEntry?: boolean }>;
let manifest: Manifest;

beforeAll(async () => {
  // Vitest runs with NODE_ENV=test, which makes Vite build a development bundle (Solid's dev build, ≈0.9 KB gzip more):
  // measure what ships, the production build, as `npm run size:web` does.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ root: web, mode: "production", configFile: join(web, "vite.config.ts"), logLevel: "silent", build: { outDir: out, emptyOutDir: true, manifest: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  manifest = JSON.parse(readFileSync(join(out, ".vite/manifest.json"), "utf8")) as Manifest;
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The manifest entries a module loads with itself: it and its static imports, transitively. */
function staticClosure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) staticClosure(next, seen);
  return seen;
}

describe("the web client's weight", () => {
  it("loads at most 35 KB of JavaScript, gzip, before a route's own chunk", () => {
    const { gzip, chunks } = initialJs(out);
    const html = staticClosure("index.html");
    // the script's reading of index.html agrees with the bundler's graph
    expect(chunks.map((c) => c.file).sort()).toEqual([...html].map((k) => manifest[k]!.file).sort());
    expect(gzip).toBeLessThanOrEqual(35 * 1024);
  });

  it("loads only zh-CN's core words at start; the other words come with their routes or language", () => {
    const start = staticClosure("index.html");
    const words = Object.keys(manifest).filter((k) => /src\/i18n\/(zh|en)\/\w+\.ts$/.test(k));
    expect(words.sort()).toEqual([...AREAS.map((a) => `src/i18n/en/${a}.ts`), ...AREAS.filter((a) => a !== "core").map((a) => `src/i18n/zh/${a}.ts`)].sort());
    expect(words.filter((k) => start.has(k))).toEqual([]);
  });

  it("the venue pages do not load the Excel libraries until a file is written", () => {
    const excel = Object.keys(manifest).filter((k) => /(write|read)-excel-file/.test(k));
    expect(excel.length).toBeGreaterThan(0); // the writer is there, as a chunk of its own
    for (const page of ["src/pages/venues/index.tsx", "src/pages/venues/venue.tsx", "src/pages/venues/import.tsx"]) {
      expect([...staticClosure(page)].filter((k) => excel.includes(k)), page).toEqual([]);
    }
  });
});
