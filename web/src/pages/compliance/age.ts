/**
 * How old the roll-up's counts are, as a reader says it: 刚刚 / N 分钟前 / N 小时前 / N 天前.
 * The newest town decides, as on the server: that is when the roll-up was last recomputed.
 */
export type Age = { unit: "now" | "minutes" | "hours" | "days"; count: number };

export function ageOf(evaluatedAt: readonly string[], now: number): Age | undefined {
  const times = evaluatedAt.map((at) => Date.parse(at)).filter((t) => !Number.isNaN(t));
  if (times.length === 0) return undefined;
  const minutes = Math.max(0, Math.floor((now - Math.max(...times)) / 60_000));
  if (minutes < 1) return { unit: "now", count: 0 };
  if (minutes < 60) return { unit: "minutes", count: minutes };
  if (minutes < 48 * 60) return { unit: "hours", count: Math.floor(minutes / 60) };
  return { unit: "days", count: Math.floor(minutes / (24 * 60)) };
}
