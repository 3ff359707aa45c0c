import { useTenant } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";

/** The tenant's node, or 404: another tenant's id is simply not there, and retired nodes take nothing new unless asked. */
export async function nodeOrNotFound(nodeId: string, opts: { allowRetired?: boolean; consistent?: boolean } = {}) {
  const { data } = await tenantDb().service.entities.node.get({ tenantId: useTenant(), nodeId }).go({ consistent: opts.consistent ?? false });
  if (!data || (data.status !== "active" && !opts.allowRetired)) throw new AppError("not_found", "node.not_found");
  return data;
}

export type NodeItem = Awaited<ReturnType<typeof nodeOrNotFound>>;
