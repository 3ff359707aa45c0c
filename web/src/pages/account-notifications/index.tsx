import { createResource, createSignal, For, Show } from "solid-js";
import type { NotificationChannel, NotificationChannelInput } from "@firegov/core/contract";
import { myChannel, setMyChannel } from "../../api/notifications.ts";
import { fieldError, FieldNotes, FormError, formValues, Notice, revealProblem, SubmitButton, TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";

type Kind = NotificationChannel["channel"];
const KINDS: Kind[] = ["inapp", "sms", "wecom", "dingtalk", "webhook"];
const FIELDS = ["body.channel", "body.phone", "body.webhookUrl", "body.quietHours", "body.quietHours.start", "body.quietHours.end"];

/** The request the form makes: only the fields of the chosen channel. */
export function channelInput(kind: Kind, v: Record<string, string>, quiet: boolean): NotificationChannelInput {
  return {
    channel: kind,
    ...(v.phone ? { phone: v.phone.trim() } : {}),
    ...(kind !== "inapp" && kind !== "sms" && v.webhookUrl ? { webhookUrl: v.webhookUrl.trim() } : {}),
    quietHours: quiet ? { start: v.quietStart ?? "22:00", end: v.quietEnd ?? "07:00" } : null,
  };
}

/** 消息接收设置: the signed-in user's own channel (in-app, SMS, WeCom, DingTalk, webhook) and quiet hours; a form that works on a phone. */
export default function AccountNotificationsPage() {
  const { t } = useI18n();
  const [current, { mutate }] = createResource(() => myChannel());
  const [kind, setKind] = createSignal<Kind>();
  const chosen = () => kind() ?? current()?.channel ?? "inapp";
  const [quiet, setQuiet] = createSignal<boolean>();
  const quietOn = () => quiet() ?? Boolean(current()?.quietHours);
  const [error, setError] = createSignal<unknown>();
  const [pending, setPending] = createSignal(false);
  const [saved, setSaved] = createSignal(false);

  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    setPending(true);
    setError(undefined);
    setSaved(false);
    try {
      mutate(await setMyChannel(channelInput(chosen(), formValues(form), quietOn())));
      setSaved(true);
    } catch (err) {
      setError(err);
      queueMicrotask(() => revealProblem(form));
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="card narrow">
      <h1>{t("notify.accountTitle")}</h1>
      <p class="hint">{t("notify.accountIntro")}</p>
      <Show when={saved()}>
        <Notice tone="success">{t("notify.saved")}</Notice>
      </Show>
      <Show when={current()} fallback={<FormError error={current.error} paths={[]} />}>
        {(c) => (
          <form class="form" onSubmit={(e) => void onSubmit(e)} aria-label={t("notify.accountTitle")}>
            <FormError error={error()} paths={FIELDS} />
            <fieldset class="field" classList={{ "field-invalid": Boolean(fieldError(error(), "body.channel")) }}>
              <legend>{t("notify.channel")}</legend>
              <For each={KINDS}>
                {(k) => (
                  <label class="radio">
                    <input type="radio" name="channel" value={k} checked={chosen() === k} onChange={() => setKind(k)} />
                    {t(`notify.channelName.${k}`)}
                  </label>
                )}
              </For>
              <FieldNotes error={fieldError(error(), "body.channel")} />
            </fieldset>
            <Show when={chosen() !== "inapp" && chosen() !== "webhook"}>
              <TextField label={t("notify.phone")} hint={t("notify.phoneHint")} name="phone" type="tel" inputmode="tel" autocomplete="tel" value={c().phone ?? ""} error={fieldError(error(), "body.phone")} />
            </Show>
            <Show when={chosen() === "wecom" || chosen() === "dingtalk" || chosen() === "webhook"}>
              <TextField label={t("notify.webhookUrl")} hint={t("notify.webhookHint")} name="webhookUrl" type="url" inputmode="url" spellcheck={false} value={c().webhookUrl ?? ""} error={fieldError(error(), "body.webhookUrl")} />
            </Show>
            <fieldset class="field">
              <legend>{t("notify.quiet")}</legend>
              <label class="radio">
                <input type="checkbox" name="quiet" checked={quietOn()} onChange={(e) => setQuiet(e.currentTarget.checked)} />
                {t("notify.quietOn")}
              </label>
              <Show when={quietOn()}>
                <TextField label={t("notify.quietStart")} name="quietStart" type="time" value={c().quietHours?.start ?? "22:00"} error={fieldError(error(), "body.quietHours.start")} />
                <TextField label={t("notify.quietEnd")} name="quietEnd" type="time" value={c().quietHours?.end ?? "07:00"} error={fieldError(error(), "body.quietHours.end")} />
                <p class="hint">{t("notify.timeZone", { zone: c().timeZone })}</p>
              </Show>
            </fieldset>
            <div class="actions">
              <SubmitButton pending={pending()}>{t("notify.save")}</SubmitButton>
            </div>
          </form>
        )}
      </Show>
    </section>
  );
}
