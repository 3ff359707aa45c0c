import type { Reporter, TestModule } from "vitest/node";

// CI reads a plain closing line; vitest's own summary is not one it knows.
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      // A file that failed outside its tests (an import, a beforeAll) counts as one failure.
      const anyTestFailed = [...mod.children.allTests()].some((t) => t.result().state === "failed");
      if (mod.state() === "failed" && !anyTestFailed) failed++;
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
