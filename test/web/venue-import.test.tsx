import { Route } from "@solidjs/router";
import { fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { VenueImportProgress } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import { I18nProvider } from "../../web/src/i18n/index.tsx";
import VenueImportPage, { csvTemplate, ImportProgressBar } from "../../web/src/pages/venues/import.tsx";
import { admin, fakeApi, json, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { county, dongHe } from "./organisation-fixture.ts";
import { version1 } from "./profile-fixture.ts";

afterEach(() => resetSession());

const progress = (total: number, processed: number): VenueImportProgress => ({ importId: "i-1", status: "checking", total, processed, startedAt: "2026-12-07T01:00:00.000Z" });

describe("the venue import's progress bar", () => {
  it("stays indeterminate (no value set) while the total is 0, unknown or not a number, and fills once rows are known", () => {
    for (const p of [undefined, progress(0, 0), progress(Number.NaN, Number.NaN)]) {
      const { container, unmount } = render(() => <I18nProvider locale="zh-CN"><ImportProgressBar progress={p} /></I18nProvider>);
      expect(container.querySelector("progress")!.hasAttribute("value")).toBe(false);
      unmount();
    }
    const { container } = render(() => <I18nProvider locale="zh-CN"><ImportProgressBar progress={progress(40, 10)} /></I18nProvider>);
    const bar = container.querySelector("progress")!;
    expect([bar.max, bar.value]).toEqual([40, 10]);
    expect(screen.getByText("正在处理 10 / 40 行")).toBeTruthy();
  });
});

describe("the venue import page", () => {
  it("uploads a CSV while the progress says 0 rows, shows the result, explains node paths and offers a template with the importer's headers", async () => {
    fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user: admin })) });
    await signIn({ tenant: "xinhe", username: "admin", password: "Fire-safe-2026" });
    let finish: (r: Response) => void = () => undefined;
    const api = fakeApi({
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/nodes": () => json(200, { items: [county, dongHe], cursor: null }),
      "POST /v1/import/venues": () => new Promise<Response>((resolve) => (finish = resolve)),
      "GET /v1/venue-imports/*": () => json(200, progress(0, 0)),
    });
    renderAt("/venues/import", () => <Route path="/venues/import" component={VenueImportPage} />);
    expect((await screen.findByTestId("venue-import-paths")).textContent).toContain("甲镇/甲一村/第一网格");
    const template = await csvTemplate().text();
    expect(template.replace(/^\uFEFF/, "").trim().split(",")).toEqual(["外部编号", "场所名称", "地址", "所在网格", "经度", "纬度", "场所类型", "重点单位级别", "企业分级", "风险等级", "监管标记", "场所特征", "负责人", "联系电话"]);

    const file = new File(["外部编号,场所名称,所在网格,场所类型\nX-1,东街五金店,东河乡,商店\n"], "场所台账.csv", { type: "text/csv" });
    fireEvent.change(screen.getByLabelText("文件（xlsx 或 CSV）"), { target: { files: [file] } });
    fireEvent.click(screen.getByRole("button", { name: "上传并导入" }));
    await waitFor(() => expect(api.calls("POST /v1/import/venues")).toHaveLength(1));
    expect(screen.getByRole("status")).toBeTruthy();
    finish(json(200, { mode: "all_or_nothing", created: 1, updated: 0, unchanged: 0, skipped: 0, errors: [] }));
    expect(await screen.findByText("新增 1，更新 0，未变 0，跳过 0。")).toBeTruthy();
    expect(api.calls("POST /v1/import/venues")[0]!.headers.get("content-type")).toBe("text/csv");
  });

  it("says in Chinese why an import failed when the network is down", async () => {
    fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user: admin })) });
    await signIn({ tenant: "xinhe", username: "admin", password: "Fire-safe-2026" });
    fakeApi({
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/nodes": () => json(200, { items: [county], cursor: null }),
      "POST /v1/import/venues": () => Promise.reject(new TypeError("Failed to fetch")),
    });
    renderAt("/venues/import", () => <Route path="/venues/import" component={VenueImportPage} />);
    fireEvent.change(await screen.findByLabelText("文件（xlsx 或 CSV）"), { target: { files: [new File(["场所名称\n"], "a.csv", { type: "text/csv" })] } });
    fireEvent.click(screen.getByRole("button", { name: "上传并导入" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/^导入失败/);
  });
});
