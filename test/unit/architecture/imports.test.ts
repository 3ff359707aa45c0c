import { describe, expect, it } from "vitest";
import { trackedSources } from "../../../scripts/check-imports.ts";
import { checkImports, importsOf } from "../../../scripts/lib/import-rules.ts";

const tree = trackedSources();
const withFile = (file: string, source: string) => new Map([...tree, [file, source]]);

describe("the house's import rules", () => {
  it("hold on the tree: every domain through its front door, kernels import no domain, no cycle", () => {
    expect(checkImports(tree).map((v) => v.message)).toEqual([]);
  });

  it("fail on a planted deep import across domains", () => {
    const planted = withFile("packages/core/src/hazards/planted.ts", 'import { loadVenueItem } from "../venues/store.ts";\nexport const x = loadVenueItem;\n');
    expect(checkImports(planted)).toContainEqual(expect.objectContaining({ rule: "deep-import", file: "packages/core/src/hazards/planted.ts", target: "venues/store.ts" }));
  });

  it("fail on a planted cycle between domains, even through front doors", () => {
    // venues is below inspections (inspections imports venues); a venues file importing inspections closes a loop.
    const planted = withFile("packages/core/src/venues/planted.ts", 'import type { TaskView } from "../inspections/index.ts";\nexport type T = TaskView;\n');
    const found = checkImports(planted).filter((v) => v.rule === "cycle");
    expect(found.map((v) => v.message).join("\n")).toMatch(/venues.*inspections|inspections.*venues/);
  });

  it("fail when a kernel imports a domain", () => {
    const planted = withFile("packages/core/src/db/planted.ts", 'import { Hazards } from "../hazards/index.ts";\nexport const h = Hazards;\n');
    expect(checkImports(planted)).toContainEqual(expect.objectContaining({ rule: "kernel-imports-domain" }));
  });

  it("fail when the web or the API reach into core's inner files", () => {
    const planted = withFile("functions/api/routes/planted.ts", 'import { plain } from "@firegov/core/db/plain";\n');
    expect(checkImports(planted)).toContainEqual(expect.objectContaining({ rule: "core-deep-path", file: "functions/api/routes/planted.ts" }));
  });

  it("read multi-line, type-only, re-export and dynamic imports", () => {
    const source = 'import {\n  a,\n  b,\n} from "./a.ts";\nimport type { C } from "../c/index.ts";\nexport { d } from "./d.ts";\nconst e = await import("./e.ts");\n// import { no } from "./commented.ts";\n';
    expect(importsOf(source)).toEqual(["./a.ts", "../c/index.ts", "./d.ts", "./e.ts"]);
  });
});
