import { createAsync, query, useParams } from "@solidjs/router";
import { createSignal, ErrorBoundary, For, Index, Show, Suspense } from "solid-js";
import type { PublicSpotCheckDraw, PublicSpotCheckPage } from "@firegov/core/contract";
import { ApiError } from "../../api/http.ts";
import { publicSpotChecks } from "../../api/spot-checks.ts";
import { LoadError } from "../../components/load-error.tsx";
import { formatDateTime } from "../../display.ts";
import { useI18n } from "../../i18n/index.tsx";

const publicPage = query((tenantSlug: string, cursor?: string) => publicSpotChecks(tenantSlug, { cursor }), "public-spot-checks");

/** One draw: its period, how it was drawn (seed, pools), and each drawn venue's result. */
function Draw(props: { draw: PublicSpotCheckDraw }) {
  const { t, locale } = useI18n();
  const d = () => props.draw;
  const title = () => (locale() === "en" ? d().title.en : d().title.zh);
  return (
    <article class="card spot-check" data-testid="spot-check-draw">
      <h2>
        {title()} · {d().period}
      </h2>
      <p class="hint">{t("spotChecks.period", { start: d().periodStart, end: d().periodEnd })}</p>
      <p>
        {t("spotChecks.drawnAt")} <time datetime={d().drawnAt}>{formatDateTime(d().drawnAt, locale())}</time>
      </p>
      <p>{t("spotChecks.pool", { drawn: d().picks.length, venues: d().pool.venues, per: d().inspectorsPerVenue, inspectors: d().pool.inspectors })}</p>
      <div class="table-wrap">
        <table class="report-table spot-check-table">
          <thead>
            <tr>
              <th scope="col">{t("spotChecks.venue")}</th>
              <th scope="col">{t("spotChecks.result")}</th>
              <th scope="col">{t("spotChecks.date")}</th>
            </tr>
          </thead>
          <tbody>
            <Index each={d().picks}>
              {(pick) => (
                <tr data-outcome={pick().result.outcome}>
                  <th scope="row">{pick().venueName}</th>
                  <td>
                    <span class="spot-check-outcome">{t(`spotChecks.outcome.${pick().result.outcome}`)}</span>
                    <Show when={pick().result.passed !== undefined}>
                      <span class="hint"> {t("spotChecks.counts", { passed: pick().result.passed ?? 0, hazards: pick().result.hazards ?? 0 })}</span>
                    </Show>
                  </td>
                  <td>{pick().result.inspectedOn ?? "—"}</td>
                </tr>
              )}
            </Index>
          </tbody>
        </table>
      </div>
      <details class="spot-check-seed">
        <summary>{t("spotChecks.seed")}</summary>
        <p>
          <code>{d().seed}</code>
        </p>
        <p class="hint">{t("spotChecks.seedHint", { algorithm: d().algorithm })}</p>
      </details>
    </article>
  );
}

function Chunk(props: { tenantSlug: string; cursor: string | undefined; last: boolean; onPage: (page: PublicSpotCheckPage) => void; onMore: (cursor: string) => void }) {
  const { t } = useI18n();
  const page = createAsync(async () => {
    const p = await publicPage(props.tenantSlug, props.cursor);
    props.onPage(p);
    return p;
  });
  return (
    <>
      <Show when={page() && page()!.items.length === 0 && props.cursor === undefined}>
        <p class="muted">{t("spotChecks.empty")}</p>
      </Show>
      <For each={page()?.items}>{(draw) => <Draw draw={draw} />}</For>
      <Show when={props.last && page()?.cursor}>
        {(cursor) => (
          <button type="button" class="button button-secondary button-block" onClick={() => props.onMore(cursor())}>
            {t("spotChecks.loadMore")}
          </button>
        )}
      </Show>
    </>
  );
}

/** 一公开: a county's random spot checks and their results, for anyone, without signing in. */
export default function PublicSpotChecksPage() {
  const { t } = useI18n();
  const params = useParams<{ tenantSlug: string }>();
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const [county, setCounty] = createSignal<string>();
  const failure = (error: unknown) => (error instanceof ApiError && error.status === 404 ? <p class="alert alert-error" role="alert">{t("spotChecks.notFound")}</p> : <LoadError error={error} />);
  return (
    <section class="narrow">
      <h1>{t("spotChecks.title")}</h1>
      <Show when={county()}>{(name) => <p class="hint">{t("spotChecks.intro", { county: name() })}</p>}</Show>
      <ErrorBoundary fallback={failure}>
        <Suspense fallback={<p role="status">{t("form.loading")}</p>}>
          <Index each={cursors()}>
            {(cursor, i) => (
              <Chunk
                tenantSlug={params.tenantSlug}
                cursor={cursor()}
                last={i === cursors().length - 1}
                onPage={(p) => setCounty(p.county.name)}
                onMore={(next) => setCursors((list) => [...list, next])}
              />
            )}
          </Index>
        </Suspense>
      </ErrorBoundary>
    </section>
  );
}
