import { A, createAsync } from "@solidjs/router";
import { Show } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import { unreadCount } from "../data/queries.ts";

/** The inbox in the navigation, with the number of unread messages. */
export function InboxLink() {
  const { t } = useI18n();
  const unread = createAsync(() => unreadCount().catch(() => 0));
  return (
    <A href="/inbox">
      {t("inbox.nav")}
      <Show when={unread()}>
        {(n) => <span class="badge nav-badge" aria-label={t("inbox.unread", { count: n() })}>{n()}</span>}
      </Show>
    </A>
  );
}
