import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * A work notice still unread, filed under its subject
 * (`T#<tenant>#NOTICE#<subjectType>#<subjectId>`), so the next change to the
 * subject finds, in one Query, the notices whose work that change has done
 * and resolves them in its own transaction. `state` is the subject's state
 * the notice asked work of. The row goes when the notice is read or resolved.
 */
export const OpenNoticeEntity = new Entity({
  model: { entity: "openNotice", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    subjectType: { type: "string", required: true, readOnly: true },
    subjectId: { type: "string", required: true, readOnly: true },
    userId: { type: "string", required: true, readOnly: true },
    notificationId: { type: "string", required: true, readOnly: true },
    state: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    bySubject: { pk: tenantPk("pk", "#NOTICE#${subjectType}#${subjectId}", ["subjectType", "subjectId"]), sk: sortKey("sk", "${userId}#${notificationId}", ["userId", "notificationId"]) },
  },
});

// Access patterns
// - a subject's unread work notices (one Query): openNotice.bySubject

declare module "../db/service.ts" {
  interface Entities {
    openNotice: typeof OpenNoticeEntity;
  }
}
registerEntities({ openNotice: OpenNoticeEntity });
