import type { AttributeValue, DynamoDBClient } from "@aws-sdk/client-dynamodb";

/**
 * A lost response makes a conditional put look failed: DynamoDB applied the
 * put, the response never arrived, the SDK retried, and the retry fails its
 * `attribute_not_exists` condition on the item the first attempt wrote. The
 * caller would answer 409 to its own successful create.
 *
 * So every conditional PutItem asks for the item that failed the condition
 * (`ReturnValuesOnConditionCheckFailure: ALL_OLD`), and when the SDK had to
 * retry (`$metadata.attempts > 1`) and that item is exactly the one this
 * request put (same ids, same timestamps: no other request makes it), the put
 * succeeded and is reported so. Any other failed condition stays an error.
 * (Transactions need none of this: the SDK sends one ClientRequestToken for
 * all attempts and DynamoDB applies it once.)
 */
export function recoverOwnConditionalWrites(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { ConditionExpression?: string; ReturnValuesOnConditionCheckFailure?: string };
      if (isPut(context) && input.ConditionExpression && !input.ReturnValuesOnConditionCheckFailure) {
        return next({ ...args, input: { ...input, ReturnValuesOnConditionCheckFailure: "ALL_OLD" } });
      }
      return next(args);
    },
    { step: "initialize", name: "ownWriteAskOld", override: true },
  );
  // The build step sees the marshalled input and, below it, every retry.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (err) {
        const e = err as { name?: string; Item?: Record<string, AttributeValue>; $metadata?: { attempts?: number }; $response?: unknown };
        const put = args.input as { Item?: Record<string, AttributeValue>; ConditionExpression?: string };
        const retried = (e.$metadata?.attempts ?? 1) > 1;
        if (isPut(context) && put.ConditionExpression && e.name === "ConditionalCheckFailedException" && retried && e.Item && sameItem(e.Item, put.Item)) {
          return { response: e.$response, output: { $metadata: { ...e.$metadata, recoveredOwnWrite: true } } } as never;
        }
        throw err;
      }
    },
    { step: "build", name: "ownWriteRecover", override: true },
  );
}

const isPut = (context: unknown) => (context as { commandName?: string }).commandName === "PutItemCommand";

/** Two marshalled items with the same attributes and values (set members in any order). */
export function sameItem(a: Record<string, AttributeValue> | undefined, b: Record<string, AttributeValue> | undefined): boolean {
  return a !== undefined && b !== undefined && canonical({ M: a }) === canonical({ M: b });
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString("base64"));
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${k === "SS" || k === "NS" || k === "BS" ? canonical((v as unknown[]).map(canonical).sort()) : canonical(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}
