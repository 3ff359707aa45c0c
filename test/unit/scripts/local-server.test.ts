import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import type { App } from "@firegov/functions/api/app";
import { createLocalOrigin, IMMUTABLE, negotiateEncoding } from "../../../scripts/lib/local-server.ts";

const folder = mkdtempSync(join(tmpdir(), "firegov-origin-"));
const dist = join(folder, "dist");
mkdirSync(join(dist, "assets"), { recursive: true });
mkdirSync(join(dist, "vendor"));
const script = `export const words = ${JSON.stringify(Array.from({ length: 200 }, (_, i) => `隐患 ${i}`))};\n`;
const html = `<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/index-CuHurDYw.js"></script></head><body><div id="root"></div>${" ".repeat(1200)}</body></html>`;
writeFileSync(join(dist, "assets/index-CuHurDYw.js"), script);
writeFileSync(join(dist, "assets/tiny-B0h1W71u.js"), "export {};\n");
writeFileSync(join(dist, "vendor/bundle.js"), script);
writeFileSync(join(dist, "index.html"), html);
writeFileSync(join(folder, "secret.txt"), "not for the web");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const api = new Hono().get("/health", (c) => c.json({ ok: true }));
const origin = createLocalOrigin(api as unknown as App, dist);
const get = (path: string, headers: Record<string, string> = {}) => origin.request(path, { headers });

describe("the local origin's static files", () => {
  it("sends a hashed asset brotli-encoded, immutable, varying by Accept-Encoding", async () => {
    const res = await get("/assets/index-CuHurDYw.js", { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("cache-control")).toBe(IMMUTABLE);
    expect(res.headers.get("vary")).toBe("Accept-Encoding");
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get("content-length"))).toBe(body.length);
    expect(body.length).toBeLessThan(Buffer.byteLength(script) / 2);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it("sends gzip to a client without brotli, and the bytes as they are to one that asks for neither", async () => {
    const gz = await get("/assets/index-CuHurDYw.js", { "accept-encoding": "gzip" });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);
    const plain = await get("/assets/index-CuHurDYw.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toBe("Accept-Encoding");
    expect(await plain.text()).toBe(script);
  });

  it("leaves a small file uncompressed, still immutable when hashed", async () => {
    const res = await get("/assets/tiny-B0h1W71u.js", { "accept-encoding": "br" });
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("cache-control")).toBe(IMMUTABLE);
  });

  it("sends index.html and unhashed files with no-cache, and index.html for a client route", async () => {
    for (const path of ["/", "/index.html", "/hazards/4f1c2a9e"]) {
      const res = await get(path, { "accept-encoding": "br" });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toBe("no-cache");
      expect(res.headers.get("content-type"), path).toMatch(/^text\/html/);
      expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString(), path).toBe(html);
    }
    expect((await get("/vendor/bundle.js")).headers.get("cache-control")).toBe("no-cache");
  });

  it("answers a revalidation with 304 while the file is unchanged", async () => {
    const first = await get("/index.html", { "accept-encoding": "gzip" });
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^".+-gzip"$/);
    const again = await get("/index.html", { "accept-encoding": "gzip", "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers a missing asset with 404, not the page, and never reads outside the folder", async () => {
    expect((await get("/assets/index-Gone1234.js")).status).toBe(404);
    const outside = await get("/..%2fsecret.txt");
    expect(await outside.text()).not.toContain("not for the web");
  });

  it("hands /health and /v1/* to the API", async () => {
    expect(await (await get("/health")).json()).toEqual({ ok: true });
  });
});

describe("Accept-Encoding", () => {
  it("prefers brotli, honours q-values and *, and falls back to none", () => {
    expect(negotiateEncoding("gzip, deflate, br")).toBe("br");
    expect(negotiateEncoding("gzip;q=1, br;q=0.5")).toBe("gzip");
    expect(negotiateEncoding("br;q=0, *")).toBe("gzip");
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding("deflate")).toBe("identity");
    expect(negotiateEncoding("")).toBe("identity");
    expect(negotiateEncoding(undefined)).toBe("identity");
  });
});
