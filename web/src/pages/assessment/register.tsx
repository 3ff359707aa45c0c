import { createAsync } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { IncentiveRecord, PolicyProfile } from "@firegov/core/contract";
import { useI18n } from "../../i18n/index.tsx";
import { formatDate, pick } from "../../organisation/labels.ts";
import { registerPage } from "./data.ts";

/** One page of the register, and the next on request. */
function RegisterChunk(props: { profile: PolicyProfile; cursor: string | undefined; last: boolean; onMore: (cursor: string) => void }) {
  const { t, locale } = useI18n();
  const page = createAsync(() => registerPage(props.cursor));
  const name = (r: IncentiveRecord) => pick(props.profile.assessment.incentives.find((i) => i.id === r.incentiveId)?.name, locale()) || r.incentiveId;
  const target = (r: IncentiveRecord) => (r.target.type === "node" ? r.nodeName : `${r.nodeName} · ${r.target.name}`);
  return (
    <>
      <For each={page()?.items ?? []}>
        {(r) => (
          <li class="register-row" data-testid="incentive-record" data-kind={r.kind}>
            <span class={`badge badge-${r.kind}`}>{t(`assessment.${r.kind}`)}</span> <strong>{name(r)}</strong> — {target(r)}
            <div class="user-meta">
              {formatDate(r.date, locale())} · {r.note} · {t("assessment.by", { name: r.recordedByName ?? r.recordedBy })}
            </div>
          </li>
        )}
      </For>
      <Show when={props.last && page()?.cursor}>
        {(next) => (
          <li>
            <button type="button" class="button button-secondary" onClick={() => props.onMore(next())}>{t("assessment.loadMore")}</button>
          </li>
        )}
      </Show>
    </>
  );
}

/** The incentives recorded under the reader's scope, newest first. */
export function IncentiveRegister(props: { profile: PolicyProfile }) {
  const { t } = useI18n();
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const first = createAsync(() => registerPage(undefined));
  return (
    <section class="panel" aria-labelledby="register-title">
      <h2 id="register-title">{t("assessment.register")}</h2>
      <Show when={first()?.items.length} fallback={<p class="muted">{t("assessment.registerEmpty")}</p>}>
        <ul class="user-list">
          <For each={cursors()}>{(cursor, i) => <RegisterChunk profile={props.profile} cursor={cursor} last={i() === cursors().length - 1} onMore={(next) => setCursors((all) => [...all, next])} />}</For>
        </ul>
      </Show>
    </section>
  );
}
