import "fake-indexeddb/auto";
import { Route } from "@solidjs/router";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Checklist, User } from "@firegov/core/contract";
import { signIn } from "../../web/src/auth/session.ts";
import { beforeSync, resolveBodyWith } from "../../web/src/offline/before-sync.ts";
import { clearOfflineDb } from "../../web/src/offline/db.ts";
import { loadDraft } from "../../web/src/offline/drafts.ts";
import { conflictCount, discard, enqueue, outboxItems, pendingCount, refreshOutbox, syncOutbox } from "../../web/src/offline/outbox.ts";
import InspectPage from "../../web/src/pages/inspections/inspect.tsx";
import OutboxPage from "../../web/src/pages/outbox/index.tsx";
import { admin, fakeApi, json, problem, renderAt, resetSession, signedIn } from "./fake-api.tsx";
import { version1 } from "./profile-fixture.ts";

const worker: User = { ...admin, userId: "u-grid", username: "wang.grid", displayName: "王网格", role: "grid_worker" };

async function signInAs(user: User) {
  fakeApi({ "POST /v1/auth/login": () => json(200, signedIn("at-1", "rt-1", { user })) });
  await signIn({ tenant: "xinhe", username: user.username, password: "Fire-safe-2026" });
}

const write = (n: number) => ({ method: "POST" as const, path: `/v1/hazards`, body: { description: `隐患 ${n}` }, label: `上报隐患 · ${n}` });

beforeEach(async () => {
  await clearOfflineDb();
  await refreshOutbox();
  await signInAs(worker);
});
afterEach(() => resetSession());

describe("the outbox", () => {
  it("sends the queued writes in the order they were made, one at a time, each with the key fixed at enqueue", async () => {
    const a = await enqueue(write(1));
    const b = await enqueue(write(2));
    const c = await enqueue(write(3));
    let inFlight = 0;
    let most = 0;
    const api = fakeApi({
      "POST /v1/hazards": async () => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        return json(201, { hazardId: "hz" });
      },
    });
    expect(pendingCount()).toBe(3);
    expect(await syncOutbox()).toEqual({ sent: 3, conflicts: 0 });
    const calls = api.calls("POST /v1/hazards");
    expect(calls.map((x) => (x.body as { description: string }).description)).toEqual(["隐患 1", "隐患 2", "隐患 3"]);
    expect(calls.map((x) => x.headers.get("idempotency-key"))).toEqual([a.idempotencyKey, b.idempotencyKey, c.idempotencyKey]);
    expect(new Set(calls.map((x) => x.headers.get("idempotency-key"))).size).toBe(3);
    expect(most).toBe(1);
    expect(pendingCount()).toBe(0);
    expect(outboxItems().map((i) => i.state)).toEqual(["done", "done", "done"]);
  });

  it("on a shared phone sends a write only while the person who made it is signed in", async () => {
    await enqueue(write(1));
    resetSession();
    const colleague: User = { ...worker, userId: "u-other", username: "li.grid", displayName: "李网格" };
    await signInAs(colleague);
    const api = fakeApi({ "POST /v1/hazards": () => json(201, { hazardId: "hz" }) });
    expect(pendingCount()).toBe(0);
    expect(await syncOutbox()).toEqual({ sent: 0, conflicts: 0 });
    expect(api.calls("POST /v1/hazards")).toHaveLength(0);

    resetSession();
    await signInAs(worker);
    const back = fakeApi({ "POST /v1/hazards": () => json(201, { hazardId: "hz" }) });
    expect(pendingCount()).toBe(1);
    expect(await syncOutbox()).toEqual({ sent: 1, conflicts: 0 });
    expect(back.calls("POST /v1/hazards")).toHaveLength(1);
  });

  it("keeps a conflict (409/412/422) with the server's Chinese message, sends the rest, and drops it only when the user discards it", async () => {
    await enqueue(write(1));
    await enqueue(write(2));
    await enqueue(write(3));
    let n = 0;
    fakeApi({
      "POST /v1/hazards": () => (++n === 2 ? problem(409, "inspection.task_done", "该任务已由他人完成") : json(201, { hazardId: `hz-${n}` })),
    });
    expect(await syncOutbox()).toEqual({ sent: 2, conflicts: 1 });
    const conflict = outboxItems()[1]!;
    expect(conflict).toMatchObject({ state: "conflict", status: 409, message: "该任务已由他人完成" });
    expect(conflictCount()).toBe(1);
    // Syncing again does not resend it, and does not drop it.
    expect(await syncOutbox()).toEqual({ sent: 0, conflicts: 0 });
    expect(n).toBe(3);
    expect(outboxItems()[1]!.state).toBe("conflict");
    await discard(conflict.id);
    expect(outboxItems().map((i) => i.state)).toEqual(["done", "done"]);
  });

  it("replaying the sync twice sends each write once", async () => {
    await enqueue(write(1));
    const api = fakeApi({ "POST /v1/hazards": () => json(201, { hazardId: "hz-1" }) });
    await Promise.all([syncOutbox(), syncOutbox()]);
    await syncOutbox();
    expect(api.calls("POST /v1/hazards")).toHaveLength(1);
    expect(outboxItems()[0]).toMatchObject({ state: "done", result: { hazardId: "hz-1" } });
  });

  it("keeps the writes pending when the network fails, in order, and sends them on the next sync", async () => {
    await enqueue(write(1));
    await enqueue(write(2));
    fakeApi({ "POST /v1/hazards": () => Promise.reject(new TypeError("Failed to fetch")) });
    const first = await syncOutbox();
    expect(first.stopped).toBe("网络不可用");
    expect(outboxItems().map((i) => i.state)).toEqual(["pending", "pending"]);
    const api = fakeApi({ "POST /v1/hazards": () => json(201, { hazardId: "hz" }) });
    expect(await syncOutbox()).toEqual({ sent: 2, conflicts: 0 });
    expect(api.calls("POST /v1/hazards").map((x) => (x.body as { description: string }).description)).toEqual(["隐患 1", "隐患 2"]);
  });

  it("runs the steps before sync, then sends each body through the resolvers (a local reference becomes the uploaded key; photos have their own resolver, tested with the picker)", async () => {
    const uploaded = new Map<string, string>();
    beforeSync(async () => {
      uploaded.set("local-scan:7", "t/x/hazards/p7.jpg");
    });
    resolveBodyWith(async (body) => JSON.parse(JSON.stringify(body).replace(/local-scan:\d+/g, (ref) => uploaded.get(ref) ?? ref)));
    await enqueue({ ...write(1), body: { description: "出口堵塞", photos: ["local-scan:7"] } });
    const api = fakeApi({ "POST /v1/hazards": () => json(201, { hazardId: "hz-1" }) });
    await syncOutbox();
    expect(api.calls("POST /v1/hazards")[0]!.body).toEqual({ description: "出口堵塞", photos: ["t/x/hazards/p7.jpg"] });
    // The queued copy stays as it was made.
    expect(outboxItems()[0]!.body).toEqual({ description: "出口堵塞", photos: ["local-scan:7"] });
  });

  it("lists each item's state on /outbox; 立即同步 sends; a conflict offers 查看 and 丢弃", async () => {
    await enqueue(write(1));
    await enqueue(write(2));
    let n = 0;
    fakeApi({ "POST /v1/hazards": () => (++n === 1 ? json(201, { hazardId: "hz-1" }) : problem(422, "hazard.venue_changed", "场所已变更，请核对后重新上报")) });
    renderAt("/outbox", () => <Route path="/outbox" component={OutboxPage} />);
    await waitFor(() => expect(screen.getAllByTestId("outbox-item")).toHaveLength(2));
    fireEvent.click(screen.getByRole("button", { name: "立即同步" }));
    await waitFor(() => expect(screen.getByText("已发送 1 条")).toBeTruthy());
    const [newest, oldest] = screen.getAllByTestId("outbox-item");
    expect(oldest!.dataset.state).toBe("done");
    expect(newest!.dataset.state).toBe("conflict");
    expect(within(newest!).getByText("场所已变更，请核对后重新上报")).toBeTruthy();
    fireEvent.click(within(newest!).getByRole("button", { name: "查看" }));
    expect(within(newest!).getByText(/隐患 2/)).toBeTruthy();
    globalThis.confirm = () => true;
    fireEvent.click(within(newest!).getByRole("button", { name: "丢弃" }));
    await waitFor(() => expect(screen.getAllByTestId("outbox-item")).toHaveLength(1));
  });
});

describe("an inspection without a network", () => {
  const checklist: Checklist = {
    venueId: "v-1",
    venueName: "东街五金店",
    categories: [{ id: "residential", name: { zh: "住宅", en: "Residential" } }],
    items: [
      { category: "residential", itemId: "exit_blocked", name: { zh: "安全出口堵塞", en: "Exit blocked" }, hazardCode: "exit_blocked", sourceRef: null },
      { category: "residential", itemId: "extinguisher", name: { zh: "灭火器配置", en: "Extinguishers" }, hazardCode: "extinguisher", sourceRef: null },
    ],
  };
  const page = () => renderAt("/inspect/v-1", () => <Route path="/inspect/:venueId" component={InspectPage} />);

  it("keeps the inspection in progress as a draft and restores it after a reload", async () => {
    fakeApi({ "GET /v1/profile": () => json(200, version1), "GET /v1/venues/v-1/checklist": () => json(200, checklist) });
    const first = page();
    const items = await screen.findAllByTestId("check-item");
    fireEvent.click(within(items[0]!).getByRole("button", { name: "不合格" }));
    fireEvent.input(within(items[0]!).getByLabelText("情况说明"), { target: { value: "货架堵住出口" } });
    await waitFor(async () => expect((await loadDraft<{ answers: { note: string }[] }>("inspect:v-1:"))?.value.answers[0]?.note).toBe("货架堵住出口"));
    first.unmount();

    page();
    await screen.findByText(/已恢复 .* 未提交的检查记录/);
    const again = await screen.findAllByTestId("check-item");
    expect(within(again[0]!).getByRole("button", { name: "不合格" }).getAttribute("aria-pressed")).toBe("true");
    expect((within(again[0]!).getByLabelText("情况说明") as HTMLTextAreaElement).value).toBe("货架堵住出口");
  });

  it("queues the submit when the network fails: 已保存，联网后自动提交, the draft cleared, sent once when back online", async () => {
    fakeApi({
      "GET /v1/profile": () => json(200, version1),
      "GET /v1/venues/v-1/checklist": () => json(200, checklist),
      "POST /v1/venues/v-1/inspections": () => Promise.reject(new TypeError("Failed to fetch")),
    });
    page();
    const items = await screen.findAllByTestId("check-item");
    fireEvent.click(within(items[0]!).getByRole("button", { name: "不合格" }));
    fireEvent.click(within(items[1]!).getByRole("button", { name: "合格" }));
    fireEvent.click(screen.getByRole("button", { name: "完成检查" }));
    await screen.findByText("已保存，联网后自动提交");
    expect(screen.queryByText(/Failed to fetch/)).toBeNull();
    await waitFor(async () => expect(await loadDraft("inspect:v-1:")).toBeUndefined());
    expect(outboxItems()).toHaveLength(1);
    const queued = outboxItems()[0]!;
    expect(queued).toMatchObject({ state: "pending", path: "/v1/venues/v-1/inspections", label: "现场检查 · 东街五金店" });

    const api = fakeApi({ "POST /v1/venues/v-1/inspections": () => json(201, { inspectionId: "in-1" }) });
    await syncOutbox();
    await syncOutbox();
    const sent = api.calls("POST /v1/venues/v-1/inspections");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.get("idempotency-key")).toBe(queued.idempotencyKey);
    expect((sent[0]!.body as { items: { result: string }[] }).items.map((i) => i.result)).toEqual(["fail", "pass"]);
  });
});
