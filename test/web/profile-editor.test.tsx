import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { ProfileDocument } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import DraftPage from "../../web/src/pages/profile/draft.tsx";
import VersionPage from "../../web/src/pages/profile/version.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { draftOf, presets, version1 } from "./profile-fixture.ts";

async function signInAsAdmin() {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1")) });
  await signIn({ tenant: "xinhe", username: admin.username, password: "Fire-safe-2026" });
}

function renderEditor(locale: "zh-CN" | "en" = "zh-CN") {
  return renderAt(
    "/profile/draft",
    () => (
      <>
        <Route path="/profile/draft" component={DraftPage} />
        <Route path="/profile/versions/:n" component={VersionPage} />
      </>
    ),
    locale,
  );
}

const deadlineOf = (body: unknown, i = 0) => ((body as { profile: ProfileDocument }).profile as unknown as typeof version1.profile).hazards.severities[i]!.rectificationDays.value;
const typeInto = (input: HTMLElement, value: string) => fireEvent.input(input, { target: { value } });

afterEach(resetSession);

describe("profile draft editor", () => {
  it("saves an edited deadline with the draft's rev as If-Match", async () => {
    await signInAsAdmin();
    const api = fakeApi({
      "GET /v1/profile/draft": () => json(200, draftOf()),
      "POST /v1/profile/draft/validate": () => json(200, { valid: true, issues: [] }),
      "PUT /v1/profile/draft": (call) => json(200, draftOf({ rev: 4, profile: (call.body as { profile: ProfileDocument }).profile })),
    });
    renderEditor();
    const general = await screen.findByRole("group", { name: "一般隐患" });
    typeInto(within(general).getByLabelText("整改期限（天）"), "10");
    fireEvent.click(screen.getByRole("button", { name: "保存草稿" }));
    expect(await screen.findByText("草稿已保存（修订 4），0 处问题。")).toBeInTheDocument();
    const [put] = api.calls("PUT /v1/profile/draft");
    expect(put!.headers.get("if-match")).toBe('"3"');
    expect(deadlineOf(put!.body)).toBe(10);
    expect(screen.getByTestId("draft-status")).toHaveTextContent("修订 4");
    expect(screen.getByRole("button", { name: "保存草稿" })).toBeDisabled();
  });

  it("explains a stale draft (409) and keeps the edit, in the form and in the JSON", async () => {
    await signInAsAdmin();
    const api = fakeApi({
      "GET /v1/profile/draft": () => json(200, draftOf()),
      "POST /v1/profile/draft/validate": () => json(200, { valid: true, issues: [] }),
      "PUT /v1/profile/draft": () => problem(409, "profile.draft_stale", "草稿已被他人修改或已发布，请刷新后再改。", undefined, "/v1/profile/draft"),
    });
    renderEditor();
    const general = await screen.findByRole("group", { name: "一般隐患" });
    const days = within(general).getByLabelText("整改期限（天）");
    typeInto(days, "10");
    fireEvent.click(screen.getByRole("button", { name: "保存草稿" }));

    const stale = await screen.findByTestId("stale");
    expect(stale).toHaveTextContent("保存失败：草稿已被他人修改或已发布。");
    expect(stale).toHaveTextContent("您的修改仍保留在本页，没有丢失。");
    expect(api.calls("PUT /v1/profile/draft")[0]!.headers.get("if-match")).toBe('"3"');
    expect(days).toHaveValue("10");
    const jsonView = screen.getByLabelText("整份草稿（JSON）") as HTMLTextAreaElement;
    expect(deadlineOf({ profile: JSON.parse(jsonView.value) })).toBe(10);
    expect(within(stale).getByRole("button", { name: "下载我的修改（JSON）" })).toBeEnabled();
    expect(within(stale).getByRole("button", { name: "载入最新草稿（放弃本页修改）" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "保存草稿" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "发布" })).toBeDisabled();
  });

  it("checks the draft a moment after typing and shows each issue at its JSON path, marking the field", async () => {
    await signInAsAdmin();
    const issue = { path: "$.hazards.severities[0].rectificationDays.value", code: "validation.too_small", message: { zh: "数值过小：期望 number >=0", en: "Too small: expected number to be >=0" } };
    const api = fakeApi({
      "GET /v1/profile/draft": () => json(200, draftOf()),
      "POST /v1/profile/draft/validate": () => json(200, { valid: false, issues: [issue] }),
    });
    renderEditor();
    const general = await screen.findByRole("group", { name: "一般隐患" });
    const days = within(general).getByLabelText("整改期限（天）");
    typeInto(days, "-");
    typeInto(days, "-1");

    const listed = await screen.findByTestId("issue");
    expect(listed).toHaveTextContent("$.hazards.severities[0].rectificationDays.value");
    expect(listed).toHaveTextContent("数值过小：期望 number >=0");
    expect(screen.getByText("草稿有 1 处问题，修正后才能发布：")).toBeInTheDocument();
    expect(days).toHaveAttribute("aria-invalid", "true");
    expect(days.closest(".field")).toHaveClass("field-invalid");
    expect(within(general).getByText("数值过小：期望 number >=0")).toHaveClass("field-error");
    fireEvent.click(within(listed).getByRole("button", { name: "定位" }));
    expect(days).toHaveFocus();
    // Debounced: the two keystrokes make one check, of the document as it stands.
    const checks = api.calls("POST /v1/profile/draft/validate");
    expect(checks).toHaveLength(1);
    expect(deadlineOf(checks[0]!.body)).toBe(-1);
  });

  it("shows issues in English and a JSON syntax error without asking the API", async () => {
    await signInAsAdmin();
    const issue = { path: "$.hazards.severities[1].rectificationDays.assumption", code: "profile.assumption_missing", message: { zh: "没有出处（sourceRef 为 null）的规则必须写明假设（assumption）", en: "a rule without sourceRef must state its assumption" } };
    const api = fakeApi({ "GET /v1/profile/draft": () => json(200, draftOf({ issues: [issue] })) });
    renderEditor("en");
    const listed = await screen.findByTestId("issue");
    expect(listed).toHaveTextContent("$.hazards.severities[1].rectificationDays.assumption");
    expect(listed).toHaveTextContent("a rule without sourceRef must state its assumption");
    // The citation holding the problem opens, and its assumption field is marked.
    const major = screen.getByRole("group", { name: "Major hazard" });
    expect(within(major).getByLabelText("Assumption (Chinese)（optional）")).toHaveAttribute("aria-invalid", "true");

    fireEvent.click(screen.getByRole("tab", { name: "Whole JSON" }));
    typeInto(screen.getByLabelText("The whole draft (JSON)"), "{ \"id\": ");
    expect(await screen.findByTestId("json-error")).toHaveTextContent("JSON syntax error");
    await new Promise((done) => setTimeout(done, 600));
    expect(api.calls("POST /v1/profile/draft/validate")).toHaveLength(0);
    expect(screen.getByRole("button", { name: "Save draft" })).toBeDisabled();
  });

  it("publishes after a confirm step naming the venues it reclassifies: lists the API's problems with their paths, then opens the new version", async () => {
    await signInAsAdmin();
    let attempts = 0;
    const version2 = { ...version1, version: 2, basedOn: "v:1", note: "缩短整改期限" };
    const api = fakeApi({
      "GET /v1/profile/draft": () => json(200, draftOf()),
      "POST /v1/profile/publish": () =>
        ++attempts === 1
          ? problem(400, "profile.invalid", "政策档案有 1 处问题，请按标出的位置修改后再发布。", [
              { path: "$.hazards.severities[1].rectificationDays.text", code: "profile.text_missing", message: "有出处的规则必须摘录条文原文（text）" },
            ])
          : json(201, { ...version2, profile: undefined }),
      "GET /v1/profile/draft/venue-impact": () => json(200, { checked: 40, changed: 7 }),
      "GET /v1/profile/versions/2": () => json(200, version2),
      "GET /v1/profile": () => json(200, version2),
      "GET /v1/presets": () => json(200, { items: presets }),
      "GET /v1/users": () => json(200, { items: [admin], cursor: null }),
    });
    const { history } = renderEditor();
    const form = await screen.findByRole("form", { name: "发布新版本" });
    fireEvent.input(within(form).getByLabelText("说明（选填）"), { target: { value: "缩短整改期限" } });
    fireEvent.click(within(form).getByRole("button", { name: "发布" }));
    const confirm = await within(form).findByTestId("publish-confirm");
    expect(confirm).toHaveTextContent("现有 40 个场所中，7 个的监管主体或检查类别将按新版本重新判定");
    expect(api.calls("POST /v1/profile/publish")).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole("button", { name: "返回修改" }));
    expect(within(form).queryByTestId("publish-confirm")).toBeNull();
    fireEvent.click(within(form).getByRole("button", { name: "发布" }));
    fireEvent.click(within(await within(form).findByTestId("publish-confirm")).getByRole("button", { name: "确认发布" }));
    expect(await within(form).findByText("政策档案有 1 处问题，请按标出的位置修改后再发布。")).toBeInTheDocument();
    const problemAt = within(form).getByText("$.hazards.severities[1].rectificationDays.text").closest("li")!;
    expect(problemAt).toHaveTextContent("有出处的规则必须摘录条文原文（text）");

    fireEvent.click(within(form).getByRole("button", { name: "发布" }));
    fireEvent.click(within(await within(form).findByTestId("publish-confirm")).getByRole("button", { name: "确认发布" }));
    expect(await screen.findByRole("heading", { level: 1, name: "政策档案 第 2 版" })).toBeInTheDocument();
    expect(history.get()).toBe("/profile/versions/2");
    const calls = api.calls("POST /v1/profile/publish");
    expect(calls.map((c) => c.body)).toEqual([{ note: "缩短整改期限" }, { note: "缩短整改期限" }]);
    expect(calls[0]!.headers.get("idempotency-key")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("will not publish unsaved edits, nor a draft without changes", async () => {
    await signInAsAdmin();
    fakeApi({ "GET /v1/profile/draft": () => json(200, draftOf({ rev: 0, pending: false, updatedAt: null, updatedBy: null })), "POST /v1/profile/draft/validate": () => json(200, { valid: true, issues: [] }) });
    renderEditor();
    const form = await screen.findByRole("form", { name: "发布新版本" });
    expect(within(form).getByRole("button", { name: "发布" })).toBeDisabled();
    expect(within(form).getByRole("note")).toHaveTextContent("草稿自上次发布以来没有修改，没有可发布的内容。");
    const patrol = screen.getByRole("group", { name: "乡镇日常巡查" });
    fireEvent.change(within(patrol).getAllByLabelText("单位")[1]!, { target: { value: "quarter" } });
    await waitFor(() => expect(within(form).getByRole("note")).toHaveTextContent("请先保存草稿，再发布。"));
    const doc = JSON.parse((screen.getByLabelText("整份草稿（JSON）") as HTMLTextAreaElement).value);
    expect(doc.inspectionCategories[0].coveragePeriod).toEqual({ every: 1, unit: "quarter" });
  });

  it("imports a JSON file as the draft, with If-Match, and refuses a file that is not JSON", async () => {
    await signInAsAdmin();
    const imported = draftOf({ rev: 4, issues: [{ path: "$.hazards.severities[0].rectificationDays.value", code: "validation.too_small", message: { zh: "数值过小", en: "Too small" } }] });
    const api = fakeApi({
      "GET /v1/profile/draft": () => json(200, draftOf()),
      "POST /v1/profile/import": () => json(200, imported),
    });
    renderEditor();
    const input = (await screen.findByText("导入 JSON 文件")).querySelector("input")!;
    fireEvent.change(input, { target: { files: [new File(["not json"], "broken.json", { type: "application/json" })] } });
    expect(await screen.findByRole("alert")).toHaveTextContent("“broken.json”不是有效的政策档案 JSON");
    expect(api.calls("POST /v1/profile/import")).toHaveLength(0);

    const file = new File([JSON.stringify(imported.profile)], "xinhe-2024.json", { type: "application/json" });
    fireEvent.change(input, { target: { files: [file] } });
    expect(await screen.findByText("已将“xinhe-2024.json”导入为草稿（未发布），1 处问题。")).toBeInTheDocument();
    const [call] = api.calls("POST /v1/profile/import");
    expect(call!.headers.get("if-match")).toBe('"3"');
    expect(call!.body).toEqual(imported.profile);
    expect(screen.getByTestId("issue")).toHaveTextContent("$.hazards.severities[0].rectificationDays.value");
    expect(screen.getByTestId("draft-status")).toHaveTextContent("修订 4");
  });
});
