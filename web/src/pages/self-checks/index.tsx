import { A } from "@solidjs/router";
import { createResource, createSignal, For, Show } from "solid-js";
import type { SelfCheckRoll } from "@firegov/core/contract";
import { selfCheckRoll } from "../../api/self-checks.ts";
import { useI18n } from "../../i18n/index.tsx";
import { formatDay } from "../inspections/labels.ts";

type Row = SelfCheckRoll["items"][number];

/**
 * 场所自查情况: the venues of my subtree and whether each sent the self-check
 * of the current period; by default only those still missing it. A page at a
 * time, in path order, as the API reads them.
 */
export default function SelfChecksPage() {
  const { t, locale } = useI18n();
  const [missingOnly, setMissingOnly] = createSignal(true);
  const [rows, setRows] = createSignal<Row[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [request, setRequest] = createSignal<{ missing: boolean; cursor?: string }>({ missing: true });
  const [page] = createResource(request, async (r) => {
    const answer = await selfCheckRoll({ ...(r.missing ? { missing: "true" as const } : {}), ...(r.cursor ? { cursor: r.cursor } : {}), limit: 100 });
    setRows((before) => (r.cursor ? [...before, ...answer.items] : answer.items));
    setCursor(answer.cursor);
    return answer;
  });
  const show = (missing: boolean) => {
    setMissingOnly(missing);
    setRequest({ missing });
  };
  return (
    <section class="card">
      <h1>{t("selfCheck.rollTitle")}</h1>
      <Show when={page()?.period}>{(p) => <p class="hint">{t("selfCheck.thisPeriod", { start: formatDay(p().start, locale()), end: formatDay(p().end, locale()) })}</p>}</Show>
      <Show when={page() && !page()!.period}><p class="hint">{t("selfCheck.notEnabled")}</p></Show>
      <label class="radio">
        <input type="checkbox" checked={missingOnly()} onChange={(e) => show(e.currentTarget.checked)} />
        {t("selfCheck.missingOnly")}
      </label>
      <ul class="plain-list history-list" data-testid="self-check-roll">
        <For each={rows()} fallback={<li class="hint">{page.loading ? t("form.loading") : t("selfCheck.rollEmpty")}</li>}>
          {(r) => (
            <li>
              <A href={`/venues/${r.venueId}`}>{r.name}</A>{" "}
              <Show when={r.done} fallback={<span class="badge badge-warn">{t("selfCheck.missing")}</span>}>
                <span class="badge badge-ok">{t("selfCheck.done", { count: r.count, date: formatDay(r.lastAt!, locale()) })}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={cursor()}>
        {(next) => <button type="button" class="button button-secondary" disabled={page.loading} onClick={() => setRequest({ missing: missingOnly(), cursor: next() })}>{t("selfCheck.more")}</button>}
      </Show>
    </section>
  );
}
