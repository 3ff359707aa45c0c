import { z } from "zod";
import { useUser } from "../context/actor.ts";
import { tenantDb } from "../db/tenant-db.ts";
import { authorize } from "../access/index.ts";
import { useCase } from "../use-case.ts";

export const ListAuditInput = z.object({
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The tenant's audit entries between two instants, newest first, a page at a time. */
export const listAudit = useCase(
  ListAuditInput,
  async (input) => {
    const actor = useUser();
    authorize(actor, "audit.read");
    const from = new Date(input.from).toISOString();
    // The sort key is `<at>#<id>`: everything at `to` sorts below `to` + "#\uffff".
    const to = `${new Date(input.to).toISOString()}#\uffff`;
    const page = await tenantDb()
      .service.entities.audit.query.byTime({ tenantId: actor.tenantId })
      .between({ at: from }, { at: to })
      .go({ cursor: input.cursor ?? null, limit: input.limit, order: "desc" });
    return {
      items: page.data.map(({ tenantId: _t, ...entry }) => entry),
      cursor: page.cursor,
    };
  },
  "query",
);
