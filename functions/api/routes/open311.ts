import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { AppError, Open311 } from "@firegov/core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../env.ts";
import { idempotencyKey } from "../middleware.ts";
import { body, IdempotencyHeader, json, pathParam, readErrors, signedIn, writeErrors } from "./helpers.ts";

// Open311 GeoReport v2 for each county, at /open311/v2/{tenantSlug}/: the
// county comes from the path (as a resident's tip does), the client from its
// api_key, which every call needs (reads too: hazard details can name
// people, so only the county's own clients read them). Answers are JSON or
// XML by the path's ending; errors are the spec's array of {code, description}.
// The admin routes under /v1/open311/clients issue and revoke the keys.

type Format = "json" | "xml";
const FORMATS: Format[] = ["json", "xml"];
const BASE = "/open311/v2";

// ── Answers in the spec's two forms ────────────────────────────────────────

type XmlNode = Open311.XmlNode;

function answer(c: Context<AppEnv>, format: Format, status: ContentfulStatusCode, value: unknown, xml: () => XmlNode) {
  if (format === "json") return c.json(value, status);
  return c.body(Open311.toXml(xml()), status, { "content-type": "text/xml; charset=utf-8" });
}

const requestsXml = (items: Record<string, unknown>[]): XmlNode => ["service_requests", items.map((r) => Open311.recordNode("request", r))];

/** An AppError as the spec's error array (one entry per failing field); anything else goes on to the app's 500. */
function failure(c: Context<AppEnv>, format: Format, err: unknown) {
  if (!(err instanceof AppError)) throw err;
  const locale = c.get("locale") ?? "zh";
  const list = err.fields.length
    ? err.fields.map((f) => ({ code: err.status, description: `${f.path}: ${f.message[locale]}` }))
    : [{ code: err.status, description: err.localized(locale) }];
  if (err.retryAfter !== undefined) c.header("retry-after", String(err.retryAfter));
  return answer(c, format, err.status as ContentfulStatusCode, list, () => ["errors", list.map((e) => Open311.recordNode("error", e))]);
}

/** A form-encoded or JSON body as one object: `attribute[code]=v` fields gathered into `attribute`. */
async function bodyOf(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type") ?? "";
  let raw: Record<string, unknown>;
  if (type.includes("application/json")) {
    const parsed = await c.req.json().catch(() => {
      throw new AppError("validation", "request.invalid", {}, [{ path: "body", code: "validation.json", message: { zh: "请求体不是有效的 JSON", en: "The body is not valid JSON" } }]);
    });
    raw = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } else {
    raw = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
  }
  const out: Record<string, unknown> = {};
  const attribute: Record<string, unknown> = raw.attribute && typeof raw.attribute === "object" ? { ...(raw.attribute as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(raw)) {
    const m = /^attribute\[(.+?)\](\[\])?$/.exec(k);
    if (m) attribute[m[1]!] = v;
    else if (k !== "attribute") out[k] = v;
  }
  return { ...out, attribute };
}

// ── The OpenAPI description of the GeoReport paths (handled below without Hono's validators: errors take the spec's form) ──

const SlugParam = z.string().min(1).max(64).openapi({ param: { name: "tenantSlug", in: "path" }, description: "The county code (as public tips use it)" });
const KeyQuery = z.object({ api_key: z.string().max(200).optional().openapi({ description: "The client's API key, issued by the county's admin" }) });
const ErrorList = z.array(z.object({ code: z.number(), description: z.string() })).openapi("Open311Errors");
const specErrors = {
  400: { description: "Invalid input: one entry per field", content: { "application/json": { schema: ErrorList } } },
  401: { description: "No api_key", content: { "application/json": { schema: ErrorList } } },
  403: { description: "An api_key that is not this county's, or revoked", content: { "application/json": { schema: ErrorList } } },
  404: { description: "No such county, service, request or token", content: { "application/json": { schema: ErrorList } } },
};
const content = (schema: z.ZodType, format: Format) => (format === "json" ? { "application/json": { schema } } : { "text/xml": { schema: z.string() } });
const tags = ["open311"];

function documented(app: OpenAPIHono<AppEnv>) {
  for (const format of FORMATS) {
    const ext = `.${format}`;
    app.openAPIRegistry.registerPath({
      method: "get", path: `${BASE}/{tenantSlug}/services${ext}`, tags, summary: `Open311 服务列表 / GeoReport v2 services (${format})`,
      description: "The hazard codes of the county's profile in effect, as services. No key needed: the list names no one.",
      request: { params: z.object({ tenantSlug: SlugParam }) },
      responses: { 200: { description: "Services", content: content(z.array(Open311.ServiceSchema), format) }, 404: specErrors[404] },
    });
    app.openAPIRegistry.registerPath({
      method: "get", path: `${BASE}/{tenantSlug}/services/{service_code}${ext}`, tags, summary: `Open311 服务定义 / GeoReport v2 service definition (${format})`,
      request: { params: z.object({ tenantSlug: SlugParam, service_code: pathParam("service_code") }) },
      responses: { 200: { description: "The service's attributes", content: content(Open311.ServiceDefinitionSchema, format) }, 404: specErrors[404] },
    });
    app.openAPIRegistry.registerPath({
      method: "post", path: `${BASE}/{tenantSlug}/requests${ext}`, tags, summary: `提交服务请求 / GeoReport v2 POST service request (${format})`,
      description: `Form-encoded as the spec says (JSON also taken); \`attribute[code]\` fields. Needs the client's api_key. Lands as a hazard (source open311) at the county's root for an officer to register. With an Idempotency-Key, or the same body from the same client within ${Open311.DUPLICATE_WINDOW_MINUTES} minutes, a retry answers the first request and writes nothing.`,
      request: {
        params: z.object({ tenantSlug: SlugParam }),
        headers: IdempotencyHeader,
        body: { content: { "application/x-www-form-urlencoded": { schema: Open311.PostRequestInput.extend({ api_key: z.string() }) }, "application/json": { schema: Open311.PostRequestInput.extend({ api_key: z.string() }) } }, required: true },
      },
      responses: { 201: { description: "Received", content: content(z.array(Open311.PostedSchema), format) }, ...specErrors, 409: { description: "An Idempotency-Key reused for another body", content: { "application/json": { schema: ErrorList } } } },
    });
    app.openAPIRegistry.registerPath({
      method: "get", path: `${BASE}/{tenantSlug}/requests${ext}`, tags, summary: `查询服务请求 / GeoReport v2 GET service requests (${format})`,
      description: "Needs the api_key. By ids (comma-separated; the other filters then do not apply), or a window (default the last 90 days, at most 1000) by service_code and status (open|closed: closed = closed or withdrawn).",
      request: { params: z.object({ tenantSlug: SlugParam }), query: KeyQuery.extend(Open311.ListRequestsInput.shape) },
      responses: { 200: { description: "Requests, newest first", content: content(z.array(Open311.ServiceRequestSchema), format) }, ...specErrors },
    });
    app.openAPIRegistry.registerPath({
      method: "get", path: `${BASE}/{tenantSlug}/requests/{service_request_id}${ext}`, tags, summary: `单个服务请求 / GeoReport v2 GET service request (${format})`,
      request: { params: z.object({ tenantSlug: SlugParam, service_request_id: pathParam("service_request_id") }), query: KeyQuery },
      responses: { 200: { description: "The request (a list of one, as the spec has it)", content: content(z.array(Open311.ServiceRequestSchema), format) }, ...specErrors },
    });
    app.openAPIRegistry.registerPath({
      method: "get", path: `${BASE}/{tenantSlug}/tokens/{token}${ext}`, tags, summary: `令牌对应的服务请求 / GeoReport v2 GET request id from a token (${format})`,
      request: { params: z.object({ tenantSlug: SlugParam, token: pathParam("token") }), query: KeyQuery },
      responses: { 200: { description: "The request's id and token", content: content(z.array(z.object({ service_request_id: z.string(), token: z.string() })), format) }, ...specErrors },
    });
  }
}

// ── The admin's clients ────────────────────────────────────────────────────

const authed = signedIn("open311");
const adminRoutes = {
  list: createRoute({
    method: "get", path: "/v1/open311/clients", summary: "Open311 接入方 / Open311 clients", ...authed,
    responses: { 200: json(z.object({ items: z.array(Open311.Open311ClientSchema) }), "Newest first; keys are never shown again"), ...readErrors },
  }),
  issue: createRoute({
    method: "post", path: "/v1/open311/clients", summary: "签发 Open311 接入密钥 / Issue an Open311 client key", ...authed,
    description: "Tenant admins only. The key is in this answer only: it is kept as a hash.",
    request: { body: body(Open311.IssueOpen311ClientInput) },
    responses: { 201: json(Open311.IssuedOpen311ClientSchema, "The client and its key, shown once"), ...writeErrors },
  }),
  revoke: createRoute({
    method: "post", path: "/v1/open311/clients/{clientId}/revoke", summary: "吊销 Open311 接入密钥 / Revoke an Open311 client key", ...authed,
    description: "The key stops working at once; the client's requests stay.",
    request: { params: z.object({ clientId: pathParam("clientId") }) },
    responses: { 200: json(Open311.Open311ClientSchema, "Revoked"), ...writeErrors },
  }),
};

export function open311Routes() {
  const app = new OpenAPIHono<AppEnv>()
    .openapi(adminRoutes.list, async (c) => c.json(await Open311.listOpen311Clients(), 200))
    .openapi(adminRoutes.issue, async (c) => c.json(await Open311.issueOpen311Client(c.req.valid("json")), 201))
    .openapi(adminRoutes.revoke, async (c) => c.json(await Open311.revokeOpen311Client(c.req.valid("param").clientId), 200));
  documented(app);

  for (const format of FORMATS) {
    const ext = `.${format}`;
    const run = (c: Context<AppEnv>, fn: () => Promise<Response>) => fn().catch((err: unknown) => failure(c, format, err));
    const key = (c: Context<AppEnv>) => c.req.query("api_key") || undefined;

    app.get(`${BASE}/:tenantSlug/services${ext}`, (c) =>
      run(c, async () => {
        const services = await Open311.listServices(c.req.param("tenantSlug"));
        return answer(c, format, 200, services, () => ["services", services.map((s) => Open311.recordNode("service", s))]);
      }),
    );
    app.get(`${BASE}/:tenantSlug/services/:file{.+\\${ext}}`, (c) =>
      run(c, async () => {
        const def = await Open311.getServiceDefinition(c.req.param("tenantSlug"), c.req.param("file").slice(0, -ext.length));
        return answer(c, format, 200, def, () => [
          "service_definition",
          [
            ["service_code", def.service_code],
            [
              "attributes",
              def.attributes.map(({ values, ...a }): XmlNode => ["attribute", [...Open311.recordNode("attribute", a)[1] as XmlNode[], ...(values ? [["values", values.map((v) => Open311.recordNode("value", v))] as XmlNode] : [])]]),
            ],
          ],
        ]);
      }),
    );
    app.post(`${BASE}/:tenantSlug/requests${ext}`, (c) =>
      run(c, async () => {
        const { api_key, ...input } = await bodyOf(c);
        const apiKey = (typeof api_key === "string" ? api_key : undefined) ?? key(c);
        const posted = await Open311.postRequest(input, c.req.param("tenantSlug"), apiKey, { idempotencyKey: idempotencyKey(c.req.header("idempotency-key")) });
        return answer(c, format, 201, [posted], () => requestsXml([posted]));
      }),
    );
    app.get(`${BASE}/:tenantSlug/requests${ext}`, (c) =>
      run(c, async () => {
        const { api_key: _k, ...query } = c.req.query();
        const items = await Open311.listRequests(query, c.req.param("tenantSlug"), key(c));
        return answer(c, format, 200, items, () => requestsXml(items));
      }),
    );
    app.get(`${BASE}/:tenantSlug/requests/:file{.+\\${ext}}`, (c) =>
      run(c, async () => {
        const items = await Open311.getRequest(c.req.param("tenantSlug"), c.req.param("file").slice(0, -ext.length), key(c));
        return answer(c, format, 200, items, () => requestsXml(items));
      }),
    );
    app.get(`${BASE}/:tenantSlug/tokens/:file{.+\\${ext}}`, (c) =>
      run(c, async () => {
        const items = await Open311.requestOfToken(c.req.param("tenantSlug"), c.req.param("file").slice(0, -ext.length), key(c));
        return answer(c, format, 200, items, () => requestsXml(items));
      }),
    );
  }
  return app;
}
