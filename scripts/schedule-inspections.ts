/**
 * Runs the daily inspection-schedule job once, from the command line, against
 * the DynamoDB the environment names (DYNAMODB_ENDPOINT / TABLE_NAME, as the
 * local stack sets them).
 *
 *   tsx scripts/schedule-inspections.ts [--at 2026-11-23T08:00:00+08:00] [--tenant <id> [--tz Asia/Shanghai]]
 */
import { Inspections } from "@firegov/core";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const at = arg("at");
const now = at ? new Date(at) : new Date();
if (Number.isNaN(now.getTime())) {
  console.error(`不是有效的时间 / not an instant: ${at}`);
  process.exit(2);
}
const tenant = arg("tenant");
const stats = tenant ? { tenants: 1, ...(await Inspections.scheduleTenant(tenant, arg("tz") ?? "Asia/Shanghai", now)) } : await Inspections.scheduleAll(now);
console.log(JSON.stringify({ job: "inspection-schedule", at: now.toISOString(), ...stats }));
