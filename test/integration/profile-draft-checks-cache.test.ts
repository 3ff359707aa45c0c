import { readFileSync } from "node:fs";
import { tenantDb, withActor } from "@firegov/core";
import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { adminOf } from "../support/tenants.ts";

// A container keeps the draft's checked answer (profile and issues) per
// tenant while the stored draft and document are the same: every write, here
// or in another container, is seen at the next read, and one county's draft
// never answers for another's.

const db = testDb();
const app = testApp(db);

type Json = Record<string, any>;
const seed = (id: string) => readFileSync(new URL(`../data/seeds/${id}.txt`, import.meta.url), "utf8");

async function county() {
  const { tenant, client } = await adminOf(app, "songjiang");
  const draft = async () => {
    const res = await client.get("/v1/profile/draft");
    expect(res.status).toBe(200);
    return (await res.json()) as Json;
  };
  const save = async (profile: Json, rev: number) => expect((await client.put("/v1/profile/draft", { profile, rev })).status).toBe(200);
  const attach = async (text: string) => expect((await client.put("/v1/profile/draft/document", { text })).status).toBe(200);
  return { tenantId: tenant.tenantId, draft, save, attach };
}

const codes = (draft: Json) => draft.issues.map((i: Json) => `${i.path} ${i.code}`);

describe("the draft's checks, kept per tenant between reads", () => {
  it("sees each save and each attached document at the next read", async () => {
    const a = await county();
    const first = await a.draft();
    expect(first.rev).toBe(0);
    expect(first.issues).toEqual([]);
    expect(await a.draft()).toEqual(first);

    const broken = structuredClone(first.profile);
    delete broken.hazards;
    await a.save(broken, 0);
    const saved = await a.draft();
    expect(saved.rev).toBe(1);
    expect(saved.profile.hazards).toBeUndefined();
    expect(codes(saved)).toEqual([expect.stringMatching(/^\$\.hazards /)]);

    await a.save(first.profile, 1);
    const fixed = await a.draft();
    expect(fixed.rev).toBe(2);
    expect(fixed.issues).toEqual([]);
    expect(fixed.profile).toEqual(first.profile);

    // A document without the preset's quotes: every quote is now an issue; the county's own document clears them.
    await a.attach("一、总体要求\n（一）压实责任。");
    const quoted = await a.draft();
    expect(quoted.issues.length).toBeGreaterThan(0);
    expect(quoted.issues.every((i: Json) => i.code === "profile.quote_not_in_document")).toBe(true);
    await a.attach(seed("songjiang"));
    expect((await a.draft()).issues).toEqual([]);
  });

  it("sees a draft another container wrote", async () => {
    const a = await county();
    const first = await a.draft();
    await a.save(first.profile, 0);
    expect((await a.draft()).issues).toEqual([]);

    const broken = structuredClone(first.profile);
    broken.levels = [];
    await withActor({ type: "system", tenantId: a.tenantId, job: "test-other-container" }, () =>
      tenantDb().service.entities.profileDraft.patch({ tenantId: a.tenantId }).set({ profile: JSON.stringify(broken), rev: 2 }).go(),
    );
    const read = await a.draft();
    expect(read.rev).toBe(2);
    expect(read.profile.levels).toEqual([]);
    expect(read.issues.length).toBeGreaterThan(0);
  });

  it("never answers one county's draft for another's", async () => {
    const a = await county();
    const b = await county();
    const start = await a.draft();
    const broken = structuredClone(start.profile);
    delete broken.hazards;
    broken.name = { zh: "甲县草稿", en: "County A's draft" };
    await a.save(broken, 0);
    expect((await a.draft()).issues.length).toBeGreaterThan(0);

    const other = await b.draft();
    expect(other.rev).toBe(0);
    expect(other.issues).toEqual([]);
    expect(other.profile.name).not.toEqual(broken.name);
    expect(other.profile.hazards).toBeDefined();
    // And back: A still reads its own.
    const again = await a.draft();
    expect(again.profile.name).toEqual(broken.name);
    expect(again.issues.length).toBeGreaterThan(0);
  });
});
