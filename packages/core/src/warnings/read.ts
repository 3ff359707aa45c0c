import { authorize, inSubtree } from "../access/index.ts";
import { useUser } from "../context/actor.ts";
import { withCursor } from "../db/cursor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { AppError } from "../errors/app-error.ts";
import { readPlace } from "../jurisdiction/index.ts";
import { useCase } from "../use-case.ts";
import { ListWarningsInput, MyWarningsInput } from "./inputs.ts";
import { toDetailView, toNodeWarningView, toWarningView, warningFile, type TargetItem, type WarningItem } from "./store.ts";
import type { WarningDetailView } from "./views.ts";

// Reading warnings: the issuer side (a warning with its live answer rate and
// every node's state: one Query of its partition) and the node side (the
// warnings a node must answer, newest first: one Query).

/** A warning with every target's state, for those over the issuer's node (the issuer, their superiors). */
export async function getWarning(warningId: string): Promise<WarningDetailView> {
  const actor = useUser();
  const file = await warningFile(warningId);
  if (!file) throw new AppError("not_found", "warning.not_found");
  authorize(actor, "warning.read", { path: file.warning.issuerPath });
  return toDetailView(file.warning, file.targets);
}

/** The warnings issued in the caller's subtree, newest first. */
export const listWarnings = useCase(
  ListWarningsInput,
  async (input) => {
    const actor = useUser();
    authorize(actor, "warning.read");
    const page = await withCursor(input.cursor, (cursor) =>
      tenantDb()
        .service.entities.warning.query.list({ tenantId: actor.tenantId })
        .where((a, op) => op.begins(a.issuerPath, actor.scopePath))
        .go({ cursor, limit: input.limit, order: "desc" }),
    );
    // begins_with alone would also match a sibling whose id starts the same.
    return { items: (page.data as WarningItem[]).filter((w) => inSubtree(actor.scopePath, w.issuerPath)).map(toWarningView), cursor: page.cursor };
  },
  "query",
);

/** The warnings a node was sent (default: the caller's own node), newest first, each with the node's answer. */
export const nodeWarnings = useCase(
  MyWarningsInput,
  async (input) => {
    const actor = useUser();
    const place = await readPlace(input.nodeId);
    authorize(actor, "warning.read", place);
    const page = await withCursor(input.cursor, (cursor) => tenantDb().service.entities.warningTarget.query.byNode({ tenantId: actor.tenantId, nodeId: place.nodeId }).go({ cursor, limit: input.limit, order: "desc" }));
    return { items: (page.data as TargetItem[]).map(toNodeWarningView), cursor: page.cursor };
  },
  "query",
);
