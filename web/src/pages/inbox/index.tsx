import { A, createAsync, revalidate, useAction } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { Notification } from "@firegov/core/contract";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { inboxPage, markReadAction } from "../hazards/data.ts";
import { formatDate, stateName } from "../hazards/labels.ts";
import { Loading } from "../../components/load-error.tsx";
import { unreadCount } from "../../data/queries.ts";
import { LoadMore } from "../../components/load-more.tsx";

/** The page a message opens: its hazard, or the register page of what it is about (warnings, home visits, IoT devices). */
function subjectHref(item: Notification): string | undefined {
  if (item.subjectType === "hazard") return `/hazards/${item.subjectId}`;
  return ({ warning: "/warnings", home_visits: "/home-visits", iot_device: "/iot" } as Record<string, string>)[item.subjectType];
}

function Item(props: { item: Notification }) {
  const { t, locale } = useI18n();
  const markRead = useAction(markReadAction);
  const read = () => markRead(props.item.notificationId).then(() => revalidate([inboxPage.key, unreadCount.key]));
  return (
    <li class="inbox-item" classList={{ unread: !props.item.readAt }}>
      <div class="inbox-title">{locale() === "en" ? props.item.title.en : props.item.title.zh}</div>
      <Show when={props.item.detail}>
        {(d) => (
          <div class="inbox-detail">
            <Show when={d().name}>{(n) => <strong>{locale() === "en" ? n().en : n().zh}</strong>}</Show>
            <Show when={d().place}>{(p) => <span>{t("hzBoard.place", { place: p() })}</span>}</Show>
            <Show when={d().deadline}>{(at) => <span>{t("hzBoard.due", { date: formatDate(at(), locale()) })}</span>}</Show>
            <Show when={d().reason}>{(r) => <span>{t("hzBoard.reason", { reason: r() })}</span>}</Show>
          </div>
        )}
      </Show>
      <Show when={props.item.resolution}>{(state) => <span class="badge badge-muted">{t("hzBoard.resolved", { state: stateName(state(), locale()) })}</span>}</Show>
      <div class="hz-event-meta"><time datetime={props.item.createdAt}>{formatDateTime(props.item.createdAt, locale())}</time></div>
      <div class="actions">
        <Show when={subjectHref(props.item)}>
          {(href) => <A class="button" href={href()} onClick={() => !props.item.readAt && void read()}>{props.item.subjectType === "hazard" ? t("inbox.open") : t("inbox.openPage")}</A>}
        </Show>
        <Show when={!props.item.readAt} fallback={<span class="badge badge-muted">{t("inbox.read")}</span>}>
          <button type="button" class="button button-secondary" onClick={() => void read()}>{t("inbox.markRead")}</button>
        </Show>
      </div>
    </li>
  );
}

function Chunk(props: { cursor: string | undefined; last: boolean; onMore: (c: string) => void }) {
  const { t } = useI18n();
  const page = createAsync(() => inboxPage(props.cursor));
  return (
    <>
      <For each={page()?.items}>{(item) => <Item item={item} />}</For>
      <Show when={page() && props.cursor === undefined && page()!.items.length === 0}><li class="hz-empty">{t("inbox.empty")}</li></Show>
      <LoadMore cursor={props.last ? page()?.cursor : undefined} onMore={props.onMore} />
    </>
  );
}

/** The signed-in user's notifications, newest first. */
export default function InboxPage() {
  const { t } = useI18n();
  const unread = createAsync(() => unreadCount());
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  return (
    <section class="card">
      <div class="page-head">
        <h1>{t("inbox.title")}</h1>
        <Show when={unread()}>{(n) => <span class="badge">{t("inbox.unread", { count: n() })}</span>}</Show>
      </div>
      <Loading>
        <ul class="hz-list">
          <For each={cursors()}>
            {(cursor, i) => <Chunk cursor={cursor} last={i() === cursors().length - 1} onMore={(c) => setCursors([...cursors(), c])} />}
          </For>
        </ul>
      </Loading>
    </section>
  );
}
