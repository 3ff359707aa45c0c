import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { useTenant } from "../context/actor.ts";
import { TENANT_KEY_PREFIX } from "./keys.ts";
import { tableDefinition } from "./table.ts";

/**
 * The first wall, in code: every request a tenant's client sends must touch
 * only keys led by the tenant in context (`T#<tenant>` or `T#<tenant>#…`),
 * whatever key a caller built. It mirrors the IAM LeadingKeys condition of
 * the second wall, so a key built for another tenant fails here, locally and
 * in tests, before it could fail (or, without that wall, succeed) in AWS.
 */
export class TenantKeyError extends Error {
  override readonly name = "TenantKeyError";
}

const partitionKeys: ReadonlySet<string> = new Set([tableDefinition.partitionKey, ...tableDefinition.globalIndexes.map((g) => g.partitionKey)]);

type Attr = string | { S?: string } | undefined;
type KeyMap = Record<string, Attr> | undefined;

const text = (value: Attr): string | undefined => (typeof value === "string" ? value : value?.S);

function owned(tenantId: string, key: string | undefined): boolean {
  const own = `${TENANT_KEY_PREFIX}${tenantId}`;
  return key === own || (key?.startsWith(`${own}#`) ?? false);
}

/** The partition key values a DynamoDB request addresses (table key of items and keys; the key condition of a query). */
export function partitionKeysOf(command: string, input: Record<string, unknown>): (string | undefined)[] {
  const tableKey = (item: KeyMap) => text(item?.[tableDefinition.partitionKey]);
  switch (command) {
    case "GetItemCommand":
    case "DeleteItemCommand":
    case "UpdateItemCommand":
      return [tableKey(input.Key as KeyMap)];
    case "PutItemCommand":
      return [tableKey(input.Item as KeyMap)];
    case "QueryCommand":
      return [queryPartition(input)];
    case "BatchGetItemCommand":
      return Object.values((input.RequestItems ?? {}) as Record<string, { Keys: KeyMap[] }>).flatMap((r) => r.Keys.map(tableKey));
    case "BatchWriteItemCommand":
      return Object.values((input.RequestItems ?? {}) as Record<string, { PutRequest?: { Item: KeyMap }; DeleteRequest?: { Key: KeyMap } }[]>).flatMap((reqs) =>
        reqs.map((r) => tableKey(r.PutRequest?.Item ?? r.DeleteRequest?.Key)),
      );
    case "TransactWriteItemsCommand":
      return ((input.TransactItems ?? []) as Record<string, { Key?: KeyMap; Item?: KeyMap }>[]).map((t) => {
        const op = t.Put ?? t.Update ?? t.Delete ?? t.ConditionCheck;
        return tableKey(op?.Item ?? op?.Key);
      });
    case "TransactGetItemsCommand":
      return ((input.TransactItems ?? []) as { Get?: { Key: KeyMap } }[]).map((t) => tableKey(t.Get?.Key));
    default:
      // Scan and anything else that is not addressed by partition: never for a tenant.
      return [undefined];
  }
}

/** The partition key value in a Query's key condition (`#pk = :pk …`). */
function queryPartition(input: Record<string, unknown>): string | undefined {
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, Attr>;
  for (const m of String(input.KeyConditionExpression ?? "").matchAll(/(#?[\w]+)\s*=\s*(:[\w]+)/g)) {
    const attr = names[m[1]!] ?? m[1]!;
    if (partitionKeys.has(attr)) return text(values[m[2]!]);
  }
  return undefined;
}

/** Adds the guard to a client: a request for keys outside the context's tenant throws before it is sent. */
export function guardTenantKeys(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const tenantId = useTenant();
      const command = (context as { commandName?: string }).commandName ?? "";
      const foreign = partitionKeysOf(command, args.input as Record<string, unknown>).filter((key) => !owned(tenantId, key));
      if (foreign.length) throw new TenantKeyError(`${command} for a key outside tenant ${tenantId}: ${foreign.map(String).join(", ")}`);
      return next(args);
    },
    { step: "build", name: "tenantKeyGuard" },
  );
}
