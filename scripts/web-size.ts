// `npm run size:web`: the JavaScript a first visit loads before any route's
// chunk, gzip-compressed: the entry script of web/dist/index.html, its
// modulepreload links, and every chunk those import statically.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface ChunkSize {
  file: string;
  raw: number;
  gzip: number;
}

/** The chunks a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`, `export … from`), never `import("./x.js")`. */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) found.add(m[1]!);
  return [...found];
}

/** The initial JS of a built client: each chunk once, with its raw and gzip (level 9) size in bytes. */
export function initialJs(dist: string): { chunks: ChunkSize[]; raw: number; gzip: number } {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const pending = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Map<string, ChunkSize>();
  while (pending.length) {
    const file = pending.shift()!;
    if (seen.has(file)) continue;
    const bytes = readFileSync(join(dist, file));
    seen.set(file, { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
    const dir = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
    for (const spec of staticImports(bytes.toString("utf8"))) pending.push(new URL(spec, `http://x/${dir}`).pathname.slice(1));
  }
  const chunks = [...seen.values()];
  return { chunks, raw: chunks.reduce((s, c) => s + c.raw, 0), gzip: chunks.reduce((s, c) => s + c.gzip, 0) };
}

export const webDist = join(import.meta.dirname, "..", "web", "dist");

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!existsSync(join(webDist, "index.html"))) {
    console.error("web/dist/index.html missing: run `npm run build:web` first");
    process.exit(1);
  }
  const { chunks, raw, gzip } = initialJs(webDist);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  for (const c of chunks.sort((a, b) => b.gzip - a.gzip)) console.log(`${c.file.padEnd(36)} ${kb(c.raw).padStart(9)} raw ${kb(c.gzip).padStart(9)} gzip`);
  console.log(`initial JS: ${chunks.length} chunks, ${kb(raw)} raw, ${kb(gzip)} gzip`);
}
