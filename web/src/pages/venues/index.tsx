import { A, createAsync } from "@solidjs/router";
import { createMemo, createSignal, ErrorBoundary, For, Show, Suspense } from "solid-js";
import type { PolicyProfile, Venue, VenueListFilter } from "@firegov/core/contract";
import { exportVenues } from "../../api/venues.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { FormError } from "../../components/form.tsx";
import { Loading } from "../../components/load-error.tsx";
import { useI18n } from "../../i18n/index.tsx";
import { venuePage } from "../inspections/data.ts";
import { bodyName, categoryName, kindName } from "../inspections/labels.ts";
import { saveFile } from "../profile/data.ts";
import { profileInEffect } from "../../data/queries.ts";

export interface VenueFilter {
  text: string;
  kind: string;
  category: string;
  supervisor: string;
  /** "missing": venues the profile's patrol_plan rule covers with no plan yet; "set": with one. */
  plan?: "" | "missing" | "set";
}

/** The filters as the list's query parameters: the API filters, so every page it sends is full. */
export function venueQuery(f: VenueFilter): VenueListFilter {
  const q = f.text.trim();
  return { kind: f.kind || undefined, category: f.category || undefined, supervisor: f.supervisor || undefined, q: q || undefined, patrolPlan: f.plan || undefined };
}

function VenueCard(props: { venue: Venue; profile: PolicyProfile | undefined }) {
  const { t, locale } = useI18n();
  const v = () => props.venue;
  return (
    <li class="hz-card">
      <A href={`/venues/${v().venueId}`} class="hz-card-link">
        <div class="hz-card-head">
          <strong>{v().name}</strong>
          <Show when={v().status === "retired"}><span class="badge badge-muted">{t("venues.retired")}</span></Show>
          <Show when={v().operatingStatus === "must_not_operate"}><span class="badge badge-danger">{t("venues.mustNotOperate")}</span></Show>
        </div>
        <Show when={v().address}><p class="hz-card-text">{v().address}</p></Show>
        <div class="hz-card-meta">
          <For each={v().kinds}>{(k) => <span class="badge badge-level">{kindName(props.profile, k, locale())}</span>}</For>
          <span>{bodyName(props.profile, v().supervisor, locale())}</span>
          <For each={v().categories}>{(c) => <span class="badge badge-warn">{categoryName(props.profile, c, locale())}</span>}</For>
          <Show when={v().patrolPlanPolicy && !v().patrolPlan && v().status === "active"}><span class="badge badge-danger">{t("venues.plan.missingBadge")}</span></Show>
        </div>
      </A>
    </li>
  );
}

function Chunk(props: { cursor: string | undefined; opened: number; last: boolean; filter: VenueFilter; profile: PolicyProfile | undefined; onMore: (c: string) => void }) {
  const { t } = useI18n();
  const page = createAsync(() => venuePage(props.cursor, props.opened, venueQuery(props.filter)));
  return (
    <>
      <For each={page()?.items ?? []}>{(v) => <VenueCard venue={v} profile={props.profile} />}</For>
      <Show when={props.last && page()?.cursor}>
        {(cursor) => (
          <li class="list-more">
            <button type="button" class="button button-secondary button-block" onClick={() => props.onMore(cursor())}>{t("venues.loadMore")}</button>
          </li>
        )}
      </Show>
    </>
  );
}

/** 场所台账: search and filter the venues of my subtree; export the same selection. */
export default function VenuesPage() {
  const { t, locale } = useI18n();
  const profile = createAsync(() => profileInEffect());
  const opened = Date.now();
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const [filter, setFilter] = createSignal<VenueFilter>({ text: "", kind: "", category: "", supervisor: "" });
  const [exporting, setExporting] = createSignal(false);
  const [exportError, setExportError] = createSignal<unknown>();
  // Another filter is another list: start again from its first page.
  const set = (patch: Partial<VenueFilter>) => {
    setFilter({ ...filter(), ...patch });
    setCursors([undefined]);
  };
  const manage = () => {
    const me = signedInUser();
    return me !== undefined && can(me.role, "venue.manage");
  };
  const name = (label: { zh: string; en: string }) => (locale() === "en" ? label.en : label.zh);
  const supervisors = createMemo(() => {
    const p = profile();
    if (!p) return [];
    const ids = new Set([...p.venues.supervision.rules.map((r) => r.supervisor), p.venues.supervision.fallback.supervisor]);
    return p.bodies.filter((b) => ids.has(b.id));
  });

  const download = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      const f = filter();
      saveFile(await exportVenues("xlsx", { kind: f.kind || undefined, category: f.category || undefined, supervisor: f.supervisor || undefined }));
    } catch (err) {
      setExportError(err);
    } finally {
      setExporting(false);
    }
  };

  return (
    <section class="card">
      <div class="page-head">
        <h1>{t("venues.title")}</h1>
        <div class="actions">
          <A href="/venues/nearby" class="button button-secondary">{t("place.nearbyNav")}</A>
          <button type="button" class="button button-secondary" onClick={() => void download()} disabled={exporting()}>
            {exporting() ? t("venues.exporting") : t("venues.export")}
          </button>
          <Show when={manage()}>
            <A href="/venues/new" class="button">{t("venueNew.title")}</A>
            <A href="/venues/import" class="button button-secondary">{t("venues.import")}</A>
          </Show>
        </div>
      </div>
      <p class="hint">{t("venues.intro")}</p>
      <FormError error={exportError()} paths={[]} />
      <div class="filters" role="search">
        <input type="search" class="filter-search" placeholder={t("venues.search")} aria-label={t("venues.search")} onInput={(e) => set({ text: e.currentTarget.value })} />
        <select aria-label={t("venues.kind")} onChange={(e) => set({ kind: e.currentTarget.value })}>
          <option value="">{t("venues.anyKind")}</option>
          <For each={profile()?.venues.kinds}>{(k) => <option value={k.id}>{name(k.name)}</option>}</For>
        </select>
        <select aria-label={t("venues.category")} onChange={(e) => set({ category: e.currentTarget.value })}>
          <option value="">{t("venues.anyCategory")}</option>
          <For each={profile()?.inspectionCategories}>{(c) => <option value={c.id}>{name(c.name)}</option>}</For>
        </select>
        <select aria-label={t("venues.supervisor")} onChange={(e) => set({ supervisor: e.currentTarget.value })}>
          <option value="">{t("venues.anySupervisor")}</option>
          <For each={supervisors()}>{(b) => <option value={b.id}>{name(b.name)}</option>}</For>
        </select>
        <Show when={profile()?.venues.policies.some((p) => p.kind === "patrol_plan")}>
          <select aria-label={t("venues.plan.filter")} onChange={(e) => set({ plan: e.currentTarget.value as VenueFilter["plan"] })}>
            <option value="">{t("venues.plan.filter")}：{t("venues.plan.any")}</option>
            <option value="missing">{t("venues.plan.filterMissing")}</option>
            <option value="set">{t("venues.plan.filterSet")}</option>
          </select>
        </Show>
      </div>
      <Loading>
        <ul class="hz-list" aria-label={t("venues.title")}>
          <For each={cursors()}>
            {(cursor, i) => (
              <Chunk
                cursor={cursor}
                opened={opened}
                last={i() === cursors().length - 1}
                filter={filter()}
                profile={profile()}
                onMore={(next) => setCursors([...cursors(), next])}
              />
            )}
          </For>
        </ul>
      </Loading>
    </section>
  );
}
