import { createAsync, useSearchParams } from "@solidjs/router";
import { createMemo, ErrorBoundary, For, Show, Suspense } from "solid-js";
import type { ProfileChange, ProfileRef } from "@firegov/core/contract";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { SelectField } from "../../components/form.tsx";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";
import { presetList, presetNames, profileDiff, versionsPage } from "./data.ts";
import { LoadError, Loading } from "../../components/load-error.tsx";
import { describeProfileChange } from "./diff-labels.ts";
import { pick, refName, TOPICS, topicName, topicOf } from "./vocabulary.ts";

/** Topics with more changes than this start folded. */
const FOLD_ABOVE = 30;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A rule as its name and id; a scalar as itself; anything bigger as JSON, folded when long. */
function Value(props: { value: unknown }) {
  const { locale } = useI18n();
  const summary = () => {
    const value = props.value;
    if (typeof value === "string") return value;
    if (isRecord(value) && typeof value.id === "string") {
      const name = isRecord(value.name) ? pick(value.name as { zh: string; en: string }, locale()) : "";
      return name ? `${name}（${value.id}）` : value.id;
    }
    return JSON.stringify(value);
  };
  const long = () => typeof props.value === "object" && props.value !== null && JSON.stringify(props.value).length > 60;
  return (
    <Show when={long()} fallback={<span class="value-text">{summary()}</span>}>
      <details class="value-json">
        <summary>{summary().length > 80 ? `${summary().slice(0, 79)}…` : summary()}</summary>
        <pre>{JSON.stringify(props.value, null, 2)}</pre>
      </details>
    </Show>
  );
}

/** The clause each side cites for the rule the change is in; a default reads as such. */
function Cite(props: { side: string; sourceRef: string | null | undefined }) {
  const { t } = useI18n();
  return (
    <Show when={props.sourceRef !== undefined}>
      <li>
        <span class="muted">{props.side}：</span>
        <Show when={props.sourceRef} fallback={<span class="badge badge-default">{t("profile.defaultBadge")}</span>}>
          {(ref) => <span class="cite-ref">{ref()}</span>}
        </Show>
      </li>
    </Show>
  );
}

function Change(props: { change: ProfileChange; fromName: string; toName: string }) {
  const { t, locale } = useI18n();
  const c = () => props.change;
  // Read by the profile's own names; the raw path stays as a small detail for whoever edits the JSON.
  const words = () => describeProfileChange(c(), locale());
  return (
    <li class={`change change-${c().kind}`} data-testid="change" data-kind={c().kind} data-path={c().path} aria-label={words().sentence}>
      <div class="change-head">
        <span class="badge badge-kind">{t(`profile.diff.${c().kind}`)}</span>
        <strong class="change-label">{words().label}</strong>
      </div>
      <p class="change-sentence">{words().sentence}</p>
      <details class="change-path">
        <summary class="muted">{t("profile.diff.path")}</summary>
        <code class="path">{c().path}</code>
      </details>
      <dl class="change-values">
        <Show when={c().kind !== "added"}>
          <div>
            <dt>{t("profile.diff.before")}</dt>
            <dd class="before">
              <Value value={c().before} />
            </dd>
          </div>
        </Show>
        <Show when={c().kind !== "removed"}>
          <div>
            <dt>{t("profile.diff.after")}</dt>
            <dd class="after">
              <Value value={c().after} />
            </dd>
          </div>
        </Show>
      </dl>
      <Show when={c().sourceRefBefore !== undefined || c().sourceRefAfter !== undefined}>
        <div class="change-cites">
          <span class="cited-label">{t("profile.diff.citations")}</span>
          <ul>
            <Cite side={props.fromName} sourceRef={c().sourceRefBefore} />
            <Cite side={props.toName} sourceRef={c().sourceRefAfter} />
          </ul>
        </div>
      </Show>
    </li>
  );
}

function DiffResult(props: { from: ProfileRef; to: ProfileRef; fromName: string; toName: string }) {
  const { t, locale } = useI18n();
  const diff = createAsync(() => profileDiff(props.from, props.to));
  const groups = createMemo(() => {
    const changes = diff()?.changes ?? [];
    return TOPICS.map((topic) => ({ topic, changes: changes.filter((c) => topicOf(c.path) === topic) })).filter((g) => g.changes.length > 0);
  });
  const count = (kind: ProfileChange["kind"]) => diff()?.changes.filter((c) => c.kind === kind).length ?? 0;
  return (
    <Suspense fallback={<p role="status">{t("form.loading")}</p>}>
      <Show when={diff()}>
        {(d) => (
          <Show when={d().changes.length} fallback={<p class="alert alert-success" role="status">{t("profile.diff.none")}</p>}>
            <p class="diff-summary" role="status">
              {t("profile.diff.summary", { total: d().changes.length, added: count("added"), removed: count("removed"), changed: count("changed") })}
            </p>
            <For each={groups()}>
              {(group) => (
                <section class="topic diff-topic" data-topic={group.topic}>
                  {/* Two counties differ in hundreds of places: a long topic starts folded. */}
                  <details open={group.changes.length <= FOLD_ABOVE}>
                    <summary>
                      <h2>
                        {topicName(group.topic, locale())} <span class="muted">({group.changes.length})</span>
                      </h2>
                    </summary>
                    <ul class="change-list">
                      <For each={group.changes}>{(change) => <Change change={change} fromName={props.fromName} toName={props.toName} />}</For>
                    </ul>
                  </details>
                </section>
              )}
            </For>
          </Show>
        )}
      </Show>
    </Suspense>
  );
}

/** Pick two of: a published version, the draft (editors), a built-in profile; see what differs, rule by rule. */
export default function DiffPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams<{ from?: string; to?: string }>();
  const versions = createAsync(() => versionsPage(undefined));
  const presets = createAsync(() => presetList().catch(() => []), { initialValue: [] });
  const names = createAsync(() => presetNames().catch(() => new Map()), { initialValue: new Map() });
  const canDraft = () => can(signedInUser()?.role ?? "viewer", "profile.edit");
  const latest = () => versions()?.items[0];
  // Unless asked otherwise: the latest version against what it was based on.
  const from = () => params.from ?? latest()?.basedOn;
  const to = () => params.to ?? (latest() ? `v:${latest()!.version}` : undefined);
  const name = (ref: string) => refName(ref, locale(), names());
  // References hold no spaces: one string keys the result, so it reloads only when a side changes.
  const pair = () => (from() && to() ? `${from()} ${to()}` : undefined);

  const options = createMemo(() => {
    const refs: { ref: string; label: string; group: "versions" | "draft" | "presets" }[] = [];
    for (const v of versions()?.items ?? []) refs.push({ ref: `v:${v.version}`, label: `${name(`v:${v.version}`)} · ${formatDateTime(v.effectiveFrom, locale())}`, group: "versions" });
    if (canDraft()) refs.push({ ref: "draft", label: name("draft"), group: "draft" });
    for (const p of presets()) refs.push({ ref: `preset:${p.id}`, label: name(`preset:${p.id}`), group: "presets" });
    // A reference from a link (an old version, say) is offered even when no list holds it.
    for (const ref of [from(), to()]) if (ref && !refs.some((o) => o.ref === ref)) refs.push({ ref, label: name(ref), group: "versions" });
    return refs;
  });

  const Side = (props: { label: string; name: "from" | "to"; value: string | undefined }) => (
    <SelectField label={props.label} name={props.name} value={props.value ?? ""} onChange={(e) => setParams({ [props.name]: e.currentTarget.value })}>
      <For each={[["versions", t("profile.diff.versions")], ["draft", t("profile.diff.draft")], ["presets", t("profile.diff.presets")]] as const}>
        {([group, label]) => (
          <Show when={options().some((o) => o.group === group)}>
            <optgroup label={label}>
              <For each={options().filter((o) => o.group === group)}>{(o) => <option value={o.ref} selected={o.ref === props.value}>{o.label}</option>}</For>
            </optgroup>
          </Show>
        )}
      </For>
    </SelectField>
  );

  return (
    <section class="card">
      <h1>{t("profile.diff.title")}</h1>
      <p class="lead">{t("profile.diff.intro")}</p>
      <Loading>
        <form class="form diff-form" onSubmit={(e) => e.preventDefault()}>
          <Side label={t("profile.diff.from")} name="from" value={from()} />
          <button type="button" class="button button-secondary swap" onClick={() => setParams({ from: to(), to: from() })} aria-label={t("profile.diff.swap")}>
            ⇅ {t("profile.diff.swap")}
          </button>
          <Side label={t("profile.diff.to")} name="to" value={to()} />
        </form>
        <Show when={pair()} keyed>
          {(refs) => {
            const [a = "", b = ""] = refs.split(" ");
            return (
              <ErrorBoundary fallback={(error) => <LoadError error={error} />}>
                <DiffResult from={a} to={b} fromName={name(a)} toName={name(b)} />
              </ErrorBoundary>
            );
          }}
        </Show>
      </Loading>
    </section>
  );
}
