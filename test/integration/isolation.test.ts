import { QueryCommand } from "@aws-sdk/client-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { Access, tenantDb, withActor } from "@firegov/core";
import { testApp } from "../support/app.ts";
import { testDb } from "../support/db.ts";
import { orgFixture } from "../support/org.ts";
import { adminOf, as, userAt } from "../support/tenants.ts";

type Role = Access.Role;
const roles = Access.roles;

/**
 * Tenant B's users, in every role, aim at tenant A's ids through every
 * endpoint that takes one. Each answers 404, and A's items stay exactly as
 * they were.
 */
describe("tenant isolation", () => {
  const db = testDb();
  const app = testApp(db);
  let a: Awaited<ReturnType<typeof adminOf>>;
  let aUserId: string;
  let aOrg: Awaited<ReturnType<typeof orgFixture>>;
  let aHazard: { hazardId: string; notificationId: string };
  let aVenue: { venueId: string; inspectionId: string; importId: string };
  let aCampaignId: string;
  let aIncidentId: string;
  let aHouseholdId: string;
  let aEquipmentId: string;
  let aTrainingId: string;
  let aSendId: string;
  let aWarningId: string;
  let aDevice: { deviceId: string; episodeId: string };
  let aOpen311ClientId: string;
  const bClients = new Map<Role, ReturnType<typeof as>>();

  // Every templated path in the API, with how to aim it at tenant A.
  const idEndpoints = (): Record<string, { method: string; path: string; body?: unknown }[]> => ({
    "/v1/users/{userId}": [
      { method: "GET", path: `/v1/users/${aUserId}` },
      { method: "PATCH", path: `/v1/users/${aUserId}`, body: { displayName: "被篡改" } },
    ],
    "/v1/users/{userId}/status": [{ method: "POST", path: `/v1/users/${aUserId}/status`, body: { status: "disabled" } }],
    "/v1/users/{userId}/password-reset": [{ method: "POST", path: `/v1/users/${aUserId}/password-reset`, body: { newPassword: "Taken-over-2026" } }],
    // An id in a body: a user placed at A's root node.
    "/v1/users": [{ method: "POST", path: "/v1/users", body: { username: "intruder", displayName: "x", role: "viewer", scopeNodeId: a.tenant.rootNodeId, password: "Xq-7731-zz" } }],
    ...organisationEndpoints(),
    ...hazardEndpoints(),
    ...venueEndpoints(),
    ...incidentEndpoints(),
    // A real draw of another county is aimed at in spot-checks.test.ts (zezhou 三(四)); here the path is covered for every role.
    "/v1/spot-checks/draws/{ruleId}/{period}": [{ method: "GET", path: "/v1/spot-checks/draws/key_unit_random_draw/2026-Q4" }],
    ...campaignEndpoints(),
    ...homeVisitEndpoints(),
    ...resourceEndpoints(),
    ...notificationEndpoints(),
    ...warningEndpoints(),
    ...iotEndpoints(),
    ...open311Endpoints(),
  });
  // A's warning (预警) to its town; issuing one to A's town names A's node in the body.
  const warning = () => ({ title: "越权预警", text: "x", level: "red", targets: { nodeIds: [aOrg.town.nodeId] } });
  const warningEndpoints = (): Record<string, { method: string; path: string; body?: unknown }[]> => ({
    "/v1/warnings/{warningId}": [{ method: "GET", path: `/v1/warnings/${aWarningId}` }],
    "/v1/warnings/{warningId}/export": [{ method: "GET", path: `/v1/warnings/${aWarningId}/export` }],
    "/v1/warnings/{warningId}/targets/{nodeId}/photos": [{ method: "POST", path: `/v1/warnings/${aWarningId}/targets/${aOrg.town.nodeId}/photos`, body: { contentType: "image/jpeg", size: 1000 } }],
    "/v1/warnings/{warningId}/targets/{nodeId}/answer": [{ method: "POST", path: `/v1/warnings/${aWarningId}/targets/${aOrg.town.nodeId}/answer`, body: { measures: "越权叫应" } }],
    // Ids in a body or query.
    "/v1/warnings": [
      { method: "POST", path: "/v1/warnings", body: warning() },
      { method: "POST", path: "/v1/warnings", body: { ...warning(), targets: { level: "village", areaNodeId: aOrg.town.nodeId } } },
    ],
    "/v1/node-warnings": [{ method: "GET", path: `/v1/node-warnings?nodeId=${aOrg.town.nodeId}` }],
  });
  // A's dead letter (a send that failed every attempt) and the read receipts of A's record.
  const notificationEndpoints = (): Record<string, { method: string; path: string; body?: unknown }[]> => ({
    "/v1/notifications/dead-letters/{sendId}/retry": [{ method: "POST", path: `/v1/notifications/dead-letters/${aSendId}/retry` }],
    "/v1/nodes/{nodeId}/records/{recordId}/receipts": [{ method: "GET", path: `/v1/nodes/${aOrg.town.nodeId}/records/${aOrg.recordId}/receipts` }],
  });
  // A's vulnerable household (入户走访) in its town, its visits and its ID number; registering one names A's node in the body.
  const homeVisitEndpoints = (): Record<string, { method: string; path: string; body?: unknown }[]> => {
    const h = `/v1/home-visits/households/${aHouseholdId}`;
    const town = aOrg.town.nodeId;
    return {
      "/v1/home-visits/households/{householdId}": [{ method: "GET", path: h }],
      "/v1/home-visits/households/{householdId}/id-number": [{ method: "POST", path: `${h}/id-number` }],
      "/v1/home-visits/households/{householdId}/remove": [{ method: "POST", path: `${h}/remove`, body: { reason: "moved_away" } }],
      "/v1/home-visits/households/{householdId}/visits": [{ method: "POST", path: `${h}/visits`, body: { items: [{ itemId: "smoke_alarm", result: "fail", note: "越权走访" }] } }],
      "/v1/home-visits/households": [{ method: "GET", path: `/v1/home-visits/households?nodeId=${town}` }, { method: "POST", path: "/v1/home-visits/households", body: { nodeId: town, category: "elderly_alone", address: "越权登记", consent: { given: false } } }],
      "/v1/home-visits/due": [{ method: "GET", path: `/v1/home-visits/due?nodeId=${town}` }],
      "/v1/export/home-visits": [{ method: "GET", path: `/v1/export/home-visits?nodeId=${town}` }],
    };
  };
  // A town's funding ledger, equipment, certificates and a training's results (经费装备、资质培训).
  const resourceEndpoints = (): Record<string, { method: string; path: string; body?: unknown }[]> => {
    const n = `/v1/nodes/${aOrg.town.nodeId}`;
    return {
      "/v1/nodes/{nodeId}/funding": [{ method: "GET", path: `${n}/funding` }],
      "/v1/nodes/{nodeId}/funding/export": [{ method: "GET", path: `${n}/funding/export` }],
      "/v1/nodes/{nodeId}/funding/lines": [{ method: "POST", path: `${n}/funding/lines`, body: { year: 2026, item: "越权科目", amount: 1, source: "x" } }],
      "/v1/nodes/{nodeId}/funding/spending": [{ method: "POST", path: `${n}/funding/spending`, body: { lineId: "x", date: "2026-01-01", amount: 1 } }],
      "/v1/nodes/{nodeId}/funding/attachments": [
        { method: "POST", path: `${n}/funding/attachments`, body: { contentType: "image/jpeg", size: 1000 } },
        { method: "GET", path: `${n}/funding/attachments?key=${encodeURIComponent(`t/${a.tenant.tenantId}/resources/${aOrg.town.nodeId}/x.jpg`)}` },
      ],
      "/v1/nodes/{nodeId}/equipment": [{ method: "GET", path: `${n}/equipment` }, { method: "POST", path: `${n}/equipment`, body: { kind: "extinguisher", count: 1 } }],
      "/v1/nodes/{nodeId}/equipment/{equipmentId}": [{ method: "PATCH", path: `${n}/equipment/${aEquipmentId}`, body: { status: "retired" } }],
      "/v1/nodes/{nodeId}/equipment/export": [{ method: "GET", path: `${n}/equipment/export` }],
      "/v1/nodes/{nodeId}/certificates": [{ method: "GET", path: `${n}/certificates` }, { method: "POST", path: `${n}/certificates`, body: { personId: aOrg.personId, kind: "facility_operator", number: "x", issuedOn: "2020-01-01" } }],
      "/v1/nodes/{nodeId}/records/{recordId}/results": [
        { method: "GET", path: `${n}/records/${aTrainingId}/results` },
        { method: "PUT", path: `${n}/records/${aTrainingId}/results`, body: { scores: [{ personId: aOrg.personId, nodeId: aOrg.town.nodeId, score: 0 }] } },
      ],
      "/v1/nodes/{nodeId}/resources/findings": [{ method: "GET", path: `${n}/resources/findings` }],
    };
  };
  // A's IoT device and an open alarm of it (written directly: A's county profile sets no IoT section, and the paths are what is tested).
  const iotEndpoints = (): Record<string, { method: string; path: string; body?: unknown }[]> => {
    const d = `/v1/iot/devices/${aDevice.deviceId}`;
    return {
      "/v1/iot/devices/{deviceId}": [{ method: "GET", path: d }, { method: "PATCH", path: d, body: { status: "retired" } }],
      "/v1/iot/devices/{deviceId}/key": [{ method: "POST", path: `${d}/key` }],
      "/v1/iot/devices/{deviceId}/alarms": [{ method: "GET", path: `${d}/alarms` }],
      "/v1/iot/devices/{deviceId}/alarms/{episodeId}/close": [{ method: "POST", path: `${d}/alarms/${aDevice.episodeId}/close`, body: { reason: "false_alarm", note: "越权关闭" } }],
      // An id in a body: a device registered at A's town.
      "/v1/iot/devices": [{ method: "POST", path: "/v1/iot/devices", body: { deviceId: "INTRUDER-1", type: "smoke_detector", nodeId: aOrg.town.nodeId, lat: 31, lng: 121 } }],
    };
  };
  // A's campaign (专项整治) in its town; setting one up in A's town names A's node in the body.
  const campaign = () => ({ name: { zh: "越权专项" }, startDate: "2099-01-01", endDate: "2099-01-31", areaNodeId: aOrg.town.nodeId, target: { kinds: ["nine_small"] }, custom: [{ name: { zh: "x" }, hazardCode: "other" }] });
  const campaignEndpoints = (): Record<string, { method: string; path: string; body?: unknown }[]> => ({
    "/v1/campaigns/{campaignId}": [{ method: "GET", path: `/v1/campaigns/${aCampaignId}` }],
    "/v1/campaigns/{campaignId}/close": [{ method: "POST", path: `/v1/campaigns/${aCampaignId}/close` }],
    "/v1/campaigns": [{ method: "POST", path: "/v1/campaigns", body: campaign() }],
  });
  // A's Open311 client: B's admin may not revoke it (B's other roles may not either).
  const open311Endpoints = (): Record<string, { method: string; path: string; body?: unknown }[]> => ({
    "/v1/open311/clients/{clientId}/revoke": [{ method: "POST", path: `/v1/open311/clients/${aOpen311ClientId}/revoke` }],
    // A's tip (a resident's): B may neither read its reward nor record one.
    "/v1/hazards/{hazardId}/reward": [
      { method: "GET", path: `/v1/hazards/${aHazard.hazardId}/reward` },
      { method: "POST", path: `/v1/hazards/${aHazard.hazardId}/reward`, body: { form: "奖金", amount: 100, date: "2026-12-07" } },
    ],
  });
  // The venue, inspection and photo paths, aimed at A's venue and what it holds.
  // Fire incidents: A's incident by id, and A's venue or node named in a body or query.
  const incidentEndpoints = (): Record<string, { method: string; path: string; body?: unknown }[]> => ({
    "/v1/incidents/{incidentId}": [
      { method: "GET", path: `/v1/incidents/${aIncidentId}` },
      { method: "PATCH", path: `/v1/incidents/${aIncidentId}`, body: { deaths: 9, version: 1 } },
    ],
    "/v1/incidents": [
      { method: "GET", path: `/v1/incidents?nodeId=${aOrg.town.nodeId}` },
      { method: "POST", path: "/v1/incidents", body: { occurredAt: "2026-01-01T08:00:00+08:00", venueId: aVenue.venueId, cause: "electrical" } },
      { method: "POST", path: "/v1/incidents", body: { occurredAt: "2026-01-01T08:00:00+08:00", nodeId: aOrg.town.nodeId, cause: "electrical" } },
    ],
    "/v1/export/incidents": [{ method: "GET", path: `/v1/export/incidents?nodeId=${aOrg.town.nodeId}` }],
  });
  const venueEndpoints = (): Record<string, { method: string; path: string; body?: unknown }[]> => {
    const v = `/v1/venues/${aVenue.venueId}`;
    const town = aOrg.town.nodeId;
    return {
      "/v1/venues/{venueId}": [{ method: "GET", path: v }, { method: "PATCH", path: v, body: { name: "被篡改" } }],
      "/v1/venues/{venueId}/retire": [{ method: "POST", path: `${v}/retire` }],
      "/v1/venues/{venueId}/history": [{ method: "GET", path: `${v}/history` }],
      "/v1/venues/{venueId}/patrol-plan": [{ method: "POST", path: `${v}/patrol-plan`, body: { patrollerId: aUserId, frequency: { every: 1, unit: "month" }, method: "on_site" } }],
      "/v1/venues/{venueId}/checklist": [{ method: "GET", path: `${v}/checklist` }],
      "/v1/venues/{venueId}/inspections": [{ method: "GET", path: `${v}/inspections` }, { method: "POST", path: `${v}/inspections`, body: { items: [] } }],
      "/v1/venues/{venueId}/inspections/{inspectionId}": [{ method: "GET", path: `${v}/inspections/${aVenue.inspectionId}` }],
      "/v1/venues/{venueId}/photos": [{ method: "POST", path: `${v}/photos`, body: { contentType: "image/jpeg", size: 1000 } }],
      "/v1/venues/{venueId}/photos/{photoId}": [{ method: "GET", path: `${v}/photos/00000000-0000-4000-8000-000000000000.jpg` }],
      "/v1/inspection-tasks/{taskId}": [{ method: "GET", path: `/v1/inspection-tasks/${aVenue.venueId}.grid_patrol.2026-11` }],
      "/v1/coverage/nodes/{nodeId}": [{ method: "GET", path: `/v1/coverage/nodes/${town}` }],
      "/v1/venue-imports/{importId}": [{ method: "GET", path: `/v1/venue-imports/${aVenue.importId}` }],
      "/v1/venues/{venueId}/safety-evaluations": [{ method: "POST", path: `${v}/safety-evaluations`, body: { result: "failed", date: "2026-01-05", evaluator: "越权评估" } }],
      "/v1/venues/{venueId}/self-check": [{ method: "GET", path: `${v}/self-check` }],
      "/v1/venues/{venueId}/self-check/link": [{ method: "POST", path: `${v}/self-check/link` }],
      "/v1/venues/{venueId}/self-checks": [{ method: "GET", path: `${v}/self-checks` }],
      // Ids in a body or query.
      "/v1/venues": [{ method: "GET", path: `/v1/venues?nodeId=${town}` }, { method: "POST", path: "/v1/venues", body: { name: "x", nodeId: town, kinds: ["nine_small"] } }],
      "/v1/inspection-tasks": [{ method: "GET", path: `/v1/inspection-tasks?nodeId=${town}` }],
      "/v1/venue-evaluations": [{ method: "GET", path: `/v1/venue-evaluations?nodeId=${town}` }],
      "/v1/hazards/similar": [{ method: "GET", path: `/v1/hazards/similar?code=other&venueId=${aVenue.venueId}` }],
      "/v1/coverage": [{ method: "GET", path: `/v1/coverage?nodeId=${town}&category=grid_patrol&period=2026-11` }],
      "/v1/self-checks": [{ method: "GET", path: `/v1/self-checks?nodeId=${town}` }],
      "/v1/export/venues": [{ method: "GET", path: `/v1/export/venues?nodeId=${town}` }],
      "/v1/import/venues": [{ method: "POST", path: `/v1/import/venues?under=${town}`, body: {} }],
    };
  };
  // A's hazard (a resident's tip) and the message it left in A's admin's inbox.
  const hazardEndpoints = (): Record<string, { method: string; path: string; body?: unknown }[]> => ({
    "/v1/hazards/{hazardId}": [{ method: "GET", path: `/v1/hazards/${aHazard.hazardId}` }],
    "/v1/hazards/{hazardId}/photo": [{ method: "GET", path: `/v1/hazards/${aHazard.hazardId}/photo?key=${encodeURIComponent(`t/${a.tenant.tenantId}/hazards/x/y.jpg`)}` }],
    "/v1/hazards/{hazardId}/transitions": [
      { method: "POST", path: `/v1/hazards/${aHazard.hazardId}/transitions`, body: { action: "withdraw", reason: "越权撤销" } },
      { method: "POST", path: `/v1/hazards/${aHazard.hazardId}/transitions`, body: { action: "register", severity: "general", code: "other", codeText: "x" } },
    ],
    "/v1/hazards/{hazardId}/corroborations": [{ method: "POST", path: `/v1/hazards/${aHazard.hazardId}/corroborations`, body: { note: "越权补充" } }],
    "/v1/hazards/{hazardId}/merge": [{ method: "POST", path: `/v1/hazards/${aHazard.hazardId}/merge`, body: { intoId: aHazard.hazardId, expectedVersion: 1 } }],
    "/v1/inbox/{notificationId}/read": [{ method: "POST", path: `/v1/inbox/${aHazard.notificationId}/read` }],
    // An id in a body: a hazard reported at A's town.
    "/v1/hazards": [{ method: "POST", path: "/v1/hazards", body: { nodeId: aOrg.town.nodeId, code: "other", codeText: "x", severity: "general", description: "越权上报", source: "inspection" } }],
  });
  // The jurisdiction, organisation and compliance paths, aimed at A's town and what it holds.
  const organisationEndpoints = (): Record<string, { method: string; path: string; body?: unknown }[]> => {
    const n = `/v1/nodes/${aOrg.town.nodeId}`;
    return {
      "/v1/nodes/{nodeId}": [{ method: "GET", path: n }, { method: "PATCH", path: n, body: { name: "被篡改" } }],
      "/v1/nodes/{nodeId}/subtree": [{ method: "GET", path: `${n}/subtree` }],
      "/v1/nodes/{nodeId}/move": [{ method: "POST", path: `${n}/move`, body: { parentId: a.tenant.rootNodeId } }],
      "/v1/nodes/{nodeId}/retire": [{ method: "POST", path: `${n}/retire` }],
      "/v1/nodes/{nodeId}/organisation": [{ method: "GET", path: `${n}/organisation` }],
      "/v1/nodes/{nodeId}/people": [{ method: "GET", path: `${n}/people` }, { method: "POST", path: `${n}/people`, body: { name: "x", employment: "on_payroll" } }],
      "/v1/nodes/{nodeId}/subtree/people": [{ method: "GET", path: `${n}/subtree/people` }],
      "/v1/nodes/{nodeId}/people/{personId}": [{ method: "GET", path: `${n}/people/${aOrg.personId}` }, { method: "PATCH", path: `${n}/people/${aOrg.personId}`, body: { name: "被篡改" } }],
      "/v1/nodes/{nodeId}/bodies/{bodyId}": [{ method: "POST", path: `${n}/bodies/town_committee`, body: { localName: "x" } }],
      "/v1/nodes/{nodeId}/standards/{standardId}/items/{itemId}": [{ method: "POST", path: `${n}/standards/eight_haves/items/premises`, body: { metOn: "2024-01-01" } }],
      "/v1/nodes/{nodeId}/milestones/{milestoneId}": [{ method: "POST", path: `${n}/milestones/town_committee`, body: { metOn: "2024-01-01" } }],
      "/v1/nodes/{nodeId}/positions/{positionId}/posting": [{ method: "POST", path: `${n}/positions/station_head/posting`, body: { postedOn: "2024-01-01" } }],
      "/v1/nodes/{nodeId}/benchmarks/wage": [{ method: "GET", path: `${n}/benchmarks/wage` }],
      "/v1/nodes/{nodeId}/benchmarks/wage/{year}": [{ method: "POST", path: `${n}/benchmarks/wage/2020`, body: { amount: 100_000 } }],
      "/v1/nodes/{nodeId}/subtree/brigades": [{ method: "GET", path: `${n}/subtree/brigades` }],
      "/v1/nodes/{nodeId}/boundary": [
        { method: "PUT", path: `${n}/boundary`, body: { type: "Polygon", coordinates: [[[121, 31], [121.1, 31], [121.1, 31.1], [121, 31]]] } },
        { method: "DELETE", path: `${n}/boundary` },
      ],
      // A scheme id is the profile's, not A's; the node named in the query or body is A's.
      "/v1/assessment/schemes/{schemeId}/scorecards": [{ method: "GET", path: `/v1/assessment/schemes/city_annual/scorecards?nodeId=${aOrg.town.nodeId}` }],
      "/v1/assessment/schemes/{schemeId}/scores": [
        { method: "PUT", path: "/v1/assessment/schemes/city_annual/scores", body: { period: "2026-06-01", nodeId: aOrg.town.nodeId, indicatorId: "organisation", score: 10, note: "越权评分" } },
        { method: "DELETE", path: "/v1/assessment/schemes/city_annual/scores", body: { period: "2026-06-01", nodeId: aOrg.town.nodeId, indicatorId: "organisation" } },
      ],
      "/v1/assessment/schemes/{schemeId}/export": [{ method: "GET", path: `/v1/assessment/schemes/city_annual/export?nodeId=${aOrg.town.nodeId}` }],
      "/v1/nodes/{nodeId}/brigades": [{ method: "POST", path: `${n}/brigades`, body: { name: "x", force: "micro_station" } }],
      "/v1/nodes/{nodeId}/brigades/{brigadeId}": [{ method: "GET", path: `${n}/brigades/${aOrg.brigadeId}` }, { method: "PATCH", path: `${n}/brigades/${aOrg.brigadeId}`, body: { status: "disbanded" } }],
      "/v1/nodes/{nodeId}/records": [{ method: "GET", path: `${n}/records` }, { method: "POST", path: `${n}/records`, body: { kind: "drill", date: "2024-01-01" } }],
      "/v1/nodes/{nodeId}/records/{recordId}": [{ method: "GET", path: `${n}/records/${aOrg.recordId}` }, { method: "PATCH", path: `${n}/records/${aOrg.recordId}`, body: { title: "被篡改" } }],
      "/v1/compliance/nodes/{nodeId}": [{ method: "GET", path: `/v1/compliance/nodes/${aOrg.town.nodeId}` }],
      // Ids in a body or query.
      "/v1/nodes": [{ method: "POST", path: "/v1/nodes", body: { parentId: aOrg.town.nodeId, name: "x" } }],
      "/v1/compliance/rollup": [{ method: "GET", path: `/v1/compliance/rollup?nodeId=${aOrg.town.nodeId}` }],
      "/v1/compliance/refresh": [{ method: "POST", path: "/v1/compliance/refresh", body: { nodeId: aOrg.town.nodeId } }],
      "/v1/import/staff": [{ method: "POST", path: `/v1/import/staff?under=${aOrg.town.nodeId}`, body: {} }],
    };
  };
  const OPEN311_COUNTY_PATHS = ["services/{service_code}", "requests/{service_request_id}", "tokens/{token}", "services", "requests"].flatMap((p) => ["json", "xml"].map((f) => `/open311/v2/{tenantSlug}/${p}.${f}`));

  // Version numbers are per tenant: B asking for version 1 gets B's own version 1, never A's.
  // A version's document likewise (profile-document.test.ts: B asking for A's version number reads none of A's text).
  const notCrossTenantIds = new Set(["/v1/profile/versions/{n}", "/v1/profile/versions/{n}/document", "/v1/profile/versions/{version}", "/v1/public/{tenantSlug}/tips", "/v1/public/{tenantSlug}/spot-checks", "/v1/public/{tenantSlug}/tips/{receiptCode}", "/v1/public/{tenantSlug}/places", "/v1/assessment/schemes/{schemeId}/close", ...OPEN311_COUNTY_PATHS]);
  // POST /v1/profile/draft/fork, /v1/profile/draft/recite and /v1/auth/recover name no id (the caller's tenant, or the county
  // code and a recovery code): start.test.ts shows B's fork and recite leave A's draft as it was, and B's code refused at A's county.
  // Closing a period names no id but the profile's scheme: it closes the caller's own tenant's period (assessment-close.test.ts).
  // Public tips name their county in the path by design (residents have no token); see hazards-tips.test.ts.
  // A tip's status is read with its receipt code at its own county's address only (tip-rewards.test.ts: another county's address answers 404).
  // A county's public places list its own towns and villages only, and a tip placed at another county's node answers 400 (hazards-tips-routing.test.ts).
  // Open311 GeoReport v2 names the county in the path by design too (a city platform has no user token): the
  // client's api_key must be one of that county's; open311.test.ts shows B's key refused at A's paths and A's ids absent at B's.

  async function snapshotOf(tenantId: string) {
    const items = [];
    const nodes = tenantId === a.tenant.tenantId ? [a.tenant.rootNodeId, aOrg.town.nodeId] : [];
    const households = tenantId === a.tenant.tenantId ? [`T#${tenantId}#HH#${aHouseholdId}`] : [];
    for (const pk of [`T#${tenantId}`, `T#${tenantId}#AUDIT`, `T#${tenantId}#SENDDEAD`, `T#${tenantId}#SENDQ`, `T#${tenantId}#O311#CLIENT`, `T#${tenantId}#TIPRWD`, `T#${tenantId}#TIPR`, ...nodes.map((id) => `T#${tenantId}#NODE#${id}`), ...nodes.map((id) => `T#${tenantId}#NBND#${id}`), ...households, ...(tenantId === a.tenant.tenantId ? [`T#${tenantId}#INC#${aIncidentId}`, `T#${tenantId}#WRN#${aWarningId}`, `T#${tenantId}#IOT`, `T#${tenantId}#IOTDEV#${aDevice.deviceId}`] : [])]) {
      const out = await db.client.send(new QueryCommand({ TableName: db.tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: pk } }, ConsistentRead: true }));
      items.push(...(out.Items ?? []));
    }
    return JSON.stringify(items);
  }

  beforeAll(async () => {
    a = await adminOf(app, "qidong");
    aUserId = (await userAt(app, a.client, a.tenant.tenantId, "a.grid", "grid_worker", a.tenant.rootNodeId)).userId;
    aOrg = await orgFixture(a.client, a.tenant.rootNodeId);
    const tip = await app.request(`/v1/public/${a.tenant.tenantId}/tips`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ locationText: "甲镇某处", description: "楼道堆放杂物" }) });
    const inbox = await (await a.client.get("/v1/inbox")).json();
    aHazard = { hazardId: (await tip.json()).hazardId, notificationId: inbox.items[0].notificationId };
    const venue = await (await a.client.post("/v1/venues", { name: "甲场所", nodeId: aOrg.town.nodeId, kinds: ["nine_small"] })).json();
    const checklist = (await (await a.client.get(`/v1/venues/${venue.venueId}/checklist`)).json()) as { items: { category: string; itemId: string }[] };
    const items = checklist.items.map((i) => ({ category: i.category, itemId: i.itemId, result: "pass" }));
    const inspection = await (await a.client.post(`/v1/venues/${venue.venueId}/inspections`, { items })).json();
    const importId = crypto.randomUUID();
    const csv = new TextEncoder().encode(`场所名称,所在网格,场所类型\n乙场所,${aOrg.town.name},nine_small\n`);
    const imported = await app.request(`/v1/import/venues?importId=${importId}`, { method: "POST", headers: { authorization: `Bearer ${a.token}`, "content-type": "text/csv" }, body: new Blob([csv]) });
    if (!venue.venueId || !inspection.inspectionId || imported.status !== 200) throw new Error(`venue fixture: ${JSON.stringify({ venue, inspection, imported: await imported.text() })}`);
    aVenue = { venueId: venue.venueId, inspectionId: inspection.inspectionId, importId };
    const made = await a.client.post("/v1/campaigns", campaign());
    aCampaignId = ((await made.json()) as { campaignId: string }).campaignId;
    if (made.status !== 201 || !aCampaignId) throw new Error(`campaign fixture: ${made.status}`);
    const warned = await a.client.post("/v1/warnings", warning());
    aWarningId = ((await warned.json()) as { warningId: string }).warningId;
    if (warned.status !== 201 || !aWarningId) throw new Error(`warning fixture: ${warned.status}`);
    // A's town has a boundary: B's DELETE must leave it (the snapshot shows it untouched).
    const bounded = await a.client.put(`/v1/nodes/${aOrg.town.nodeId}/boundary`, { type: "Polygon", coordinates: [[[120, 30], [120.1, 30], [120.1, 30.1], [120, 30]]] });
    if (bounded.status !== 200) throw new Error(`boundary fixture: ${bounded.status} ${await bounded.text()}`);
    const household = await a.client.post("/v1/home-visits/households", { nodeId: aOrg.town.nodeId, category: "elderly_alone", address: "甲镇 1 号", consent: { given: false } });
    aHouseholdId = ((await household.json()) as { householdId: string }).householdId;
    if (household.status !== 201 || !aHouseholdId) throw new Error(`household fixture: ${household.status}`);
    // A's equipment and a scored training, at the end of the fixtures.
    const town = aOrg.town.nodeId;
    const equipment = await a.client.post(`/v1/nodes/${town}/equipment`, { kind: "extinguisher", count: 2, expiresOn: "2030-01-01" });
    aEquipmentId = ((await equipment.json()) as { equipmentId: string }).equipmentId;
    const training = await a.client.post(`/v1/nodes/${town}/records`, { kind: "training", date: "2024-03-02", attendees: [{ personId: aOrg.personId, nodeId: town }] });
    aTrainingId = ((await training.json()) as { recordId: string }).recordId;
    const scored = await a.client.put(`/v1/nodes/${town}/records/${aTrainingId}/results`, { scores: [{ personId: aOrg.personId, nodeId: town, score: 80 }] });
    if (equipment.status !== 201 || training.status !== 201 || scored.status !== 200) throw new Error(`resources fixture: ${equipment.status} ${training.status} ${scored.status}`);
    // A dead letter of A's, as the delivery worker leaves one after the last failed attempt.
    aSendId = `m0000000000000000000.${aUserId}.sms`;
    await withActor({ type: "system", tenantId: a.tenant.tenantId, job: "test-fixture" }, () =>
      tenantDb().service.entities.deadLetter.create({ tenantId: a.tenant.tenantId, sendId: aSendId, messageId: "m0000000000000000000", userId: aUserId, channel: "sms", target: { phone: "13800000000" }, kind: "dispatch", subjectType: "hazard", subjectId: aHazard.hazardId, title: { zh: "x", en: "x" }, dedupeId: "d", attempts: 5, nextAttemptAt: "2026-01-01T00:00:00.000Z", lastError: "x", deadAt: "2026-01-01T00:00:00.000Z", createdAt: "2026-01-01T00:00:00.000Z" }).go(),
    );
    const o311 = await a.client.post("/v1/open311/clients", { name: "甲县12345" });
    aOpen311ClientId = ((await o311.json()) as { clientId: string }).clientId;
    if (o311.status !== 201 || !aOpen311ClientId) throw new Error(`open311 fixture: ${o311.status}`);
    const b = await adminOf(app, "songjiang");
    bClients.set("tenant_admin", b.client);
    for (const role of roles.filter((r) => r !== "tenant_admin")) {
      bClients.set(role, (await userAt(app, b.client, b.tenant.tenantId, `b.${role.replace(/_/g, "-")}`, role, b.tenant.rootNodeId)).client);
    }
    // A fire incident at A's venue.
    const incident = await a.client.post("/v1/incidents", { occurredAt: new Date(Date.now() - 3_600_000).toISOString(), venueId: aVenue.venueId, cause: "electrical", injuries: 1 });
    aIncidentId = ((await incident.json()) as { incidentId: string }).incidentId;
    if (incident.status !== 201 || !aIncidentId) throw new Error(`incident fixture: ${incident.status}`);
    aDevice = { deviceId: "A-SMOKE-1", episodeId: "01JAEPISODE0000000000000000" };
    await withActor({ type: "system", tenantId: a.tenant.tenantId, job: "test-fixture" }, async () => {
      const tenantId = a.tenant.tenantId;
      const at = new Date().toISOString();
      const { service } = tenantDb();
      await service.entities.iotDevice.create({ tenantId, deviceId: aDevice.deviceId, type: "smoke_detector", nodeId: aOrg.town.nodeId, path: aOrg.town.path, lat: 31, lng: 121, status: "active", registeredAt: at, registeredBy: aUserId, alarms: 1, falseAlarms: 0, version: 0 }).go();
      await service.entities.iotEpisode.create({ tenantId, deviceId: aDevice.deviceId, episodeId: aDevice.episodeId, alarmType: "smoke", action: "notify", count: 1, firstAt: at, lastAt: at, status: "open" }).go();
    });
    // Two tenants and every fixture: generous under a loaded machine.
  }, 180_000);

  it("covers every API path that carries an id", async () => {
    const doc = await (await app.request("/v1/openapi.json")).json();
    const templated = Object.keys(doc.paths).filter((p) => p.includes("{") && !notCrossTenantIds.has(p));
    expect(templated.filter((p) => !(p in idEndpoints())).sort()).toEqual([]);
  });

  it.each(roles)("answers 404 to tenant B's %s on every endpoint aimed at tenant A, and writes nothing", async (role) => {
    const before = await snapshotOf(a.tenant.tenantId);
    const client = bClients.get(role)!;
    for (const calls of Object.values(idEndpoints())) {
      for (const call of calls) {
        const res =
          call.method === "GET" ? await client.get(call.path)
          : call.method === "PATCH" ? await client.patch(call.path, call.body)
          : call.method === "PUT" ? await client.put(call.path, call.body)
          : call.method === "DELETE" ? await client.del(call.path, call.body)
          : await client.post(call.path, call.body);
        expect(res.status, `${role} ${call.method} ${call.path}`).toBe(404);
      }
    }
    expect(await snapshotOf(a.tenant.tenantId)).toBe(before);
  });

  // Issue 16: the board's bulk action and search take ids and paths in the body and query, not the path.
  it("refuses tenant A's hazard ids in tenant B's bulk action item by item (not found), and B's search never shows or reaches A's", async () => {
    const hazardPk = `T#${a.tenant.tenantId}#HZ#${aHazard.hazardId}`;
    const read = async () => JSON.stringify((await db.client.send(new QueryCommand({ TableName: db.tableName, KeyConditionExpression: "pk = :pk", ExpressionAttributeValues: { ":pk": { S: hazardPk } }, ConsistentRead: true }))).Items);
    const before = await read();
    for (const role of ["tenant_admin", "town_officer"] as Role[]) {
      const client = bClients.get(role)!;
      for (const action of ["register", "dispatch"]) {
        const res = await client.post("/v1/hazards/bulk", { action, items: [{ id: aHazard.hazardId, expectedVersion: 1 }], fields: action === "register" ? { severity: "general", code: "other", codeText: "x" } : {} });
        expect(res.status, `${role} bulk ${action}`).toBe(200);
        const body = await res.json();
        expect(body.succeeded).toEqual([]);
        expect(body.refused.map((r: { id: string; code: string }) => [r.id, r.code])).toEqual([[aHazard.hazardId, "hazard.not_found"]]);
      }
      const mine = await (await client.get("/v1/hazards/search?state=discovered&limit=100")).json();
      expect(mine.items.map((h: { hazardId: string }) => h.hazardId)).not.toContain(aHazard.hazardId);
      expect((await client.get(`/v1/hazards/search?path=${encodeURIComponent(`/${a.tenant.rootNodeId}`)}`)).status).toBe(403);
    }
    expect(await read()).toBe(before);
  });

  it("lists only the caller's own tenant's users, nodes and audit entries", async () => {
    const admin = bClients.get("tenant_admin")!;
    const users = await (await admin.get("/v1/users?limit=100")).json();
    expect(users.items.map((u: { username: string }) => u.username)).not.toContain("a.grid");
    const nodes = await (await admin.get("/v1/nodes")).json();
    expect(nodes.items.map((n: { nodeId: string }) => n.nodeId)).not.toContain(a.tenant.rootNodeId);
    const audit = await (await admin.get(`/v1/audit?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&limit=200`)).json();
    expect(audit.items.map((e: { targetId: string }) => e.targetId)).not.toContain(aUserId);
  });

  it("ignores a tenant named in the query or body: only the token decides", async () => {
    const admin = bClients.get("tenant_admin")!;
    const res = await admin.get(`/v1/users?tenantId=${a.tenant.tenantId}&limit=100`);
    const names = (await res.json()).items.map((u: { username: string }) => u.username);
    expect(names).not.toContain("a.grid");
    const patched = await admin.patch(`/v1/users/${aUserId}`, { displayName: "x", tenantId: a.tenant.tenantId });
    expect(patched.status).toBe(404);
  });
});

describe("page cursors", () => {
  const app = testApp(testDb());

  it("answer 400 naming the cursor for garbage, and never page into another tenant with a forged one", async () => {
    const a = await adminOf(app);
    const b = await adminOf(app);
    expect((await a.client.get("/v1/users?cursor=not-a-cursor")).status).toBe(400);
    // A cursor built from tenant A's own key, presented by tenant B.
    const forged = Buffer.from(JSON.stringify({ pk: `T#${a.tenant.tenantId}`, sk: "USER#x", gsi1pk: `T#${a.tenant.tenantId}#USERS`, gsi1sk: "/x#x" })).toString("base64url");
    const res = await b.client.get(`/v1/users?cursor=${forged}`);
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.errors[0].path).toBe("query.cursor");
  });
});
