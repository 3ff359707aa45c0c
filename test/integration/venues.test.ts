import { beforeAll, describe, expect, it } from "vitest";
import { readSheet } from "read-excel-file/node";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { expectStatus, upload } from "../support/org.ts";
import { xlsx } from "../support/xlsx.ts";
import { body, county, type Json } from "./venues-fixtures.ts";

const app = testApp(testDb());
type County = Awaited<ReturnType<typeof county>>;

const HEADER = ["外部编号", "场所名称", "地址", "所在网格", "经度", "纬度", "场所类型", "负责人", "联系电话", "场所特征"];
function ledger(n: number, bad: Record<number, (row: (string | number)[]) => void> = {}, kind = "沿街商铺") {
  const rows: (string | number)[][] = [HEADER];
  for (let i = 0; i < n; i++) {
    const row: (string | number)[] = [`EXT-${i}`, `场所${i}`, `人民路${i}号`, `甲镇/甲村/${i % 2 ? "二网格" : "一网格"}`, 121.2 + i / 1000, 31.0, i % 3 === 0 ? "住宅小区" : kind, `负责人${i}`, `139${String(i).padStart(8, "0")}`, i % 5 === 0 ? "三合一" : ""];
    bad[rows.length + 1]?.(row);
    rows.push(row);
  }
  return rows;
}

async function allVenues(c: County) {
  const items: Json[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Json[]; cursor: string | null } = await expectStatus(c.admin.client.get(`/v1/venues?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`), 200);
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

describe("the venue registry", () => {
  let c: County;
  beforeAll(async () => {
    c = await county(app);
  });

  it("registers a venue classified by the profile, and reclassifies it when its kind changes, with the change logged", async () => {
    const v = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "人民路便利店", nodeId: c.grid1.nodeId, kinds: ["street_shop"], features: ["nine_small"], contactName: "张三", contactPhone: "13912345678", lat: 31.02, lng: 121.22 }), 201);
    expect(v).toMatchObject({ supervisor: "town_office", categories: ["street"], path: c.grid1.path, version: 1, features: ["nine_small"] });

    const changed = await expectStatus<Json>(c.admin.client.patch(`/v1/venues/${v.venueId}`, { kinds: ["self_built_rental"], version: 1 }), 200);
    expect(changed).toMatchObject({ supervisor: "village_committee", categories: ["residential"], version: 2 });

    const renamed = await expectStatus<Json>(c.admin.client.patch(`/v1/venues/${v.venueId}`, { name: "人民路出租房" }), 200);
    expect(renamed.version).toBe(3);

    const history = await expectStatus<{ items: Json[] }>(c.admin.client.get(`/v1/venues/${v.venueId}/history`), 200);
    expect(history.items.map((e) => e.action)).toEqual(["create", "reclassify", "update"]);
    expect(history.items[1]).toMatchObject({ changed: ["kinds"], before: { supervisor: "town_office", categories: ["street"] }, after: { supervisor: "village_committee", categories: ["residential"] } });
    expect(history.items[1]!.basis.classification.sourceRef).toMatch(/六\(一\)1/);
  });

  it("answers 400 naming the field for what the profile does not know, never 500, and writes nothing", async () => {
    const before = (await allVenues(c)).length;
    const bad = await body(c.admin.client.post("/v1/venues", { name: "x", nodeId: c.grid1.nodeId, kinds: ["spaceport"], keyUnitLevel: "level_1" }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.path).sort()).toEqual(["body.keyUnitLevel", "body.kinds"]);
    const missing = await body(c.admin.client.post("/v1/venues", { nodeId: c.grid1.nodeId, kinds: [] }));
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: Json) => e.path)).toEqual(expect.arrayContaining(["body.name", "body.kinds"]));
    expect((await body(c.admin.client.patch("/v1/venues/none", { name: "y" }))).status).toBe(404);
    expect((await allVenues(c)).length).toBe(before);
  });

  it("keeps one venue per external id", async () => {
    await expectStatus(c.admin.client.post("/v1/venues", { name: "甲", nodeId: c.grid1.nodeId, kinds: ["street_shop"], externalId: "DUP-1" }), 201);
    const second = await body(c.admin.client.post("/v1/venues", { name: "乙", nodeId: c.grid1.nodeId, kinds: ["street_shop"], externalId: "DUP-1" }));
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("venue.external_id_taken");
  });

  it("lets a grid worker read but not register venues, and a village manager only below their village", async () => {
    expect((await body(c.worker1.client.post("/v1/venues", { name: "x", nodeId: c.grid1.nodeId, kinds: ["street_shop"] }))).status).toBe(403);
    expect((await body(c.worker1.client.get(`/v1/venues?nodeId=${c.grid1.nodeId}`))).status).toBe(200);
    expect((await body(c.worker1.client.get(`/v1/venues?nodeId=${c.grid2.nodeId}`))).status).toBe(403);
  });

  it("retires a venue, dropping it from lists of active venues", async () => {
    const v = await expectStatus<Json>(c.admin.client.post("/v1/venues", { name: "待注销", nodeId: c.grid2.nodeId, kinds: ["street_shop"] }), 201);
    const retired = await expectStatus<Json>(c.admin.client.post(`/v1/venues/${v.venueId}/retire`, { reason: "已拆除" }), 200);
    expect(retired.status).toBe("retired");
    expect((await body(c.admin.client.patch(`/v1/venues/${v.venueId}`, { name: "z" }))).status).toBe(404);
  });
});

describe("the venue ledger import", () => {
  let c: County;
  beforeAll(async () => {
    c = await county(app);
  });

  it("imports an xlsx ledger, and importing the same file again changes nothing", async () => {
    const file = xlsx(ledger(120));
    const first = await expectStatus<Json>(upload(app, c.admin.token, "/v1/import/venues", file, "xlsx"), 200);
    expect(first).toMatchObject({ created: 120, updated: 0, unchanged: 0, skipped: 0, errors: [] });
    const venues = await allVenues(c);
    expect(venues).toHaveLength(120);
    expect(venues.find((v) => v.externalId === "EXT-0")).toMatchObject({ kinds: ["residential_compound"], supervisor: "village_committee", features: ["three_in_one"] });

    const again = await expectStatus<Json>(upload(app, c.admin.token, "/v1/import/venues", file, "xlsx"), 200);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 120 });
    const after = await allVenues(c);
    expect(after).toEqual(venues);
  });

  it("updates and reclassifies only the rows that changed", async () => {
    const rows = ledger(120);
    rows[2]![6] = "地下空间"; // EXT-1: a street shop becomes an underground space
    const report = await expectStatus<Json>(upload(app, c.admin.token, "/v1/import/venues", xlsx(rows), "xlsx"), 200);
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 119 });
    const v = (await allVenues(c)).find((x) => x.externalId === "EXT-1")!;
    expect(v).toMatchObject({ categories: ["major_unit"], version: 2 });
  });

  it("rejects a file with bad rows, naming each row and column, and writes nothing", async () => {
    const before = await allVenues(c);
    const rows = ledger(30, {
      4: (r) => (r[6] = "太空站"),
      9: (r) => (r[3] = "甲镇/没有这个村/一网格"),
      12: (r) => (r[8] = "12345"),
      15: (r) => (r[1] = ""),
    });
    rows.push(["EXT-5", "重复", "x", "甲镇/甲村/一网格", "", "", "沿街商铺", "", "", ""]);
    const res = await body(upload(app, c.admin.token, "/v1/import/venues", xlsx(rows), "xlsx"));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("import.rejected");
    expect(res.body.errors.map((e: Json) => e.path)).toEqual(["rows[4].场所类型", "rows[9].所在网格", "rows[12].联系电话", "rows[15].场所名称", "rows[32].外部编号"]);
    expect(await allVenues(c)).toEqual(before);
  });

  it("skips bad rows when asked, reporting row, column and reason in both languages", async () => {
    const rows = ledger(10, { 3: (r) => (r[6] = "太空站") }).map((r, i) => (i === 0 ? r : [`NEW-${r[0]}`, ...r.slice(1)]));
    const report = await expectStatus<Json>(upload(app, c.admin.token, "/v1/import/venues?mode=skip_bad_rows", xlsx(rows), "xlsx"), 200);
    expect(report).toMatchObject({ created: 9, skipped: 1 });
    expect(report.errors).toEqual([{ row: 3, column: "场所类型", code: "import.kind_unknown", message: { zh: expect.stringContaining("太空站"), en: expect.stringContaining("not a venue kind") } }]);
  });

  it("keeps progress a client can poll", async () => {
    const importId = crypto.randomUUID();
    const rows = ledger(5).map((r, i) => (i === 0 ? r : [`P-${r[0]}`, ...r.slice(1)]));
    await expectStatus(upload(app, c.admin.token, `/v1/import/venues?importId=${importId}`, xlsx(rows), "xlsx"), 200);
    const progress = await expectStatus<Json>(c.admin.client.get(`/v1/venue-imports/${importId}`), 200);
    expect(progress).toMatchObject({ status: "done", total: 5, processed: 5, report: { created: 5 } });
  });

  it("exports the ledger with Chinese headers, as CSV and xlsx, and the export imports back unchanged", async () => {
    const csv = await app.request("/v1/export/venues?format=csv", { headers: { authorization: `Bearer ${c.admin.token}` } });
    expect(csv.status).toBe(200);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.startsWith("\uFEFF外部编号,场所名称,地址,所在网格")).toBe(true);
    expect(text).toContain("监管主体");

    const res = await app.request("/v1/export/venues?format=xlsx&category=residential", { headers: { authorization: `Bearer ${c.admin.token}` } });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const sheet = (await readSheet(Buffer.from(bytes))) as unknown[][];
    expect(sheet[0]!.slice(0, 4)).toEqual(["外部编号", "场所名称", "地址", "所在网格"]);
    expect(sheet.slice(1).every((r) => String(r[15]).includes("第一类"))).toBe(true);

    const back = await expectStatus<Json>(upload(app, c.admin.token, "/v1/import/venues", new TextEncoder().encode(text.replace(/^\uFEFF/, "")), "csv"), 200);
    expect(back.created).toBe(0);
    expect(back.updated).toBe(0);
  });
});

describe("the venue list's filters", () => {
  let c: County;
  let all: Json[];
  beforeAll(async () => {
    c = await county(app);
    // 60 venues: every third a residential compound (the rest street shops), every fifth 三合一.
    await expectStatus<Json>(upload(app, c.admin.token, "/v1/import/venues", xlsx(ledger(60)), "xlsx"), 200);
    all = await allVenues(c);
    await expectStatus(c.admin.client.post(`/v1/venues/${all.find((v) => v.name === "场所3")!.venueId}/retire`, {}), 200);
    all = await allVenues(c);
  });

  /** Every page of a filtered list, with the size of each page. */
  async function pages(query: string, limit: number) {
    const items: Json[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Json[]; cursor: string | null } = await expectStatus(c.admin.client.get(`/v1/venues?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`), 200);
      items.push(...page.items);
      sizes.push(page.items.length);
      cursor = page.cursor;
    } while (cursor);
    return { items, sizes };
  }

  it("filters by kind, category, supervisor, status and text on the server, every page full while more match", async () => {
    expect(all).toHaveLength(60);
    const residential = all.find((v) => v.name === "场所0")!;
    const kind = residential.kinds[0] as string;
    const cases: [string, (v: Json) => boolean][] = [
      [`kind=${kind}`, (v) => v.kinds.includes(kind)],
      [`category=${residential.categories[0]}`, (v) => v.categories.includes(residential.categories[0])],
      [`supervisor=${residential.supervisor}`, (v) => v.supervisor === residential.supervisor],
      ["status=retired", (v) => v.status === "retired"],
      [`q=${encodeURIComponent("场所1")}`, (v) => v.name.startsWith("场所1")],
      [`q=ext-4`, (v) => v.externalId.startsWith("EXT-4")],
      [`kind=${kind}&status=active&q=${encodeURIComponent("人民路")}`, (v) => v.kinds.includes(kind) && v.status === "active"],
    ];
    for (const [query, matches] of cases) {
      const expected = all.filter(matches).map((v) => v.venueId);
      expect(expected.length, query).toBeGreaterThan(0);
      const { items, sizes } = await pages(query, 4);
      expect(items.map((v) => v.venueId), query).toEqual(expected);
      // Only the last page may be short.
      expect(sizes.slice(0, -1).every((n) => n === 4), `${query}: ${sizes.join(",")}`).toBe(true);
    }
  });

  it("answers 400 for a filter that is not a word", async () => {
    expect((await body(c.admin.client.get(`/v1/venues?kind=${"x".repeat(65)}`))).status).toBe(400);
  });
});
