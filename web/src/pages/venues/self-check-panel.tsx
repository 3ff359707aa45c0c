import { createResource, createSignal, For, Show } from "solid-js";
import type { SelfCheckLink, SelfCheckStatus } from "@firegov/core/contract";
import { issueSelfCheckLink, venueSelfCheckStatus, venueSelfChecks } from "../../api/self-checks.ts";
import { FormError } from "../../components/form.tsx";
import { QrCode } from "../../components/qr-code.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { formatDay } from "../inspections/labels.ts";
import { clauseOf } from "../profile/vocabulary.ts";

type Unit = "day" | "week" | "month" | "quarter" | "half_year" | "year";

/** The link with its QR code, for those who issue it: copy, print, replace. */
function LinkBox(props: { venueId: string; link: SelfCheckLink | null; onIssued: (link: SelfCheckLink) => void }) {
  const { t, locale } = useI18n();
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<unknown>();
  const [copied, setCopied] = createSignal(false);
  const url = () => (props.link ? (props.link.url ?? `${globalThis.location.origin}${props.link.path}`) : "");
  const issue = async () => {
    if (props.link && !globalThis.confirm(t("selfCheck.replaceConfirm"))) return;
    setPending(true);
    setError(undefined);
    try {
      props.onIssued(await issueSelfCheckLink(props.venueId));
      setCopied(false);
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  const copy = async () => {
    await globalThis.navigator.clipboard?.writeText(url());
    setCopied(true);
  };
  return (
    <div class="self-check-link" data-testid="self-check-link">
      <h3>{t("selfCheck.link")}</h3>
      <p class="hint">{t("selfCheck.linkHint")}</p>
      <FormError error={error()} paths={[]} />
      <Show when={props.link} fallback={<p class="hint">{t("selfCheck.noLink")}</p>}>
        {(link) => (
          <>
            <QrCode value={url()} label={t("selfCheck.qr")} />
            <p>
              <input class="link-text" readOnly value={url()} aria-label={t("selfCheck.link")} onFocus={(e) => e.currentTarget.select()} />
            </p>
            <p class="hint">{t("selfCheck.generation", { generation: link().generation, date: formatDay(link().issuedAt, locale()) })}</p>
          </>
        )}
      </Show>
      <div class="actions">
        <Show when={props.link}>
          <button type="button" class="button button-secondary" onClick={() => void copy()}>{copied() ? t("selfCheck.copied") : t("selfCheck.copy")}</button>
        </Show>
        <button type="button" class="button" classList={{ "button-secondary": Boolean(props.link) }} disabled={pending()} aria-busy={pending()} onClick={() => void issue()}>
          {props.link ? t("selfCheck.replace") : t("selfCheck.issue")}
        </button>
      </div>
    </div>
  );
}

/**
 * 场所自查 on the venue page: the profile's frequency and its basis, whether
 * this period's self-check has come in (a missing one flagged), the link and
 * its QR code for those who issue it, and the self-checks sent.
 */
export function SelfCheckPanel(props: { venueId: string }) {
  const { t, locale } = useI18n();
  const [status, { mutate }] = createResource(() => props.venueId, (id) => venueSelfCheckStatus(id));
  const [history] = createResource(() => props.venueId, (id) => venueSelfChecks(id, { limit: 20 }));
  const frequencyText = (f: { every: number; unit: string }) => {
    const unit = t(`selfCheck.unit.${f.unit as Unit}`);
    return f.every === 1 ? t("selfCheck.once", { unit }) : t("selfCheck.every", { every: f.every, unit });
  };
  const basis = (s: SelfCheckStatus) => (s.rule?.sourceRef ? clauseOf(s.rule.sourceRef) : t("selfCheck.markedDefault"));
  return (
    <section class="self-check-panel" aria-labelledby="self-check-title" data-testid="self-check-panel">
      <h2 id="self-check-title">{t("selfCheck.panelTitle")}</h2>
      <Show when={status()}>
        {(s) => (
          <Show when={s().enabled} fallback={<p class="hint">{t("selfCheck.notEnabled")}</p>}>
            <dl class="facts">
              <dt>{t("selfCheck.frequency")}</dt>
              <dd>
                {frequencyText(s().frequency!)}
                <span class="source-document"> · {t("selfCheck.rule")}：{basis(s())}</span>
              </dd>
              <Show when={s().period}>
                {(p) => (
                  <>
                    <dt>{t("selfCheck.thisPeriod", { start: formatDay(p().start, locale()), end: formatDay(p().end, locale()) })}</dt>
                    <dd>
                      <Show when={s().done} fallback={<span class="badge badge-warn" data-testid="self-check-missing">{t("selfCheck.missing")}</span>}>
                        <span class="badge badge-ok">{t("selfCheck.done", { count: s().count, date: formatDay(s().lastAt!, locale()) })}</span>
                      </Show>
                    </dd>
                  </>
                )}
              </Show>
            </dl>
            <Show when={!s().items}><p class="hint">{t("selfCheck.noItems")}</p></Show>
            <Show when={s().mayManageLink}>
              <LinkBox venueId={props.venueId} link={s().link ?? null} onIssued={(link) => mutate({ ...s(), link })} />
            </Show>
          </Show>
        )}
      </Show>
      <h3>{t("selfCheck.history")}</h3>
      <ul class="plain-list history-list">
        <For each={history()?.items} fallback={<li class="hint">{t("selfCheck.noHistory")}</li>}>
          {(c) => <li>{t("selfCheck.line", { date: formatDay(c.submittedAt, locale()), respondent: c.respondent, passed: c.passed, failed: c.failed })}</li>}
        </For>
      </ul>
    </section>
  );
}
