import { For, Show } from "solid-js";
import type { Finding, FindingStatus } from "@firegov/core/contract";
import { BorrowedBadge } from "../../components/borrowed.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { pick, STATUS_ORDER, statusName } from "../../organisation/labels.ts";

/** One finding: what was found (its evidence); opened, the clause it rests on and its text. */
export function FindingItem(props: { finding: Finding }) {
  const { t, locale } = useI18n();
  const f = () => props.finding;
  return (
    <li class={`finding finding-${f().status}`} data-testid="finding" data-rule-id={f().ruleId} data-status={f().status}>
      <details>
        <summary>
          <span class={`badge status-${f().status}`}>{statusName(f().status, locale())}</span>
          <span class="finding-evidence">{pick(f().evidence, locale())}</span>
          <span class="finding-ref">
            {f().sourceRef ? t("compliance.clause", { clause: f().sourceRef! }) : t("compliance.noClause")}
            <Show when={f().borrowed}>
              {" "}
              <BorrowedBadge label={t("borrowedFinding.badge")} title={t("borrowedFinding.title")} />
            </Show>
          </span>
        </summary>
        <div class="finding-body">
          <Show
            when={f().sourceRef}
            fallback={
              <>
                <p class="badge badge-default">{t("compliance.default")}</p>
                <p class="assumption">{f().text}</p>
              </>
            }
          >
            {(ref) => (
              <>
                <p class="cite-ref">{t("compliance.clause", { clause: ref() })}</p>
                <blockquote lang="zh-CN">{f().text}</blockquote>
              </>
            )}
          </Show>
          <p>
            <span class="cited-label">{t("compliance.evidence")}</span>
            {pick(f().evidence, locale())}
          </p>
          <p class="muted small">{t("compliance.rule", { id: f().ruleId })}</p>
        </div>
      </details>
    </li>
  );
}

/** Findings in groups by status, what needs acting on first; the not-applicable ones folded away. */
export function FindingGroups(props: { findings: readonly Finding[] }) {
  const { t, locale } = useI18n();
  const of = (status: FindingStatus) => props.findings.filter((f) => f.status === status);
  return (
    <For each={STATUS_ORDER.filter((s) => of(s).length)}>
      {(status) => (
        <section class="finding-group" data-testid="finding-group" data-status={status}>
          <Show
            when={status !== "not_applicable"}
            fallback={
              <details>
                <summary>
                  <h2>{t("compliance.group", { status: statusName(status, locale()), count: of(status).length })}</h2>
                </summary>
                <ul class="finding-list">
                  <For each={of(status)}>{(f) => <FindingItem finding={f} />}</For>
                </ul>
              </details>
            }
          >
            <h2>{t("compliance.group", { status: statusName(status, locale()), count: of(status).length })}</h2>
            <ul class="finding-list">
              <For each={of(status)}>{(f) => <FindingItem finding={f} />}</For>
            </ul>
          </Show>
        </section>
      )}
    </For>
  );
}
