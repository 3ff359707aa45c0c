import { z } from "zod";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { authorize } from "../identity/policy.ts";
import { useCase } from "../use-case.ts";

export const NodeViewSchema = z
  .object({ nodeId: z.string(), parentId: z.string().optional(), path: z.string(), level: z.string(), name: z.string(), status: z.string() })
  .meta({ id: "Node" });

export const ListSubtreeInput = z.object({ cursor: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).default(200) });

/** The nodes of the caller's subtree in path order (parents before children). */
export const listSubtree = useCase(
  ListSubtreeInput,
  async (input) => {
    const actor = useUser();
    authorize(actor, "node.read");
    const page = await tenantDb()
      .service.entities.node.query.bySubtree({ tenantId: actor.tenantId })
      .begins({ path: actor.scopePath })
      .go({ cursor: input.cursor ?? null, limit: input.limit });
    return { items: page.data.map(({ tenantId: _t, createdAt: _c, ...node }) => node), cursor: page.cursor };
  },
  "query",
);
