import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { SelfChecks } from "@firegov/core";
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { body, errors, json, pathParam, readErrors, signedIn, writeErrors } from "./helpers.ts";

const authed = signedIn("self-checks");
const VenueParams = z.object({ venueId: pathParam("venueId") });
const TOKEN_HEADER = "x-self-check-token";
const TokenHeader = z.object({
  [TOKEN_HEADER]: z.string().max(SelfChecks.MAX_TOKEN_LENGTH).optional().openapi({ description: "The token of the venue's self-check link (the fragment of its address)" }),
});
const publicErrors = { 400: errors[400], 401: errors[401], 404: errors[404], 409: errors[409] };

const routes = {
  form: createRoute({
    method: "get", path: "/v1/public/self-check", tags: ["public"], summary: "打开场所自查表 / Open a venue's self-check form",
    description: "No sign-in: the link's token names the county and the venue. A replaced link answers 401.",
    request: { headers: TokenHeader },
    responses: { 200: json(SelfChecks.SelfCheckFormSchema, "The venue's name and self-check list"), ...publicErrors },
  }),
  submit: createRoute({
    method: "post", path: "/v1/public/self-check", tags: ["public"], summary: "提交场所自查 / Send a venue's self-check",
    description: `No sign-in. At most ${SelfChecks.SELF_CHECK_LIMITS.perLink} per link every ${SelfChecks.SELF_CHECK_LIMITS.linkWindowMinutes} minutes and ${SelfChecks.SELF_CHECK_LIMITS.perSource} per address every ${SelfChecks.SELF_CHECK_LIMITS.sourceWindowMinutes} minutes (429 with Retry-After). A failed item raises a hazard for the venue's grid to verify. The same submissionId sent again writes nothing and answers the same.`,
    request: { headers: TokenHeader, body: body(SelfChecks.SubmitSelfCheckInput) },
    responses: { 201: json(SelfChecks.SelfCheckReceiptSchema, "Received"), ...publicErrors, 429: errors[429] },
  }),
  status: createRoute({
    method: "get", path: "/v1/venues/{venueId}/self-check", summary: "场所本期自查情况 / A venue's self-check of the current period", ...authed,
    description: "With the venue's link for those who may manage it (county admins, town officers).",
    request: { params: VenueParams },
    responses: { 200: json(SelfChecks.SelfCheckStatusSchema, "Done or missing, and the link"), ...readErrors },
  }),
  issue: createRoute({
    method: "post", path: "/v1/venues/{venueId}/self-check/link", summary: "生成或更换自查链接 / Issue or replace a venue's self-check link", ...authed,
    description: "Every earlier link of the venue stops working at once.",
    request: { params: VenueParams },
    responses: { 201: json(SelfChecks.SelfCheckLinkSchema, "The new link, with its address"), ...writeErrors },
  }),
  list: createRoute({
    method: "get", path: "/v1/venues/{venueId}/self-checks", summary: "场所自查记录 / A venue's self-checks", ...authed,
    request: { params: VenueParams, query: SelfChecks.ListVenueSelfChecksInput },
    responses: { 200: json(SelfChecks.SelfCheckPageSchema, "Newest first"), ...readErrors },
  }),
  roll: createRoute({
    method: "get", path: "/v1/self-checks", summary: "辖区场所本期自查情况 / Which venues of a subtree sent this period's self-check", ...authed,
    request: { query: SelfChecks.SelfCheckRollInput },
    responses: { 200: json(SelfChecks.SelfCheckRollSchema, "Venues in path order, each done or missing"), ...readErrors },
  }),
};

/** Where the web is: WEB_ORIGIN when web and API differ, else this request's own origin. */
const withUrl = <T extends { path: string }>(c: Context<AppEnv>, link: T): T & { url: string } => ({ ...link, url: `${process.env.WEB_ORIGIN ?? new URL(c.req.url).origin}${link.path}` });

/** The public routes take the tenant from the verified link token, never from the path or the body. */
export function selfCheckRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.form, async (c) => c.json(await SelfChecks.openSelfCheck(c.req.header(TOKEN_HEADER)), 200))
    .openapi(routes.submit, async (c) => c.json(await SelfChecks.submitSelfCheck(c.req.valid("json"), c.req.header(TOKEN_HEADER)), 201))
    .openapi(routes.status, async (c) => {
      const status = await SelfChecks.venueSelfCheckStatus({}, c.req.valid("param").venueId);
      return c.json({ ...status, ...(status.link ? { link: withUrl(c, status.link) } : {}) }, 200);
    })
    .openapi(routes.issue, async (c) => c.json(withUrl(c, await SelfChecks.issueSelfCheckLink({}, c.req.valid("param").venueId)), 201))
    .openapi(routes.list, async (c) => c.json(await SelfChecks.listVenueSelfChecks(c.req.valid("query"), c.req.valid("param").venueId), 200))
    .openapi(routes.roll, async (c) => c.json(await SelfChecks.selfCheckRoll(c.req.valid("query")), 200));
}
