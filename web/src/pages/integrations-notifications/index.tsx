import { createResource, createSignal, For, Show } from "solid-js";
import type { NotificationSend } from "@firegov/core/contract";
import { deadLetters, deliveryLog, retryDeadLetter } from "../../api/notifications.ts";
import { FormError, Notice } from "../../components/form.tsx";
import { SectionTabs } from "../../components/section-tabs.tsx";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";

const CHANNELS = ["sms", "wecom", "dingtalk", "webhook"] as const;

/** 消息推送 (对接与推送): the county admin's delivery log per channel, and the dead letters with their last error, each sent again with one tap. */
export default function NotifyAdminPage() {
  const { t, locale } = useI18n();
  const [channel, setChannel] = createSignal("");
  const [log, { refetch: refetchLog }] = createResource(channel, (c) => deliveryLog(c));
  const [dead, { refetch: refetchDead }] = createResource(() => deadLetters());
  const [error, setError] = createSignal<unknown>();
  const [retried, setRetried] = createSignal(false);
  const title = (s: NotificationSend) => (locale() === "en" ? s.title.en : s.title.zh);
  const when = (s: NotificationSend) => s.sentAt ?? s.deadAt ?? s.nextAttemptAt ?? s.createdAt;

  const retry = async (sendId: string) => {
    setError(undefined);
    setRetried(false);
    try {
      await retryDeadLetter(sendId);
      setRetried(true);
      void refetchDead();
      void refetchLog();
    } catch (err) {
      setError(err);
    }
  };

  const Rows = (props: { items: NotificationSend[] | undefined; dead?: boolean }) => (
    <Show when={props.items?.length} fallback={<p class="hint">{t("notify.none")}</p>}>
      <div class="table-wrap">
        <table class="table">
          <thead>
            <tr>
              <th>{t("notify.col.channel")}</th>
              <th>{t("notify.col.title")}</th>
              <th>{t("notify.col.status")}</th>
              <th>{t("notify.col.attempts")}</th>
              <th>{t("notify.col.when")}</th>
              <Show when={props.dead}>
                <th>{t("notify.col.error")}</th>
                <th>{t("notify.col.action")}</th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.items}>
              {(s) => (
                <tr data-testid={`send-${s.sendId}`}>
                  <td>{t(`notify.channelName.${s.channel}`)}</td>
                  <td>{title(s)}</td>
                  <td>{t(`notify.status.${s.status}`)}</td>
                  <td>{s.attempts}</td>
                  <td><time datetime={when(s)}>{formatDateTime(when(s), locale())}</time></td>
                  <Show when={props.dead}>
                    <td><code>{s.lastError}</code></td>
                    <td>
                      <button type="button" class="button button-secondary" onClick={() => void retry(s.sendId)}>{t("notify.retry")}</button>
                    </td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );

  return (
    <section class="card">
      <SectionTabs section="integrations" />
      <h1>{t("notify.adminTitle")}</h1>
      <p class="hint">{t("notify.adminIntro")}</p>
      <FormError error={error()} paths={[]} />
      <Show when={retried()}>
        <Notice tone="success">{t("notify.retried")}</Notice>
      </Show>

      <h2>{t("notify.dead")}</h2>
      <FormError error={dead.error} paths={[]} />
      <Rows items={dead()?.items} dead />

      <h2>{t("notify.pending")} · {t("notify.sent")}</h2>
      <label class="field">
        <span>{t("notify.filter")}</span>
        <select name="channel" value={channel()} onChange={(e) => setChannel(e.currentTarget.value)}>
          <option value="">{t("notify.allChannels")}</option>
          <For each={CHANNELS}>{(c) => <option value={c}>{t(`notify.channelName.${c}`)}</option>}</For>
        </select>
      </label>
      <FormError error={log.error} paths={[]} />
      <h3>{t("notify.pending")}</h3>
      <Rows items={log()?.pending} />
      <h3>{t("notify.sent")}</h3>
      <Rows items={log()?.sent} />
    </section>
  );
}
