import { Entity } from "electrodb";
import { registerEntities } from "../db/service.ts";
import { sortKey, tenantPk } from "../db/key-templates.ts";

/**
 * A tip's receipt code, kept as its SHA-256: the tipster looks the tip up
 * with the code (shown once on the receipt), nobody else can. Made in the
 * tip's own transaction.
 */
export const TipReceiptEntity = new Entity({
  model: { entity: "tipReceipt", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    codeHash: { type: "string", required: true, readOnly: true },
    hazardId: { type: "string", required: true, readOnly: true },
    createdAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byCode: { pk: tenantPk("pk", "#TIPR"), sk: sortKey("sk", "${codeHash}", ["codeHash"]) },
  },
});

/** The reward an officer recorded for a confirmed tip (one per tip, never changed). */
export const TipRewardEntity = new Entity({
  model: { entity: "tipReward", version: "1", service: "firegov" },
  attributes: {
    tenantId: { type: "string", required: true, readOnly: true },
    hazardId: { type: "string", required: true, readOnly: true },
    form: { type: "string", required: true, readOnly: true },
    amount: { type: "number", readOnly: true },
    date: { type: "string", required: true, readOnly: true },
    note: { type: "string", readOnly: true },
    recordedBy: { type: "string", required: true, readOnly: true },
    recordedAt: { type: "string", required: true, readOnly: true },
  },
  indexes: {
    byHazard: { pk: tenantPk("pk", "#TIPRWD"), sk: sortKey("sk", "${hazardId}", ["hazardId"]) },
  },
});

// Access patterns
// - a tip by its receipt code (the public status page): TipReceipt byCode
// - a tip's reward (the staff panel, the public status): TipReward byHazard

declare module "../db/service.ts" {
  interface Entities {
    tipReceipt: typeof TipReceiptEntity;
    tipReward: typeof TipRewardEntity;
  }
}
registerEntities({ tipReceipt: TipReceiptEntity, tipReward: TipRewardEntity });
