import { A } from "@solidjs/router";
import { onMount, Show } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import { conflictCount, pendingCount, startOutboxSync } from "./outbox.ts";
import { registerServiceWorker } from "./register-sw.ts";

/** The shell's count of writes waiting to sync (or needing the user); nothing when there are none. Starts the sync. */
export default function OutboxBadge() {
  const { t } = useI18n();
  onMount(() => {
    startOutboxSync();
    registerServiceWorker();
  });
  return (
    <Show when={pendingCount() + conflictCount() > 0}>
      <A href="/outbox" class="outbox-badge" classList={{ "outbox-badge-conflict": conflictCount() > 0 }} data-testid="outbox-badge">
        {conflictCount() > 0 ? t("outbox.badgeConflict", { count: conflictCount() }) : t("outbox.badge", { count: pendingCount() })}
      </A>
    </Show>
  );
}
