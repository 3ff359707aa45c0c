import { createResource, createSignal, Show } from "solid-js";
import type { HazardState } from "@firegov/core/contract";
import { recordTipReward, tipReward } from "../../api/hazards.ts";
import { FormError, fieldError, formValues, revealProblem, SubmitButton, TextField } from "../../components/form.tsx";
import { useI18n } from "../../i18n/index.tsx";

/**
 * 举报奖励 on a resident's tip, where the county's profile rewards tips: the
 * rule and its clause, whether the tip is eligible, and the form to record the
 * reward once (for those who may act on the hazard). Nothing where there is no rule.
 */
export function TipRewardPanel(props: { hazardId: string; state: HazardState }) {
  const { t, locale } = useI18n();
  // The state is a source too: registering or withdrawing the tip changes its eligibility.
  const [view, { mutate }] = createResource(() => [props.hazardId, props.state] as const, ([id]) => tipReward(id));
  const [error, setError] = createSignal<unknown>();
  const [pending, setPending] = createSignal(false);
  const onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const v = formValues(form);
    setPending(true);
    setError(undefined);
    try {
      mutate(await recordTipReward(props.hazardId, { form: v.form ?? "", date: v.date ?? "", ...(v.amount ? { amount: Number(v.amount) } : {}), ...(v.note ? { note: v.note } : {}) }));
    } catch (err) {
      setError(err);
      queueMicrotask(() => revealProblem(form));
    } finally {
      setPending(false);
    }
  };
  return (
    <Show when={view()?.rule}>
      {(rule) => (
        <section class="panel" aria-labelledby="hz-reward-title" data-testid="tip-reward-panel">
          <h2 id="hz-reward-title">{t("hazards.reward.title")}</h2>
          <p class="hint">
            {locale() === "en" ? rule().form.en : rule().form.zh}
            <Show when={rule().sourceRef}> · {rule().sourceRef}</Show>
            <Show when={rule().text}> · “{rule().text}”</Show>
          </p>
          <p data-testid="tip-reward-eligibility">{t(`hazards.reward.${view()!.eligibility ?? "pending"}`)}</p>
          <Show when={view()!.reward}>
            {(r) => <p data-testid="tip-reward-given">{t("hazards.reward.given", { form: r().form, date: r().date, amount: r().amount === undefined ? "" : t("hazards.reward.amountOf", { amount: r().amount! }) })}</p>}
          </Show>
          <Show when={view()!.mayRecord}>
            <form class="form" onSubmit={(e) => void onSubmit(e)} aria-label={t("hazards.reward.record")}>
              <FormError error={error()} paths={["body.form", "body.amount", "body.date", "body.note"]} />
              <TextField label={t("hazards.reward.form")} hint={t("hazards.reward.formHint")} name="form" required error={fieldError(error(), "body.form")} />
              <TextField label={t("hazards.reward.amount")} name="amount" type="number" inputmode="decimal" min={0} optional error={fieldError(error(), "body.amount")} />
              <TextField label={t("hazards.reward.date")} name="date" type="date" required error={fieldError(error(), "body.date")} />
              <TextField label={t("hazards.reward.note")} name="note" optional error={fieldError(error(), "body.note")} />
              <SubmitButton pending={pending()}>{t("hazards.reward.record")}</SubmitButton>
            </form>
          </Show>
        </section>
      )}
    </Show>
  );
}
