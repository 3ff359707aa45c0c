import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { NodeWarning, Warning } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import WarningsPage from "../../web/src/pages/warnings/index.tsx";
import { fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { county, dongHe } from "./organisation-fixture.ts";
import { version1 } from "./profile-fixture.ts";

// Early warnings (预警叫应): songjiang 五(二)3 (the office issues fire warnings),
// yancheng (三) (each node answers, 叫应).

const issued: Warning = {
  warningId: "0wrn1",
  title: "大风天气火灾预警",
  text: "今夜有大风，请检查露天堆物。",
  level: "red",
  levelName: { zh: "红色预警", en: "Red" },
  issuerId: "u-admin",
  issuerNodeId: county.nodeId,
  issuedAt: "2027-01-20T01:00:00.000Z",
  deadline: "2027-01-20T03:00:00.000Z",
  state: "open",
  targets: 5,
  answered: 2,
  escalated: 0,
  answerRate: 40,
};

const mine: NodeWarning = {
  warningId: "0wrn1",
  nodeId: dongHe.nodeId,
  nodeName: dongHe.name,
  state: "pending",
  late: false,
  photos: [],
  title: issued.title,
  text: issued.text,
  level: "red",
  deadline: issued.deadline,
  issuedAt: issued.issuedAt,
};

async function signInAsAdmin() {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1")) });
  await signIn({ tenant: "xinhe", username: "admin", password: "Fire-safe-2026" });
}

afterEach(() => resetSession());

describe("the early-warning page (预警叫应)", () => {
  it("yancheng (三): shows the issuer's live answer rate, and answers my node's warning with one tap", async () => {
    await signInAsAdmin();
    let answered = false;
    const api = fakeApi({
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/warnings": () => json(200, { items: [issued], cursor: null }),
      "GET /v1/node-warnings": () => json(200, { items: [answered ? { ...mine, state: "answered", ackAt: "2027-01-20T01:30:00.000Z", measures: "已清理" } : mine], cursor: null }),
      "POST /v1/warnings/0wrn1/targets/n-donghe/answer": () => {
        answered = true;
        return json(200, { ...mine, state: "answered", ackAt: "2027-01-20T01:30:00.000Z", measures: "已清理" });
      },
    });
    renderAt("/warnings", () => <Route path="/warnings" component={WarningsPage} />);
    expect((await screen.findByTestId("answer-rate")).textContent).toBe("叫应率 40%（2/5）");
    // No warnings section in the fixture profile: the default levels name it.
    const issuedCard = screen.getByTestId("issued-warning");
    expect(within(issuedCard).getByText("红色预警")).toBeTruthy();
    const card = await screen.findByTestId("node-warning");
    expect(within(card).getByText("待叫应")).toBeTruthy();
    fireEvent.input(within(card).getByLabelText("已采取的防范措施"), { target: { value: "已清理" } });
    fireEvent.submit(within(card).getByRole("form"));
    await waitFor(() => expect(api.calls(`POST /v1/warnings/0wrn1/targets/${dongHe.nodeId}/answer`)).toHaveLength(1));
    expect(api.calls(`POST /v1/warnings/0wrn1/targets/${dongHe.nodeId}/answer`)[0]!.body).toEqual({ measures: "已清理" });
    await waitFor(() => expect(within(screen.getByTestId("node-warning")).getByText("已叫应")).toBeTruthy());
  });

  it("songjiang 五(二)3: the issue form sends the level and the targets, and shows a refused field next to its input", async () => {
    await signInAsAdmin();
    const api = fakeApi({
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/warnings": () => json(200, { items: [], cursor: null }),
      "GET /v1/node-warnings": () => json(200, { items: [], cursor: null }),
      "POST /v1/warnings": () => problem(400, "request.invalid", "请求参数有误，请检查标出的字段。", [{ path: "body.title", code: "too_small", message: "请填写预警标题" }]),
    });
    renderAt("/warnings", () => <Route path="/warnings" component={WarningsPage} />);
    const form = await screen.findByRole("form", { name: "发布预警" });
    fireEvent.change(within(form).getByLabelText("预警级别"), { target: { value: "orange" } });
    fireEvent.submit(form);
    await screen.findByText("请填写预警标题");
    const [call] = api.calls("POST /v1/warnings");
    expect(call!.headers.get("idempotency-key")).toBeTruthy();
    expect(call!.body).toMatchObject({ title: "", level: "orange", targets: { level: expect.any(String) } });
    expect(screen.getByLabelText("标题").getAttribute("aria-invalid")).toBe("true");
  });
});
