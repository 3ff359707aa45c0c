import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { serve, type ServerType } from "@hono/node-server";
import { Hono } from "hono";
import { getMimeType } from "hono/utils/mime";
import type { App } from "@firegov/functions/api/app";

/**
 * The local origin: the API (the very app Lambda runs) and the built web
 * client side by side, as CloudFront puts them in AWS. Unknown non-API paths
 * fall back to index.html so client-side routes survive a reload.
 */
export function createLocalOrigin(api: App, webDist: string) {
  const root = new Hono();
  const files = staticFiles(webDist);
  const isApiPath = (path: string) => path === "/health" || path.startsWith("/v1/") || path.startsWith("/open311/");
  root.all("*", async (c, next) => (isApiPath(c.req.path) ? api.fetch(c.req.raw, c.env) : next()));
  root.get("*", async (c) => {
    const accept = { encoding: c.req.header("accept-encoding"), etag: c.req.header("if-none-match") };
    const path = safeDecode(new URL(c.req.url).pathname);
    const asset = path === undefined ? undefined : await files.get(path);
    if (asset) return respond(asset, HASHED_ASSET.test(path!) ? IMMUTABLE : "no-cache", accept);
    if (path?.startsWith("/assets/")) return c.text("not found", 404); // a stale chunk's name: never the page in its place
    const index = await files.get("/index.html");
    return index ? respond(index, "no-cache", accept) : c.text("web client not built: run `npm run build:web` / 前端尚未构建", 503);
  });
  return root;
}

export function listen(app: Hono, port: number, hostname: string): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => resolve({ server, port: info.port }));
  });
}

/** Vite's content-hashed names (`/assets/index-CuHurDYw.js`): what such a name holds never changes. */
const HASHED_ASSET = /^\/assets\/[^/]+-[\w-]{8,}\.\w+$/;
export const IMMUTABLE = "public, max-age=31536000, immutable";
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json|wasm)|image\/svg\+xml)/;

export type Encoding = "br" | "gzip" | "identity";

/** The encoding to send for an Accept-Encoding header: brotli, else gzip, by the client's q-values (brotli on a tie), else none. */
export function negotiateEncoding(header: string | undefined): Encoding {
  const weights = new Map<string, number>();
  for (const part of (header ?? "").toLowerCase().split(",")) {
    const [name, ...params] = part.split(";").map((s) => s.trim());
    if (!name) continue;
    const q = params.find((p) => p.startsWith("q="));
    weights.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const weight = (coding: string) => weights.get(coding) ?? weights.get("*") ?? 0;
  const [best] = (["br", "gzip"] as const).filter((coding) => weight(coding) > 0).sort((a, b) => weight(b) - weight(a));
  return best ?? "identity";
}

interface StaticFile {
  mtimeMs: number;
  size: number;
  type: string;
  tag: string;
  bodies: Partial<Record<Encoding, Uint8Array<ArrayBuffer>>> & { identity: Uint8Array<ArrayBuffer> };
}

/**
 * The files of the built client, each read and compressed (brotli, gzip) once
 * and kept while its size and modification time stay the same; all of them
 * are compressed in the background at start, so the first visit finds them
 * ready.
 */
function staticFiles(webDist: string) {
  const root = resolve(webDist);
  const cache = new Map<string, Promise<StaticFile>>();

  async function load(file: string): Promise<StaticFile | undefined> {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const cached = await cache.get(file)?.catch(() => undefined);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const loading = encode(file, info.mtimeMs);
    cache.set(file, loading);
    loading.catch(() => cache.delete(file));
    return loading;
  }

  void readdir(root, { recursive: true, withFileTypes: true })
    .then((entries) => Promise.all(entries.filter((e) => e.isFile()).map((e) => load(join(e.parentPath, e.name)))))
    .catch(() => undefined); // not built yet: each file is encoded on its first request instead

  return {
    /** The file at this URL path, or undefined when there is none (or the path leaves the folder). */
    get(path: string): Promise<StaticFile | undefined> {
      const file = resolve(root, `.${path}`);
      return file.startsWith(root + sep) ? load(file) : Promise.resolve(undefined);
    },
  };
}

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

async function encode(file: string, mtimeMs: number): Promise<StaticFile> {
  const identity = await readFile(file);
  const type = getMimeType(file) ?? "application/octet-stream";
  const tag = createHash("sha256").update(identity).digest("base64url").slice(0, 22);
  const bodies: StaticFile["bodies"] = { identity };
  if (COMPRESSIBLE.test(type) && identity.length >= 1000) { // CloudFront's threshold too
    // the best brotli for a chunk is tens of milliseconds; for the 1.7 MB Swagger UI bundle it would be seconds
    const quality = identity.length <= 256 * 1024 ? constants.BROTLI_MAX_QUALITY : 9;
    [bodies.br, bodies.gzip] = await Promise.all([
      brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
      gzipped(identity, { level: 9 }),
    ]);
  }
  return { mtimeMs, size: identity.length, type, tag, bodies };
}

function respond(file: StaticFile, cacheControl: string, accept: { encoding?: string; etag?: string }): Response {
  const encoding = file.bodies.br ? negotiateEncoding(accept.encoding) : "identity";
  const etag = `"${file.tag}${encoding === "identity" ? "" : `-${encoding}`}"`;
  const headers = new Headers({ "content-type": file.type, "cache-control": cacheControl, etag });
  if (file.bodies.br) headers.set("vary", "Accept-Encoding");
  if (accept.etag?.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  const body = file.bodies[encoding]!;
  if (encoding !== "identity") headers.set("content-encoding", encoding);
  headers.set("content-length", String(body.length));
  return new Response(body, { headers });
}

function safeDecode(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
