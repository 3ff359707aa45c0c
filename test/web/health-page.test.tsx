import { render, screen } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import HealthPage from "../../web/src/pages/health/index.tsx";
import { I18nProvider, type Locale } from "../../web/src/i18n/index.tsx";

function respond(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));
}

const report = (reachable: boolean) => ({
  status: reachable ? "ok" : "degraded",
  dynamodb: { reachable, table: "firegov", latencyMs: 7, ...(reachable ? {} : { error: "ResourceNotFoundException" }) },
  checkedAt: "2026-11-23T08:00:00.000Z",
});

function renderPage(locale: Locale = "zh-CN") {
  return render(() => (
    <I18nProvider locale={locale}>
      <HealthPage />
    </I18nProvider>
  ));
}

afterEach(() => vi.unstubAllGlobals());

describe("health page", () => {
  it("shows the database reachable, in Chinese by default", async () => {
    vi.stubGlobal("fetch", respond(200, report(true)));
    renderPage();
    expect(await screen.findByTestId("db-status")).toHaveTextContent("可达 · 响应 7 毫秒");
    expect(screen.getByTestId("api-status")).toHaveTextContent("正常");
  });

  it("shows a degraded report from a 503 rather than an error", async () => {
    vi.stubGlobal("fetch", respond(503, report(false)));
    renderPage("en");
    expect(await screen.findByTestId("db-status")).toHaveTextContent("unreachable");
    expect(screen.getByTestId("api-status")).toHaveTextContent("Degraded");
  });

  it("says the API cannot be reached when the request fails", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    renderPage();
    expect(await screen.findByRole("alert")).toHaveTextContent("无法连接接口服务：网络不可用");
  });
});
