import { A } from "@solidjs/router";
import { createSignal, For, onMount, Show } from "solid-js";
import { Notice } from "../../components/form.tsx";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { discard, outboxItems, refreshOutbox, syncOutbox, type OutboxItem } from "../../offline/outbox.ts";

function Item(props: { item: OutboxItem }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = createSignal(false);
  const settled = () => props.item.state === "conflict" || props.item.state === "failed";
  const onDiscard = () => {
    if (globalThis.confirm(t("outbox.discardConfirm"))) void discard(props.item.id);
  };
  return (
    <li class={`outbox-item outbox-${props.item.state}`} data-testid="outbox-item" data-state={props.item.state}>
      <div class="outbox-item-head">
        <strong>{props.item.label}</strong>
        <span class="badge" classList={{ "badge-danger": settled() }}>{t(`outbox.states.${props.item.state}`)}</span>
      </div>
      <span class="hint">{t("outbox.created", { time: formatDateTime(props.item.createdAt, locale()) })}</span>
      <Show when={props.item.message && props.item.state !== "done"}>
        <p class="outbox-message" classList={{ "field-error": settled() }}>{props.item.message}</p>
      </Show>
      <Show when={settled()}>
        <div class="actions">
          <button type="button" class="button button-secondary" aria-expanded={open()} onClick={() => setOpen(!open())}>
            {open() ? t("outbox.hide") : t("outbox.view")}
          </button>
          <button type="button" class="button button-secondary" onClick={onDiscard}>{t("outbox.discard")}</button>
        </div>
        <Show when={open()}>
          <Show when={props.item.href}>{(href) => <A href={href()}>{t("outbox.open")}</A>}</Show>
          <p class="hint">{t("outbox.sentBody")}</p>
          <pre class="outbox-body">{JSON.stringify(props.item.body, null, 2)}</pre>
        </Show>
      </Show>
    </li>
  );
}

/** 待同步: what this phone made offline, each with its state; a conflict stays until the user discards it. */
export default function OutboxPage() {
  const { t } = useI18n();
  const [status, setStatus] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  onMount(() => void refreshOutbox().catch(() => {}));
  const syncNow = async () => {
    setBusy(true);
    setStatus(undefined);
    try {
      const done = await syncOutbox();
      setStatus(done.stopped === "offline" ? t("outbox.offline") : done.stopped ? t("outbox.stopped", { reason: done.stopped }) : t("outbox.synced", { sent: done.sent }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card narrow">
      <h1>{t("outbox.title")}</h1>
      <p class="hint">{t("outbox.intro")}</p>
      <button type="button" class="button button-block" disabled={busy()} aria-busy={busy()} onClick={() => void syncNow()}>
        {busy() ? t("outbox.syncing") : t("outbox.syncNow")}
      </button>
      <Show when={status()}>{(s) => <Notice>{s()}</Notice>}</Show>
      <ul class="outbox-list" aria-label={t("outbox.title")}>
        <For each={[...outboxItems()].reverse()} fallback={<li class="hz-empty">{t("outbox.empty")}</li>}>
          {(item) => <Item item={item} />}
        </For>
      </ul>
    </section>
  );
}
