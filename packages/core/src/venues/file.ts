import { rowsFromUpload, type ParsedRow } from "../organisation/index.ts";

// Ledger files: an uploaded xlsx or CSV as keyed rows (the organisation
// import's CSV reader, with the venue ledger's larger limits), and a ledger
// written back as xlsx or CSV with Chinese headers.

export const MAX_VENUE_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_VENUE_ROWS = 20_000;

export const VENUE_UPLOAD_LIMITS = { maxBytes: MAX_VENUE_UPLOAD_BYTES, maxRows: MAX_VENUE_ROWS };

/** An uploaded venue ledger (xlsx or CSV) as keyed rows: the organisation import's reader, with the ledger's larger limits. */
export function venueRowsFromUpload(bytes: Uint8Array): Promise<ParsedRow[]> {
  return rowsFromUpload(bytes, VENUE_UPLOAD_LIMITS);
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) || /^[=+\-@]/.test(value) ? `"${(/^[=+\-@]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"` : value);

/** A sheet as CSV, UTF-8 with a BOM so that Excel opens the Chinese right; cells that look like formulas are defused. */
export function toCsv(rows: string[][]): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`);
}
