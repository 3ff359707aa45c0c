/**
 * The words come in parts, one per locale and area (./zh/*.ts, ./en/*.ts),
 * each its own chunk: zh-CN's core comes with the app; every other part is
 * loaded when first needed: an area's with its route's chunk (`withWords` in
 * app.tsx), the other language's when the user chooses it.
 */
import { createSignal } from "solid-js";
import zhCore from "./zh/core.ts";
import type Account from "./zh/account.ts";
import type Audit from "./zh/audit.ts";
import type Hazards from "./zh/hazards.ts";
import type Inspections from "./zh/inspections.ts";
import type Organisation from "./zh/organisation.ts";
import type Profile from "./zh/profile.ts";
import type SelfCheck from "./zh/selfcheck.ts";
import type Tip from "./zh/tip.ts";
import type Users from "./zh/users.ts";
import type SpotChecks from "./zh/spotchecks.ts";
import type Campaigns from "./zh/campaigns.ts";
import type Assessment from "./zh/assessment.ts";
import type Reports from "./zh/reports.ts";
import type OneMap from "./zh/map.ts";
import type Dashboard from "./zh/dashboard.ts";
import type Incidents from "./zh/incidents.ts";
import type HomeVisits from "./zh/homevisits.ts";
import type Resources from "./zh/resources.ts";
import type Notify from "./zh/notify.ts";
import type Warnings from "./zh/warnings.ts";
import type IotWords from "./zh/iot.ts";
import type Open311 from "./zh/open311.ts";
import type Shell from "./zh/shell.ts";
import type Health from "./zh/health.ts";

export type Locale = "zh-CN" | "en";
export const AREAS = ["core", "account", "users", "audit", "profile", "organisation", "hazards", "tip", "inspections", "spotchecks", "campaigns", "assessment", "selfcheck", "reports", "map", "dashboard", "incidents", "homevisits", "resources", "notify", "warnings", "iot", "open311", "shell", "health"] as const;
export type Area = (typeof AREAS)[number];

/** All the words of a locale, as pages name them. */
export type Dict = typeof zhCore & typeof Account & typeof Users & typeof Audit & typeof Profile & typeof Organisation & typeof Hazards & typeof Tip & typeof Inspections & typeof SpotChecks & typeof Campaigns & typeof Assessment & typeof SelfCheck & typeof Reports & typeof OneMap & typeof Dashboard & typeof Incidents & typeof HomeVisits & typeof Resources & typeof Notify & typeof Warnings & typeof IotWords & typeof Open311 & typeof Shell & typeof Health;
type Part = Record<string, Record<string, unknown>>;

const folder: Record<Locale, string> = { "zh-CN": "zh", en: "en" };
const files = import.meta.glob<Part>(["./zh/*.ts", "./en/*.ts", "!./zh/core.ts"], { import: "default" });
const part = (locale: Locale, area: Area): Promise<Part> => (locale === "zh-CN" && area === "core" ? Promise.resolve(zhCore) : files[`./${folder[locale]}/${area}.ts`]!());

// The words loaded so far, per locale. A part may add keys to a namespace another began (core holds each area's `nav`).
const [zhWords, setZhWords] = createSignal<Part>(zhCore);
const [enWords, setEnWords] = createSignal<Part>({});
const store = { "zh-CN": [zhWords, setZhWords], en: [enWords, setEnWords] } as const;
const loaded = new Set<string>(["zh-CN/core"]);
const loading = new Map<string, Promise<void>>();
/** The areas asked for so far: a change of language loads them all before it shows. */
export const wanted = new Set<Area>(["core"]);
/** The locale shown (the provider keeps it): the one a route's words are loaded in. */
export const shown = { locale: "zh-CN" as Locale };

/** The words of a locale loaded so far (reactive). */
export const wordsOf = (locale: Locale): Dict => store[locale][0]() as Dict;

export const hasWords = (locale: Locale, areas: Iterable<Area>) => [...areas].every((area) => loaded.has(`${locale}/${area}`));

/** Loads the words of these areas in this locale, each part once. */
export function loadWords(locale: Locale, areas: Iterable<Area>): Promise<void> {
  const pending = [...areas].map((area) => {
    const key = `${locale}/${area}`;
    let load = loading.get(key);
    if (!load && !loaded.has(key)) {
      load = part(locale, area).then((words) => {
        store[locale][1]((all) => ({ ...all, ...Object.fromEntries(Object.entries(words).map(([ns, entries]) => [ns, { ...all[ns], ...entries }])) }));
        loaded.add(key);
      });
      loading.set(key, load);
      load.then(() => loading.delete(key), () => loading.delete(key)); // failed: the next call tries again
    }
    return load;
  });
  return Promise.all(pending).then(() => undefined);
}

/** A route's module and its areas' words in the language shown, fetched side by side: `lazy(() => withWords(["hazards"], import("./pages/hazards/index.tsx")))`. */
export async function withWords<T>(areas: readonly Area[], module: Promise<T>): Promise<T> {
  for (const area of areas) wanted.add(area);
  const [loadedModule] = await Promise.all([module, loadWords(shown.locale, areas)]);
  while (!hasWords(shown.locale, areas)) await loadWords(shown.locale, areas); // the language changed meanwhile
  return loadedModule;
}
