import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Campaign, CampaignPrefill, CampaignProgress, JurisdictionNode, ProfileVersion } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import CampaignPage from "../../web/src/pages/campaigns/campaign.tsx";
import CampaignsPage from "../../web/src/pages/campaigns/index.tsx";
import NewCampaignPage from "../../web/src/pages/campaigns/new.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { county, dongHe, xiPian } from "./organisation-fixture.ts";
import { version1 } from "./profile-fixture.ts";

// Campaigns (专项整治): songjiang 六(二)3 holiday templates prefill the form;
// the progress page shows each branch while it runs and the stored summary
// once closed.

/** The fixture profile with two venue kinds and a checklist to adopt from. */
const withKinds: ProfileVersion = (() => {
  const v = structuredClone(version1);
  const cited = { sourceRef: "xinhe 三(一)", text: "工作站每月开展一次巡查" };
  v.profile.venues.kinds = [
    { id: "shop", name: { zh: "沿街商铺", en: "Street shop" }, flags: [], ...cited },
    { id: "homestay", name: { zh: "民宿", en: "Homestay" }, flags: [], ...cited },
  ];
  v.profile.inspectionCategories[0]!.checklist = [
    { id: "exit_blocked", name: { zh: "安全出口堵塞", en: "Exit blocked" }, hazardCode: "exit_blocked", ...cited },
    { id: "fireworks", name: { zh: "违规储存烟花爆竹", en: "Fireworks stored" }, hazardCode: "fireworks", ...cited },
  ];
  return v;
})();

const spring: CampaignPrefill = {
  templateId: "spring_festival",
  occasion: "holiday",
  name: { zh: "春节期间消防安全专项整治", en: "Spring Festival fire-safety campaign" },
  startDate: "2027-01-20",
  endDate: "2027-02-18",
  target: { kinds: ["shop", "homestay"], flags: [] },
  adopt: [{ category: "town_patrol", itemId: "fireworks" }],
  custom: [{ name: { zh: "违规用火用电", en: "Unsafe use of fire or electricity" }, hazardCode: "other" }],
  sourceRef: null,
  assumption: { zh: "系统默认模板：检查项与期限为系统建议", en: "System default: suggestions" },
};

const campaign = (over: Partial<Campaign> = {}): Campaign => ({
  campaignId: "0cmp1",
  name: { zh: "春节期间消防安全专项整治" },
  startDate: "2027-01-20",
  endDate: "2027-02-18",
  area: { nodeId: county.nodeId, path: county.path, name: county.name },
  target: { kinds: ["shop"] },
  checklist: [{ category: "0cmp1", itemId: "town_patrol-fireworks", name: { zh: "违规储存烟花爆竹", en: "Fireworks stored" }, hazardCode: "fireworks", sourceRef: "xinhe 三(一)" }],
  groups: [
    { nodeId: dongHe.nodeId, path: dongHe.path, name: dongHe.name },
    { nodeId: xiPian.nodeId, path: xiPian.path, name: xiPian.name },
  ],
  state: "active",
  status: "running",
  tasks: 3,
  createdBy: admin.userId,
  createdAt: "2027-01-20T01:00:00.000Z",
  ...over,
});

const progress = (c: Campaign): CampaignProgress => ({
  campaign: c,
  totals: { tasks: 3, done: 1, hazards: 2 },
  byNode: [
    { nodeId: dongHe.nodeId, name: dongHe.name, tasks: 2, done: 1, hazards: 2 },
    { nodeId: xiPian.nodeId, name: xiPian.name, tasks: 1, done: 0, hazards: 0 },
  ],
});

const nodes: JurisdictionNode[] = [county, dongHe, xiPian];

async function signInAsAdmin() {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1")) });
  await signIn({ tenant: "xinhe", username: "admin", password: "Fire-safe-2026" });
}

afterEach(() => resetSession());

describe("the campaign list", () => {
  it("shows each campaign with its period, area and status, and offers a new one to an admin", async () => {
    await signInAsAdmin();
    fakeApi({ "GET /v1/campaigns": () => json(200, { items: [campaign(), campaign({ campaignId: "0cmp0", name: { zh: "国庆专项" }, state: "closed", status: "closed" })], cursor: null }) });
    renderAt("/campaigns", () => <Route path="/campaigns" component={CampaignsPage} />);
    const cards = await screen.findAllByTestId("campaign");
    expect(cards.map((c) => c.querySelector("strong")!.textContent)).toEqual(["春节期间消防安全专项整治", "国庆专项"]);
    expect(within(cards[0]!).getByText("进行中")).toBeTruthy();
    expect(within(cards[1]!).getByText("已结束")).toBeTruthy();
    expect(within(cards[0]!).getByText("2027-01-20 至 2027-02-18")).toBeTruthy();
    expect(within(cards[0]!).getByRole("link").getAttribute("href")).toBe("/campaigns/0cmp1");
    expect(screen.getByRole("link", { name: "发起专项整治" })).toBeTruthy();
  });
});

describe("setting up a campaign", () => {
  function routes() {
    return (
      <>
        <Route path="/campaigns/new" component={NewCampaignPage} />
        <Route path="/campaigns/:campaignId" component={CampaignPage} />
      </>
    );
  }

  it("songjiang 六(二)3: the holiday template prefills the form; submitting sends it once with an Idempotency-Key and opens the campaign", async () => {
    await signInAsAdmin();
    const api = fakeApi({
      "GET /v1/profile": () => json(200, withKinds),
      "GET /v1/nodes": () => json(200, { items: nodes, cursor: null }),
      "GET /v1/campaign-templates": () => json(200, { items: [spring] }),
      "POST /v1/campaigns": () => json(201, campaign()),
      "GET /v1/campaigns/0cmp1": () => json(200, progress(campaign())),
    });
    renderAt("/campaigns/new", routes);
    fireEvent.change(await screen.findByLabelText("模板"), { target: { value: "spring_festival" } });
    expect((screen.getByLabelText("名称") as HTMLInputElement).value).toBe("春节期间消防安全专项整治");
    expect((screen.getByLabelText("结束日期") as HTMLInputElement).value).toBe("2027-02-18");
    expect((screen.getByLabelText("违规储存烟花爆竹") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("安全出口堵塞") as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText("民宿") as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId("template-basis").textContent).toContain("系统默认模板");
    // Narrow the targets to shops.
    fireEvent.change(screen.getByLabelText("民宿"), { target: { checked: false } });
    fireEvent.submit(screen.getByRole("form", { name: "发起专项整治" }));

    await screen.findByTestId("campaign-progress");
    const [call] = api.calls("POST /v1/campaigns");
    expect(call!.headers.get("idempotency-key")).toBeTruthy();
    expect(call!.body).toEqual({
      name: { zh: "春节期间消防安全专项整治", en: "Spring Festival fire-safety campaign" },
      startDate: "2027-01-20",
      endDate: "2027-02-18",
      areaNodeId: county.nodeId,
      target: { kinds: ["shop"] },
      adopt: [{ category: "town_patrol", itemId: "fireworks" }],
      custom: [{ name: { zh: "违规用火用电" }, hazardCode: "other" }],
      templateId: "spring_festival",
    });
  });

  it("shows the API's field problem next to its input", async () => {
    await signInAsAdmin();
    fakeApi({
      "GET /v1/profile": () => json(200, withKinds),
      "GET /v1/nodes": () => json(200, { items: nodes, cursor: null }),
      "GET /v1/campaign-templates": () => json(200, { items: [spring] }),
      "POST /v1/campaigns": () => problem(400, "request.invalid", "请求参数有误，请检查标出的字段。", [{ path: "body.endDate", code: "campaign.dates_reversed", message: "结束日期不能早于开始日期" }]),
    });
    renderAt("/campaigns/new", routes);
    fireEvent.change(await screen.findByLabelText("模板"), { target: { value: "spring_festival" } });
    fireEvent.submit(screen.getByRole("form", { name: "发起专项整治" }));
    expect(await screen.findByText("结束日期不能早于开始日期")).toBeTruthy();
    expect(screen.getByLabelText("结束日期").getAttribute("aria-invalid")).toBe("true");
  });
});

describe("a campaign's progress and summary", () => {
  it("shows progress by branch while it runs; closing it shows the stored summary with the venues not inspected", async () => {
    await signInAsAdmin();
    const closed = campaign({
      state: "closed",
      status: "closed",
      closedAt: "2027-02-01T02:00:00.000Z",
      closeReason: "admin",
      summary: {
        tasks: 3,
        done: 1,
        notVisited: 2,
        hazardsRaised: 2,
        hazardsClosed: 1,
        hazardsOpen: 1,
        byNode: [
          { nodeId: dongHe.nodeId, name: dongHe.name, tasks: 2, done: 1, notVisited: 1, hazardsRaised: 2, hazardsClosed: 1 },
          { nodeId: xiPian.nodeId, name: xiPian.name, tasks: 1, done: 0, notVisited: 1, hazardsRaised: 0, hazardsClosed: 0 },
        ],
        venuesNotVisited: [
          { venueId: "v-2", name: "南街餐馆", nodeId: dongHe.nodeId, path: `${dongHe.path}/v` },
          { venueId: "v-3", name: "西片民宿", nodeId: xiPian.nodeId, path: `${xiPian.path}/v` },
        ],
        closedAt: "2027-02-01T02:00:00.000Z",
        reason: "admin",
      },
    });
    let current = progress(campaign());
    const api = fakeApi({
      "GET /v1/campaigns/0cmp1": () => json(200, current),
      "POST /v1/campaigns/0cmp1/close": () => {
        current = { ...progress(closed) };
        return json(200, closed);
      },
    });
    vi.stubGlobal("confirm", () => true);
    renderAt("/campaigns/0cmp1", () => <Route path="/campaigns/:campaignId" component={CampaignPage} />);
    const table = await screen.findByTestId("campaign-progress");
    expect(within(table).getAllByRole("row").slice(1).map((r) => r.textContent)).toEqual(["东河乡1 / 22", "西片区0 / 10"]);
    expect(screen.getByTestId("campaign-totals").textContent).toContain("已检查 1 / 3 个场所");
    expect(screen.queryByTestId("campaign-summary")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "结束专项整治" }));
    const summary = await screen.findByTestId("campaign-summary");
    expect(api.calls("POST /v1/campaigns/0cmp1/close")).toHaveLength(1);
    expect(within(summary).getByText("2 个场所未检查")).toBeTruthy();
    expect(within(screen.getByTestId("not-visited")).getAllByRole("link").map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["南街餐馆", "/venues/v-2"],
      ["西片民宿", "/venues/v-3"],
    ]);
    expect(summary.textContent).toContain("已结案 1");
    await waitFor(() => expect(screen.queryByRole("button", { name: "结束专项整治" })).toBeNull());
  });
});
