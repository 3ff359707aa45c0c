import "fake-indexeddb/auto";
import { fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PhotoPicker } from "../../web/src/components/photo-picker.tsx";
import { I18nProvider } from "../../web/src/i18n/index.tsx";
import { resolveBody, runBeforeSync } from "../../web/src/offline/before-sync.ts";
import { registerPhotoOutbox } from "../../web/src/photos/register.ts";
import { fakeApi, json, problem } from "./fake-api.tsx";

// jsdom has neither object URLs nor a way to go offline: the phone's are stood in for.
let online = true;
Object.defineProperty(navigator, "onLine", { configurable: true, get: () => online });
URL.createObjectURL = () => "blob:preview";
URL.revokeObjectURL = () => {};

const photo = () => new File([new Uint8Array(2048).fill(7)], "现场.jpg", { type: "image/jpeg" });

function pick(onChange: (keys: string[]) => void) {
  render(() => (
    <I18nProvider locale="zh-CN">
      <PhotoPicker onChange={onChange} />
    </I18nProvider>
  ));
  const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
  fireEvent.change(input, { target: { files: [photo()] } });
}

/** The storage and the slot endpoint: each slot a fresh key, each PUT's body kept. */
function storage(slotStatus = 201) {
  let n = 0;
  const puts: { path: string; size: number }[] = [];
  const api = fakeApi({
    "POST /v1/hazards/photos": () =>
      slotStatus === 201
        ? json(201, { key: `t/pingchuan/hazards/u/${++n}.jpg`, photoId: `${n}.jpg`, uploadUrl: `http://localhost/bucket/${n}.jpg`, method: "PUT", headers: { "content-type": "image/jpeg" }, expiresIn: 300 })
        : problem(slotStatus, "access.forbidden", "无权上传"),
    ...Object.fromEntries(
      [1, 2, 3].map((i) => [
        `PUT /bucket/${i}.jpg`,
        async (call: { path: string; body: unknown }) => {
          puts.push({ path: call.path, size: (call.body as Blob).size });
          return new Response(null, { status: 200 });
        },
      ]),
    ),
  });
  return { api, puts };
}

beforeEach(() => {
  online = true;
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("PhotoPicker offline", () => {
  it("keeps the photo on the phone, answers a local reference and shows 待上传; the sync uploads it first and the queued body gets the server's key", async () => {
    registerPhotoOutbox(() => import("../../web/src/photos/outbox.ts"));
    online = false;
    const { api, puts } = storage();
    const changes: string[][] = [];
    pick((keys) => changes.push(keys));

    await waitFor(() => expect(changes.at(-1)?.[0]).toMatch(/^local-photo:/));
    const ref = changes.at(-1)![0]!;
    expect(screen.getByText("待上传")).toBeInTheDocument();
    expect(api.all).toHaveLength(0);

    // A queued report cannot be sent while its photo is still only on the phone.
    const body = { title: "通道堵塞", photos: [ref], items: [{ photos: [ref, "t/pingchuan/hazards/u/0.jpg"] }] };
    await expect(resolveBody(body)).rejects.toThrow(/照片尚未上传/);

    // Back online: the outbox's before-sync step uploads it, then the body names the server's key.
    online = true;
    await runBeforeSync();
    expect(api.calls("POST /v1/hazards/photos")).toHaveLength(1);
    expect(api.calls("POST /v1/hazards/photos")[0]!.body).toEqual({ contentType: "image/jpeg", size: 2048 });
    expect(puts).toEqual([{ path: "/bucket/1.jpg", size: 2048 }]);
    expect(await resolveBody(body)).toEqual({ title: "通道堵塞", photos: ["t/pingchuan/hazards/u/1.jpg"], items: [{ photos: ["t/pingchuan/hazards/u/1.jpg", "t/pingchuan/hazards/u/0.jpg"] }] });

    // The picker hears it too: 已上传, and the form now holds the server's key.
    await waitFor(() => expect(screen.getByText("已上传")).toBeInTheDocument());
    expect(changes.at(-1)).toEqual(["t/pingchuan/hazards/u/1.jpg"]);

    // Syncing again uploads nothing twice.
    await runBeforeSync();
    expect(api.calls("POST /v1/hazards/photos")).toHaveLength(1);
  });

  it("shows 失败 — 重试 when the server refuses, and uploads on retry", async () => {
    storage(403);
    const changes: string[][] = [];
    pick((keys) => changes.push(keys));
    await screen.findByRole("button", { name: "失败 — 重试" });
    await waitFor(() => expect(changes.at(-1)).toEqual([]));

    const { puts } = storage();
    fireEvent.click(screen.getByRole("button", { name: "失败 — 重试" }));
    await waitFor(() => expect(screen.getByText("已上传")).toBeInTheDocument());
    expect(changes.at(-1)).toEqual(["t/pingchuan/hazards/u/1.jpg"]);
    expect(puts).toHaveLength(1);
  });

  it("answers the server's key at once when online", async () => {
    const { puts } = storage();
    const changes: string[][] = [];
    pick((keys) => changes.push(keys));
    await waitFor(() => expect(changes.at(-1)).toEqual(["t/pingchuan/hazards/u/1.jpg"]));
    expect(puts).toHaveLength(1);
  });
});
