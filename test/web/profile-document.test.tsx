import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { ProfileSourceDocument } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import DraftPage from "../../web/src/pages/profile/draft.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { draftOf } from "./profile-fixture.ts";

// The county's document beside the draft editor: its clauses split by its
// own numbering, the ones no rule cites marked, and a clause's sentence
// cited into the rule being edited.

const TEXT = [
  "新河县关于加强基层消防工作的意见",
  "一、组织领导",
  "县政府统一领导全县消防工作。县消防救援大队负责业务指导。",
  "二、机构人员",
  "（一）各乡镇设立消防工作站。",
  "（二）工作站配备3至5名工作人员，其中在编人员不少于2名。",
  "（三）其余场所由乡镇消防工作站监管。",
  "三、工作机制",
  "（一）工作站每月开展一次巡查。",
  "（二）隐患实行闭环管理，一般隐患由乡镇督促限期整改。",
  "（三）重大火灾隐患报县消防救援大队督办。",
  "（四）一般隐患应在7日内整改完毕；",
  "逾期未改的，报县消防救援大队。",
  "四、保障措施",
  "（一）经费列入乡镇预算。",
].join("\n");

const stored = (text: string): ProfileSourceDocument => ({ text, source: "text", updatedAt: "2026-11-21T02:00:00.000Z", updatedBy: admin.userId, clauses: [], uncited: [], issues: [], warnings: [] });

async function signInAsAdmin() {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1")) });
  await signIn({ tenant: "xinhe", username: admin.username, password: "Fire-safe-2026" });
}

const renderEditor = () => renderAt("/profile/draft", () => <Route path="/profile/draft" component={DraftPage} />);
const clauseIds = () => screen.getAllByTestId("clause").map((el) => el.dataset.clauseId);
const clause = (id: string) => screen.getAllByTestId("clause").find((el) => el.dataset.clauseId === id)!;

afterEach(resetSession);

describe("the document pane of the draft editor", () => {
  it("shows the attached document's clauses, marks the uncited ones, and cites a sentence into the rule being edited", async () => {
    await signInAsAdmin();
    fakeApi({
      "GET /v1/profile/draft": () => json(200, draftOf()),
      "GET /v1/profile/draft/document": () => json(200, stored(TEXT)),
      "POST /v1/profile/draft/validate": () => json(200, { valid: true, issues: [] }),
    });
    renderEditor();
    await screen.findAllByTestId("clause");
    expect(clauseIds()).toEqual(["一", "二", "二(一)", "二(二)", "二(三)", "三", "三(一)", "三(二)", "三(三)", "三(四)", "四", "四(一)"]);
    const pane = screen.getByTestId("document-pane");
    expect(pane).toHaveTextContent("条款（12）");
    // The fixture cites 一, 二(一)–(三), 三(一)–(三): 三(四) and section 四 are cited by no rule.
    const marked = screen.getAllByTestId("clause").filter((el) => within(el).queryByTestId("uncited")).map((el) => el.dataset.clauseId);
    expect(marked).toEqual(["三(四)", "四", "四(一)"]);
    expect(pane).toHaveTextContent("3 条未被任何规则引用");
    expect(screen.getByTestId("cite-target")).toHaveTextContent("先在左侧表单中点选要引用的规则。");

    // The general hazard's deadline is a marked default: focus it, then pick the sentence that sets it.
    const general = await screen.findByRole("group", { name: "一般隐患" });
    fireEvent.focusIn(within(general).getByLabelText("整改期限（天）"));
    expect(screen.getByTestId("cite-target")).toHaveTextContent("引用到：$.hazards.severities[0].rectificationDays");
    const sentence = within(clause("三(四)")).getByRole("button", { name: "一般隐患应在7日内整改完毕；" });
    fireEvent.click(sentence);

    const jsonView = screen.getByLabelText("整份草稿（JSON）") as HTMLTextAreaElement;
    const days = JSON.parse(jsonView.value).hazards.severities[0].rectificationDays;
    expect(days).toMatchObject({ value: 15, sourceRef: "xinhe 三(四)", text: "一般隐患应在7日内整改完毕；" });
    expect(await screen.findByText("已将 xinhe 三(四) 引用到 $.hazards.severities[0].rectificationDays。")).toBeInTheDocument();
    // Cited now: the marker leaves at once, before any save.
    await waitFor(() => expect(within(clause("三(四)")).queryByTestId("uncited")).toBeNull());

    // A whole clause: its own words without its number, the lines of the document joined.
    fireEvent.click(within(clause("三(四)")).getByRole("button", { name: "引用本条" }));
    expect(JSON.parse(jsonView.value).hazards.severities[0].rectificationDays.text).toBe("一般隐患应在7日内整改完毕；逾期未改的，报县消防救援大队。");
  });

  it("attaches pasted text and uploads a .docx as it is", async () => {
    await signInAsAdmin();
    const api = fakeApi({
      "GET /v1/profile/draft": () => json(200, draftOf()),
      "GET /v1/profile/draft/document": () => problem(404, "profile.document_none", "还没有附上政策文件。", undefined, "/v1/profile/draft/document"),
      "PUT /v1/profile/draft/document": (call) => json(200, stored(call.body instanceof Blob ? TEXT : (call.body as { text: string }).text)),
      "POST /v1/profile/draft/validate": () =>
        json(200, { valid: false, issues: [{ path: "$.levels[0].text", code: "profile.quote_not_in_document", message: { zh: "引文不在所附文件中（一）：“县政府统一领导全县消防工作”", en: "the quote is not in the attached document" } }] }),
    });
    renderEditor();
    expect(await screen.findByText("尚未附上政策文件。")).toBeInTheDocument();
    expect(api.calls("POST /v1/profile/draft/validate")).toHaveLength(0);
    fireEvent.input(screen.getByLabelText("粘贴文件全文"), { target: { value: "一、组织领导\n（一）设立工作站。" } });
    fireEvent.click(screen.getByRole("button", { name: "保存文件" }));
    expect(await screen.findByText("文件已保存，共 0 条。")).toBeInTheDocument();
    expect(api.calls("PUT /v1/profile/draft/document")[0]!.body).toEqual({ text: "一、组织领导\n（一）设立工作站。" });
    expect(clauseIds()).toEqual(["一", "一(一)"]);
    // The draft is checked again against the new document: its quote issue shows at its path.
    const issue = await screen.findByTestId("issue");
    expect(issue).toHaveAttribute("data-path", "$.levels[0].text");
    expect(issue).toHaveTextContent("引文不在所附文件中");

    const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], "意见.docx", { type: "" });
    fireEvent.change(screen.getByTestId("document-file"), { target: { files: [file] } });
    await waitFor(() => expect(api.calls("PUT /v1/profile/draft/document")).toHaveLength(2));
    const upload = api.calls("PUT /v1/profile/draft/document")[1]!;
    expect(upload.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    await waitFor(() => expect(clauseIds()).toHaveLength(12));
  });
});
