import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { Hazards } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, errors, json } from "./helpers.ts";

const Params = z.object({ tenantSlug: z.string().min(1).max(64).openapi({ param: { name: "tenantSlug", in: "path" }, description: "The county code" }) });

const route = createRoute({
  method: "post",
  path: "/v1/public/{tenantSlug}/tips",
  tags: ["public"],
  summary: "群众举报隐患 / Report a hazard as a resident",
  description: `No sign-in. At most ${Hazards.TIP_LIMITS.perSource} tips per address every ${Hazards.TIP_LIMITS.sourceWindowMinutes} minutes. The tip lands as a discovered hazard for an officer to register or withdraw.`,
  request: { params: Params, body: body(Hazards.TipInput) },
  responses: { 201: json(Hazards.TipReceiptSchema, "Received"), 400: errors[400], 404: errors[404], 429: errors[429] },
});

const places = createRoute({
  method: "get",
  path: "/v1/public/{tenantSlug}/places",
  tags: ["public"],
  summary: "举报可选的乡镇、村居 / The towns and villages a tipster may pick",
  description: "No sign-in. The county's towns and villages by name (ids and names only), for the tip form's place picker.",
  request: { params: Params },
  responses: { 200: json(Hazards.TipPlacesSchema, "The places"), 404: errors[404] },
});

/** Public: the county comes from the path, never from a token; nothing else of the county is exposed. */
export function publicTipRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(route, async (c) => c.json(await Hazards.submitTip(c.req.valid("json"), c.req.valid("param").tenantSlug), 201))
    .openapi(places, async (c) => {
      c.header("Cache-Control", "public, max-age=300");
      return c.json(await Hazards.tipPlaces(c.req.valid("param").tenantSlug), 200);
    });
}
