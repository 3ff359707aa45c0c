import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { Incident, IncidentDetail, NearestForces, Venue } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import IncidentPage from "../../web/src/pages/incidents/incident.tsx";
import IncidentsPage from "../../web/src/pages/incidents/index.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { county, dongHe } from "./organisation-fixture.ts";
import { version1 } from "./profile-fixture.ts";

// 火灾事故 pages: the record form suggests the nearest forces (火警派警) once
// the place is known and sends what was ticked; the incident page shows the
// venue's review and the forces.

const venue: Venue = {
  venueId: "v-1", name: "沿街商铺甲", nodeId: dongHe.nodeId, path: dongHe.path, lat: 31, lng: 121.2, kinds: [], flags: [], features: [], supervisor: "town_office", categories: [],
  profileVersion: 1, status: "active", version: 1, createdAt: "2026-11-20T02:00:00.000Z", updatedAt: "2026-11-20T02:00:00.000Z",
};

const forces: NearestForces = {
  from: { lat: 31, lng: 121.2 },
  items: [
    { brigadeId: "b-micro", nodeId: dongHe.nodeId, name: "商铺微型消防站", force: "micro_station", dutyStatus: "on_duty", lat: 31, lng: 121.2001, distanceKm: 0.01 },
    { brigadeId: "b-town", nodeId: dongHe.nodeId, name: "东河专职消防队", force: "full_time_brigade", dutyStatus: "on_duty", lat: 31.009, lng: 121.2, distanceKm: 1 },
  ],
  withoutPosition: 1,
  basis: { zh: "按直线距离（球面大圆距离）由近及远排列，非道路行驶距离", en: "Nearest first by straight-line distance" },
  sourceRef: null,
};

const incident: Incident = {
  incidentId: "inc-1", nodeId: dongHe.nodeId, path: dongHe.path, occurredAt: "2026-12-01T02:00:00.000Z", venueId: "v-1", venueName: "沿街商铺甲", lat: 31, lng: 121.2,
  cause: "electrical", causeName: { zh: "电气火灾", en: "Electrical" }, directLoss: 8000, deaths: 0, injuries: 1,
  forces: [{ brigadeId: "b-town", nodeId: dongHe.nodeId, name: "东河专职消防队", force: "full_time_brigade", dispatchedAt: "2026-12-01T02:01:00.000Z", arrivedAt: "2026-12-01T02:09:00.000Z", responseMinutes: 8 }],
  status: "reported", createdBy: admin.userId, createdAt: "2026-12-01T03:00:00.000Z", updatedAt: "2026-12-01T03:00:00.000Z", version: 1,
};

async function signInAsAdmin() {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1")) });
  await signIn({ tenant: "xinhe", username: "admin", password: "Fire-safe-2026" });
}

afterEach(() => resetSession());

describe("recording a fire incident", () => {
  it("zezhou 三(六): choosing a venue with a position suggests the nearest forces; the ticked ones go with the record, once with an Idempotency-Key", async () => {
    await signInAsAdmin();
    const api = fakeApi({
      "GET /v1/incidents": () => json(200, { items: [], cursor: null }),
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/venues": () => json(200, { items: [venue], cursor: null }),
      "GET /v1/nodes": () => json(200, { items: [county, dongHe], cursor: null }),
      "GET /v1/nearest-forces": () => json(200, forces),
      "POST /v1/incidents": () => json(201, incident),
    });
    renderAt("/incidents", () => <Route path="/incidents" component={IncidentsPage} />);
    fireEvent.click(await screen.findByRole("button", { name: "登记火灾事故" }));
    const form = await screen.findByRole("form", { name: "登记火灾事故" });
    fireEvent.change(within(form).getByLabelText("场所"), { target: { value: "v-1" } });
    // The profile has no incidents section: the system's default causes are offered.
    fireEvent.change(within(form).getByLabelText(/起火原因/), { target: { value: "electrical" } });
    const suggested = await within(form).findAllByTestId("suggested-force");
    expect(suggested.map((s) => s.textContent)).toEqual([expect.stringContaining("商铺微型消防站"), expect.stringContaining("东河专职消防队")]);
    expect(api.calls("GET /v1/nearest-forces")[0]!.path).toContain("lat=31");
    fireEvent.click(within(suggested[1]!).getByRole("checkbox"));
    fireEvent.change(within(form).getByLabelText("微型消防站成功扑救初期火灾"), { target: { value: "b-micro" } });
    fireEvent.submit(form);
    await waitFor(() => expect(api.calls("POST /v1/incidents")).toHaveLength(1));
    const [call] = api.calls("POST /v1/incidents");
    expect(call!.headers.get("idempotency-key")).toBeTruthy();
    expect(call!.body).toMatchObject({ venueId: "v-1", cause: "electrical", forces: [{ brigadeId: "b-town" }], earlyFireSave: { brigadeId: "b-micro" }, directLoss: 0, deaths: 0, injuries: 0 });
  });

  it("shows the API's field error next to the cause, zh first", async () => {
    await signInAsAdmin();
    fakeApi({
      "GET /v1/incidents": () => json(200, { items: [], cursor: null }),
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/venues": () => json(200, { items: [venue], cursor: null }),
      "GET /v1/nodes": () => json(200, { items: [county, dongHe], cursor: null }),
      "GET /v1/nearest-forces": () => json(200, forces),
      "POST /v1/incidents": () => problem(400, "request.invalid", "请求参数有误，请检查标出的字段。", [{ path: "body.cause", code: "incident.cause_unknown", message: "“x”不是政策档案中的起火原因分类" }]),
    });
    renderAt("/incidents", () => <Route path="/incidents" component={IncidentsPage} />);
    fireEvent.click(await screen.findByRole("button", { name: "登记火灾事故" }));
    const form = await screen.findByRole("form", { name: "登记火灾事故" });
    fireEvent.change(within(form).getByLabelText("场所"), { target: { value: "v-1" } });
    fireEvent.submit(form);
    expect(await within(form).findByText("“x”不是政策档案中的起火原因分类")).toBeTruthy();
  });
});

describe("an incident's page", () => {
  it("qidong 四(十二): shows the venue's review (overdue hazards marked, the clause cited) and the nearest forces", async () => {
    await signInAsAdmin();
    const detail: IncidentDetail = {
      incident,
      review: {
        incidentId: "inc-1", venueId: "v-1", since: "2025-12-01T02:00:00.000Z", windowMonths: 12, windowRule: { sourceRef: null, assumption: { zh: "默认12个月" } },
        inspections: [],
        hazards: [{ hazardId: "h-1", state: "rectifying", description: "疏散通道堆放杂物", createdAt: "2026-06-01T00:00:00.000Z", deadline: "2026-06-16T00:00:00.000Z", overdue: true, overdueNow: true, closedLate: false, openAtIncident: true }],
        totals: { inspections: 0, hazards: 1, overdue: 1, overdueNow: 1, closedLate: 0, openAtIncident: 1 },
        accountability: [{ id: "fire_after_failed_duty", name: { zh: "履职不力造成火灾事故的问责追责", en: "Accountability" }, sourceRef: "qidong 四(十二)", text: "对履职不力造成火灾事故的，将依法依规严肃问责追责" }],
      },
      nearestForces: forces,
    };
    fakeApi({ "GET /v1/incidents/inc-1": () => json(200, detail) });
    renderAt("/incidents/inc-1", () => <Route path="/incidents/:incidentId" component={IncidentPage} />);
    const hazard = await screen.findByTestId("review-hazard");
    expect(within(hazard).getByText("至今逾期未改")).toBeTruthy();
    expect(screen.getByText(/qidong 四\(十二\)/)).toBeTruthy();
    expect(screen.getAllByTestId("nearest-force").map((f) => f.textContent)).toEqual(["商铺微型消防站：0.01 公里", "东河专职消防队：1 公里"]);
    expect(screen.getByText("8 分钟到场", { exact: false })).toBeTruthy();
  });
});
