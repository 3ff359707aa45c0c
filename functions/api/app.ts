import { OpenAPIHono } from "@hono/zod-openapi";
import { AppError, fieldErrorsFromZod } from "@firegov/core";
import { requestId } from "hono/request-id";
import type { AppDeps, AppEnv } from "./env.ts";
import { rejectMalformedJson, requestContext } from "./middleware.ts";
import { onError } from "./problem.ts";
import { auditRoutes } from "./routes/audit.ts";
import { complianceRoutes } from "./routes/compliance.ts";
import { jurisdictionRoutes } from "./routes/jurisdiction.ts";
import { organisationRoutes } from "./routes/organisation.ts";
import { authRoutes } from "./routes/auth.ts";
import { docsRoutes } from "./routes/docs.ts";
import { hazardRoutes } from "./routes/hazards.ts";
import { healthRoutes } from "./routes/health.ts";
import { inboxRoutes } from "./routes/inbox.ts";
import { notificationRoutes } from "./routes/notifications.ts";
import { presetRoutes } from "./routes/presets.ts";
import { profileRoutes } from "./routes/profiles.ts";
import { publicTipRoutes } from "./routes/public-tips.ts";
import { userRoutes } from "./routes/users.ts";
import { venueRoutes } from "./routes/venues.ts";
import { inspectionRoutes } from "./routes/inspections.ts";
import { fileRoutes } from "./routes/files.ts";
import { spotCheckRoutes } from "./routes/spot-checks.ts";
import { campaignRoutes } from "./routes/campaigns.ts";
import { warningRoutes } from "./routes/warnings.ts";
import { assessmentRoutes } from "./routes/assessment.ts";
import { selfCheckRoutes } from "./routes/self-checks.ts";
import { reportRoutes } from "./routes/reports.ts";
import { mapRoutes } from "./routes/map.ts";
import { dashboardRoutes } from "./routes/dashboard.ts";
import { incidentRoutes } from "./routes/incidents.ts";
import { homeVisitRoutes } from "./routes/home-visits.ts";
import { resourceRoutes } from "./routes/resources.ts";
import { iotRoutes } from "./routes/iot.ts";
import { open311Routes } from "./routes/open311.ts";
import { tipRewardRoutes } from "./routes/tip-rewards.ts";
import { placeRoutes } from "./routes/place.ts";

/** Where a field came from, as a client reads it: `body.admin.password`, `query.limit`. */
const fieldRoot: Record<string, string> = { json: "body", form: "body", query: "query", param: "path", header: "header", cookie: "cookie" };

/** Zod failures from any route's request schema become one 400 naming each field. */
function validationHook(result: { success: boolean; error?: unknown; target?: string }) {
  if (!result.success) {
    const root = fieldRoot[result.target ?? "json"] ?? "body";
    throw new AppError("validation", "request.invalid", {}, fieldErrorsFromZod(result.error as never, root));
  }
}

/** The Hono app, the same under Lambda and on Node. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(requestId({ headerName: "x-request-id" }));
  app.use(requestContext(deps.logger, deps.clientIp));
  app.use(rejectMalformedJson);

  app.route("/", healthRoutes(deps));
  app.route("/", docsRoutes());
  app.route("/", presetRoutes());
  app.route("/", authRoutes(deps.presets));
  app.route("/", userRoutes());
  app.route("/", auditRoutes());
  app.route("/", profileRoutes(deps.presets));
  // Before hazards and venues: /v1/hazards/similar and /v1/venues/nearby are fixed paths, not ids.
  app.route("/", placeRoutes());
  app.route("/", hazardRoutes());
  app.route("/", inboxRoutes());
  app.route("/", notificationRoutes());
  app.route("/", publicTipRoutes());
  app.route("/", jurisdictionRoutes());
  app.route("/", organisationRoutes());
  app.route("/", complianceRoutes());
  app.route("/", venueRoutes());
  app.route("/", inspectionRoutes());
  app.route("/", fileRoutes());
  app.route("/", spotCheckRoutes());
  app.route("/", campaignRoutes());
  app.route("/", warningRoutes());
  app.route("/", assessmentRoutes());
  app.route("/", selfCheckRoutes());
  app.route("/", reportRoutes());
  app.route("/", mapRoutes());
  app.route("/", dashboardRoutes());
  app.route("/", incidentRoutes());
  app.route("/", homeVisitRoutes());
  app.route("/", resourceRoutes());
  app.route("/", iotRoutes());
  app.route("/", open311Routes());
  app.route("/", tipRewardRoutes());

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", bearerFormat: "JWT" });

  app.doc31("/v1/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "基层消防安全治理 API / Grassroots fire-safety governance API",
      version: "0.1.0",
      description: "Errors are RFC 9457 application/problem+json; send Accept-Language: en for English messages.",
    },
  });

  app.notFound((c) => {
    throw new AppError("not_found", "request.not_found", { path: c.req.path });
  });
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
