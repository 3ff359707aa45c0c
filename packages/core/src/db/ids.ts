import { randomUUID } from "node:crypto";

/** Ids that sort by creation time, so partitions list newest first without another index. */
export function timeOrderedId(now: Date | number = Date.now()): string {
  const ms = typeof now === "number" ? now : now.getTime();
  return `${ms.toString(36).padStart(9, "0")}${randomUUID().replace(/-/g, "").slice(0, 12)}`;
}
