import type { PolicyProfile } from "./schema.ts";

// Structured diff of two profiles. List elements are matched by `id`, so a
// reordered list is no change and a change names the rule it touched.
// Paths name matched elements by id: `$.levels[id=town].name.zh`.

export type ProfileChange = {
  kind: "added" | "removed" | "changed";
  path: string;
  /** id of the innermost list element (rule) the change is in. */
  ruleId?: string;
  /** The name that rule gives itself, when it has one: the diff reads by names, not ids. */
  ruleName?: { zh: string; en: string };
  before?: unknown;
  after?: unknown;
  /** Citation of the innermost rule on each side; null marks a default without source. */
  sourceRefBefore?: string | null;
  sourceRefAfter?: string | null;
};

type Context = { ruleId?: string; ruleName?: { zh: string; en: string }; sourceRefBefore?: string | null; sourceRefAfter?: string | null };

export function diffProfiles(before: PolicyProfile, after: PolicyProfile): ProfileChange[] {
  const changes: ProfileChange[] = [];
  compare(before, after, "$", {}, changes);
  return changes;
}

function compare(before: unknown, after: unknown, path: string, context: Context, changes: ProfileChange[]): void {
  if (isKeyedList(before) && isKeyedList(after)) return compareLists(before, after, path, context, changes);
  // A period ({ every, unit }) is one value: "monthly → every 2 months", not two half-changes.
  if (isRecord(before) && isRecord(after) && !(isPeriod(before) && isPeriod(after))) {
    const inner = cite(context, before, after);
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const at = `${path}.${key}`;
      if (!(key in before)) changes.push({ kind: "added", path: at, after: after[key], ...inner });
      else if (!(key in after)) changes.push({ kind: "removed", path: at, before: before[key], ...inner });
      else compare(before[key], after[key], at, inner, changes);
    }
    return;
  }
  if (!sameValue(before, after)) changes.push({ kind: "changed", path, before, after, ...context });
}

function compareLists(before: Keyed[], after: Keyed[], path: string, context: Context, changes: ProfileChange[]): void {
  const afterById = new Map(after.map((element) => [element.id, element]));
  const beforeIds = new Set(before.map((element) => element.id));
  for (const element of before) {
    const at = `${path}[id=${element.id}]`;
    const match = afterById.get(element.id);
    const inner = { ...context, ...ruleOf(element) };
    if (match) compare(element, match, at, inner, changes);
    else changes.push({ kind: "removed", path: at, before: element, ...cite(inner, element, undefined) });
  }
  for (const element of after) {
    if (beforeIds.has(element.id)) continue;
    const inner = { ...context, ...ruleOf(element) };
    changes.push({ kind: "added", path: `${path}[id=${element.id}]`, after: element, ...cite(inner, undefined, element) });
  }
}

/** Inside a rule, changes carry that rule's citation on each side. */
function cite(context: Context, before: unknown, after: unknown): Context {
  const next = { ...context };
  if (isRecord(before) && "sourceRef" in before) next.sourceRefBefore = before.sourceRef as string | null;
  if (isRecord(after) && "sourceRef" in after) next.sourceRefAfter = after.sourceRef as string | null;
  return next;
}

/** The id and, when it is bilingual, the name of a list element. */
function ruleOf(element: Keyed): Context {
  const name = element.name;
  return isRecord(name) && typeof name.zh === "string" && typeof name.en === "string" ? { ruleId: element.id, ruleName: { zh: name.zh, en: name.en } } : { ruleId: element.id };
}

function isPeriod(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof value.every === "number" && typeof value.unit === "string";
}

type Keyed = Record<string, unknown> & { id: string };

function isKeyedList(value: unknown): value is Keyed[] {
  return Array.isArray(value) && value.every((element) => idOf(element) !== undefined);
}

function idOf(value: unknown): string | undefined {
  return isRecord(value) && typeof value.id === "string" ? value.id : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep equality that ignores the order of object keys (unkeyed lists keep their order). */
function sameValue(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown) =>
    JSON.stringify(value, (_key, inner: unknown) => (isRecord(inner) ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : 1))) : inner));
  return canonical(a) === canonical(b);
}

// ── Rendering ──────────────────────────────────────────────────────────────

const VERBS = {
  added: { zh: "新增", en: "added" },
  removed: { zh: "删除", en: "removed" },
  changed: { zh: "修改", en: "changed" },
} as const;

/** One readable line per language, with the clauses cited on each side. */
export function describeChange(change: ProfileChange): { zh: string; en: string } {
  const line = (lang: "zh" | "en") => {
    const value =
      change.kind === "changed" ? `${show(change.before, lang)} → ${show(change.after, lang)}` : show(change.before ?? change.after, lang);
    const source = citation(change, lang);
    return lang === "zh"
      ? `${VERBS[change.kind].zh} ${change.path}：${value}${source ? `（依据：${source}）` : ""}`
      : `${VERBS[change.kind].en} ${change.path}: ${value}${source ? ` (source: ${source})` : ""}`;
  };
  return { zh: line("zh"), en: line("en") };
}

function citation(change: ProfileChange, lang: "zh" | "en"): string {
  const name = (ref: string | null | undefined) => (ref === null ? (lang === "zh" ? "默认值，无出处" : "default, no source") : ref);
  const before = "sourceRefBefore" in change ? name(change.sourceRefBefore) : undefined;
  const after = "sourceRefAfter" in change ? name(change.sourceRefAfter) : undefined;
  if (before !== undefined && after !== undefined && before !== after) return `${before} → ${after}`;
  return after ?? before ?? "";
}

const MAX_SHOWN = 120;

/** A rule shows as its id and name; anything else as compact JSON. */
function show(value: unknown, lang: "zh" | "en"): string {
  const name = isRecord(value) && isRecord(value.name) ? value.name[lang] : undefined;
  if (isRecord(value) && typeof value.id === "string") {
    if (typeof name !== "string") return value.id;
    return lang === "zh" ? `${value.id}（${name}）` : `${value.id} (${name})`;
  }
  const json = JSON.stringify(value) ?? "undefined";
  return json.length > MAX_SHOWN ? `${json.slice(0, MAX_SHOWN - 1)}…` : json;
}
