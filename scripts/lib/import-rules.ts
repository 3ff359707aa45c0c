/**
 * The house's import rules, checked over source text (no build needed):
 *
 * 1. Inside packages/core/src, a domain is used through its front door: a
 *    file of one domain imports another domain only by its `index.ts`.
 * 2. The kernels (errors, context, access, db, files, jobs, health,
 *    use-case) import no domain: arrows run one way, from the domains down.
 * 3. No cycle between modules (domains and kernels), type imports included.
 * 4. Outside core, code imports core by its root (`@firegov/core`) or a
 *    domain's front door (`@firegov/core/<domain>/index`); the web only by
 *    its two browser-safe doors (`@firegov/core/browser` for values,
 *    `@firegov/core/contract` for types). Tests may reach inner modules.
 *
 * The top-level entry files of core (index.ts and the browser doors) compose
 * the domains and are exempt from 1.
 */
export const KERNELS = new Set(["errors", "context", "access", "db", "files", "jobs", "health", "use-case.ts"]);
const ENTRIES = new Set(["index.ts", "browser.ts", "contract.ts"]);
const CORE = "packages/core/src/";
const OPEN_DOORS = new Set(["@firegov/core", "@firegov/core/browser", "@firegov/core/contract"]);

export interface Violation {
  file: string;
  target: string;
  rule: "deep-import" | "kernel-imports-domain" | "cycle" | "core-deep-path";
  message: string;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*\s{},$]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** The module specifiers a file imports or re-exports (static and dynamic). */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  const text = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  for (const m of text.matchAll(IMPORT)) found.push((m[1] ?? m[2])!);
  return found;
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

const dirname = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");

/** The module of a core file: its top folder, or the file itself at the top. */
const moduleOf = (coreRelative: string) => coreRelative.split("/")[0]!;

/** Checks every file given (repo-relative path → source text). */
export function checkImports(files: ReadonlyMap<string, string>): Violation[] {
  const violations: Violation[] = [];
  const edges = new Map<string, Map<string, string>>(); // module → module → one file that makes the edge
  for (const [file, source] of files) {
    const inCore = file.startsWith(CORE);
    for (const spec of importsOf(source)) {
      if (spec.startsWith("@firegov/core")) {
        const fromWeb = file.startsWith("web/");
        // A domain's front door by path (`@firegov/core/profile/index`) keeps a package from loading all of core.
        const frontDoor = /^@firegov\/core\/[\w-]+\/index$/.test(spec);
        const allowed = spec === "@firegov/core" || (fromWeb ? OPEN_DOORS.has(spec) : frontDoor);
        if (!allowed && !file.startsWith("test/") && !inCore) violations.push({ file, target: spec, rule: "core-deep-path", message: `${file} imports ${spec}: use @firegov/core${fromWeb ? " (or /browser, /contract)" : ""}` });
        continue;
      }
      if (!inCore || !spec.startsWith(".")) continue;
      const own = file.slice(CORE.length);
      const target = normalise(`${dirname(own)}/${spec}`);
      const from = moduleOf(own);
      const to = moduleOf(target);
      if (from === to || ENTRIES.has(from)) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, file);
      const fromKernel = KERNELS.has(from);
      const toKernel = KERNELS.has(to);
      if (fromKernel && !toKernel && !ENTRIES.has(to)) violations.push({ file, target, rule: "kernel-imports-domain", message: `kernel ${from} imports domain ${to} (${file} → ${target})` });
      if (!toKernel && target !== `${to}/index.ts`) violations.push({ file, target, rule: "deep-import", message: `${file} reaches into ${target}: import ${to}/index.ts` });
    }
  }
  for (const cycle of cycles(edges)) {
    const [a, b] = [cycle[0]!, cycle[1] ?? cycle[0]!];
    violations.push({ file: edges.get(a)!.get(b)!, target: b, rule: "cycle", message: `modules import each other: ${[...cycle, cycle[0]].join(" → ")}` });
  }
  return violations;
}

/** The strongly connected groups of more than one module (Tarjan), each as a path through the group. */
function cycles(edges: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(pathThrough(group, edges));
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return groups;
}

/** A closed walk through a group, for a message a reader can follow. */
function pathThrough(group: string[], edges: Map<string, Map<string, string>>): string[] {
  const members = new Set(group);
  const path = [group[0]!];
  while (path.length < group.length) {
    const nextHop = [...(edges.get(path.at(-1)!)?.keys() ?? [])].find((w) => members.has(w) && !path.includes(w));
    if (!nextHop) break;
    path.push(nextHop);
  }
  return path;
}
