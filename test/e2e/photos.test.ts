import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { addUser, apiLogin, buildChain, FIELD_ROLE, phone, shot, signIn, signUpFitting, stackApi, stopAll, type Api } from "../support/e2e.ts";
import { startLocalStack, type RunningStack } from "../support/local-stack.ts";

const run = Date.now().toString(36);
const WORKER = { username: "sun.grid", name: "孙网格", password: "Grid-safe-2027" };
const DESCRIPTION = "配电箱前堆放杂物，影响检修";

/** Width and height of a JPEG, from its first start-of-frame marker. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } {
  let i = 2;
  while (i < bytes.length) {
    const marker = bytes[i + 1]!;
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: (bytes[i + 5]! << 8) | bytes[i + 6]!, width: (bytes[i + 7]! << 8) | bytes[i + 8]! };
    }
    i += 2 + length;
  }
  throw new Error("not a JPEG");
}

/** A 4000×3000 camera-sized JPEG, drawn in the browser: gradients and noise so it does not compress to nothing. */
async function cameraPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 4000;
    canvas.height = 3000;
    const ctx = canvas.getContext("2d")!;
    const g = ctx.createLinearGradient(0, 0, 4000, 3000);
    g.addColorStop(0, "#c33");
    g.addColorStop(1, "#36c");
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 4000, 3000);
    for (let n = 0; n < 20000; n++) {
      ctx.fillStyle = `hsl(${(n * 37) % 360} 70% 50%)`;
      ctx.fillRect((n * 7919) % 4000, (n * 104729) % 3000, 12, 12);
    }
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), "image/jpeg", 0.95));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = "";
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  });
  return Buffer.from(base64, "base64");
}

describe("photos as field staff take them, on a phone in Chromium", () => {
  let stack: RunningStack;
  let browser: Browser;
  let worker: Page;
  let api: Api;
  let slug: string;
  let gridName: string;

  beforeAll(async () => {
    stack = await startLocalStack({ JOBS: "off", DEMO: "off" });
    api = stackApi(stack);
    const county = await signUpFitting(api, `e2e-ph-${run}`, (p) => !!FIELD_ROLE[p.levels.at(-1)!.id]);
    expect(county).toBeDefined();
    slug = county!.slug;
    const nodes = await buildChain(api, county!.token, county!.profile);
    const fieldLevel = county!.profile.levels.at(-1)!.id;
    gridName = nodes[fieldLevel]!.name;
    await addUser(api, county!, WORKER, FIELD_ROLE[fieldLevel]!, nodes[fieldLevel]!.nodeId);
    browser = await launchChromium();
    worker = await (await browser.newContext(phone)).newPage();
  });

  afterAll(() => stopAll(browser, stack));

  it("shrinks a 4000×3000 photo to ≤ 1600 px with a thumbnail, and the hazard page loads only the thumbnail until the photo is tapped", async () => {
    await signIn(worker, stack, slug, WORKER);
    const large = await cameraPhoto(worker);
    expect(jpegSize(large)).toEqual({ width: 4000, height: 3000 });

    await worker.goto(`${stack.base}/hazards/new`);
    const form = worker.getByRole("form", { name: "上报隐患" });
    await form.getByLabel("所在辖区").selectOption({ label: gridName });
    await form.getByLabel("隐患类型", { exact: true }).selectOption({ index: 1 });
    if ((await form.getByLabel("隐患类型", { exact: true }).inputValue()) === "other") await form.getByLabel("隐患类型说明").fill("配电箱堆物");
    await form.getByLabel("等级").selectOption({ index: 1 });
    await form.getByLabel("隐患情况").fill(DESCRIPTION);
    await form.locator('input[type="file"]').setInputFiles({ name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: large });
    await expect.poll(() => form.locator('.photo-thumbs li[data-state="done"]').count(), { timeout: 30_000 }).toBe(1);
    expect(await form.locator(".photo-thumbs li").textContent()).toContain("已上传");
    await shot(worker, "photos-picked-phone-zh");
    await form.getByRole("button", { name: "提交上报" }).click();
    await worker.waitForURL((url) => /^\/hazards\/[A-Za-z0-9_-]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
    const hazardId = new URL(worker.url()).pathname.split("/").pop()!;

    // What storage holds: the original at ≤ 1600 px (4:3 kept), and a thumbnail at ≤ 320 px.
    const token = await apiLogin(api, slug, WORKER.username, WORKER.password);
    const hazard = (await (await api(`/v1/hazards/${hazardId}`, {}, token)).json()) as { hazard?: { photos: string[] }; photos?: string[] };
    const key = (hazard.hazard?.photos ?? hazard.photos)![0]!;
    expect(key).toMatch(/\.o\.jpg$/);
    const link = async (variant: string) => (await (await api(`/v1/hazards/${hazardId}/photo?key=${encodeURIComponent(key)}&variant=${variant}`, {}, token)).json()) as { url: string };
    const original = new Uint8Array(await (await fetch((await link("original")).url)).arrayBuffer());
    const thumb = new Uint8Array(await (await fetch((await link("thumb")).url)).arrayBuffer());
    expect(jpegSize(original)).toEqual({ width: 1600, height: 1200 });
    expect(jpegSize(thumb)).toEqual({ width: 320, height: 240 });
    expect(original.length).toBeLessThan(large.length);
    expect(thumb.length).toBeLessThan(64 * 1024);

    // A fresh page counts the bytes of every image it downloads.
    const viewer = await (await browser.newContext(phone)).newPage();
    const images: { url: string; bytes: number }[] = [];
    viewer.on("response", async (res) => {
      if (res.request().resourceType() !== "image" || res.url().startsWith("data:") || res.url().startsWith("blob:")) return;
      images.push({ url: res.url(), bytes: (await res.body().catch(() => Buffer.alloc(0))).length });
    });
    await signIn(viewer, stack, slug, WORKER);
    await viewer.goto(`${stack.base}/hazards/${hazardId}`);
    const photo = viewer.locator("img.hz-photo").first();
    await expect.poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 20_000 }).toBe(320);
    await expect.poll(() => images.filter((i) => i.url.includes(".t.jpg")).length).toBe(1);
    expect(images.filter((i) => i.url.includes(".o.jpg"))).toEqual([]);
    const before = images.reduce((sum, i) => sum + i.bytes, 0);
    expect(before).toBe(thumb.length);
    await shot(viewer, "photos-hazard-thumbnail-phone-zh");

    // Tapping opens the original, fetched only now.
    await photo.click();
    await expect.poll(() => viewer.locator(".photo-viewer-img").evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 20_000 }).toBe(1600);
    await expect.poll(() => images.filter((i) => i.url.includes(".o.jpg")).map((i) => i.bytes)).toEqual([original.length]);
    await shot(viewer, "photos-hazard-original-phone-zh", false);
  });
});
