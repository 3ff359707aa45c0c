import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { signIn } from "../../web/src/auth/session.ts";
import DraftPage from "../../web/src/pages/profile/draft.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { draftOf, presets, profile } from "./profile-fixture.ts";

// The draft editor's panel for a county starting from another's rules: fork a preset, re-cite what it borrows.

afterEach(resetSession);

async function signInAsAdmin() {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1")) });
  await signIn({ tenant: "xinhe", username: admin.username, password: "Fire-safe-2026" });
}

const borrowing = { ...structuredClone(profile), borrowed: [{ profileId: "laohe", document: { title: "老河县关于加强基层消防工作的意见", number: null, issuer: null, date: "2023" } }] };

describe("draft editor: borrowed clauses", () => {
  it("re-cites a borrowed document in one step, and forks a chosen preset, showing the draft the API answers", async () => {
    await signInAsAdmin();
    const api = fakeApi({
      "GET /v1/profile/draft": () => json(200, draftOf({ profile: borrowing as unknown as Record<string, unknown> })),
      "GET /v1/presets": () => json(200, { items: presets }),
      "POST /v1/profile/draft/validate": () => json(200, { valid: true, issues: [] }),
      "POST /v1/profile/draft/recite": () => json(200, draftOf({ rev: 4 })),
      "POST /v1/profile/draft/fork": () => json(200, draftOf({ rev: 5, profile: borrowing as unknown as Record<string, unknown> })),
    });
    renderAt("/profile/draft", () => <Route path="/profile/draft" component={DraftPage} />);
    const panel = await screen.findByTestId("borrowed-panel");
    expect(within(panel).getByText(/老河县关于加强基层消防工作的意见/)).toBeInTheDocument();
    fireEvent.click(within(panel).getByRole("button", { name: "改为本县条款" }));
    await waitFor(() => expect(screen.getByText("草稿已更新，请检查后发布。")).toBeInTheDocument());
    expect(api.calls("POST /v1/profile/draft/recite")[0]!.body).toEqual({ from: "laohe" });
    await waitFor(() => expect(within(panel).queryByRole("button", { name: "改为本县条款" })).toBeNull());

    const select = within(panel).getByLabelText("选择内置档案");
    await waitFor(() => expect(within(select).getAllByRole("option").length).toBeGreaterThan(1));
    const presetId = (presets[0] as { id: string }).id;
    fireEvent.change(select, { target: { value: presetId } });
    fireEvent.click(within(panel).getByRole("button", { name: "复制为本县草稿" }));
    await waitFor(() => expect(api.calls("POST /v1/profile/draft/fork")).toHaveLength(1));
    expect(api.calls("POST /v1/profile/draft/fork")[0]!.body).toEqual({ presetId });
    expect(await within(panel).findByRole("button", { name: "改为本县条款" })).toBeInTheDocument();
  });
});
