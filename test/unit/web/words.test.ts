import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import * as i18n from "@solid-primitives/i18n";
import { describe, expect, it } from "vitest";
import { policy } from "@firegov/core/browser";
import { importsOf } from "../../../scripts/lib/import-rules.ts";
import { AREAS, type Area } from "../../../web/src/i18n/words.ts";

// The web loads its words by area: core with the app, an area's with the
// route that names it in app.tsx (`withWords([...], import(page))`). A page
// whose words are in an area its route does not name would show blanks.
const src = resolve(import.meta.dirname, "../../../web/src");
const read = (file: string) => readFileSync(join(src, file), "utf8");

/** Every key of one locale, with the area that brings it. */
async function keysByArea(locale: "zh" | "en"): Promise<Map<string, Area>> {
  const keys = new Map<string, Area>();
  for (const area of AREAS) {
    const part = (await import(`../../../web/src/i18n/${locale}/${area}.ts`)).default as Record<string, Record<string, unknown>>;
    for (const [key, value] of Object.entries(i18n.flatten(part))) if (typeof value === "string") keys.set(key, area);
  }
  return keys;
}

/** The web files a file reaches through relative imports (or static ones only), itself included, the dictionaries left out. */
function reach(file: string, dynamic: boolean, seen = new Set<string>()): Set<string> {
  if (seen.has(file) || file.startsWith("i18n/")) return seen;
  seen.add(file);
  const text = read(file);
  const lazy = new Set([...text.matchAll(/import\(\s*["']([^"']+)["']/g)].map((m) => m[1]));
  for (const spec of importsOf(text)) {
    if (!spec.startsWith(".") || (!dynamic && lazy.has(spec))) continue;
    const next = relative(src, resolve(src, dirname(file), spec));
    if (existsSync(join(src, next))) reach(next, dynamic, seen);
  }
  return seen;
}

const actions = new Set(Object.keys(policy)); // "inbox.read" is an action to `can` and a word

/** The areas whose keys these files name: whole keys in quotes, or the head of a template key (`importer.kind.${k}`); access actions aside. */
function areasNamed(files: Iterable<string>, keys: Map<string, Area>): Map<Area, string> {
  const named = new Map<Area, string>();
  for (const file of files) {
    for (const m of read(file).matchAll(/["'`]([a-zA-Z]+\.[\w.]+)(["'`]|\.?\$\{)/g)) {
      const literal = m[1]!;
      if (actions.has(literal)) continue;
      const area = m[2] === '"' || m[2] === "'" || m[2] === "`" ? keys.get(literal) : [...keys].find(([k]) => k.startsWith(literal.replace(/\.?$/, ".")))?.[1];
      if (area && !named.has(area)) named.set(area, `${file}: ${literal}`);
    }
  }
  return named;
}

const app = read("app.tsx");
const routes = [...app.matchAll(/lazy\(\(\) => (?:withWords\(\[([^\]]*)\], )?import\("\.\/(pages\/[^"]+)"\)/g)].map((m) => ({
  page: m[2]!,
  areas: new Set<Area>(["core", ...((m[1] ?? "").match(/\w+/g) ?? [])] as Area[]),
}));

describe("the web's words by area", () => {
  it("finds every page of app.tsx", () => {
    expect(routes.length).toBe([...app.matchAll(/lazy\(/g)].length);
  });

  it("the app's frame (layout, session, sign-in) uses only core's words", async () => {
    const keys = await keysByArea("zh");
    const frame = reach("app.tsx", false);
    expect([...areasNamed(frame, keys)].filter(([area]) => area !== "core")).toEqual([]);
  });

  it("each route names the areas of every word its page and the page's imports use", async () => {
    const keys = await keysByArea("zh");
    const missing = routes.flatMap(({ page, areas }) => [...areasNamed(reach(page, true), keys)].filter(([area]) => !areas.has(area)).map(([area, where]) => `${page} needs ${area} (${where})`));
    expect(missing).toEqual([]);
  });

  it("zh-CN and en have the same keys in the same areas", async () => {
    expect([...(await keysByArea("en"))].sort()).toEqual([...(await keysByArea("zh"))].sort().map(([k, a]) => [k, a]));
  });
});
