/**
 * UI strings, zh-CN. The one map (一张图): venues, open hazards and today's tasks of a subtree, with node boundaries.
 */
export default {
  map: {
    title: "一张图",
    intro: "本辖区的场所、未销号隐患和今日任务。点击圆点查看详情；数字表示聚合的点数，点击放大。",
    label: "辖区地图：场所、隐患和任务点位",
    layers: "图层",
    layer: { venues: "场所", hazards: "隐患", tasks: "今日任务" },
    filters: "筛选",
    kind: "场所类型",
    category: "检查类别",
    severity: "隐患等级",
    overdueOnly: "只看逾期隐患",
    all: "全部",
    loading: "正在载入点位…",
    counts: "场所 {{venues}} 个 · 隐患 {{hazards}} 条 · 任务 {{tasks}} 项",
    unplaced: "另有 {{count}} 条没有坐标，未在图上显示",
    noBasemap: "未配置底图：显示辖区边界与点位（可离线使用）",
    exportGeojson: "导出 GeoJSON",
    listFallback: "用列表查看：",
    venueList: "场所列表",
    hazardList: "隐患列表",
    taskList: "今日任务",
    open: "打开",
    overdue: "已逾期",
    cluster: "{{count}} 个点位，点击放大",
    dueAt: "截止：{{due}}",
    zoomIn: "放大",
    zoomOut: "缩小",
    legend: { venue: "场所", hazard: "隐患", overdue: "逾期隐患", task: "任务" },
  },
};
