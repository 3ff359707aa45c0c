// `npm run check:imports`: the house's import rules (scripts/lib/import-rules.ts) over the tracked sources.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { checkImports } from "./lib/import-rules.ts";

export function trackedSources(root = process.cwd()): Map<string, string> {
  const listed = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "packages", "functions", "web/src", "scripts", "infra"], { cwd: root, encoding: "utf8" });
  const files = new Map<string, string>();
  for (const file of listed.split("\n")) {
    if (/\.(ts|tsx)$/.test(file) && !file.includes("node_modules")) {
      try {
        files.set(file, readFileSync(`${root}/${file}`, "utf8"));
      } catch {
        // deleted in the work tree but still in the index
      }
    }
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const violations = checkImports(trackedSources());
  for (const v of violations) console.log(`${v.rule}: ${v.message}`);
  console.log(violations.length ? `${violations.length} import rule violation(s)` : "imports: every domain through its front door, no cycles");
  process.exit(violations.length ? 1 : 0);
}
