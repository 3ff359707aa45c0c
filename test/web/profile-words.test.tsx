import { Route } from "@solidjs/router";
import { screen, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { JurisdictionNode, OrganisationView, PolicyProfile, ProfileVersion, User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import RollupPage from "../../web/src/pages/compliance/rollup.tsx";
import MePage from "../../web/src/pages/me/index.tsx";
import NodePage from "../../web/src/pages/node/index.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { organisation, profile as pingchuan } from "./organisation-fixture.ts";

// A county of four levels named in its own words (区 — 街道 — 社区 — 小区,
// ids of its own, each mapped onto a kernel level) with its own vocabulary
// (a record kind 夜查, the grid worker called 楼栋长): the web may show only
// those words, never another county's 镇街/村居.

const renamed: Record<string, string> = { county: "district", town: "subdistrict", village: "community" };
const cite = (ref: string) => ({ sourceRef: `lanxi ${ref}`, text: "区政府统一领导" });

const profile: PolicyProfile = {
  ...pingchuan,
  id: "lanxi",
  name: { zh: "兰溪区", en: "Lanxi District" },
  levels: [
    { id: "district", kernel: "county", name: { zh: "区", en: "District" }, units: ["区"], ...cite("一") },
    { id: "subdistrict", kernel: "town", name: { zh: "街道", en: "Subdistrict" }, units: ["街道"], ...cite("二") },
    { id: "community", kernel: "village", name: { zh: "社区", en: "Community" }, units: ["社区"], ...cite("三") },
    { id: "compound", kernel: "grid", name: { zh: "小区", en: "Compound" }, units: ["小区"], ...cite("四") },
  ],
  bodies: pingchuan.bodies.map((b) => ({ ...b, level: renamed[b.level] ?? b.level })),
  hazards: { ...pingchuan.hazards, severities: pingchuan.hazards.severities.map((s) => ({ ...s, handledBy: { ...s.handledBy, level: "subdistrict" } })) },
  obligations: pingchuan.obligations.map((o) => ({ ...o, levels: ["subdistrict"] })),
  vocabulary: {
    ...pingchuan.vocabulary,
    recordKinds: [{ id: "night_check", name: { zh: "夜查", en: "Night check" } }, ...pingchuan.vocabulary.recordKinds],
    platformRoles: pingchuan.vocabulary.platformRoles.map((r) =>
      r.id === "grid_worker" ? { ...r, name: { zh: "楼栋长", en: "Building steward" } } : r.id === "town_officer" ? { ...r, name: { zh: "街道消防专干", en: "Subdistrict fire officer" } } : r,
    ),
  },
};

const version: ProfileVersion = { version: 1, effectiveFrom: "2026-11-20T02:00:00.000Z", publishedAt: "2026-11-20T02:00:00.000Z", publishedBy: admin.userId, basedOn: "preset:lanxi", profile };

const root = admin.scopeNodeId;
const jiangBin: JurisdictionNode = { nodeId: "n-jiangbin", parentId: root, path: `/${root}/n-jiangbin`, level: "subdistrict", name: "江滨街道", unit: "街道", status: "active", activeChildren: 0 };
const jiangBinOrg: OrganisationView = { ...organisation, node: jiangBin, people: [] };

/** Words another county's tree uses for its levels: none may show on a page of this county. */
const OTHER_COUNTY = /镇街|村居|镇（街道）|村（社区）|乡镇|网格/;

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "lanxi", username: user.username, password: "Fire-safe-2026" });
}

afterEach(resetSession);

describe("a county's own level names and words", () => {
  it("the compliance roll-up counts by the county's town-like level in its own name (街道)", async () => {
    await signInAs({ ...admin, role: "town_officer" });
    const row = { nodeId: jiangBin.nodeId, name: jiangBin.name, path: jiangBin.path, counts: { met: 2, unmet: 1, due_soon: 0, overdue: 0, not_applicable: 0 }, nodesEvaluated: 1, profileVersion: 1, evaluatedAt: "2026-11-23T04:00:00.000Z" };
    fakeApi({ "GET /v1/profile": () => json(200, version), "GET /v1/compliance/rollup": () => json(200, { items: [row], cursor: null }) });
    renderAt("/compliance", () => <Route path="/compliance" component={RollupPage} />);
    expect(await screen.findByText(/按街道统计本辖区的达标情况/)).toBeInTheDocument();
    await screen.findAllByTestId("rollup-row");
    expect(document.body.textContent).not.toMatch(OTHER_COUNTY);
  });

  it("a node page shows the node's level and the profile's record kinds (夜查), no other county's words", async () => {
    await signInAs(admin);
    fakeApi({
      "GET /v1/profile": () => json(200, version),
      "GET /v1/nodes/n-jiangbin/organisation": () => json(200, jiangBinOrg),
      "GET /v1/nodes/n-jiangbin/records": () => json(200, { items: [], cursor: null }),
    });
    renderAt(`/nodes/${jiangBin.nodeId}?tab=records`, () => <Route path="/nodes/:nodeId" component={NodePage} />);
    expect(await screen.findByRole("heading", { level: 1, name: "江滨街道" })).toBeInTheDocument();
    expect(screen.getByText("街道")).toHaveClass("badge-level");
    const kinds = await screen.findByRole("group", { name: "类型" });
    expect(within(kinds).getByRole("button", { name: "夜查" })).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(OTHER_COUNTY);
  });

  it("a user's role shows as the county labels it (楼栋长)", async () => {
    const steward: User = { ...admin, userId: "u-steward", username: "steward", displayName: "楼长老王", role: "grid_worker" };
    await signInAs(steward);
    fakeApi({ "GET /v1/profile": () => json(200, version), "GET /v1/me": () => json(200, { user: steward, body: null, tenant: { tenantId: "lanxi", name: "兰溪区" } }) });
    renderAt("/me", () => <Route path="/me" component={MePage} />);
    const who = await screen.findByTestId("signed-in-user");
    await within(who).findByText("楼栋长");
    expect(document.body.textContent).not.toMatch(/网格员|grid_worker/);
  });
});
