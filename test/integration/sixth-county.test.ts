import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";

// A sixth county built only through the HTTP API, from data: a real district
// document (test/data/counties/yuzhong/document.txt, 区 → 街道 → 社区 →
// 居民小组/居民小区) encoded as a profile (profile.json). A county signs up,
// imports the profile as its draft, publishes it, builds its tree with the
// profile's own level names, records its organisation, and reads findings
// that cite the document's own clauses. No code path names the county.

const app = testApp(testDb());
const dir = new URL("../data/counties/yuzhong/", import.meta.url);
const profileText = readFileSync(new URL("profile.json", dir), "utf8");
const profile = JSON.parse(profileText) as Record<string, any>;
const document = readFileSync(new URL("document.txt", dir), "utf8");

type Json = Record<string, any>;
const jsonHeaders = { "content-type": "application/json" };
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

/** The same JSON with every object's keys sorted: two documents equal as data print the same bytes. */
function canonical(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sort) : v !== null && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Json)[k])])) : v;
  return JSON.stringify(sort(value));
}

async function send(method: string, path: string, token: string | undefined, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { ...jsonHeaders, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, body: (text ? JSON.parse(text) : undefined) as Json };
}

/** Answers the body, failing with the server's words when the status is not the one expected. */
async function expectOk(call: Promise<{ status: number; text: string; body: Json }>, status: number): Promise<Json> {
  const res = await call;
  expect(res.status, res.text.slice(0, 800)).toBe(status);
  return res.body;
}

let slugSeq = 0;
/** A new county signed up through the API, its admin signed in: a client bound to the admin. */
async function signUpCounty(presetId: string) {
  const slug = `six${Date.now().toString(36)}${slugSeq++}`;
  const password = "Fire-safe-2026";
  const tenant = await expectOk(
    send("POST", "/v1/signup", undefined, { slug, name: `测试区${slugSeq}`, presetId, admin: { username: "admin", displayName: "管理员", phone: "13800000000", password } }),
    201,
  );
  const login = await expectOk(send("POST", "/v1/auth/login", undefined, { tenant: tenant.tenantId, username: "admin", password }), 200);
  const token = login.accessToken as string;
  return {
    tenant,
    get: (path: string) => send("GET", path, token),
    post: (path: string, body: unknown = {}) => send("POST", path, token, body),
  };
}
type County = Awaited<ReturnType<typeof signUpCounty>>;

/** The starting profile: a blank one when the API offers it, else a preset the import then replaces whole. */
async function startingPreset(): Promise<string> {
  const presets = (await expectOk(send("GET", "/v1/presets", undefined), 200)).items as { id: string }[];
  return (presets.find((p) => p.id === "blank") ?? presets.find((p) => p.id === "songjiang") ?? presets[0]!).id;
}

type Finding = { ruleId: string; status: string; sourceRef: string | null; text: string; evidence: { zh: string; en: string } };

async function findingsAt(county: County, nodeId: string): Promise<Finding[]> {
  const result = await expectOk(county.get(`/v1/compliance/nodes/${nodeId}`), 200);
  expect(result.profileVersion).toBe(2);
  return result.findings as Finding[];
}

function ruleOf(findings: Finding[], ruleId: string): Finding {
  const hits = findings.filter((f) => f.ruleId === ruleId);
  expect(hits, `findings for ${ruleId}: ${findings.map((f) => f.ruleId).join(", ")}`).toHaveLength(1);
  return hits[0]!;
}

describe("a sixth county (an urban district) built only through the API", () => {
  let county: County;
  const nodes: Record<"district" | "subdistrict" | "community" | "compound", Json> = {} as never;

  beforeAll(async () => {
    county = await signUpCounty(await startingPreset());
  });

  it("imports the district's profile as the draft with no issues, and publishes it as version 2", async () => {
    const draft = await expectOk(county.post("/v1/profile/import", profile), 200);
    expect(draft.issues).toEqual([]);
    expect(draft.pending).toBe(true);
    const published = await expectOk(county.post("/v1/profile/publish", { note: "导入区级实施意见" }), 201);
    expect(published.version).toBe(2);
    const current = await expectOk(county.get("/v1/profile"), 200);
    expect(current.version).toBe(2);
    expect(current.profile.document.title).toBe("重庆市渝中区进一步加强基层消防治理的实施意见");
  });

  it("builds its tree with the document's own levels: 区 → 街道 → 社区 → 居民小区", async () => {
    const roots = (await expectOk(county.get("/v1/nodes"), 200)).items as Json[];
    nodes.district = roots.find((n) => n.nodeId === county.tenant.rootNodeId)!;
    expect(nodes.district.level).toBe(profile.levels[0].id);
    nodes.subdistrict = await expectOk(county.post("/v1/nodes", { parentId: nodes.district.nodeId, name: "甲街道" }), 201);
    nodes.community = await expectOk(county.post("/v1/nodes", { parentId: nodes.subdistrict.nodeId, name: "甲社区" }), 201);
    // The lowest level has two kinds of unit (居民小组, 居民小区): the node names its own.
    nodes.compound = await expectOk(county.post("/v1/nodes", { parentId: nodes.community.nodeId, name: "一号居民小区", unit: "居民小区" }), 201);
    const levels = profile.levels as { id: string; name: { zh: string }; units: string[] }[];
    expect([nodes.subdistrict, nodes.community, nodes.compound].map((n) => [levels.find((l) => l.id === n.level)!.name.zh, n.unit])).toEqual([
      ["街道", "街道"],
      ["社区", "社区"],
      ["居民小组（居民小区）", "居民小区"],
    ]);
    // Nothing lies below the residents' compound in this document.
    expect((await county.post("/v1/nodes", { parentId: nodes.compound.nodeId, name: "一号楼" })).status).toBe(400);
    expect((await county.post("/v1/nodes", { parentId: nodes.community.nodeId, name: "某网格", unit: "网格" })).status).toBe(400);
  });

  it("judges 一(一) at the subdistrict: the committee, the station's heads, its staff and its on-payroll 消防专管员", async () => {
    const at = nodes.subdistrict.nodeId;
    const person = (body: Json) => expectOk(county.post(`/v1/nodes/${at}/people`, body), 201);
    await person({ name: "主任甲", employment: "on_payroll", bodyId: "subdistrict_office", roles: ["subdistrict_leader"], positions: ["committee_director"] });
    await person({ name: "副主任乙", employment: "on_payroll", bodyId: "subdistrict_office", roles: ["subdistrict_deputy"], positions: ["committee_deputy_director", "station_head"] });
    await person({ name: "所长丙", employment: "on_payroll", bodyId: "subdistrict_office", roles: ["member_unit_head"], positions: ["committee_members"] });
    await person({ name: "专管员一", employment: "on_payroll", bodyId: "fire_work_station", roles: ["fire_specialist"] });
    await person({ name: "专管员二", employment: "on_payroll", bodyId: "fire_work_station", roles: ["fire_specialist"] });
    // On the payroll but not named 消防专管员: counts for the station's staff, not for the specialists.
    await person({ name: "站员三", employment: "on_payroll", bodyId: "fire_work_station", roles: ["station_staff"] });
    await person({ name: "站员四", employment: "contracted", bodyId: "fire_work_station", roles: ["station_staff"] });

    const findings = await findingsAt(county, at);
    expect(ruleOf(findings, "composition.committee_director")).toMatchObject({ status: "met", sourceRef: "yuzhong 一(一)" });
    expect(ruleOf(findings, "composition.committee_deputy_director")).toMatchObject({ status: "met", sourceRef: "yuzhong 一(一)" });
    expect(ruleOf(findings, "composition.station_head")).toMatchObject({ status: "met", sourceRef: "yuzhong 一(一)" });
    // 副站长由街道应急管理办公室负责人担任: nobody holds the seat yet.
    expect(ruleOf(findings, "composition.station_deputy_head")).toMatchObject({ status: "unmet", sourceRef: "yuzhong 一(一)" });
    expect(ruleOf(findings, "staffing.station_on_payroll_specialists")).toMatchObject({
      status: "met",
      sourceRef: "yuzhong 一(一)",
      evidence: { zh: "消防专管员 2 人，要求 ≥2 人" },
    });
    expect(ruleOf(findings, "staffing.station_staff_total")).toMatchObject({ status: "unmet", sourceRef: "yuzhong 一(一)" });
    expect(ruleOf(findings, "staffing.station_staff_total").evidence.zh).toMatch(/ 4 人，要求 ≥5 人$/);
    expect(ruleOf(findings, "standard.station_office")).toMatchObject({ status: "unmet", sourceRef: "yuzhong 一(一)", text: "办公场所应满足至少5人同时办公" });
  });

  it("a fifth member of staff, the deputy head, the office and a duty report meet 一(一)", async () => {
    const at = nodes.subdistrict.nodeId;
    await expectOk(county.post(`/v1/nodes/${at}/people`, { name: "应急办主任丁", employment: "on_payroll", bodyId: "fire_work_station", roles: ["emergency_office_head"], positions: ["station_deputy_head"] }), 201);
    await expectOk(county.post(`/v1/nodes/${at}/standards/station_office/items/office_fits_five`, { metOn: today(), evidence: "街道综合楼三层，6个工位" }), 200);
    await expectOk(county.post(`/v1/nodes/${at}/records`, { kind: "duty_report", date: today(), responsibilityId: "build_subdistrict_fire_bodies" }), 201);

    const findings = await findingsAt(county, at);
    for (const ruleId of ["composition.station_deputy_head", "staffing.station_staff_total", "standard.station_office", "duty.build_subdistrict_fire_bodies"]) {
      expect(ruleOf(findings, ruleId), ruleId).toMatchObject({ status: "met", sourceRef: "yuzhong 一(一)" });
    }
    expect(ruleOf(findings, "staffing.station_staff_total").evidence.zh).toMatch(/ 5 人，要求 ≥5 人$/);
  });

  it("judges 一(二) at the community: its work group's 1–2 staff, its micro station and the station's three teams", async () => {
    const at = nodes.community.nodeId;
    const person = (body: Json) => expectOk(county.post(`/v1/nodes/${at}/people`, { employment: "other", ...body }), 201);
    await person({ name: "书记甲", bodyId: "community_committee", roles: ["community_head"], positions: ["group_leader"] });
    await person({ name: "专职乙", bodyId: "community_fire_group", roles: ["community_fire_staff"] });
    await person({ name: "兼职丙", bodyId: "community_fire_group", roles: ["community_fire_staff"] });
    await expectOk(county.post(`/v1/nodes/${at}/standards/micro_station_three_teams/items/patrol_team`, { metOn: today() }), 200);
    await expectOk(county.post(`/v1/nodes/${at}/standards/micro_station_three_teams/items/publicity_team`, { metOn: today() }), 200);

    let findings = await findingsAt(county, at);
    expect(ruleOf(findings, "composition.group_leader")).toMatchObject({ status: "met", sourceRef: "yuzhong 一(二)" });
    expect(ruleOf(findings, "staffing.community_fire_staff")).toMatchObject({ status: "met", sourceRef: "yuzhong 一(二)" });
    expect(ruleOf(findings, "brigades.community_micro_station")).toMatchObject({ status: "unmet", sourceRef: "yuzhong 一(二)" });
    const teams = ruleOf(findings, "standard.micro_station_three_teams");
    expect(teams).toMatchObject({ status: "unmet", sourceRef: "yuzhong 一(二)" });
    expect(teams.evidence.zh).toContain("缺：灭火救援先遣队");

    // A third staff member is one too many (明确1至2名); the micro station is built.
    await person({ name: "兼职丁", bodyId: "community_fire_group", roles: ["community_fire_staff"] });
    await expectOk(county.post(`/v1/nodes/${at}/brigades`, { name: "甲社区微型消防站", force: "micro_station" }), 201);
    findings = await findingsAt(county, at);
    expect(ruleOf(findings, "staffing.community_fire_staff")).toMatchObject({ status: "unmet", sourceRef: "yuzhong 一(二)" });
    expect(ruleOf(findings, "staffing.community_fire_staff").evidence.zh).toMatch(/ 3 人，要求 1–2 人$/);
    expect(ruleOf(findings, "brigades.community_micro_station")).toMatchObject({ status: "met", sourceRef: "yuzhong 一(二)" });
  });

  it("judges 一(二) at the residents' compound: one 消防管理员, and the posting of their details", async () => {
    const at = nodes.compound.nodeId;
    let findings = await findingsAt(county, at);
    expect(ruleOf(findings, "composition.fire_manager")).toMatchObject({ status: "unmet", sourceRef: "yuzhong 一(二)" });
    await expectOk(county.post(`/v1/nodes/${at}/people`, { name: "管理员甲", employment: "other", bodyId: "residential_unit", roles: ["fire_manager"], positions: ["fire_manager"] }), 201);
    findings = await findingsAt(county, at);
    expect(ruleOf(findings, "composition.fire_manager")).toMatchObject({ status: "met", sourceRef: "yuzhong 一(二)", text: "每个居民小组、居民小区明确1名消防管理员,相关人员信息在醒目位置挂牌公示" });
    expect(ruleOf(findings, "standard.manager_posting")).toMatchObject({ status: "unmet", sourceRef: "yuzhong 一(二)" });
  });

  it("every finding anywhere in the tree cites the document's own clauses and quotes them from the document", async () => {
    const all = (await Promise.all(Object.values(nodes).map((n) => findingsAt(county, n.nodeId)))).flat();
    expect(all.length).toBeGreaterThanOrEqual(15);
    for (const f of all) {
      if (f.sourceRef === null) continue;
      expect(f.sourceRef, f.ruleId).toMatch(/^yuzhong 一\([一二]\)$/);
      expect(document, `${f.ruleId} quotes “${f.text}”`).toContain(f.text);
    }
    expect(new Set(all.map((f) => f.sourceRef))).toEqual(new Set(["yuzhong 一(一)", "yuzhong 一(二)"]));
  });

  it("rolls its findings up per subdistrict", async () => {
    await expectOk(county.post("/v1/compliance/refresh", { nodeId: nodes.district.nodeId }), 200);
    const rollup = (await expectOk(county.get(`/v1/compliance/rollup?nodeId=${nodes.district.nodeId}`), 200)).items as Json[];
    expect(rollup.map((r) => r.nodeId)).toEqual([nodes.subdistrict.nodeId]);
    expect(rollup[0]).toMatchObject({ nodesEvaluated: 3, profileVersion: 2 });
    expect(rollup[0]!.counts.met).toBeGreaterThanOrEqual(10);
    expect(rollup[0]!.counts.unmet).toBeGreaterThanOrEqual(3);
  });

  it("exports the published version byte for byte as the file it was imported from (canonical JSON), and back again", async () => {
    const exported = await county.get("/v1/profile/export?version=2");
    expect(exported.status).toBe(200);
    expect(canonical(exported.body)).toBe(canonical(profile));
    const reimported = await expectOk(county.post("/v1/profile/import", exported.body), 200);
    expect(reimported.issues).toEqual([]);
    const again = await county.get("/v1/profile/export?version=draft");
    expect(again.text).toBe(exported.text);
    expect(canonical(again.body)).toBe(canonical(profile));
  });
});

describe("export → import round-trips every preset byte for byte (canonical JSON)", () => {
  it("each preset the API offers (and the blank starting point, where offered): its version 1 exported, imported as the draft, exported again, is the same bytes", async () => {
    const presets = (await expectOk(send("GET", "/v1/presets", undefined), 200)).items as { id: string }[];
    expect(presets.length).toBeGreaterThanOrEqual(5);
    for (const { id } of presets) {
      const county = await signUpCounty(id);
      const first = await county.get("/v1/profile/export?version=1");
      expect(first.status, id).toBe(200);
      // The export is the stored version 1 (the blank starting point takes the county's own id, so compare with the version, not the preset's id).
      const stored = await expectOk(county.get("/v1/profile/versions/1"), 200);
      expect(canonical(first.body), id).toBe(canonical(stored.profile));
      const imported = await expectOk(county.post("/v1/profile/import", first.body), 200);
      expect(imported.issues, id).toEqual([]);
      const second = await county.get("/v1/profile/export?version=draft");
      expect(second.text, id).toBe(first.text);
      expect(canonical(second.body), id).toBe(canonical(first.body));
    }
  });
});
