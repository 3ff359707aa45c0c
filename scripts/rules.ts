// `npm run rules`: the rule coverage report. For each built-in profile, every
// rule, the clause it cites, the code that applies it or "data only" with the
// reason, and the behaviour tests that name the clause. Exits non-zero when a
// rule is read by no code without a stated reason.
import { Profiles } from "@firegov/core";
import { presets } from "@firegov/profiles";
import { testFiles, testsNaming } from "./lib/rule-tests.ts";

const files = testFiles();
const wantJson = process.argv.includes("--json");
const only = process.argv.slice(2).find((a) => !a.startsWith("--"));

const report = Object.values(presets)
  .filter((p) => only === undefined || p.id === only)
  .map((profile) => ({
    profile: profile.id,
    name: profile.name.zh,
    rules: Profiles.ruleCoverage(profile).map((row) => ({ ...row, tests: row.clause && row.clause.startsWith(`${profile.id} `) ? testsNaming(files, row.clause) : [] })),
  }));

if (wantJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  for (const { profile, name, rules } of report) {
    console.log(`\n## ${profile} ${name}: ${rules.length} rules`);
    for (const r of rules) {
      const gaps = r.section === "platforms" ? Profiles.platformSupport(r.rule as { functions: string[] }).missing.map((m) => m.fn) : [];
      const by = (r.dataOnly ? `data only: ${r.does.zh} (${r.does.en})` : `${r.code}`) + (gaps.length ? ` (missing: ${gaps.join(", ")})` : "");
      const tests = r.clause === null ? "marked default" : !r.clause.startsWith(`${profile} `) ? "national norm" : r.tests.length ? `${r.tests.length} test file(s)` : "no behaviour test names the clause";
      console.log(`${(r.clause ?? "—").padEnd(20)} ${r.path.padEnd(58)} ${by} · ${tests}`);
    }
  }
  const all = report.flatMap((p) => p.rules.map((r) => ({ ...r, profile: p.profile })));
  const dataOnly = all.filter((r) => r.dataOnly);
  // National norms (消防法, GB …) are cited by checklist items; the behaviour tests name the county clauses.
  const county = (clause: string | null) => clause !== null && clause.split(" ")[0]! in presets;
  const untested = all.filter((r) => !r.dataOnly && county(r.clause) && r.tests.length === 0);
  console.log(`\n${all.length} rules in ${report.length} profiles: ${all.length - dataOnly.length} applied by code, ${dataOnly.length} data only`);
  for (const r of dataOnly) console.log(`  data only: ${r.profile} ${r.path} (${r.clause ?? "marked default"}): ${r.does.en}`);
  const clauses = new Set(untested.map((r) => `${r.clause}`));
  console.log(`${clauses.size} applied clause(s) no behaviour test names${clauses.size ? `: ${[...clauses].join(", ")}` : ""}`);
}
