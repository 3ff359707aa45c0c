// What the inspection e2e suites share: which categories the daily job makes tasks of, and running that job.
import { spawn } from "node:child_process";
import { join } from "node:path";
import type { PolicyProfile } from "@firegov/core/contract";
import { repoRoot, type RunningStack } from "./local-stack.ts";

/**
 * Categories with a coverage period and a checklist, each with the level
 * whose staff answer for it: what the daily job turns into tasks on that
 * level's list. Found in the profile, never by the county's name.
 */
export function coveredCategories(profile: PolicyProfile): Map<string, string> {
  const levelOfRole = (roleId: string) => profile.bodies.find((b) => b.id === profile.roles.find((r) => r.id === roleId)?.body)?.level;
  const out = new Map<string, string>();
  for (const c of profile.inspectionCategories) {
    const level = levelOfRole(c.responsibleRole);
    if (c.coveragePeriod && c.checklist.length > 0 && level && profile.levels.some((l) => l.id === level)) out.set(c.id, level);
  }
  return out;
}

/** The daily job for one tenant, as the scheduler runs it, against the stack's DynamoDB. */
export function scheduleInspections(stack: RunningStack, tenantId: string, at: Date): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(join(repoRoot, "node_modules/.bin/tsx"), ["scripts/schedule-inspections.ts", "--tenant", tenantId, "--tz", "Asia/Shanghai", "--at", at.toISOString()], {
      cwd: repoRoot,
      env: { ...process.env, DYNAMODB_ENDPOINT: `http://127.0.0.1:${stack.dynamoPort}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.once("exit", (code) => (code === 0 ? done(out) : fail(new Error(`schedule-inspections exited ${code}:\n${out}`))));
  });
}
