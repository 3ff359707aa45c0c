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
  /** A point's accessible name: what it is and, when overdue, that it is. */
  pointName: (layer: MapLayer, point: MapPoint) => string;
}

interface Props {
  layer: MapLayer;
  point: MapPoint;
}


export interface MapView {
  setBasemap(basemap: Basemap): void;
  setBoundaries(collection: BoundaryCollection): void;
  setPoints(layer: MapLayer, points: MapPoint[]): void;
  /** Points of the layers shown, drawn now as markers or clusters. */
  drawn(): number;
  destroy(): void;
}

export function createMapView(element: HTMLElement, words: MapWords): MapView {
  // Clusters and the few points clustering leaves apart are DOM markers: keyboard-reachable, named buttons.
  const map = L.map(element, { zoomSnap: 0.25, zoomControl: false, attributionControl: true, worldCopyJump: false, center: [32, 119], zoom: 5 });
  map.attributionControl.setPrefix(false);
  L.control.zoom({ zoomInTitle: words.zoomIn, zoomOutTitle: words.zoomOut }).addTo(map);
  const tiles = L.layerGroup().addTo(map);
  const outlines = L.layerGroup().addTo(map);
  const marks = L.layerGroup().addTo(map);
  const indexes = new Map<MapLayer, Supercluster<Props>>();
  let fitted = false;
  let popupOpen = false;
  let count = 0;

  const fitTo = (bounds: L.LatLngBounds) => {
    if (!bounds.isValid()) return;
    map.fitBounds(bounds, { padding: [16, 16], maxZoom: 16, animate: false });
    fitted = true;
  };

  let drawing = false;
  const draw = () => {
    // Clearing closes an open popup, whose close asks to draw again: not inside this draw.
    if (drawing) return;
    drawing = true;
    popupOpen = false;
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
          // A point apart from the rest (clustering leaves only a few per screen): a button named after it, opening its popup.
          const p = props as Props;
          const overdue = p.layer !== "venues" && p.point.overdue === true;
          const label = words.pointName(p.layer, p.point);
          const icon = L.divIcon({ html: "<span></span>", className: `map-dot map-dot-${p.layer}${overdue ? " map-dot-overdue" : ""}`, iconSize: [24, 24] });
          const marker = L.marker([lat, lng], { icon, keyboard: true, title: label, alt: label });
          marker.bindPopup(() => words.popup(p.layer, p.point));
          marker.addTo(marks);
          marker.getElement()?.setAttribute("aria-label", label);
          count += 1;
        }
      }
    }
    element.dataset.drawn = String(count);
    drawing = false;
  };
  // A popup pans the map to show itself: redrawing then would take its marker, and the popup, away.
  map.on("popupopen", () => (popupOpen = true));
  map.on("popupclose", () => {
    popupOpen = false;
    draw();
  });
  map.on("moveend", () => {
    if (!popupOpen) draw();
  });

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
        const index = new Supercluster<Props>({ radius: 70, maxZoom: 17, minPoints: 3 });
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
