// Sheets written as xlsx with a bold Chinese header row: strings as text,
// numbers as numbers (so totals sum in Excel), empty for null.

export type Cell = string | number | null;

export async function toXlsx(sheets: { name: string; rows: Cell[][] }[]): Promise<Uint8Array> {
  // Loaded on first use: the api Lambda's bundle keeps the xlsx writer out of its cold start.
  const { default: writeXlsxFile } = await import("write-excel-file/node");
  const data = sheets.map((s) => ({
    sheet: s.name,
    data: s.rows.map((r, i) => r.map((value) => (value === null ? null : typeof value === "number" ? { value, type: Number } : { value, type: String, ...(i === 0 ? { fontWeight: "bold" as const } : {}) }))),
  }));
  const buffer = await writeXlsxFile(data as never).toBuffer();
  return new Uint8Array(buffer);
}
