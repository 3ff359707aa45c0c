import type { Hono } from "hono";
import type { AppDeps, AppEnv } from "./env.ts";

// biome-ignore lint: any route schema goes
type Routes = Hono<AppEnv, any, any>;

/**
 * Every route group of the API, in the order the app matches them (earlier
 * wins: /v1/hazards/similar and /v1/venues/nearby are place's, not ids). Each
 * is one dynamic import, so a cold start loads only the group its first
 * request needs (app.ts); the full app (full-app.ts) mounts them all.
 */
export const ROUTE_GROUPS = {
  health: async (deps: AppDeps) => (await import("./routes/health.ts")).healthRoutes(deps),
  docs: async () => (await import("./routes/docs.ts")).docsRoutes(),
  presets: async () => (await import("./routes/presets.ts")).presetRoutes(),
  auth: async (deps: AppDeps) => (await import("./routes/auth.ts")).authRoutes(deps.presets),
  users: async () => (await import("./routes/users.ts")).userRoutes(),
  audit: async () => (await import("./routes/audit.ts")).auditRoutes(),
  profiles: async (deps: AppDeps) => (await import("./routes/profiles.ts")).profileRoutes(deps.presets),
  place: async () => (await import("./routes/place.ts")).placeRoutes(),
  hazards: async () => (await import("./routes/hazards.ts")).hazardRoutes(),
  inbox: async () => (await import("./routes/inbox.ts")).inboxRoutes(),
  notifications: async () => (await import("./routes/notifications.ts")).notificationRoutes(),
  publicTips: async () => (await import("./routes/public-tips.ts")).publicTipRoutes(),
  jurisdiction: async () => (await import("./routes/jurisdiction.ts")).jurisdictionRoutes(),
  organisation: async () => (await import("./routes/organisation.ts")).organisationRoutes(),
  compliance: async () => (await import("./routes/compliance.ts")).complianceRoutes(),
  venues: async () => (await import("./routes/venues.ts")).venueRoutes(),
  inspections: async () => (await import("./routes/inspections.ts")).inspectionRoutes(),
  files: async () => (await import("./routes/files.ts")).fileRoutes(),
  spotChecks: async () => (await import("./routes/spot-checks.ts")).spotCheckRoutes(),
  campaigns: async () => (await import("./routes/campaigns.ts")).campaignRoutes(),
  warnings: async () => (await import("./routes/warnings.ts")).warningRoutes(),
  assessment: async () => (await import("./routes/assessment.ts")).assessmentRoutes(),
  selfChecks: async () => (await import("./routes/self-checks.ts")).selfCheckRoutes(),
  reports: async () => (await import("./routes/reports.ts")).reportRoutes(),
  map: async () => (await import("./routes/map.ts")).mapRoutes(),
  dashboard: async () => (await import("./routes/dashboard.ts")).dashboardRoutes(),
  incidents: async () => (await import("./routes/incidents.ts")).incidentRoutes(),
  homeVisits: async () => (await import("./routes/home-visits.ts")).homeVisitRoutes(),
  resources: async () => (await import("./routes/resources.ts")).resourceRoutes(),
  iot: async () => (await import("./routes/iot.ts")).iotRoutes(),
  open311: async () => (await import("./routes/open311.ts")).open311Routes(),
  tipRewards: async () => (await import("./routes/tip-rewards.ts")).tipRewardRoutes(),
} satisfies Record<string, (deps: AppDeps) => Promise<Routes>>;

export type RouteGroupName = keyof typeof ROUTE_GROUPS;
