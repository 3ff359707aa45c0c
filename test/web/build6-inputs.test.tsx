import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { OrganisationView, User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import NodePage from "../../web/src/pages/node/index.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { dongHe, organisation, profileVersion } from "./organisation-fixture.ts";

// Where a person records what Build 6's rules judge: a numeric standard item's
// value, and a seat's public posting (挂牌公示).

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "pingchuan", username: user.username, password: "Fire-safe-2026" });
}

const office = organisation.bodies[1]!;
const withGaps: OrganisationView = {
  ...organisation,
  bodies: [
    organisation.bodies[0]!,
    {
      ...office,
      standards: [{ ...office.standards[0]!, items: [{ itemId: "premises", name: { zh: "有场所", en: "Premises" }, min: 5, unit: { zh: "人", en: "people" }, value: 4, met: false, metOn: "2024-05-01" }, office.standards[0]!.items[1]!] }],
      postings: [{ positionId: "station_head", title: { zh: "站长", en: "Head" }, required: true, sourceRef: "pingchuan 二(二)" }],
    },
  ],
};
const base = { "GET /v1/profile": () => json(200, profileVersion), "GET /v1/nodes/n-donghe/organisation": () => json(200, withGaps) };
const renderNode = (tab = "") => renderAt(`/nodes/${dongHe.nodeId}${tab ? `?tab=${tab}` : ""}`, () => <Route path="/nodes/:nodeId" component={NodePage} />);

afterEach(resetSession);

describe("Build 6 inputs on the node page", () => {
  it("a numeric item shows its value against its minimum, is not ticked below it, and sends the value typed", async () => {
    await signInAs(admin);
    const api = fakeApi({ ...base, "POST /v1/nodes/n-donghe/standards/six_haves/items/premises": () => json(200, { standardId: "six_haves", itemId: "premises", metOn: "2024-06-01", value: 6 }) });
    renderNode("standards");
    const [premises] = await screen.findAllByTestId("standard-item");
    expect(within(premises!).getByTestId("item-value")).toHaveTextContent("实际 4人，要求 ≥5人");
    expect(premises).not.toHaveClass("met");
    expect(screen.getByText(/已达标 0 \/ 2 项/)).toBeInTheDocument();
    fireEvent.click(within(premises!).getByRole("button", { name: "登记" }));
    const form = within(premises!).getByRole("form", { name: "登记 有场所" });
    fireEvent.input(within(form).getByLabelText("达标日期（选填）"), { target: { value: "2024-06-01" } });
    fireEvent.input(within(form).getByLabelText("实际数值"), { target: { value: "6" } });
    fireEvent.click(within(form).getByRole("button", { name: "保存" }));
    expect(await screen.findByText("已保存“有场所”。")).toBeInTheDocument();
    expect(api.calls("POST /v1/nodes/n-donghe/standards/six_haves/items/premises").map((c) => c.body)).toEqual([{ metOn: "2024-06-01", value: 6 }]);
  });

  it("a seat to be posted shows it is not, and records the posting with where it is", async () => {
    await signInAs(admin);
    const api = fakeApi({ ...base, "POST /v1/nodes/n-donghe/positions/station_head/posting": () => json(200, { positionId: "station_head", postedOn: "2024-06-02" }) });
    renderNode();
    const posting = await screen.findByTestId("posting");
    expect(posting).toHaveTextContent("未公示");
    expect(posting).toHaveTextContent("pingchuan 二(二)");
    fireEvent.click(within(posting).getByRole("button", { name: "登记" }));
    const form = within(posting).getByRole("form", { name: "挂牌公示 站长" });
    fireEvent.input(within(form).getByLabelText("公示日期（选填）"), { target: { value: "2024-06-02" } });
    fireEvent.input(within(form).getByLabelText("公示位置（选填）"), { target: { value: "乡政府公示栏" } });
    fireEvent.click(within(form).getByRole("button", { name: "保存" }));
    await waitFor(() => expect(api.calls("POST /v1/nodes/n-donghe/positions/station_head/posting")).toHaveLength(1));
    expect(api.calls("POST /v1/nodes/n-donghe/positions/station_head/posting").map((c) => c.body)).toEqual([{ postedOn: "2024-06-02", evidence: "乡政府公示栏" }]);
  });
});
