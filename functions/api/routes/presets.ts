import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { loadBlankSummary, loadPresets } from "@firegov/profiles/presets/lazy";
import type { AppEnv } from "../env.ts";
import { json } from "./helpers.ts";

const PresetSummary = z
  .object({
    id: z.string(),
    name: z.object({ zh: z.string(), en: z.string() }),
    document: z.object({ title: z.string(), number: z.string().nullable(), issuer: z.string().nullable(), date: z.string() }),
    blank: z.boolean().optional().openapi({ description: "The blank starting point: the product's baseline and system defaults, no county rules; the county's profile takes its own id" }),
  })
  .openapi("PresetSummary");

const route = createRoute({
  method: "get",
  path: "/v1/presets",
  tags: ["tenancy"],
  summary: "内置政策档案 / Built-in policy presets to start from",
  responses: { 200: json(z.object({ items: z.array(PresetSummary) }), "Every preset with its source document, then the blank starting point") },
});

/** Public: the signup form lists these. */
export function presetRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(route, async (c) =>
    c.json({ items: [...(await loadPresets()).map((p) => ({ id: p.id, name: p.name, document: p.document })), await loadBlankSummary()] }, 200),
  );
}
