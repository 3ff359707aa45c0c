import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import { useTenant, withActor } from "../context/actor.ts";
import { documentClient } from "../db/document-client.ts";
import { tenantDb } from "../db/tenant-db.ts";
import type { Job } from "../jobs/index.ts";

// Tasks written before the due-ordered indexes (byArea, byDue) sat in one
// gsi1 list per state (`T#<tenant>#TASKS#<state>`). Written again, each gets
// the new index keys; a rewritten task no longer answers the old key, so the
// upkeep is idempotent and ends by itself.

const JOB = "inspection-task-reindex";
const STATES = ["open", "done"] as const;

/** Rewrites the tenant's tasks that still carry the old list key; how many it rewrote. */
export async function reindexTasks(): Promise<number> {
  const tenantId = useTenant();
  const db = tenantDb();
  const { inspectionTask } = db.service.entities;
  let rewritten = 0;
  for (const state of STATES) {
    let start: Record<string, unknown> | undefined;
    do {
      const out = await documentClient(db.client).send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: "gsi1",
          KeyConditionExpression: "#pk = :pk",
          ExpressionAttributeNames: { "#pk": "gsi1pk" },
          ExpressionAttributeValues: { ":pk": `T#${tenantId}#TASKS#${state}` },
          ExclusiveStartKey: start,
          Limit: 100,
        }),
      );
      for (const task of inspectionTask.parse({ Items: out.Items ?? [] }).data) {
        // Conditioned on the state read: a task settled meanwhile keeps its newer state (and its new keys).
        await inspectionTask
          .put(task)
          .where((a, op) => op.eq(a.state, task.state))
          .go()
          .then(() => (rewritten += 1))
          .catch((err: unknown) => {
            if ((err as { cause?: { name?: string } }).cause?.name !== "ConditionalCheckFailedException") throw err;
          });
      }
      start = out.LastEvaluatedKey;
    } while (start);
  }
  return rewritten;
}

/** The daily upkeep over every tenant (a no-op once every task carries the new keys). */
export const taskReindexJob: Job = {
  name: JOB,
  cadence: "daily",
  forTenant: (t) => withActor({ type: "system", tenantId: t.tenantId, job: JOB }, async () => ({ rewritten: await reindexTasks() })),
};
