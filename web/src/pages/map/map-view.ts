// The map itself: Leaflet with supercluster, loaded only by the map page
// (import("./map-view.ts")), with Leaflet's CSS. Without a basemap it draws
// the boundaries and points on a plain background, so it works offline.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import Supercluster from "supercluster";
import type { Basemap, BoundaryCollection, MapLayer, MapPoint } from "@firegov/core/contract";

export interface MapWords {
  cluster: (count: number) => string;
  zoomIn: string;
  zoomOut: string;
  popup: (layer: MapLayer, point: MapPoint) => HTMLElement;
}

interface Props {
  layer: MapLayer;
  point: MapPoint;
}

/** Colours with at least 3:1 against the plain background and white text on them at 4.5:1. */
const COLOUR: Record<MapLayer, string> = { venues: "#1d4ed8", hazards: "#b45309", tasks: "#047857" };
const OVERDUE = "#b91c1c";

export interface MapView {
  setBasemap(basemap: Basemap): void;
  setBoundaries(collection: BoundaryCollection): void;
  setPoints(layer: MapLayer, points: MapPoint[]): void;
  /** Points of the layers shown, drawn now as markers or clusters. */
  drawn(): number;
  destroy(): void;
}

export function createMapView(element: HTMLElement, words: MapWords): MapView {
  // Canvas for the many dots; the clusters are a few markers (DOM, keyboard-reachable buttons).
  const map = L.map(element, { preferCanvas: true, zoomControl: false, attributionControl: true, worldCopyJump: false, center: [32, 119], zoom: 5 });
  map.attributionControl.setPrefix(false);
  L.control.zoom({ zoomInTitle: words.zoomIn, zoomOutTitle: words.zoomOut }).addTo(map);
  const renderer = L.canvas({ padding: 0.2 });
  const tiles = L.layerGroup().addTo(map);
  const outlines = L.layerGroup().addTo(map);
  const marks = L.layerGroup().addTo(map);
  const indexes = new Map<MapLayer, Supercluster<Props>>();
  let fitted = false;
  let count = 0;

  const fitTo = (bounds: L.LatLngBounds) => {
    if (!bounds.isValid()) return;
    map.fitBounds(bounds, { padding: [16, 16], maxZoom: 16, animate: false });
    fitted = true;
  };

  const draw = () => {
    marks.clearLayers();
    count = 0;
    const b = map.getBounds();
    const box: [number, number, number, number] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    const zoom = Math.round(map.getZoom());
    for (const [layer, index] of indexes) {
      for (const f of index.getClusters(box, zoom)) {
        const [lng, lat] = f.geometry.coordinates as [number, number];
        const props = f.properties as Props | Supercluster.ClusterProperties;
        if ("cluster" in props && props.cluster) {
          const n = props.point_count;
          const size = n < 100 ? 34 : n < 1000 ? 42 : 50;
          // The visible count leads the accessible name (WCAG 2.5.3: the name contains the text shown).
          const shown = String(props.point_count_abbreviated);
          const label = shown === String(n) ? words.cluster(n) : `${shown}：${words.cluster(n)}`;
          const icon = L.divIcon({ html: `<span>${shown}</span>`, className: `map-cluster map-cluster-${layer}`, iconSize: [size, size] });
          const marker = L.marker([lat, lng], { icon, keyboard: true, title: label, alt: label });
          marker.on("click", () => map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(props.cluster_id), 18)));
          marker.addTo(marks);
          marker.getElement()?.setAttribute("aria-label", label);
          count += n;
        } else {
          const p = props as Props;
          const overdue = p.layer === "hazards" && p.point.overdue;
          const dot = L.circleMarker([lat, lng], { renderer, radius: overdue ? 8 : 6, weight: overdue ? 3 : 1.5, color: "#ffffff", fillColor: overdue ? OVERDUE : COLOUR[p.layer], fillOpacity: 0.95 });
          dot.bindPopup(() => words.popup(p.layer, p.point));
          dot.addTo(marks);
          count += 1;
        }
      }
    }
    element.dataset.drawn = String(count);
  };
  map.on("moveend", draw);

  return {
    setBasemap(basemap) {
      tiles.clearLayers();
      element.classList.toggle("map-plain", basemap.layers.length === 0);
      for (const l of basemap.layers) L.tileLayer(l.url, { subdomains: l.subdomains ?? "abc", attribution: l.attribution, maxZoom: l.maxZoom }).addTo(tiles);
    },
    setBoundaries(collection) {
      outlines.clearLayers();
      if (!collection.features.length) return;
      const geo = L.geoJSON(collection as never, {
        interactive: false,
        style: (f) => ((f?.properties as { role?: string } | undefined)?.role === "self" ? { color: "#334155", weight: 3, fill: false } : { color: "#64748b", weight: 1.5, dashArray: "4 4", fillColor: "#94a3b8", fillOpacity: 0.06 }),
      }).addTo(outlines);
      if (!fitted) fitTo(geo.getBounds());
    },
    setPoints(layer, points) {
      if (!points.length) indexes.delete(layer);
      else {
        const index = new Supercluster<Props>({ radius: 60, maxZoom: 17, minPoints: 3 });
        index.load(points.map((point) => ({ type: "Feature", properties: { layer, point }, geometry: { type: "Point", coordinates: [point.lng, point.lat] } })));
        indexes.set(layer, index);
        if (!fitted) fitTo(L.latLngBounds(points.map((p) => [p.lat, p.lng] as [number, number])));
      }
      draw();
    },
    drawn: () => count,
    destroy: () => map.remove(),
  };
}
