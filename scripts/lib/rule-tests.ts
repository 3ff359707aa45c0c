import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

// Which test files show a clause's behaviour: a test title that names the
// clause (`demo 三(七)`), or, in a file or describe block that names the
// county, a title that names the clause (`三(七): …`). The presets'
// own data tests (test/unit/profile/presets/) show data, not behaviour, and
// do not count.

const TITLE = /\b(?:it|test|describe)(?:\.each\([^)]*\))?\(\s*(["'`])((?:\\.|(?!\1).)*)\1/g;
const DATA_TESTS = "test/unit/profile/presets/";

export interface TestFile {
  path: string;
  titles: string[];
}

function walk(dir: string, out: string[]) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
}

export function testFiles(root = process.cwd()): TestFile[] {
  const paths: string[] = [];
  walk(join(root, "test"), paths);
  return paths
    .map((full) => ({ path: relative(root, full), titles: [...readFileSync(full, "utf8").matchAll(TITLE)].map((m) => m[2]!) }))
    .filter((f) => !f.path.startsWith(DATA_TESTS));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A clause is named as a whole word: `三(二)` is not named by `三(二)1`, nor
 * `一` by `一级`; `(十三)` is named by `(七)/(十三): …`.
 */
const names = (title: string, text: string) => new RegExp(`(?:^|[\\s/（(、,，])${escape(text)}(?=$|[\\s:：/,，、)）—])`).test(title);

/** The test files whose titles name `profileId clause` (see the header). */
export function testsNaming(files: readonly TestFile[], sourceRef: string): string[] {
  const [profileId, clause] = [sourceRef.slice(0, sourceRef.indexOf(" ")), sourceRef.slice(sourceRef.indexOf(" ") + 1)];
  return files
    .filter((f) => {
      if (f.titles.some((t) => names(t, sourceRef))) return true;
      const aboutCounty = f.path.includes(profileId) || f.titles.some((t) => t.toLowerCase().startsWith(profileId));
      return aboutCounty && f.titles.some((t) => names(t, clause));
    })
    .map((f) => f.path);
}
