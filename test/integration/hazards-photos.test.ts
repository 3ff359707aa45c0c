import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { report, world, type Json } from "./hazards-fixtures.ts";

const app = testApp(testDb());

describe("hazard photos", () => {
  it("accept only keys of the county's own hazard uploads, and link a photo only to those who may see the hazard", async () => {
    const w = await world(app, "zezhou");
    const grid = w.users["officer@grid"]!;
    const foreign = await grid.api.create(report(w, w.at.grid!, { photos: ["t/another-county/hazards/u/p.jpg"] }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe("body.photos[0]");

    // The upload endpoint hands out a key under the tenant's hazards prefix (S3 itself is not needed to sign).
    process.env.S3_ENDPOINT ??= "http://127.0.0.1:9";
    process.env.FILES_BUCKET ??= "firegov-files-test";
    const upload = await grid.api.call("POST", "/v1/hazards/photos", { contentType: "image/jpeg", size: 1234 });
    expect(upload.status).toBe(201);
    expect(upload.body.key.startsWith(`t/${w.tenantId}/hazards/`)).toBe(true);
    expect(upload.body.headers).toEqual({ "content-type": "image/jpeg", "content-length": "1234" });

    const created = (await grid.api.create(report(w, w.at.grid!, { photos: [upload.body.key] }))).body as Json;
    const link = await w.users.viewer!.api.get(`/v1/hazards/${created.hazardId}/photo?key=${encodeURIComponent(upload.body.key)}`);
    expect(link.status).toBe(200);
    expect(link.body.url).toContain(encodeURIComponent(upload.body.key).replace(/%2F/g, "/"));
    const other = await w.users.viewer!.api.get(`/v1/hazards/${created.hazardId}/photo?key=${encodeURIComponent(`t/${w.tenantId}/hazards/x/other.jpg`)}`);
    expect(other.status).toBe(404);
  });
});

describe("hazard photo thumbnails", () => {
  it("give one request two slots (original and thumbnail, each with its own limit) and answer the thumbnail's link on a hazard read, the original for older photos", async () => {
    const w = await world(app, "zezhou");
    const grid = w.users["officer@grid"]!;
    process.env.S3_ENDPOINT ??= "http://127.0.0.1:9";
    process.env.FILES_BUCKET ??= "firegov-files-test";

    const slot = await grid.api.call("POST", "/v1/hazards/photos", { contentType: "image/jpeg", size: 300_000, thumb: { contentType: "image/jpeg", size: 20_000 } });
    expect(slot.status).toBe(201);
    expect(slot.body.key).toMatch(/\.o\.jpg$/);
    expect(slot.body.thumb.key).toBe(slot.body.key.replace(/\.o\.jpg$/, ".t.jpg"));
    expect(slot.body.thumb.headers).toEqual({ "content-type": "image/jpeg", "content-length": "20000" });
    expect(slot.body.thumb.uploadUrl).toContain(slot.body.thumb.key.split("/").pop());

    // A thumbnail over its limit, or a thumbnail of a PNG, is refused naming the field.
    const big = await grid.api.call("POST", "/v1/hazards/photos", { contentType: "image/jpeg", size: 300_000, thumb: { contentType: "image/jpeg", size: 300_000 } });
    expect(big.status).toBe(400);
    expect(big.body.errors[0].path).toBe("body.thumb.size");
    const png = await grid.api.call("POST", "/v1/hazards/photos", { contentType: "image/png", size: 300_000, thumb: { contentType: "image/jpeg", size: 2_000 } });
    expect(png.status).toBe(400);
    expect(png.body.errors[0].path).toBe("body.contentType");

    const old = await grid.api.call("POST", "/v1/hazards/photos", { contentType: "image/png", size: 1234 });
    expect(old.body.key).toMatch(/[0-9a-f-]{36}\.png$/);
    expect(old.body.thumb).toBeUndefined();

    const created = (await grid.api.create(report(w, w.at.grid!, { photos: [slot.body.key, old.body.key] }))).body as Json;
    const photo = (key: string, variant?: string) =>
      w.users.viewer!.api.get(`/v1/hazards/${created.hazardId}/photo?key=${encodeURIComponent(key)}${variant ? `&variant=${variant}` : ""}`);
    const thumb = await photo(slot.body.key, "thumb");
    expect(thumb.status).toBe(200);
    expect(thumb.body).toMatchObject({ key: slot.body.thumb.key, variant: "thumb" });
    expect(thumb.body.url).toContain(slot.body.thumb.key.split("/").pop());
    const original = await photo(slot.body.key);
    expect(original.body).toMatchObject({ key: slot.body.key, variant: "original" });
    const fallback = await photo(old.body.key, "thumb");
    expect(fallback.body).toMatchObject({ key: old.body.key, variant: "original" });
    expect((await photo(slot.body.key, "huge")).status).toBe(400);
  });
});
