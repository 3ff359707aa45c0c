import { A, createAsync } from "@solidjs/router";
import { createSignal, For, Show, Suspense } from "solid-js";
import type { HazardSummary, PolicyProfile } from "@firegov/core/contract";
import type { HazardList } from "../../api/hazards.ts";
import { useI18n } from "../../i18n/index.tsx";
import { hazardPage } from "./data.ts";
import { hazardTitle, formatDate, handlingName, severityName, sourceName, stateName } from "./labels.ts";
import { LoadMore } from "../../components/load-more.tsx";

/** A card's checkbox on the board (multi-select): outside the link, so ticking never opens the hazard. */
export interface CardSelection {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** One hazard in a list: a big tap target to its page. */
export function HazardCard(props: { hazard: HazardSummary; profile: PolicyProfile | undefined; select?: CardSelection | undefined }) {
  const { t, locale } = useI18n();
  const h = () => props.hazard;
  return (
    <li class="hz-card" classList={{ "hz-card-overdue": h().overdue, "hz-card-selectable": Boolean(props.select) }}>
      <Show when={props.select}>
        {(sel) => (
          <label class="hz-card-select">
            <input type="checkbox" checked={sel().checked} onChange={(e) => sel().onChange(e.currentTarget.checked)} aria-label={t("hzBoard.selectOne", { title: hazardTitle(props.profile, h(), locale()) })} />
          </label>
        )}
      </Show>
      <A href={`/hazards/${h().hazardId}`} class="hz-card-link">
        <div class="hz-card-head">
          <strong>{hazardTitle(props.profile, h(), locale())}</strong>
          <span class="badge badge-level">{stateName(h().state, locale())}</span>
        </div>
        <Show when={h().venueName ?? h().locationText}>{(place) => <p class="hz-card-venue">{place()}</p>}</Show>
        <p class="hz-card-text">{h().description}</p>
        <div class="hz-card-meta">
          <span class="badge badge-warn">{severityName(props.profile, h().severity, locale())}</span>
          <Show when={h().overdue}><span class="badge">{t("hazards.overdue")}</span></Show>
          <Show when={h().listedAt.length}><span class="badge hz-listed">{t("hazards.listed")}</span></Show>
          <span>{t("hazards.deadline")} {formatDate(h().deadline, locale())}</span>
          <span>{handlingName(props.profile, h().handling, locale())}</span>
          <span>{sourceName(props.profile, h().source, locale())}</span>
        </div>
      </A>
    </li>
  );
}

function Chunk(props: { params: HazardList; opened: number; cursor: string | undefined; last: boolean; keep: (h: HazardSummary) => boolean; profile: PolicyProfile | undefined; onMore: (c: string) => void }) {
  const { t } = useI18n();
  const page = createAsync(() => hazardPage({ ...props.params, ...(props.cursor ? { cursor: props.cursor } : {}) }, props.opened));
  return (
    <>
      <For each={page()?.items.filter(props.keep)}>{(h) => <HazardCard hazard={h} profile={props.profile} />}</For>
      <Show when={page() && props.cursor === undefined && page()!.items.filter(props.keep).length === 0 && !page()!.cursor}>
        <li class="hz-empty">{t("hazards.empty")}</li>
      </Show>
      <LoadMore cursor={props.last ? page()?.cursor : undefined} onMore={props.onMore} />
    </>
  );
}

/** One of the API's lists, page by page; `keep` narrows what a page shows (the board's extra filters). */
export function HazardListView(props: { params: HazardList; profile: PolicyProfile | undefined; keep?: (h: HazardSummary) => boolean; label?: string }) {
  const { t } = useI18n();
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const opened = Date.now();
  return (
    <Suspense fallback={<p role="status">{t("form.loading")}</p>}>
      <ul class="hz-list" aria-label={props.label}>
        <For each={cursors()}>
          {(cursor, i) => (
            <Chunk
              params={props.params}
              opened={opened}
              cursor={cursor}
              last={i() === cursors().length - 1}
              keep={props.keep ?? (() => true)}
              profile={props.profile}
              onMore={(next) => setCursors([...cursors(), next])}
            />
          )}
        </For>
      </ul>
    </Suspense>
  );
}
