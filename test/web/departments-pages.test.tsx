import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { Hazard, ProfileVersion, User, Venue } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import { SessionBar } from "../../web/src/components/session-bar.tsx";
import UsersPage from "../../web/src/pages/users/index.tsx";
import ProfilePage from "../../web/src/pages/profile/index.tsx";
import HazardPage from "../../web/src/pages/hazards/hazard.tsx";
import VenuePage from "../../web/src/pages/venues/venue.tsx";
import VenuesPage from "../../web/src/pages/venues/index.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { presets, profile, version1 } from "./profile-fixture.ts";

// The pages that show whom a user acts for and a venue's safety evaluation:
// the signed-in bar, the user editor's body picker, the venue page and ledger.

const education: ProfileVersion["profile"]["bodies"][number] = { id: "county_education", name: { zh: "县教育局", en: "County education bureau" }, level: "county", kind: "industry_department", sourceRef: "xinhe 一", text: "行业主管部门" };
const house: ProfileVersion["profile"]["venues"]["kinds"][number] = { id: "converted_house", name: { zh: "自建房改作经营", en: "Converted house" }, flags: [], sourceRef: "xinhe 一", text: "须安全评估" };
const withPolicy: ProfileVersion = {
  ...version1,
  profile: {
    ...profile,
    bodies: [...profile.bodies, education],
    venues: {
      ...profile.venues,
      kinds: [...profile.venues.kinds, house],
      policies: [
        ...profile.venues.policies,
        { id: "safety_evaluation", kind: "safety_evaluation", match: { kinds: [house.id] }, onFailure: "must_not_operate", sourceRef: "xinhe 一", text: "达不到安全条件的不得经营使用" },
      ],
    },
  },
};
const root = { nodeId: admin.scopeNodeId, path: admin.scopePath, level: "county", name: "新河县", status: "active" };
const liaison: User = { ...admin, userId: "u-edu", username: "li.edu", displayName: "李教育", role: "department_liaison", bodyId: "county_education" };
const tenant = { tenantId: "xinhe", name: "新河县", presetId: "xinhe", rootNodeId: root.nodeId, timeZone: "Asia/Shanghai", status: "active", createdAt: "2026-11-20T02:00:00.000Z" };

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "xinhe", username: user.username, password: "Fire-safe-2026" });
}

afterEach(resetSession);

describe("whom a user acts for", () => {
  it("the signed-in bar names the department a liaison is bound to, from /v1/me", async () => {
    await signInAs(liaison);
    fakeApi({ "GET /v1/me": () => json(200, { user: liaison, body: { id: education.id, name: education.name, kind: education.kind, level: "county" }, tenant }), "GET /v1/profile": () => json(200, version1) });
    renderAt("/", () => <Route path="/" component={SessionBar} />);
    expect(await screen.findByTestId("signed-in-body")).toHaveTextContent("（县教育局）");
    // The role's label is the profile's (vocabulary.platformRoles), there once the profile is read.
    await screen.findByTestId("signed-in-role");
    expect(screen.getByTestId("signed-in-user")).toHaveTextContent("李教育部门联络员（县教育局） · 新河县");
  });

  it("shows no body for a user bound to none", async () => {
    await signInAs(admin);
    fakeApi({ "GET /v1/me": () => json(200, { user: admin, body: null, tenant }) });
    renderAt("/", () => <Route path="/" component={SessionBar} />);
    expect(await screen.findByText(/新河县/)).toBeInTheDocument();
    expect(screen.queryByTestId("signed-in-body")).toBeNull();
  });

  it("lets an admin pick the body of a new department liaison, and clear it on an existing one", async () => {
    await signInAs(admin);
    const api = fakeApi({
      "GET /v1/nodes": () => json(200, { items: [root], cursor: null }),
      "GET /v1/users": () => json(200, { items: [liaison], cursor: null }),
      "GET /v1/profile": () => json(200, withPolicy),
      "POST /v1/users": () => json(201, liaison),
      "PATCH /v1/users/u-edu": () => json(200, { ...liaison, bodyId: undefined }),
    });
    renderAt("/users", () => <Route path="/users" component={UsersPage} />);
    fireEvent.click(await screen.findByRole("button", { name: "新建用户" }));
    const form = await screen.findByRole("form", { name: "新建用户" });
    // Asked only of a liaison.
    expect(within(form).queryByLabelText(/所属机构/)).toBeNull();
    fireEvent.change(within(form).getByLabelText("角色"), { target: { value: "department_liaison" } });
    const body = await within(form).findByLabelText(/所属机构/);
    expect([...(body as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(["不指定", "县消防救援大队", "乡镇消防工作站", "县教育局"]);
    fireEvent.change(body, { target: { value: "county_education" } });
    fireEvent.input(within(form).getByLabelText("用户名"), { target: { value: "li.edu" } });
    fireEvent.input(within(form).getByLabelText("姓名"), { target: { value: "李教育" } });
    fireEvent.input(within(form).getByLabelText("临时密码"), { target: { value: "Field-work-2026" } });
    fireEvent.submit(form);
    await waitFor(() => expect(api.calls("POST /v1/users")).toHaveLength(1));
    expect(api.calls("POST /v1/users")[0]!.body).toMatchObject({ role: "department_liaison", bodyId: "county_education" });

    // An existing liaison's body is shown selected; emptying it sends null (acts for no body).
    const item = (await screen.findAllByTestId("user-item")).find((el) => el.dataset.username === "li.edu")!;
    fireEvent.click(within(item).getByRole("button", { name: "编辑" }));
    const current = (await within(item).findByLabelText(/所属机构/)) as HTMLSelectElement;
    expect(current.value).toBe("county_education");
    fireEvent.change(current, { target: { value: "" } });
    fireEvent.click(within(item).getByRole("button", { name: "保存" }));
    await waitFor(() => expect(api.calls("PATCH /v1/users/u-edu")).toHaveLength(1));
    expect(api.calls("PATCH /v1/users/u-edu")[0]!.body).toEqual({ bodyId: null });
  });
});

describe("industry departments on the profile page", () => {
  it("names the department chosen by venue kind, with the body for kinds that name none", async () => {
    await signInAs(admin);
    const byKind: ProfileVersion = {
      ...withPolicy,
      profile: {
        ...withPolicy.profile,
        venues: { ...withPolicy.profile.venues, industryDepartments: [{ id: "education", kinds: [house.id], department: education.id, sourceRef: "xinhe 一", text: "按照行业类别" }] },
        hazards: {
          ...withPolicy.profile.hazards,
          severities: withPolicy.profile.hazards.severities.map((s) => (s.id === "major" ? { ...s, handledBy: { ...s.handledBy, byVenueKind: true } } : s)),
        },
      },
    };
    fakeApi({ "GET /v1/profile": () => json(200, byKind), "GET /v1/presets": () => json(200, { items: presets }) });
    renderAt("/profile", () => <Route path="/profile" component={ProfilePage} />);
    expect(await screen.findByRole("heading", { level: 1, name: "政策档案" })).toBeInTheDocument();
    const major = document.querySelector<HTMLElement>('[data-rule-id="major"]')!;
    expect(major).toHaveTextContent("场所类别对应的行业主管部门（无对应时：县消防救援大队）");
    const education_ = document.querySelector<HTMLElement>('[data-rule-id="education"]')!;
    expect(education_).toHaveTextContent("自建房改作经营");
    expect(education_).toHaveTextContent("县教育局");
  });
});

describe("a listing's joint supervisor on the hazard page", () => {
  it("names the department supervising jointly (会同) and the acknowledgements awaited", async () => {
    await signInAs(admin);
    const listed: Hazard = {
      hazardId: "hz-2", nodeId: root.nodeId, path: root.path, severity: "major", code: "other", codeText: "古建筑电气线路老化", description: "线路老化", photos: [], source: "inspection",
      reporter: { type: "user", id: admin.userId }, state: "registered", overdue: false, handling: { body: "county_brigade", level: "county" },
      pendingAcks: [{ body: "county_education", requestedAt: "2026-11-21T02:00:00.000Z", dueAt: "2026-11-22T15:59:59.999Z", late: false, basis: { rule: "city", sourceRef: "xinhe 一" } }],
      acks: [], reports: [], departments: [], remitOf: [], decisions: [],
      listings: [{ levelId: "city", level: "county", listedBy: "county_brigade", nodeId: root.nodeId, trigger: "major", jointly: ["county_education"], at: "2026-11-21T02:00:00.000Z", by: "system" }],
      occurrences: [], createdAt: "2026-11-21T02:00:00.000Z", openedAt: "2026-11-21T02:00:00.000Z", updatedAt: "2026-11-21T02:00:00.000Z", reopenCount: 0, profileVersion: 1, version: 2,
    };
    fakeApi({
      "GET /v1/profile": () => json(200, withPolicy),
      [`GET /v1/nodes/${root.nodeId}`]: () => json(200, root),
      "GET /v1/users": () => json(200, { items: [admin], cursor: null }),
      "GET /v1/hazards/hz-2": () => json(200, { hazard: listed, events: [], cursor: null }),
    });
    renderAt("/hazards/hz-2", () => <Route path="/hazards/:id" component={HazardPage} />);
    expect(await screen.findByText(/挂牌督办 · .* · 会同县教育局/)).toBeInTheDocument();
    expect(screen.getByText(/县教育局/, { selector: ".badge-warn" })).toBeInTheDocument();
  });
});

describe("a venue's safety evaluation", () => {
  const failedVenue: Venue = {
    venueId: "v-1", name: "自建房民宿", nodeId: root.nodeId, path: root.path, kinds: [house.id], flags: [], features: [],
    supervisor: "town_office", categories: [], profileVersion: 1, status: "active", version: 2, createdAt: "2026-11-20T02:00:00.000Z", updatedAt: "2026-11-21T02:00:00.000Z",
    operatingStatus: "must_not_operate",
    safetyEvaluation: { result: "failed", date: "2026-11-21", evaluator: "县消防救援大队", note: "疏散通道不足", policy: "safety_evaluation", sourceRef: "xinhe 一", recordedAt: "2026-11-21T02:00:00.000Z", recordedBy: admin.userId, hazardId: "h-9" },
  };

  it("shows the must-not-operate status and the failed evaluation, and records a new one", async () => {
    await signInAs(admin);
    const api = fakeApi({
      "GET /v1/profile": () => json(200, withPolicy),
      "GET /v1/venues/v-1/self-check": () => json(200, { enabled: false }),
      "GET /v1/venues/v-1": () => json(200, failedVenue),
      "GET /v1/venues/v-1/inspections": () => json(200, { items: [], cursor: null }),
      "GET /v1/venues/v-1/history": () => json(200, { items: [{ eventId: "e1", at: "2026-11-21T02:00:00.000Z", action: "evaluate", actorId: admin.userId, profileVersion: 1 }], cursor: null }),
      "POST /v1/venues/v-1/safety-evaluations": () => json(201, { venue: { ...failedVenue, operatingStatus: undefined }, evaluation: { ...failedVenue.safetyEvaluation!, result: "passed" } }),
    });
    renderAt("/venues/v-1", () => <Route path="/venues/:venueId" component={VenuePage} />);
    expect(await screen.findByRole("heading", { level: 1 })).toHaveTextContent("自建房民宿 不得经营使用");
    const facts = await screen.findByTestId("safety-evaluation");
    expect(facts).toHaveTextContent("达不到安全条件 2026年11月21日 · 县消防救援大队 · 疏散通道不足");
    expect(facts).toHaveTextContent("经营使用不得经营使用");
    expect(await screen.findByText(/安全评估/, { selector: "li" })).toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "记录安全评估" }));
    const form = await screen.findByRole("form", { name: "记录安全评估" });
    fireEvent.change(within(form).getByLabelText("评估结论"), { target: { value: "passed" } });
    fireEvent.input(within(form).getByLabelText("评估日期"), { target: { value: "2026-11-25" } });
    fireEvent.input(within(form).getByLabelText("评估单位或评估人"), { target: { value: "县消防救援大队" } });
    fireEvent.submit(form);
    await waitFor(() => expect(api.calls("POST /v1/venues/v-1/safety-evaluations")).toHaveLength(1));
    const [call] = api.calls("POST /v1/venues/v-1/safety-evaluations");
    expect(call!.body).toEqual({ result: "passed", date: "2026-11-25", evaluator: "县消防救援大队" });
    expect(call!.headers.get("idempotency-key")).toBeTruthy();
    expect(await screen.findByText("已记录安全评估。")).toBeInTheDocument();
  });

  it("marks a venue that must not operate in the ledger", async () => {
    await signInAs(admin);
    fakeApi({
      "GET /v1/profile": () => json(200, withPolicy),
      "GET /v1/venues": () => json(200, { items: [failedVenue, { ...failedVenue, venueId: "v-2", name: "沿街店", operatingStatus: undefined, safetyEvaluation: undefined }], cursor: null }),
    });
    renderAt("/venues", () => <Route path="/venues" component={VenuesPage} />, "en");
    const first = (await screen.findByText("自建房民宿")).closest("li")!;
    expect(within(first).getByText("Must not operate")).toBeInTheDocument();
    expect(within(screen.getByText("沿街店").closest("li")!).queryByText("Must not operate")).toBeNull();
  });
});
