import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import type { PolicyProfile } from "@firegov/core/contract";
import { artifactsDir } from "./browser.ts";
import type { RunningStack } from "./local-stack.ts";

/** The phone every e2e test holds: a narrow screen, in Chinese, on China time (after 16:00 UTC a county's today is tomorrow). */
export const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: "zh-CN", timezoneId: "Asia/Shanghai" };
/** The county admin each test signs up with. */
export const ADMIN = { username: "zhao.admin", name: "赵建国", password: "Fire-safe-2026" };
/** The field role at the bottom level of the tree (the platform's mapping). */
export const FIELD_ROLE: Record<string, string> = { grid: "grid_worker", village: "village_manager" };
/** A small PNG (8×8, one colour) made here, to upload as a photo. */
export const PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEklEQVR4nGP4z8CAFWEXHbQSACj/P8Fu7N9hAAAAAElFTkSuQmCC",
  "base64",
);
/** The password an admin gives a new user, which they change on first sign-in. */
const TEMPORARY = "Temp-pass-2026";

export const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage });
/** No page is wider than the phone: nothing overflows sideways. */
export const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** A loaded machine is slow to hash a password and to boot the page: a sign-in waits longer than a poll's default second. */
const SIGN_IN_WAIT = { timeout: 30_000 };

/** The login form, on screen with the county code filled in: types the user's name and password and signs in. */
export async function fillLogin(page: Page, slug: string, user: { username: string; password: string }) {
  await expect.poll(() => page.getByLabel("单位代码").inputValue(), SIGN_IN_WAIT).toBe(slug);
  await page.getByLabel("用户名").fill(user.username);
  await page.getByLabel("密码", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

/** Opens the county's login page, signs the user in and waits for the greeting. */
export async function signIn(page: Page, stack: RunningStack, slug: string, user: { username: string; password: string }) {
  await page.goto(`${stack.base}/login?tenant=${slug}`);
  await fillLogin(page, slug, user);
  await expect.poll(() => page.getByTestId("greeting").count(), SIGN_IN_WAIT).toBe(1);
}

/** A desktop page in English, with the user signed in to the county. */
export async function signInDesktopEnglish(browser: Browser, stack: RunningStack, slug: string, user: { username: string; password: string }) {
  const desktop = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "en" });
  await desktop.goto(`${stack.base}/login?tenant=${slug}`);
  await desktop.getByRole("button", { name: "English" }).click();
  await desktop.getByLabel("Username").fill(user.username);
  await desktop.getByLabel("Password", { exact: true }).fill(user.password);
  await desktop.getByRole("button", { name: "Sign in", exact: true }).click();
  return desktop;
}

/** Closes the browser and stops the stack, whichever of them started. */
export async function stopAll(browser: Browser | undefined, stack: RunningStack | undefined) {
  await browser?.close();
  if (stack && stack.child.exitCode === null) await stack.interrupt();
}

export type Api = (path: string, init?: RequestInit, token?: string) => Promise<Response>;

/** The stack's API as JSON, with a bearer token when given one. */
export function stackApi(stack: RunningStack): Api {
  return (path, init = {}, token) =>
    fetch(`${stack.base}${path}`, { ...init, headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });
}

/** Signs the user in through the API: their access token. */
export async function apiLogin(api: Api, tenant: string, username: string, password: string) {
  return ((await (await api("/v1/auth/login", { method: "POST", body: JSON.stringify({ tenant, username, password }) })).json()) as { accessToken: string }).accessToken;
}

export interface County {
  slug: string;
  tenantId: string;
  /** The admin's access token. */
  token: string;
  version: number;
  profile: PolicyProfile;
}

/** Signs a county up on a preset with {@link ADMIN}, signs the admin in and reads the profile in effect. */
export async function signUpCounty(api: Api, slug: string, presetId: string): Promise<County> {
  const signup = await api("/v1/signup", {
    method: "POST",
    headers: { "idempotency-key": randomUUID() },
    body: JSON.stringify({ slug, name: "测试县", presetId, admin: { username: ADMIN.username, displayName: ADMIN.name, phone: "13912345678", password: ADMIN.password } }),
  });
  expect(signup.status).toBe(201);
  const { tenantId } = (await signup.json()) as { tenantId: string };
  const token = await apiLogin(api, slug, ADMIN.username, ADMIN.password);
  const current = (await (await api("/v1/profile", {}, token)).json()) as { version: number; profile: PolicyProfile };
  return { slug, tenantId, token, ...current };
}

/** The presets the API lists, in order. */
export async function presetIds(api: Api) {
  const { items } = (await (await api("/v1/presets")).json()) as { items: { id: string }[] };
  return items.map((p) => p.id);
}

/** Signs a county up on each preset in turn (`${prefix}-${i}`) until one's profile fits; undefined when none does. */
export async function signUpFitting(api: Api, prefix: string, fits: (profile: PolicyProfile) => boolean): Promise<County | undefined> {
  for (const [i, presetId] of (await presetIds(api)).entries()) {
    const county = await signUpCounty(api, `${prefix}-${i}`, presetId);
    if (fits(county.profile)) return county;
  }
  return undefined;
}

/** One node per level below the root, down to the field level, through the API: each level's node. */
export async function buildChain(api: Api, token: string, profile: PolicyProfile) {
  const me = (await (await api("/v1/me", {}, token)).json()) as { tenant: { rootNodeId: string } };
  const nodes: Record<string, { nodeId: string; name: string }> = {};
  let parentId = me.tenant.rootNodeId;
  for (const level of profile.levels.slice(1)) {
    const name = `${level.name.zh}甲`;
    const res = await api("/v1/nodes", { method: "POST", headers: { "idempotency-key": randomUUID() }, body: JSON.stringify({ parentId, name }) }, token);
    expect(res.status, await res.clone().text()).toBe(201);
    const node = (await res.json()) as { nodeId: string; level: string };
    nodes[node.level] = { nodeId: node.nodeId, name };
    parentId = node.nodeId;
  }
  return nodes;
}

/** A user created by the admin with a temporary password, who then sets their own. */
export async function addUser(api: Api, county: County, user: { username: string; name: string; password: string }, role: string, scopeNodeId: string) {
  const created = await api("/v1/users", { method: "POST", headers: { "idempotency-key": randomUUID() }, body: JSON.stringify({ username: user.username, displayName: user.name, role, scopeNodeId, password: TEMPORARY }) }, county.token);
  expect(created.status, await created.clone().text()).toBe(201);
  const token = await apiLogin(api, county.slug, user.username, TEMPORARY);
  const changed = await api("/v1/me/password", { method: "POST", body: JSON.stringify({ currentPassword: TEMPORARY, newPassword: user.password }) }, token);
  expect(changed.status).toBeLessThan(300);
}
