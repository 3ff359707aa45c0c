import { For, Show, type JSX } from "solid-js";
import { BorrowedMark } from "../../components/borrowed.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { clauseOf } from "./vocabulary.ts";

/** What every rule of a profile carries: the clause it comes from, or the assumption it stands on. */
export interface CitationFields {
  sourceRef: string | null;
  text?: string | undefined;
  assumption?: { zh: string; en?: string | undefined } | undefined;
}

/** Open on a wide screen; on a phone a clause's text folds away under its number. */
const wideScreen = () => globalThis.matchMedia?.("(min-width: 720px)").matches ?? true;

/**
 * A cited rule: its clause, the clause's text (collapsible); a marked default
 * (no clause): the badge and the assumption, always visible.
 */
export function Citation(props: { rule: CitationFields }) {
  const { t, locale } = useI18n();
  const assumption = () => {
    const a = props.rule.assumption;
    return a ? (locale() === "en" ? (a.en ?? a.zh) : a.zh) : undefined;
  };
  return (
    <div class="citation">
      <Show
        when={props.rule.sourceRef}
        fallback={
          <p class="assumption" data-testid="default-rule">
            <span class="badge badge-default">{t("profile.defaultBadge")}</span> {assumption()}
          </p>
        }
      >
        {(ref) => (
          <details class="clause" open={wideScreen()}>
            <summary title={ref()}>
              {t("profile.clause", { clause: clauseOf(ref()) })}<BorrowedMark sourceRef={ref()} words={(title) => ({ label: t("borrowedClause.badge"), title: t("borrowedClause.title", { title }) })} />
            </summary>
            <Show when={props.rule.text}>
              <blockquote lang="zh-CN">{props.rule.text}</blockquote>
            </Show>
          </details>
        )}
      </Show>
      <Show when={props.rule.sourceRef && assumption()}>
        <p class="assumption">
          <span class="reading">{t("profile.reading")}</span>
          {assumption()}
        </p>
      </Show>
    </div>
  );
}

/** A label and its value; an empty value leaves the line out. */
export type Fact = readonly [label: string, value: JSX.Element | string | number | undefined | null];

const present = (value: Fact[1]) => value !== undefined && value !== null && value !== "";

export function Facts(props: { facts: readonly Fact[] }) {
  const shown = () => props.facts.filter(([, value]) => present(value));
  return (
    <Show when={shown().length}>
      <dl class="rule-facts">
        <For each={shown()}>
          {([label, value]) => (
            <div>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          )}
        </For>
      </dl>
    </Show>
  );
}

/** One rule: its name, its values, its citation, then anything nested (which cites for itself). */
export function Rule(props: { id?: string | undefined; title: JSX.Element; facts?: readonly Fact[]; rule: CitationFields; children?: JSX.Element }) {
  return (
    <li class="rule" data-rule-id={props.id}>
      <div class="rule-title">{props.title}</div>
      <Facts facts={props.facts ?? []} />
      <Citation rule={props.rule} />
      {props.children}
    </li>
  );
}

/** A value that is a rule by itself (a deadline, say), with its own citation. */
export function CitedValue(props: { label: string; value: JSX.Element; cite: CitationFields }) {
  return (
    <div class="cited-value">
      <div>
        <span class="cited-label">{props.label}</span> <strong>{props.value}</strong>
      </div>
      <Citation rule={props.cite} />
    </div>
  );
}
