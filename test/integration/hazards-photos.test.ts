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
