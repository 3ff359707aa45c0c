import { A, createAsync } from "@solidjs/router";
import { createEffect, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import type { MapLayer, MapPoint } from "@firegov/core/contract";
import { basemap, exportMapPoints, mapBoundaries, mapPoints } from "../../api/map.ts";
import { can } from "../../auth/access.ts";
import { signedInUser } from "../../auth/session.ts";
import { FormError } from "../../components/form.tsx";
import { profileInEffect } from "../../data/queries.ts";
import { useI18n } from "../../i18n/index.tsx";
import { saveFile } from "../profile/data.ts";
import { categoryName, formatDue, kindName } from "../inspections/labels.ts";
import type { MapView } from "./map-view.ts";
import "./map.css";
import { CommandTabs } from "../../components/command-tabs.tsx";

const LAYERS: MapLayer[] = ["venues", "hazards", "tasks"];
// A small first page shows points soon; the rest come in large pages.
const FIRST_PAGE = 250;
const PAGE = 5000;

interface Filter {
  kind: string;
  category: string;
  risk: string;
  severity: string;
  overdue: boolean;
}

const queryOf = (layer: MapLayer, f: Filter) =>
  layer === "venues"
    ? { kind: f.kind || undefined, category: f.category || undefined, risk: f.risk || undefined }
    : layer === "hazards"
      ? { severity: f.severity || undefined, ...(f.overdue ? { overdue: "true" as const } : {}) }
      : { category: f.category || undefined };

const firstPageQuery = (layer: MapLayer, f: Filter) => ({ layer, limit: FIRST_PAGE, ...queryOf(layer, f) });

/**
 * 一张图: the venues, open hazards and today's tasks of the user's subtree on
 * a map of its boundaries, clustered; no basemap unless the county set one.
 * Leaflet and supercluster come with this page alone (a dynamic import).
 */
export default function MapPage() {
  const { t, locale } = useI18n();
  const profile = createAsync(() => profileInEffect());
  const [shown, setShown] = createSignal<Record<MapLayer, boolean>>({ venues: true, hazards: true, tasks: false });
  const [filter, setFilter] = createSignal<Filter>({ kind: "", category: "", risk: "", severity: "", overdue: false });
  const [counts, setCounts] = createSignal<Record<MapLayer, number>>({ venues: 0, hazards: 0, tasks: 0 });
  const [unplaced, setUnplaced] = createSignal(0);
  const [loading, setLoading] = createSignal(true);
  const [plain, setPlain] = createSignal(true);
  const [error, setError] = createSignal<unknown>();
  const [view, setView] = createSignal<MapView>();
  let box!: HTMLDivElement;
  // The first page of each shown layer is asked for at once, while Leaflet loads: the points are there when the map is.
  const early = new Map<string, ReturnType<typeof mapPoints>>();
  for (const layer of LAYERS) {
    if (!shown()[layer]) continue;
    const query = firstPageQuery(layer, filter());
    const pending = mapPoints(query);
    pending.catch(() => undefined); // read (and its error shown) by the first drawing, or dropped with a changed filter
    early.set(JSON.stringify(query), pending);
  }
  const firstPage = (query: ReturnType<typeof firstPageQuery>) => {
    const key = JSON.stringify(query);
    const pending = early.get(key);
    early.delete(key);
    return pending ?? mapPoints(query);
  };
  const name = (n: { zh: string; en: string }) => (locale() === "en" ? n.en : n.zh);
  const severityName = (id: string | undefined) => {
    const s = profile()?.hazards.severities.find((x) => x.id === id);
    return s ? name(s.name) : (id ?? "");
  };

  const popup = (layer: MapLayer, p: MapPoint): HTMLElement => {
    const el = document.createElement("div");
    el.className = "map-popup";
    const line = (text: string, cls?: string) => {
      const span = document.createElement("span");
      span.textContent = text;
      if (cls) span.className = cls;
      el.append(span);
    };
    const title = document.createElement("strong");
    title.textContent = p.name ?? "";
    el.append(title);
    if (layer === "venues") {
      line((p.kinds ?? []).map((k) => kindName(profile(), k, locale())).join("、"));
      const risk = profile()?.venues.riskGrades.find((g) => g.id === p.risk);
      if (risk) line(`${t("map.risk")}：${name(risk.name)}`);
    }
    if (layer === "hazards") {
      line(`${severityName(p.severity)} · ${p.codeText ?? p.code ?? ""}`);
      if (p.overdue) line(t("map.overdue"), "map-overdue");
    }
    if (layer === "tasks") {
      line(categoryName(profile(), p.category ?? "", locale()));
      if (p.dueAt) line(t("map.dueAt", { due: formatDue(p.dueAt, locale()) }), p.overdue ? "map-overdue" : undefined);
    }
    const link = document.createElement("a");
    link.href = layer === "venues" ? `/venues/${p.id}` : layer === "hazards" ? `/hazards/${p.id}` : `/inspect/${p.venueId}`;
    link.textContent = `${t("map.open")} ›`;
    el.append(link);
    return el;
  };

  // Registered now: after the awaits below the page's owner is gone and a cleanup would never run.
  let left = false;
  onCleanup(() => {
    left = true;
    view()?.destroy();
  });
  onMount(async () => {
    const [{ createMapView }, base, bounds] = await Promise.all([import("./map-view.ts"), basemap().catch(() => undefined), mapBoundaries().catch(() => undefined)]);
    if (left) return;
    const pointName = (layer: MapLayer, p: MapPoint) => [t(`map.layer.${layer}`), p.name ?? "", p.overdue ? t("map.overdue") : ""].filter(Boolean).join("：");
    const v = createMapView(box, { cluster: (count) => t("map.cluster", { count }), zoomIn: t("map.zoomIn"), zoomOut: t("map.zoomOut"), popup, pointName });
    if (base) v.setBasemap(base);
    else v.setBasemap({ kind: "none", layers: [] });
    setPlain(!base || base.layers.length === 0);
    if (bounds) v.setBoundaries(bounds);
    setView(v);
  });

  // Every change of layers or filters reads the points again; an older read still running stops drawing.
  let generation = 0;
  createEffect(
    on([view, shown, filter], async ([v, layers, f]) => {
      if (!v) return;
      const mine = ++generation;
      setLoading(true);
      setError(undefined);
      let missing = 0;
      try {
        await Promise.all(
          LAYERS.map(async (layer) => {
            if (!layers[layer]) {
              v.setPoints(layer, []);
              setCounts((c) => ({ ...c, [layer]: 0 }));
              return;
            }
            const points: MapPoint[] = [];
            let cursor: string | undefined;
            do {
              const page = await (cursor ? mapPoints({ layer, limit: PAGE, ...queryOf(layer, f), cursor }) : firstPage(firstPageQuery(layer, f)));
              if (mine !== generation) return;
              points.push(...page.items);
              missing += page.unplaced;
              // Drawn page by page: the first points show before the last page arrives.
              v.setPoints(layer, points);
              setCounts((c) => ({ ...c, [layer]: points.length }));
              cursor = page.cursor ?? undefined;
            } while (cursor);
          }),
        );
        if (mine === generation) {
          setUnplaced(missing);
          box.dataset.ready = "true";
        }
      } catch (err) {
        if (mine === generation) setError(err);
      } finally {
        if (mine === generation) setLoading(false);
      }
    }),
  );

  const toggle = (layer: MapLayer) => setShown((s) => ({ ...s, [layer]: !s[layer] }));
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch }));

  const [exporting, setExporting] = createSignal(false);
  const download = async () => {
    setExporting(true);
    try {
      for (const layer of LAYERS.filter((l) => shown()[l])) saveFile({ filename: `map-${layer}.geojson`, blob: await exportMapPoints({ layer, ...queryOf(layer, filter()) }) });
    } catch (err) {
      setError(err);
    } finally {
      setExporting(false);
    }
  };

  return (
    <section class="card">
      <CommandTabs />
      <div class="page-head">
        <h1>{t("map.title")}</h1>
        <div class="actions">
          <button type="button" class="button button-secondary" onClick={() => void download()} disabled={exporting()}>
            {t("map.exportGeojson")}
          </button>
        </div>
      </div>
      <p class="hint">{t("map.intro")}</p>
      <div class="chips" role="group" aria-label={t("map.layers")}>
        <For each={LAYERS}>
          {(layer) => (
            <button type="button" class="chip" aria-pressed={shown()[layer]} onClick={() => toggle(layer)}>
              {t(`map.layer.${layer}`)}
            </button>
          )}
        </For>
      </div>
      <div class="filters" role="search" aria-label={t("map.filters")}>
        <select aria-label={t("map.kind")} onChange={(e) => set({ kind: e.currentTarget.value })}>
          <option value="">{t("map.kind")}：{t("map.all")}</option>
          <For each={profile()?.venues.kinds}>{(k) => <option value={k.id}>{name(k.name)}</option>}</For>
        </select>
        <select aria-label={t("map.category")} onChange={(e) => set({ category: e.currentTarget.value })}>
          <option value="">{t("map.category")}：{t("map.all")}</option>
          <For each={profile()?.inspectionCategories}>{(c) => <option value={c.id}>{name(c.name)}</option>}</For>
        </select>
        <Show when={profile()?.venues.riskGrades.length}>
          <select aria-label={t("map.risk")} onChange={(e) => set({ risk: e.currentTarget.value })}>
            <option value="">{t("map.risk")}：{t("map.all")}</option>
            <For each={profile()?.venues.riskGrades}>{(g) => <option value={g.id}>{name(g.name)}</option>}</For>
          </select>
        </Show>
        <select aria-label={t("map.severity")} onChange={(e) => set({ severity: e.currentTarget.value })}>
          <option value="">{t("map.severity")}：{t("map.all")}</option>
          <For each={profile()?.hazards.severities}>{(s) => <option value={s.id}>{name(s.name)}</option>}</For>
        </select>
        <button type="button" class="chip" aria-pressed={filter().overdue} onClick={() => set({ overdue: !filter().overdue })}>
          {t("map.overdueOnly")}
        </button>
      </div>
      <FormError error={error()} paths={[]} />
      <p class="hint" aria-live="polite" data-testid="map-status">
        {loading() ? t("map.loading") : t("map.counts", counts())}
        <Show when={!loading() && unplaced() > 0}> · {t("map.unplaced", { count: unplaced() })}</Show>
      </p>
      <Show when={plain()}><p class="hint">{t("map.noBasemap")}</p></Show>
      <ul class="map-legend">
        <li><span class="map-swatch" style={{ background: "#1d4ed8" }} aria-hidden="true" />{t("map.legend.venue")}</li>
        <li><span class="map-swatch" style={{ background: "#b45309" }} aria-hidden="true" />{t("map.legend.hazard")}</li>
        <li><span class="map-swatch" style={{ background: "#b91c1c" }} aria-hidden="true" />{t("map.legend.overdue")}</li>
        <li><span class="map-swatch" style={{ background: "#047857" }} aria-hidden="true" />{t("map.legend.task")}</li>
      </ul>
      <div ref={box} class="map-box map-plain" role="region" aria-label={t("map.label")} data-testid="map" />
      <nav class="hint" aria-label={t("map.listFallback")}>
        {t("map.listFallback")}
        <A href="/venues">{t("map.venueList")}</A> · <A href="/hazards">{t("map.hazardList")}</A> · <A href="/today">{t("map.taskList")}</A>
      </nav>
      {/* Below the map, so the map sits where it did for everyone: the admins' way to its basemap and boundaries. */}
      <Show when={signedInUser() && (can(signedInUser()!.role, "tenant.configure") || can(signedInUser()!.role, "node.manage"))}>
        <p class="hint">
          <A href="/map/settings">{t("map.settingsLink")} ›</A>
        </p>
      </Show>
    </section>
  );
}
