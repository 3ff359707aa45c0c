import { execFileSync, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import type { Browser } from "playwright-core";
import { presetIds } from "@firegov/profiles";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactsDir, launchChromium } from "../support/browser.ts";
import { groupAlive, repoRoot, startLocalStack, type RunningStack } from "../support/local-stack.ts";

function javaProcessesOnPort(port: number): string[] {
  const ps = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return ps.split("\n").filter((line) => line.includes("DynamoDBLocal.jar") && line.includes(`-port ${port}`));
}

describe("`npm start`, in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startLocalStack({}, { viaNpmStart: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.interrupt();
  });

  it("answers /health with 200 and DynamoDB reachable", async () => {
    const res = await fetch(`${stack.base}/health`);
    expect(res.status).toBe(200);
    expect((await res.json()).dynamodb.reachable).toBe(true);
  });

  it("seeds one demo county per built-in preset, whose admin can sign in", async () => {
    expect(stack.output()).toContain("演示单位 Demo");
    for (const tenant of presetIds) {
      const res = await fetch(`${stack.base}/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tenant, username: "admin", password: "Demo-fire-2026" }),
      });
      expect(res.status, tenant).toBe(200);
    }
  });

  it("shows the API health on the web page, on a phone, in Chinese", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: "zh-CN" });
    await page.goto(`${stack.base}/status`);
    await expect.poll(() => page.getByTestId("db-status").textContent(), { timeout: 15_000 }).toContain("可达");
    expect(await page.getByTestId("api-status").textContent()).toBe("正常");
    await page.screenshot({ path: join(artifactsDir, "health-phone-zh.png"), fullPage: true });
    await page.close();
  });

  it("switches to English and keeps the choice across a reload, on a desktop", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const words: string[] = [];
    page.on("request", (r) => void (/\/assets\/words-/.test(r.url()) && words.push(new URL(r.url()).pathname)));
    await page.goto(`${stack.base}/`, { waitUntil: "networkidle" });
    // The first page's own words (the home route's, the header's outbox badge's) came in zh-CN with it: not counted.
    words.length = 0;
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("link", { name: "System status" }).click();
    // From the click on, no zh-CN words are fetched; English's were fetched on the click
    expect(words.filter((w) => w.includes("words-zh-"))).toEqual([]);
    expect(words.some((w) => w.includes("words-en-core-"))).toBe(true);
    await expect.poll(() => page.getByTestId("db-status").textContent(), { timeout: 15_000 }).toContain("reachable");
    await page.reload();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("System status");
    await page.screenshot({ path: join(artifactsDir, "health-desktop-en.png") });
    await page.close();
  });

  it("sends the web client compressed: hashed assets immutable, index.html revalidated", async () => {
    const index = await fetch(`${stack.base}/`, { headers: { "accept-encoding": "br, gzip" } });
    expect(index.headers.get("cache-control")).toBe("no-cache"); // under 1 KB: sent as it is, as CloudFront would
    const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(await index.text())![1]!;
    for (const [accept, encoding] of [["br, gzip", "br"], ["gzip", "gzip"]] as const) {
      const asset = await fetch(`${stack.base}${entry}`, { headers: { "accept-encoding": accept } });
      expect(asset.status).toBe(200);
      expect(asset.headers.get("content-encoding")).toBe(encoding);
      expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect(asset.headers.get("vary")).toBe("Accept-Encoding");
    }
  });

  it("serves the API reference page with its assets from our own origin", async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on("request", (r) => void (new URL(r.url()).origin !== new URL(stack.base).origin && foreign.push(r.url())));
    await page.goto(`${stack.base}/v1/docs`);
    await expect.poll(() => page.locator(".opblock-summary-path").allTextContents(), { timeout: 15_000 }).toContain("/health");
    expect(foreign).toEqual([]);
    await page.close();
  });

  it("stops everything on Ctrl-C, leaving no java process", async () => {
    expect(javaProcessesOnPort(stack.dynamoPort)).toHaveLength(1);
    await stack.interrupt();
    expect(groupAlive(stack.child.pid!)).toBe(false);
    expect(javaProcessesOnPort(stack.dynamoPort)).toEqual([]);
    expect(stack.output()).toContain("正在停止本地服务");
  });
});

describe("npm start without Java", () => {
  it("says how to install it and exits non-zero", () => {
    // A PATH with node and the project's tools, but not /usr/bin where java lives.
    const path = [dirname(process.execPath), join(repoRoot, "node_modules/.bin")].join(":");
    const run = spawnSync(process.execPath, [join(repoRoot, "node_modules/tsx/dist/cli.mjs"), "scripts/local-stack.ts"], {
      cwd: repoRoot,
      env: { ...process.env, PATH: path, DYNAMODB_ENDPOINT: "", PORT: "0" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("未找到 Java 运行环境");
    expect(run.stderr).toContain("apt-get install -y default-jre-headless");
  });
});
