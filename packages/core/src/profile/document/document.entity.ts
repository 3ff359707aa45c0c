import { Entity } from "electrodb";
import { registerEntities } from "../../db/service.ts";
import { sortKey, tenantPk } from "../../db/key-templates.ts";

// The county's document beside its profile, in the profile partition
// `T#<tenant>#PROFILE` but never inside the profile JSON (the profile is read
// on every request; the document only by its editors). The draft's sits at
// `DRAFT#DOC`, between `DRAFT` and `HEAD`, so the one Query that reads the
// draft and the head reads it too; a published version's at `VDOC#<nnnnnn>`,
// written in the publish transaction and never changed.

/** The slot of the draft's document. */
export const DRAFT_DOCUMENT = "DRAFT#DOC";

/** The slot of a published version's document (fixed width, like the versions' keys). */
export const versionDocumentSlot = (version: number) => `VDOC#${String(version).padStart(6, "0")}`;

export const ProfileDocumentEntity = new Entity({
  model: { entity: "profileDocument", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    slot: { type: "string", required: true, readOnly: true },
    /** The document's plain text, as pasted or as extracted from the uploaded file. */
    text: { type: "string", required: true },
    /** Where the text came from: pasted text, or the file kind it was extracted from. */
    source: { type: ["text", "docx", "pdf"] as const, required: true },
    fileName: { type: "string" },
    updatedAt: { type: "string", required: true },
    updatedBy: { type: "string", required: true },
  },
  indexes: {
    bySlot: { pk: tenantPk("pk", "#PROFILE"), sk: sortKey("sk", "${slot}", ["slot"]) },
  },
});

// Access patterns
// - the draft's document: read with the draft and head (profile/store.ts, sk BETWEEN DRAFT AND HEAD); put on attach
// - a version's document: GetItem sk=VDOC#<nnnnnn>; created with the version in the publish transaction

declare module "../../db/service.ts" {
  interface Entities {
    profileDocument: typeof ProfileDocumentEntity;
  }
}
registerEntities({ profileDocument: ProfileDocumentEntity });
