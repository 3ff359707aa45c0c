import { A } from "@solidjs/router";
import { createEffect, onMount, Show } from "solid-js";
import { session } from "../auth/session.ts";
import { useI18n } from "../i18n/index.tsx";
import { conflictCount, pendingCount, startOutboxSync } from "./outbox.ts";
import { registerServiceWorker } from "./register-sw.ts";
import { registerPhotoOutbox } from "../photos/register.ts";

// The /outbox page travels in the badge's chunk: one lazy load for both.
export { default as OutboxPage } from "../pages/outbox/index.tsx";

/** The shell's count of writes waiting to sync (or needing the user); nothing when there are none. Starts the sync. */
export default function OutboxBadge() {
  const { t } = useI18n();
  onMount(() => {
    // Photos taken offline upload first and queued bodies get their server keys (photos/register.ts).
    registerPhotoOutbox(() => import("../photos/outbox.ts"));
    startOutboxSync();
    registerServiceWorker();
  });
  // Signed out: the service worker's copy of the day's data (web/vite.config.ts) must not serve the next user.
  createEffect(() => {
    if (session().status === "signed-out") void globalThis.caches?.delete("firegov-data").catch(() => {});
  });
  return (
    <Show when={pendingCount() + conflictCount() > 0}>
      <A href="/outbox" class="outbox-badge" classList={{ "outbox-badge-conflict": conflictCount() > 0 }} data-testid="outbox-badge">
        {conflictCount() > 0 ? t("outbox.badgeConflict", { count: conflictCount() }) : t("outbox.badge", { count: pendingCount() })}
      </A>
    </Show>
  );
}
