import { Route } from "@solidjs/router";
import { fireEvent, render, screen, waitFor, within } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { afterEach, describe, expect, it } from "vitest";
import type { PolicyProfile, ProfileDocument } from "@firegov/core/contract";
import { profileFormSchema, referenceLists } from "../../packages/core/src/profile/form-schema.ts";
import { signIn } from "../../web/src/auth/session.ts";
import { I18nProvider } from "../../web/src/i18n/index.tsx";
import { CiteTargetContext, createCiteTarget } from "../../web/src/pages/profile/cite-target.ts";
import DraftPage from "../../web/src/pages/profile/draft.tsx";
import { setAt, type Segment } from "../../web/src/pages/profile/draft-document.ts";
import { CitationEditor } from "../../web/src/pages/profile/draft-forms.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { draftOf, profile } from "./profile-fixture.ts";

// The rule forms are built from the real form description (derived from the
// profile schema) and edit the draft the page saves through the real client.

async function signInAsAdmin() {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1")) });
  await signIn({ tenant: "xinhe", username: admin.username, password: "Fire-safe-2026" });
}

/** The fixture with a hazard code (for the checklist's picker) and an obligation (to remove). */
function startingProfile(): PolicyProfile {
  const p = structuredClone(profile);
  p.hazards.codes = [{ id: "exit_blocked", name: { zh: "安全出口堵塞", en: "Exit blocked" }, sourceRef: "xinhe 三(二)", text: "安全出口不得堵塞" }];
  p.obligations = [
    { id: "quarterly_meeting", kind: "meeting", name: { zh: "季度消防例会", en: "Quarterly meeting" }, frequency: { every: 1, unit: "quarter" }, levels: ["town"], covers: ["office_staff"], sourceRef: "xinhe 四", text: "每季度召开一次消防工作例会" },
  ];
  return p;
}

const typeInto = (input: HTMLElement, value: string) => fireEvent.input(input, { target: { value } });
const choose = (select: HTMLElement, value: string) => fireEvent.change(select, { target: { value } });
const savedProfile = (body: unknown) => (body as { profile: ProfileDocument }).profile as unknown as PolicyProfile;

function renderEditor(locale: "zh-CN" | "en" = "zh-CN") {
  return renderAt("/profile/draft", () => <Route path="/profile/draft" component={DraftPage} />, locale);
}

/** Opens a part of the profile and returns the list (role group) it holds. */
async function openList(part: string, list = part) {
  fireEvent.click(await screen.findByRole("button", { name: part }));
  return screen.getByRole("group", { name: list });
}

afterEach(resetSession);

describe("profile rule forms (schema-driven)", () => {
  it("adds a body, a role naming it through the picker, a checklist item; removes an obligation; saves the draft with every change", { timeout: 30_000 }, async () => {
    await signInAsAdmin();
    const start = startingProfile();
    const api = fakeApi({
      "GET /v1/profile/draft": () => json(200, draftOf({ profile: start as unknown as Record<string, unknown> })),
      "GET /v1/profile/schema": () => json(200, { root: profileFormSchema(), targets: referenceLists() }),
      "POST /v1/profile/draft/validate": () => json(200, { valid: true, issues: [] }),
      "PUT /v1/profile/draft": (call) => json(200, draftOf({ rev: 4, profile: (call.body as { profile: ProfileDocument }).profile })),
    });
    renderEditor();

    // A body: the add opens the new entry's form.
    const bodies = await openList("机构");
    fireEvent.click(within(bodies).getByRole("button", { name: "添加机构" }));
    typeInto(within(bodies).getByLabelText("代码（id）"), "town_committee");
    typeInto(within(bodies).getByLabelText("名称（中文）"), "乡镇消防安全委员会");
    typeInto(within(bodies).getByLabelText("名称（英文）"), "Township fire-safety committee");
    const level = within(bodies).getByLabelText("层级");
    expect([...(level as HTMLSelectElement).options].map((o) => o.text)).toEqual(["（未选择）", "县（county）", "乡镇（town）"]);
    choose(level, "town");
    choose(within(bodies).getByLabelText("类型"), "committee");
    typeInto(within(bodies).getByLabelText(/出处条款/), "xinhe 二(一)");
    typeInto(within(bodies).getByLabelText(/条文原文/), "各乡镇成立消防安全委员会");

    // A role: its body is picked from the bodies as they stand now, the new one included.
    const roles = await openList("角色");
    fireEvent.click(within(roles).getByRole("button", { name: "添加角色" }));
    typeInto(within(roles).getByLabelText("代码（id）"), "committee_member");
    typeInto(within(roles).getByLabelText("名称（中文）"), "安委会成员");
    typeInto(within(roles).getByLabelText("名称（英文）"), "Committee member");
    const body = within(roles).getByLabelText(/^机构/);
    expect(within(body).getByRole("option", { name: "乡镇消防安全委员会（town_committee）" })).toBeInTheDocument();
    choose(body, "town_committee");

    // A checklist item in the category, its hazard code from the codes' picker.
    const categories = await openList("检查类别");
    fireEvent.click(within(categories).getByRole("button", { name: "编辑 乡镇日常巡查" }));
    const checklist = within(categories).getByRole("group", { name: "检查项" });
    fireEvent.click(within(checklist).getByRole("button", { name: "添加检查项" }));
    typeInto(within(checklist).getByLabelText("代码（id）"), "exits_clear");
    typeInto(within(checklist).getByLabelText("名称（中文）"), "安全出口畅通");
    typeInto(within(checklist).getByLabelText("名称（英文）"), "Exits clear");
    choose(within(checklist).getByLabelText("隐患代码"), "exit_blocked");

    // An obligation removed (nothing names it).
    const obligations = await openList("工作制度");
    fireEvent.click(within(obligations).getByRole("button", { name: "删除 季度消防例会" }));
    expect(within(obligations).queryByText("季度消防例会")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "保存草稿" }));
    expect(await screen.findByText("草稿已保存（修订 4），0 处问题。")).toBeInTheDocument();
    const [put] = api.calls("PUT /v1/profile/draft");
    expect(put!.headers.get("if-match")).toBe('"3"');
    const saved = savedProfile(put!.body);
    expect(saved.bodies.at(-1)).toEqual({
      id: "town_committee",
      name: { zh: "乡镇消防安全委员会", en: "Township fire-safety committee" },
      level: "town",
      kind: "committee",
      sourceRef: "xinhe 二(一)",
      text: "各乡镇成立消防安全委员会",
    });
    expect(saved.roles.at(-1)).toMatchObject({ id: "committee_member", name: { zh: "安委会成员", en: "Committee member" }, body: "town_committee", sourceRef: null });
    expect(saved.inspectionCategories[0]!.checklist).toEqual([{ id: "exits_clear", name: { zh: "安全出口畅通", en: "Exits clear" }, hazardCode: "exit_blocked", sourceRef: null }]);
    expect(saved.obligations).toEqual([]);
    // Everything else is as it was.
    expect(saved.levels).toEqual(start.levels);
    expect(saved.hazards).toEqual(start.hazards);
  });

  it("refuses to remove an entry other rules still name, listing where", async () => {
    await signInAsAdmin();
    const api = fakeApi({
      "GET /v1/profile/draft": () => json(200, draftOf({ profile: startingProfile() as unknown as Record<string, unknown> })),
      "GET /v1/profile/schema": () => json(200, { root: profileFormSchema(), targets: referenceLists() }),
      "POST /v1/profile/draft/validate": () => json(200, { valid: true, issues: [] }),
    });
    renderEditor();
    const bodies = await openList("机构");
    fireEvent.click(within(bodies).getByRole("button", { name: "删除 乡镇消防工作站" }));
    const refused = within(bodies).getByTestId("remove-refused");
    expect(refused).toHaveTextContent("不能删除“乡镇消防工作站”：以下 4 处仍引用它");
    for (const path of ["$.roles[0].body", "$.staffing.rules[0].body", "$.venues.supervision.fallback.supervisor", "$.hazards.severities[0].handledBy.body"]) {
      expect(refused).toHaveTextContent(path);
    }
    expect(within(bodies).getByText("乡镇消防工作站")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "保存草稿" })).toBeDisabled();
    await new Promise((done) => setTimeout(done, 500));
    expect(api.calls("POST /v1/profile/draft/validate")).toHaveLength(0);
  });

  it("re-validates a new entry through the API and shows each problem beside its field, zh with en", async () => {
    await signInAsAdmin();
    const api = fakeApi({
      "GET /v1/profile/draft": () => json(200, draftOf({ profile: startingProfile() as unknown as Record<string, unknown> })),
      "GET /v1/profile/schema": () => json(200, { root: profileFormSchema(), targets: referenceLists() }),
      "POST /v1/profile/draft/validate": (call) => {
        const sent = savedProfile(call.body);
        const code = sent.hazards.codes.at(-1)!;
        return json(200, {
          valid: false,
          issues: code.id === "" ? [{ path: "$.hazards.codes[1].id", code: "validation.invalid_format", message: { zh: "id 须为小写字母开头的 snake_case", en: "expected a snake_case id" } }] : [],
        });
      },
    });
    renderEditor();
    fireEvent.click(await screen.findByRole("button", { name: "隐患" }));
    const codes = screen.getByRole("group", { name: "隐患代码" });
    fireEvent.click(within(codes).getByRole("button", { name: "添加隐患代码" }));
    const id = within(codes).getByLabelText("代码（id）");
    await waitFor(() => expect(id).toHaveAttribute("aria-invalid", "true"));
    expect(id.closest(".field")).toHaveTextContent("id 须为小写字母开头的 snake_case（expected a snake_case id）");
    expect(screen.getByTestId("issue")).toHaveTextContent("$.hazards.codes[1].id");
    typeInto(id, "no_extinguisher");
    await waitFor(() => expect(id).not.toHaveAttribute("aria-invalid"));
    const checked = api.calls("POST /v1/profile/draft/validate").map((c) => savedProfile(c.body).hazards.codes.at(-1)!.id);
    expect(checked.at(-1)).toBe("no_extinguisher");
  });

  it("speaks English, and swaps a union's fields with its kind select", async () => {
    await signInAsAdmin();
    fakeApi({
      "GET /v1/profile/draft": () => json(200, draftOf({ profile: startingProfile() as unknown as Record<string, unknown> })),
      "GET /v1/profile/schema": () => json(200, { root: profileFormSchema(), targets: referenceLists() }),
      "POST /v1/profile/draft/validate": () => json(200, { valid: true, issues: [] }),
    });
    renderEditor("en");
    const staffing = await openList("Staffing", "Rules");
    fireEvent.click(within(staffing).getByRole("button", { name: "Edit station_on_payroll" }));
    const kind = within(staffing).getByLabelText("Requirement · Kind");
    expect(within(staffing).getByLabelText("Minimum")).toHaveValue("2");
    choose(kind, "share_of_total");
    expect(await within(staffing).findByLabelText("Minimum (%)")).toHaveValue("0");
    const doc = JSON.parse((screen.getByLabelText("The whole draft (JSON)") as HTMLTextAreaElement).value);
    expect(doc.staffing.rules[0].requirement).toEqual({ measure: "share_of_total", minPercent: 0 });
  });

  it("fills the citation block the admin last worked in with a clause picked in the document (the pane's hook)", async () => {
    const [doc, setDoc] = createSignal(structuredClone(profile) as unknown as ProfileDocument);
    const change = (path: Segment[], value: unknown) => setDoc((d) => setAt(d, path, value));
    const hook = createCiteTarget((base, picked) => setDoc((d) => setAt(setAt(d, [...base, "sourceRef"], picked.sourceRef), [...base, "text"], picked.text)));
    render(() => (
      <I18nProvider locale="zh-CN">
        <CiteTargetContext.Provider value={hook.value}>
          <CitationEditor doc={doc()} issues={[]} change={change} base={["roles", 0]} />
        </CiteTargetContext.Provider>
      </I18nProvider>
    ));
    const picked = { sourceRef: "xinhe 二(三)", text: "工作站人员由乡镇统一调配" };
    expect(hook.onCite(picked)).toBe(false);
    fireEvent.click(await screen.findByRole("button", { name: "在此填入引用" }));
    expect(screen.getByText("文件中选中的条款将填入这里")).toBeInTheDocument();
    expect(hook.value.cite(picked)).toBe(true);
    expect((doc() as unknown as PolicyProfile).roles[0]).toMatchObject(picked);
    expect(screen.getByLabelText(/出处条款/)).toHaveValue("xinhe 二(三)");
  });
});
