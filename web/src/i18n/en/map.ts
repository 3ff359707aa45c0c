/**
 * UI strings, en. The one map (一张图): venues, open hazards and today's tasks of a subtree, with node boundaries.
 */
import type zh from "../zh/map.ts";

const en: typeof zh = {
  map: {
    title: "Map",
    intro: "Venues, open hazards and today's tasks of your area. Tap a dot for details; a number is a cluster of points: tap it to zoom in.",
    label: "Map of the area: venues, hazards and tasks",
    layers: "Layers",
    layer: { venues: "Venues", hazards: "Hazards", tasks: "Today's tasks" },
    filters: "Filters",
    kind: "Venue kind",
    category: "Inspection category",
    severity: "Severity",
    overdueOnly: "Overdue hazards only",
    all: "All",
    loading: "Loading points…",
    counts: "{{venues}} venues · {{hazards}} hazards · {{tasks}} tasks",
    unplaced: "{{count}} more have no coordinates and are not shown",
    noBasemap: "No basemap set: boundaries and points only (works offline)",
    exportGeojson: "Export GeoJSON",
    listFallback: "As a list: ",
    venueList: "Venues",
    hazardList: "Hazards",
    taskList: "Today's tasks",
    open: "Open",
    overdue: "Overdue",
    cluster: "{{count}} points, tap to zoom in",
    dueAt: "Due {{due}}",
    zoomIn: "Zoom in",
    zoomOut: "Zoom out",
    legend: { venue: "Venue", hazard: "Hazard", overdue: "Overdue hazard", task: "Task" },
  },
};
export default en;
