import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { HomeVisits } from "@firegov/core";
import type { AppEnv } from "../env.ts";
import { body, download, idempotency, IdempotencyHeader, json, pathParam, readErrors, signedIn, writeErrors } from "./helpers.ts";

// 入户走访: the register of vulnerable households, their visits and the due list.
// ID numbers are masked in every answer here but the audited reveal.

const authed = signedIn("home-visits");
const HouseholdParams = z.object({ householdId: pathParam("householdId") });
const xlsxContent = { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().openapi({ format: "binary" }) } };

const routes = {
  policy: createRoute({
    method: "get", path: "/v1/home-visits/policy", summary: "入户走访规则 / The home-visit rules in effect", ...authed,
    description: "Categories and their visit frequencies, the visit checklist, who reads ID numbers in full, what is kept without consent: the profile's homeVisits, or the platform's marked defaults.",
    responses: { 200: json(HomeVisits.HomeVisitPolicySchema, "The rules"), ...readErrors },
  }),
  list: createRoute({
    method: "get", path: "/v1/home-visits/households", summary: "走访对象台账 / The register of vulnerable households", ...authed,
    description: "The subtree's households in path order; ID numbers masked.",
    request: { query: HomeVisits.ListHouseholdsInput },
    responses: { 200: json(HomeVisits.HouseholdPageSchema, "A page of households"), ...readErrors },
  }),
  register: createRoute({
    method: "post", path: "/v1/home-visits/households", summary: "登记走访对象 / Register a vulnerable household", ...authed,
    description: "Without consent only the category, the address and what the profile's withoutConsent keeps are accepted (400 naming each refused field). The answer is masked.",
    request: { headers: IdempotencyHeader, body: body(HomeVisits.RegisterHouseholdInput) },
    responses: { 201: json(HomeVisits.HouseholdViewSchema, "Registered (masked)"), ...writeErrors },
  }),
  get: createRoute({
    method: "get", path: "/v1/home-visits/households/{householdId}", summary: "走访对象详情 / One household with its visits", ...authed,
    request: { params: HouseholdParams },
    responses: { 200: json(HomeVisits.HouseholdDetailSchema, "The household (masked) and its latest visits"), ...readErrors },
  }),
  reveal: createRoute({
    method: "post", path: "/v1/home-visits/households/{householdId}/id-number", summary: "查看完整身份证号 / Read a household's ID number in full", ...authed,
    description: "Only the roles of the profile's homeVisits.piiReaders (403 for others); every read is an audit entry (home_visit.id_number_read). A POST so that no cache or prefetch reads it unseen.",
    request: { params: HouseholdParams },
    responses: { 200: json(HomeVisits.RevealedIdNumberSchema, "The ID number in full"), ...readErrors },
  }),
  remove: createRoute({
    method: "post", path: "/v1/home-visits/households/{householdId}/remove", summary: "注销走访对象 / Take a household off the register", ...authed,
    description: "Its contact name, phone and ID number are erased in the same write; the category, address and visits stay as the record of the work done.",
    request: { params: HouseholdParams, body: body(HomeVisits.RemoveHouseholdInput) },
    responses: { 200: json(HomeVisits.RemovedHouseholdSchema, "Removed"), ...writeErrors },
  }),
  visit: createRoute({
    method: "post", path: "/v1/home-visits/households/{householdId}/visits", summary: "记录入户走访 / Record a visit", ...authed,
    description: "Every checklist item answered once; each failed item raises a hazard (source home_visit) at the household's node, in one transaction with the visit.",
    request: { params: HouseholdParams, headers: IdempotencyHeader, body: body(HomeVisits.RecordVisitInput) },
    responses: { 201: json(HomeVisits.HomeVisitResultSchema, "The visit and the household's next due date"), ...writeErrors },
  }),
  due: createRoute({
    method: "get", path: "/v1/home-visits/due", summary: "待走访 / Visits due", ...authed,
    description: "Households of the subtree whose visit is overdue or due within withinDays: one frequency of their category after the last visit (or the registration).",
    request: { query: HomeVisits.DueVisitsInput },
    responses: { 200: json(HomeVisits.DueVisitsSchema, "Most overdue first"), ...readErrors },
  }),
  export: createRoute({
    method: "get", path: "/v1/export/home-visits", summary: "导出走访对象台账 / Export the register", ...authed,
    description: "xlsx, Chinese headers; ID numbers and phones masked.",
    request: { query: HomeVisits.ExportHouseholdsInput },
    responses: { 200: { description: "The register", content: xlsxContent }, ...readErrors },
  }),
};

export function homeVisitRoutes() {
  return new OpenAPIHono<AppEnv>()
    .openapi(routes.policy, async (c) => c.json(await HomeVisits.homeVisitPolicy({}), 200))
    .openapi(routes.list, async (c) => c.json(await HomeVisits.listHouseholds(c.req.valid("query")), 200))
    .openapi(routes.register, async (c) => c.json(await HomeVisits.registerHousehold(c.req.valid("json"), idempotency(c)), 201))
    .openapi(routes.get, async (c) => c.json(await HomeVisits.getHousehold({}, c.req.valid("param").householdId), 200))
    .openapi(routes.reveal, async (c) => {
      c.header("cache-control", "no-store");
      return c.json(await HomeVisits.revealIdNumber({}, c.req.valid("param").householdId), 200);
    })
    .openapi(routes.remove, async (c) => c.json(await HomeVisits.removeHousehold(c.req.valid("json"), c.req.valid("param").householdId), 200))
    .openapi(routes.visit, async (c) => c.json(await HomeVisits.recordVisit(c.req.valid("json"), c.req.valid("param").householdId, idempotency(c)), 201))
    .openapi(routes.due, async (c) => c.json(await HomeVisits.dueVisits(c.req.valid("query")), 200))
    .openapi(routes.export, async (c) => download(c, await HomeVisits.exportHouseholds(c.req.valid("query")), "入户走访台账"));
}
