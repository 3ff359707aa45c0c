import { DescribeTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";

export interface HealthReport {
  status: "ok" | "degraded";
  dynamodb: { reachable: boolean; table: string; tableStatus?: string; latencyMs: number; error?: string };
  checkedAt: string;
}

/** Reachability of the table, measured, never thrown: /health must answer even when the DB is down. */
export async function checkHealth(client: DynamoDBClient, tableName: string, now = () => Date.now()): Promise<HealthReport> {
  const started = now();
  try {
    const out = await client.send(new DescribeTableCommand({ TableName: tableName }), { abortSignal: AbortSignal.timeout(3000) });
    return {
      status: "ok",
      dynamodb: { reachable: true, table: tableName, tableStatus: out.Table?.TableStatus, latencyMs: now() - started },
      checkedAt: new Date(started).toISOString(),
    };
  } catch (err) {
    return {
      status: "degraded",
      dynamodb: { reachable: false, table: tableName, latencyMs: now() - started, error: (err as Error).name },
      checkedAt: new Date(started).toISOString(),
    };
  }
}
