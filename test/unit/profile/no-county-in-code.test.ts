import { describe, it, expect } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

// Counties differ only in profile data (design.md rule 2): their names may
// appear in the preset files and their tests, nowhere else in code.

const root = fileURLToPath(new URL("../../../", import.meta.url));
const counties = ["qidong", "lianyungang", "yancheng", "zezhou", "songjiang", "启东", "连云港", "盐城", "泽州", "松江"];
const skipped = new Set(["node_modules", "dist", "cdk.out"]);
const presetsDir = join(root, "packages/profiles/src/presets");

function codeRoots(): string[] {
  const packageSources = readdirSync(join(root, "packages")).map((name) => join(root, "packages", name, "src"));
  return [...packageSources, ...["functions", "web/src", "infra", "scripts"].map((dir) => join(root, dir))].filter(existsSync);
}

function filesUnder(dir: string): string[] {
  if (dir === presetsDir) return [];
  return readdirSync(dir).flatMap((name) => {
    if (skipped.has(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("code outside the presets", () => {
  const files = codeRoots().flatMap(filesUnder);

  it("includes the profile domain itself", () => {
    expect(files.map((file) => relative(root, file))).toContain("packages/core/src/profile/schema.ts");
  });

  it("names no county", () => {
    const hits = files.flatMap((file) => {
      const text = readFileSync(file, "utf8").toLowerCase();
      return counties.filter((county) => text.includes(county)).map((county) => `${relative(root, file)}: ${county}`);
    });
    expect(hits).toEqual([]);
  });
});
