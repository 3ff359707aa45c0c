import { createEffect, onCleanup, onMount } from "solid-js";
import type { DashboardTrendMonth } from "@firegov/core/contract";

/**
 * Reported and closed hazards per month as a uPlot chart. uPlot (and its
 * stylesheet) is imported here, on first render, so it is fetched only with
 * the dashboard's chunk and never with the app's first load. Where no canvas
 * is available (a test's DOM) the chart stays empty; the data table beside it
 * carries the same figures.
 */
export function TrendChart(props: { trend: readonly DashboardTrendMonth[]; label: string; month: string; opened: string; closed: string }) {
  let box!: HTMLDivElement;
  let chart: { destroy(): void; setData(data: number[][]): void; setSize(size: { width: number; height: number }): void } | undefined;
  let disposed = false;
  const series = () => [props.trend.map((_, i) => i), props.trend.map((m) => m.opened), props.trend.map((m) => m.closed)];
  const width = () => Math.max(280, box.clientWidth || 320);

  onMount(async () => {
    try {
      const [{ default: UPlot }] = await Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]);
      if (disposed) return;
      const months = props.trend.map((m) => m.month.slice(2));
      chart = new UPlot(
        {
          width: width(),
          height: 220,
          scales: { x: { time: false } },
          axes: [{ values: (_u: unknown, ticks: number[]) => ticks.map((i) => months[i] ?? "") }, {}],
          series: [{ label: props.month, value: (_u: unknown, i: number | null) => (i === null ? "--" : (props.trend[i]?.month ?? "")) }, { label: props.opened, stroke: "#c0392b", width: 2 }, { label: props.closed, stroke: "#1e6fb8", width: 2 }],
        },
        series() as never,
        box,
      ) as typeof chart;
    } catch {
      chart = undefined; // no canvas here: the table shows the figures
    }
  });
  createEffect(() => {
    const data = series();
    chart?.setData(data);
  });
  const onResize = () => chart?.setSize({ width: width(), height: 220 });
  window.addEventListener("resize", onResize);
  onCleanup(() => {
    disposed = true;
    window.removeEventListener("resize", onResize);
    chart?.destroy();
  });
  return <div class="dash-chart" role="img" aria-label={props.label} data-testid="trend-chart" ref={box} />;
}
