import type { TxEntities, TxItem } from "../db/transact.ts";
import type { VenueItem } from "./store.ts";

/** One transaction's worth of what a retirement drops elsewhere, with how many things it drops. */
export interface RetirementBatch {
  dropped: number;
  items: (tx: TxEntities) => TxItem[];
}

/** What a domain keeps for a venue and drops when it retires (inspections: open tasks and the coverage they counted), in batches of at most `room` items. */
export type RetirementPart = (venue: VenueItem, room: number) => Promise<RetirementBatch[]>;

const parts: RetirementPart[] = [];

/**
 * A domain that keeps things for venues registers here, so a retirement
 * drops them in the same transactions without venues importing that domain.
 */
export function dropWhenVenueRetires(part: RetirementPart): void {
  parts.push(part);
}

export async function retirementBatches(venue: VenueItem, room: number): Promise<RetirementBatch[]> {
  return (await Promise.all(parts.map((part) => part(venue, room)))).flat();
}
