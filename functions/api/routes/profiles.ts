import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { AppError, Profiles } from "@firegov/core";
import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../env.ts";
import { body, errors, idempotency, IdempotencyHeader, json, pageSchema, readErrors, signedIn, writeErrors } from "./helpers.ts";

const authed = signedIn("profiles");

const VersionPage = pageSchema(Profiles.VersionSummarySchema, "ProfileVersionPage");
const IfMatchHeader = z.object({
  "if-match": z.string().optional().openapi({ description: "The draft's rev as last read (its ETag); a stale rev answers 409" }),
});
const ETag = { ETag: { description: "The draft's rev", schema: { type: "string" as const } } };

const binary = { schema: z.string().openapi({ format: "binary" }) };

/** The county's document: pasted text as JSON or plain text, or a .docx / PDF file as the body or a multipart `file`. */
const documentBody = {
  required: false,
  content: {
    "application/json": { schema: Profiles.AttachDocumentInput },
    "text/plain": binary,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": binary,
    "application/pdf": binary,
    "multipart/form-data": { schema: { type: "object" as const, properties: { file: { type: "string" as const, format: "binary" } } } },
  },
};

const routes = {
  current: createRoute({
    method: "get", path: "/v1/profile", summary: "生效中的政策档案 / The profile in effect", ...authed,
    request: { query: Profiles.CurrentProfileInput },
    responses: { 200: json(Profiles.VersionViewSchema, "The version in effect at `at` (default now)"), ...readErrors },
  }),
  coverage: createRoute({
    method: "get", path: "/v1/profile/coverage", summary: "规则运行情况 / Which rules the product applies", ...authed,
    description: "Every rule of the profile in effect, the clause it cites, and the code that applies it, or why it is data only.",
    responses: { 200: json(Profiles.RuleCoverageSchema, "One row per rule, in the profile's order"), 401: errors[401], 403: errors[403], 404: errors[404] },
  }),
  versions: createRoute({
    method: "get", path: "/v1/profile/versions", summary: "版本列表 / Published versions", ...authed,
    request: { query: Profiles.ListVersionsInput },
    responses: { 200: json(VersionPage, "Newest first, without the documents"), 400: errors[400], 401: errors[401], 403: errors[403] },
  }),
  version: createRoute({
    method: "get", path: "/v1/profile/versions/{n}", summary: "某一版本 / One version", ...authed,
    request: { params: Profiles.VersionParams },
    responses: { 200: json(Profiles.VersionViewSchema, "The version with its document"), ...readErrors },
  }),
  draft: createRoute({
    method: "get", path: "/v1/profile/draft", summary: "草稿 / The draft", ...authed,
    responses: { 200: { ...json(Profiles.DraftViewSchema, "The draft and its issues; rev 0 before the first save"), headers: ETag }, 401: errors[401], 403: errors[403], 404: errors[404] },
  }),
  saveDraft: createRoute({
    method: "put", path: "/v1/profile/draft", summary: "保存草稿 / Save the draft", ...authed,
    description: "Saved as given, valid or not; the issues come back with it. Send the rev the edit started from (If-Match or `rev`).",
    request: { headers: IfMatchHeader, body: body(Profiles.SaveDraftInput) },
    responses: { 200: { ...json(Profiles.DraftViewSchema, "Saved"), headers: ETag }, ...writeErrors },
  }),
  validate: createRoute({
    method: "post", path: "/v1/profile/draft/validate", summary: "校验 / Check a document or the draft", ...authed,
    request: { body: body(Profiles.ValidateDraftInput, false) },
    responses: { 200: json(Profiles.ValidationResultSchema, "The issues, each at its JSON path"), ...readErrors },
  }),
  publish: createRoute({
    method: "post", path: "/v1/profile/publish", summary: "发布 / Publish the draft as a new version", ...authed,
    request: { headers: IdempotencyHeader, body: body(Profiles.PublishInput, false) },
    responses: { 201: json(Profiles.VersionSummarySchema, "The new version"), ...writeErrors },
  }),
  diff: createRoute({
    method: "get", path: "/v1/profile/diff", summary: "比较 / Compare two profiles", ...authed,
    request: { query: Profiles.DiffInput },
    responses: { 200: json(Profiles.ProfileDiffSchema, "Changes rule by rule, with citations and zh/en lines"), ...readErrors },
  }),
  export: createRoute({
    method: "get", path: "/v1/profile/export", summary: "导出 / Download a profile document", ...authed,
    request: { query: Profiles.ExportInput },
    responses: { 200: json(Profiles.ProfileJson, "The document, as an attachment"), ...readErrors },
  }),
  formSchema: createRoute({
    method: "get", path: "/v1/profile/schema", summary: "表单描述 / The profile's form description", ...authed,
    description: "The profile schema as form fields (derived from the schema), each field that names another list's entry with that list.",
    responses: { 200: json(Profiles.FormSchemaView, "The root object's fields"), 401: errors[401], 403: errors[403] },
  }),
  draftDocument: createRoute({
    method: "get", path: "/v1/profile/draft/document", summary: "草稿所附政策文件 / The draft's document", ...authed,
    description: "The document split into clauses by its own numbering, the clauses no rule cites, and the draft's quotes checked against it.",
    responses: { 200: json(Profiles.ProfileDocumentSchema, "The document and its clauses"), ...readErrors },
  }),
  attachDocument: createRoute({
    method: "put", path: "/v1/profile/draft/document", summary: "附上政策文件 / Attach the county's document to the draft", ...authed,
    description: "Pasted text (JSON `{ text }` or text/plain), or a Word (.docx) file or a PDF with a text layer (the body itself, or a multipart `file`), whose text is extracted. Replaces the document attached before; the draft's validation then checks every quote against it.",
    request: { body: documentBody },
    responses: { 200: json(Profiles.ProfileDocumentSchema, "The document as stored, split"), ...writeErrors },
  }),
  versionDocument: createRoute({
    method: "get", path: "/v1/profile/versions/{n}/document", summary: "某一版本所附政策文件 / A version's document", ...authed,
    request: { params: Profiles.VersionDocumentParams },
    responses: { 200: json(Profiles.ProfileDocumentSchema, "The document the version was published with"), ...readErrors },
  }),
  import: createRoute({
    method: "post", path: "/v1/profile/import", summary: "导入 / Make a document the draft", ...authed,
    description: "Nothing is published. Without If-Match the import replaces the current draft.",
    request: { headers: IfMatchHeader, body: body(Profiles.ProfileJson) },
    responses: { 200: { ...json(Profiles.DraftViewSchema, "The new draft and its issues"), headers: ETag }, ...writeErrors },
  }),
  fork: createRoute({
    method: "post", path: "/v1/profile/draft/fork", summary: "复制内置档案为本县草稿 / Fork a preset into the draft", ...authed,
    description: "The preset's rules become the draft under the county's own profile id; their citations are kept, marked borrowed (借用). Nothing is published; forking the same preset again changes nothing.",
    request: { body: body(Profiles.ForkDraftInput) },
    responses: { 200: { ...json(Profiles.DraftViewSchema, "The draft and its issues"), headers: ETag }, ...writeErrors },
  }),
  recite: createRoute({
    method: "post", path: "/v1/profile/draft/recite", summary: "改为本县条款 / Re-cite borrowed clauses as the county's own", ...authed,
    description: "Every sourceRef of the borrowed document `from` is rewritten to the county's own document (same clause number) and `from` leaves the borrowed list.",
    request: { body: body(Profiles.ReciteDraftInput) },
    responses: { 200: { ...json(Profiles.DraftViewSchema, "The draft and its issues"), headers: ETag }, ...writeErrors },
  }),
};

/** `3`, `"3"` or `W/"3"`: the rev an ETag carried. */
function revFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw new AppError("validation", "request.invalid", {}, [
      { path: "header.if-match", code: "validation.invalid_format", message: { zh: "If-Match 须为草稿修订号", en: "If-Match must be the draft's rev" } },
    ]);
  }
  return Number(match[1]);
}

const etag = (rev: number) => ({ ETag: `"${rev}"` });

/** Whichever way the document came, its text or its file goes to core; a body announced as too large is not read. */
async function attachDocumentFrom(c: Context<AppEnv>) {
  if (Number(c.req.header("content-length") ?? 0) > Profiles.MAX_UPLOAD_BYTES) throw Profiles.uploadTooLarge();
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/json")) return Profiles.attachDocument(await c.req.json());
  if (type.startsWith("text/plain")) return Profiles.attachDocument({ text: await c.req.text() });
  if (type.startsWith("multipart/form-data")) {
    const form = await c.req.parseBody();
    const file = form.file;
    if (typeof file === "string" || file === undefined) return Profiles.attachDocument({ text: typeof form.text === "string" ? form.text : file ?? "" });
    return Profiles.attachUploadedDocument(new Uint8Array(await file.arrayBuffer()), file.type, file.name || undefined);
  }
  return Profiles.attachUploadedDocument(new Uint8Array(await c.req.arrayBuffer()), type || undefined);
}

/** Reading: every role. The draft, editing and publishing: tenant admins (the policy in core decides). */
export function profileRoutes(presets: AppDeps["presets"]) {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.current, async (c) => c.json(await Profiles.getCurrentProfile(c.req.valid("query")), 200))
    .openapi(routes.coverage, async (c) => c.json(await Profiles.getRuleCoverage({}), 200))
    .openapi(routes.versions, async (c) => c.json(await Profiles.listVersions(c.req.valid("query")), 200))
    .openapi(routes.version, async (c) => c.json(await Profiles.getVersion(c.req.valid("param")), 200))
    .openapi(routes.draft, async (c) => {
      const draft = await Profiles.getDraft();
      return c.json(draft, 200, etag(draft.rev));
    })
    .openapi(routes.saveDraft, async (c) => {
      const draft = await Profiles.saveDraft(c.req.valid("json"), { expectedRev: revFromIfMatch(c.req.valid("header")["if-match"]) });
      return c.json(draft, 200, etag(draft.rev));
    })
    .openapi(routes.validate, async (c) => c.json(await Profiles.validateDraft(c.req.valid("json")), 200))
    .openapi(routes.publish, async (c) => c.json(await Profiles.publish(c.req.valid("json"), idempotency(c)), 201))
    .openapi(routes.diff, async (c) => c.json(await Profiles.diff(c.req.valid("query"), presets), 200))
    .openapi(routes.export, async (c) => {
      const { ref, profile } = await Profiles.exportProfile(c.req.valid("query"));
      const name = `profile-${ref.replace(":", "")}.json`;
      return c.json(profile as Record<string, unknown>, 200, { "Content-Disposition": `attachment; filename="${name}"` });
    })
    .openapi(routes.formSchema, (c) => c.json(Profiles.getFormSchema(), 200))
    .openapi(routes.draftDocument, async (c) => c.json(await Profiles.getDraftDocument(), 200))
    .openapi(routes.versionDocument, async (c) => c.json(await Profiles.getVersionDocument(c.req.valid("param")), 200))
    .openapi(routes.attachDocument, async (c) => c.json(await attachDocumentFrom(c), 200))
    .openapi(routes.fork, async (c) => {
      const draft = await Profiles.forkDraft(c.req.valid("json"), presets);
      return c.json(draft, 200, etag(draft.rev));
    })
    .openapi(routes.recite, async (c) => {
      const draft = await Profiles.reciteDraft(c.req.valid("json"));
      return c.json(draft, 200, etag(draft.rev));
    })
    .openapi(routes.import, async (c) => {
      const draft = await Profiles.importProfile(c.req.valid("json"), { expectedRev: revFromIfMatch(c.req.valid("header")["if-match"]) });
      return c.json(draft, 200, etag(draft.rev));
    });
}
