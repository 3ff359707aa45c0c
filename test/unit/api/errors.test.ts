import { describe, expect, it } from "vitest";
import { createRoute, z } from "@hono/zod-openapi";
import { withPipeline } from "@firegov/functions/api/pipeline";
import { testApp, testDeps } from "../../support/app.ts";

const json = { "content-type": "application/json" };

describe("problem+json errors", () => {
  it.each([
    ["POST", "/v1/anything"],
    ["PUT", "/v1/tenants/x"],
    ["PATCH", "/health"],
    ["POST", "/v1/openapi.json"],
  ])("answers 400 problem+json to a malformed JSON body on %s %s", async (method, path) => {
    const res = await testApp().request(path, { method, headers: json, body: '{"name": "消防' });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = await res.json();
    expect(body).toMatchObject({ status: 400, code: "request.malformed_json", instance: path });
    expect(body.requestId).toBe(res.headers.get("x-request-id"));
  });

  it("answers an unknown path with 404 problem+json, in English when asked", async () => {
    const res = await testApp().request("/v1/nowhere", { headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.code).toBe("request.not_found");
    expect(body.detail).toBe("No such endpoint: /v1/nowhere");
  });

  it("answers in Chinese by default", async () => {
    const body = await (await testApp().request("/v1/nowhere")).json();
    expect(body.detail).toBe("找不到请求的地址：/v1/nowhere");
  });

  it("names each failing field of a request schema, with its location", async () => {
    const app = withPipeline(testDeps(), (app) =>
      app.openapi(
      createRoute({
        method: "post",
        path: "/v1/test-echo",
        request: { body: { content: { "application/json": { schema: z.object({ name: z.string().min(2), count: z.number().int() }) } } } },
        responses: { 200: { description: "ok" } },
      }),
      (c) => c.json(c.req.valid("json")),
    ));
    const res = await app.request("/v1/test-echo", { method: "POST", headers: json, body: JSON.stringify({ name: "a" }) });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe("request.invalid");
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["body.count", "body.name"]);
    expect(body.errors.find((e: { path: string }) => e.path === "body.count").message).toContain("期望 数字");
  });

  it("hides an unexpected failure behind a 500 that carries the request id", async () => {
    const app = withPipeline(testDeps(), (app) =>
      app.get("/v1/test-boom", () => {
        throw new Error("secret internals");
      }),
    );
    const res = await app.request("/v1/test-boom");
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.code).toBe("server.internal");
    expect(JSON.stringify(body)).not.toContain("secret internals");
    expect(body.detail).toContain(res.headers.get("x-request-id"));
  });

  it("puts a request id on every response, echoing the client's own", async () => {
    const res = await testApp().request("/v1/openapi.json", { headers: { "x-request-id": "client-chosen-id" } });
    expect(res.headers.get("x-request-id")).toBe("client-chosen-id");
    const other = await testApp().request("/nowhere");
    expect(other.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and documents /health with its schema", async () => {
    const doc = await (await testApp().request("/v1/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/health"].get.responses["200"].content["application/json"].schema.$ref).toBe("#/components/schemas/HealthReport");
    expect(doc.components.schemas.HealthReport.properties.dynamodb.properties.reachable.type).toBe("boolean");
  });

  it("has a reference page that loads the document from our own origin", async () => {
    const res = await testApp().request("/v1/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("/vendor/swagger-ui/swagger-ui-bundle.js");
    expect(html).not.toMatch(/unpkg|jsdelivr|cdnjs/);
  });
});
