import { For, Show } from "solid-js";
import type { TipStatus } from "@firegov/core/contract";
import { useI18n, type Locale } from "../../i18n/index.tsx";

/** An instant as the tipster reads it: a date and time in their locale (zh-CN: 2026年12月7日 14:05). */
export function tipTime(at: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { dateStyle: "long", timeStyle: "short" }).format(new Date(at));
}

/** A local date (YYYY-MM-DD) as the tipster reads it (zh-CN: 2026年12月22日). */
export function tipDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

/**
 * Where a tip stands, for the tipster: the stage in plain words, the dates,
 * every note the officers wrote for the public (oldest first) and the reward
 * if the county has one. The API answers nothing internal; this shows all it answers.
 */
export function TipStatusView(props: { status: TipStatus }) {
  const { t, locale } = useI18n();
  const s = () => props.status;
  // An older API answers only the latest note.
  const notes = () => (s().notes?.length ? s().notes : s().publicNote ? [{ at: s().updatedAt ?? s().receivedAt, stage: s().stage, note: s().publicNote! }] : []);
  return (
    <div class="panel tip-status" role="status" data-testid="tip-status">
      <p class="tip-stage">
        {t("tip.stageLabel")}
        <strong>{t(`tip.stage.${s().stage}`)}</strong>
      </p>
      <dl class="tip-dates">
        <dt>{t("tip.receivedAt")}</dt>
        <dd>{tipTime(s().receivedAt, locale())}</dd>
        <Show when={s().updatedAt && s().updatedAt !== s().receivedAt}>
          <dt>{t("tip.updatedAt")}</dt>
          <dd>{tipTime(s().updatedAt!, locale())}</dd>
        </Show>
        <Show when={s().deadline && s().stage === "confirmed"}>
          <dt>{t("tip.deadline")}</dt>
          <dd>{tipDate(s().deadline!, locale())}</dd>
        </Show>
        <Show when={s().closedAt}>
          <dt>{t("tip.closedAt")}</dt>
          <dd>{tipTime(s().closedAt!, locale())}</dd>
        </Show>
      </dl>
      <h3>{t("tip.answers")}</h3>
      <Show when={notes().length} fallback={<p class="hint">{t("tip.noAnswers")}</p>}>
        <ol class="tip-notes" data-testid="tip-notes">
          <For each={notes()}>
            {(n) => (
              <li>
                <time datetime={n.at}>{tipTime(n.at, locale())}</time> <span class="badge">{t(`tip.stage.${n.stage}`)}</span>
                <p>{n.note}</p>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={s().reward}>
        {(r) => (
          <p data-testid="tip-reward">
            {t(`tip.reward.${r().status}`, { form: locale() === "en" ? r().form.en : r().form.zh })}
            <Show when={r().given}>{(g) => <>{t("tip.rewardGiven", { form: g().form, date: g().date, amount: g().amount === undefined ? "" : t("tip.amount", { amount: g().amount! }) })}</>}</Show>
          </p>
        )}
      </Show>
    </div>
  );
}
