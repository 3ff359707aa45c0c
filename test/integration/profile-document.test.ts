import { readFileSync } from "node:fs";
import type { PolicyProfile } from "@firegov/core/profile/index";
import { describe, expect, it } from "vitest";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { docxOf, pdfOf } from "../support/documents.ts";
import { adminOf, as, userAt } from "../support/tenants.ts";

// The county's document attached to its draft profile (pasted or uploaded),
// split into clauses, the draft's quotes checked against it, and kept with
// every version published from that draft.

const db = testDb();
const app = testApp(db);

type Json = Record<string, any>;
const seed = (id: string) => readFileSync(new URL(`../data/seeds/${id}.txt`, import.meta.url), "utf8");

async function call(token: string, method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}) {
  const res = await app.request(path, { method, headers: { authorization: `Bearer ${token}`, ...headers }, body });
  return { status: res.status, body: (await res.json()) as Json };
}
const putText = (token: string, text: string, lang = "zh-CN") =>
  call(token, "PUT", "/v1/profile/draft/document", JSON.stringify({ text }), { "content-type": "application/json", "accept-language": lang });

describe("attaching the county's document to the draft", () => {
  it("splits pasted text into the clauses the preset cites and lists the uncited ones", async () => {
    const { token } = await adminOf(app, "songjiang");
    const put = await putText(token, seed("songjiang"));
    expect(put.status).toBe(200);
    expect(put.body.source).toBe("text");
    expect(put.body.clauses.length).toBeGreaterThanOrEqual(30);
    expect(put.body.clauses.map((c: Json) => c.id)).toEqual(expect.arrayContaining(["五(一)3", "六(一)2", "九(三)"]));
    expect(put.body.issues).toEqual([]);
    expect(put.body.warnings).toEqual([]);
    expect(put.body.uncited).toEqual(expect.arrayContaining(["八(四)", "九(一)"]));
    expect(put.body.uncited).not.toContain("五(一)3");

    const got = await call(token, "GET", "/v1/profile/draft/document");
    expect(got.status).toBe(200);
    expect(got.body.text).toBe(seed("songjiang"));
    expect(got.body.uncited).toEqual(put.body.uncited);
    // The draft stays valid: every quote of the preset is in its own document.
    expect((await call(token, "GET", "/v1/profile/draft")).body.issues).toEqual([]);
  });

  it("extracts the text of an uploaded .docx, as the body or as a multipart file", async () => {
    const { token } = await adminOf(app, "songjiang");
    const docx = docxOf(["一、总体要求", "（一）压实责任。各街镇要建立消防安全委员会。", "1．有办公室。", "2．有人员。", "二、保障措施"]);
    const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    const raw = await call(token, "PUT", "/v1/profile/draft/document", new Blob([docx as Uint8Array<ArrayBuffer>]), { "content-type": DOCX });
    expect(raw.status).toBe(200);
    expect(raw.body.source).toBe("docx");
    expect(raw.body.clauses.map((c: Json) => c.id)).toEqual(["一", "一(一)", "一(一)1", "一(一)2", "二"]);
    expect(raw.body.text).toContain("各街镇要建立消防安全委员会");

    const form = new FormData();
    form.append("file", new File([docx as Uint8Array<ArrayBuffer>], "意见.docx", { type: DOCX }));
    const multipart = await call(token, "PUT", "/v1/profile/draft/document", form);
    expect(multipart.status).toBe(200);
    expect(multipart.body).toMatchObject({ source: "docx", fileName: "意见.docx" });
  });

  it("reads the text layer of a PDF", async () => {
    const { token } = await adminOf(app, "songjiang");
    const pdf = pdfOf(["1. Every town keeps a fire office.", "2. Grid workers patrol weekly.", "(1) Shops first."]);
    const put = await call(token, "PUT", "/v1/profile/draft/document", new Blob([pdf as Uint8Array<ArrayBuffer>]), { "content-type": "application/pdf" });
    expect(put.status).toBe(200);
    expect(put.body.source).toBe("pdf");
    expect(put.body.clauses.map((c: Json) => c.id)).toEqual(["1", "2", "2(1)"]);
  });

  it("refuses a file it cannot read, an empty text and a text over the cap, naming the field", async () => {
    const { token } = await adminOf(app, "songjiang");
    const broken = await call(token, "PUT", "/v1/profile/draft/document", new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3])]), { "content-type": "application/pdf" });
    expect(broken.status).toBe(400);
    expect(broken.body.errors).toEqual([expect.objectContaining({ path: "body", code: "profile.document_unreadable" })]);

    const empty = await putText(token, "   ");
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([expect.objectContaining({ path: "body.text", code: "profile.document_empty" })]);

    const big = "一、消防。".repeat(15_000);
    const zh = await putText(token, big);
    expect(zh.status).toBe(400);
    expect(zh.body.code).toBe("profile.document_too_large");
    expect(zh.body.errors).toEqual([{ path: "body.text", code: "profile.document_too_large", message: "文件文字超过 200000 字节的上限" }]);
    const en = await putText(token, big, "en");
    expect(en.body.errors[0].message).toBe("the document's text is larger than 200000 bytes");
    // Nothing was attached by the refused writes.
    expect((await call(token, "GET", "/v1/profile/draft/document")).status).toBe(404);
  });

  it("is the admins' to attach: a grid worker may neither attach nor read the draft's document", async () => {
    const a = await adminOf(app, "songjiang");
    const worker = await userAt(app, a.client, a.tenant.tenantId, "grid.doc", "grid_worker", a.tenant.rootNodeId);
    const workerToken = worker.token;
    expect((await putText(workerToken, seed("songjiang"))).status).toBe(403);
    expect((await call(workerToken, "GET", "/v1/profile/draft/document")).status).toBe(403);
  });
});

describe("quotes checked against the attached document", () => {
  async function draftWithQuote(token: string, quote: string) {
    const client = as(app, token);
    const draft = (await (await client.get("/v1/profile/draft")).json()) as Json;
    const profile = structuredClone(draft.profile) as PolicyProfile;
    profile.hazards.severities[0]!.text = quote;
    const saved = await client.put("/v1/profile/draft", { profile, rev: draft.rev });
    return { status: saved.status, body: (await saved.json()) as Json };
  }

  it("makes a quote absent from the document a validation error at its JSON path, in zh and en, and refuses to publish", async () => {
    const { token } = await adminOf(app, "songjiang");
    await putText(token, seed("songjiang"));
    const saved = await draftWithQuote(token, "街镇每季度组织一次全员消防演练");
    expect(saved.status).toBe(200);
    const issue = saved.body.issues.find((i: Json) => i.code === "profile.quote_not_in_document");
    expect(issue).toMatchObject({ path: "$.hazards.severities[0].text" });
    expect(issue.message.zh).toContain("引文不在所附文件中");
    expect(issue.message.en).toContain("the quote is not in the attached document");

    const document = await call(token, "GET", "/v1/profile/draft/document");
    expect(document.body.issues).toEqual([expect.objectContaining({ path: "$.hazards.severities[0].text", code: "profile.quote_not_in_document" })]);

    const validated = await call(token, "POST", "/v1/profile/draft/validate", "{}", { "content-type": "application/json" });
    expect(validated.body.valid).toBe(false);
    expect(validated.body.issues.map((i: Json) => i.path)).toContain("$.hazards.severities[0].text");

    const zh = await call(token, "POST", "/v1/profile/publish", "{}", { "content-type": "application/json" });
    expect(zh.status).toBe(400);
    expect(zh.body.code).toBe("profile.invalid");
    expect(zh.body.errors).toContainEqual(expect.objectContaining({ path: "$.hazards.severities[0].text", code: "profile.quote_not_in_document", message: expect.stringContaining("引文不在所附文件中") }));
    const en = await call(token, "POST", "/v1/profile/publish", "{}", { "content-type": "application/json", "accept-language": "en" });
    expect(en.body.errors).toContainEqual(expect.objectContaining({ path: "$.hazards.severities[0].text", message: expect.stringContaining("not in the attached document") }));

    // The same quote is no issue while no document is attached.
    const other = await adminOf(app, "songjiang");
    expect((await draftWithQuote(other.token, "街镇每季度组织一次全员消防演练")).body.issues).toEqual([]);
  });

  it("accepts a quote with an ellipsis whose parts are in the document, across its line breaks", async () => {
    const { token } = await adminOf(app, "songjiang");
    await putText(token, seed("songjiang"));
    const saved = await draftWithQuote(token, "各街镇将火灾隐患排查工作……纳入城市网格化管");
    expect(saved.body.issues).toEqual([]);
  });
});

describe("the document kept with each published version", () => {
  it("publishes the draft's document with the version, and the next document does not change it", async () => {
    const { token, client, tenant } = await adminOf(app, "songjiang");
    expect((await call(token, "GET", "/v1/profile/versions/1/document")).status).toBe(404);
    await putText(token, seed("songjiang"));
    const draft = (await (await client.get("/v1/profile/draft")).json()) as Json;
    const profile = structuredClone(draft.profile) as PolicyProfile;
    profile.hazards.severities[0]!.rectificationDays.value = 9;
    expect((await client.put("/v1/profile/draft", { profile, rev: draft.rev })).status).toBe(200);
    const published = await call(token, "POST", "/v1/profile/publish", "{}", { "content-type": "application/json" });
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(2);

    const v2 = await call(token, "GET", "/v1/profile/versions/2/document");
    expect(v2.status).toBe(200);
    expect(v2.body.text).toBe(seed("songjiang"));
    expect(v2.body.clauses.length).toBeGreaterThanOrEqual(30);

    // A new draft document leaves version 2's as it was published.
    await putText(token, "一、另一份文件\n（一）只有一条。");
    expect((await call(token, "GET", "/v1/profile/versions/2/document")).body.text).toBe(seed("songjiang"));
    expect((await call(token, "GET", "/v1/profile/draft/document")).body.clauses.map((c: Json) => c.id)).toEqual(["一", "一(一)"]);
    // Every role reads a published version's document.
    const viewer = await userAt(app, client, tenant.tenantId, "viewer.doc", "viewer", tenant.rootNodeId);
    expect((await call(viewer.token, "GET", "/v1/profile/versions/2/document")).status).toBe(200);
  });

  it("keeps one tenant's document from another: B sees none of A's", async () => {
    const a = await adminOf(app, "songjiang");
    await putText(a.token, seed("songjiang"));
    const draft = (await (await a.client.get("/v1/profile/draft")).json()) as Json;
    const profile = structuredClone(draft.profile) as PolicyProfile;
    profile.hazards.severities[0]!.rectificationDays.value = 8;
    await a.client.put("/v1/profile/draft", { profile, rev: draft.rev });
    expect((await call(a.token, "POST", "/v1/profile/publish", "{}", { "content-type": "application/json" })).status).toBe(201);

    const b = await adminOf(app, "songjiang");
    expect((await call(b.token, "GET", "/v1/profile/draft/document")).status).toBe(404);
    expect((await call(b.token, "GET", "/v1/profile/versions/2/document")).status).toBe(404);
    await putText(b.token, "一、乙县文件");
    expect((await call(a.token, "GET", "/v1/profile/draft/document")).body.text).toBe(seed("songjiang"));
    expect((await call(a.token, "GET", "/v1/profile/versions/2/document")).body.text).toBe(seed("songjiang"));
  });
});
