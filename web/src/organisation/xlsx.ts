/**
 * Spreadsheets the user downloads (ledgers, import templates): xlsx, so
 * Excel and WPS open Chinese text, 11-digit phone numbers and 18-digit ID
 * numbers as they are (a CSV would turn the latter into rounded numbers).
 * The writer is loaded only when a file is asked for.
 */
export type Cell = string | number | null | undefined;
export type SheetRow = readonly Cell[];

/** A header row and one row per item, both in the order of the headers' keys. */
export function sheetRows<K extends string>(headers: Readonly<Record<K, string>>, rows: readonly Readonly<Record<K, Cell>>[]): SheetRow[] {
  const keys = Object.keys(headers) as K[];
  return [keys.map((k) => headers[k]), ...rows.map((row) => keys.map((k) => row[k]))];
}

export async function saveXlsx(rows: readonly SheetRow[], sheet: string, filename: string): Promise<void> {
  const { default: writeXlsxFile } = await import("write-excel-file/browser");
  const widths = (rows[0] ?? []).map((_, i) => Math.min(40, Math.max(8, ...rows.map((r) => String(r[i] ?? "").length * 2 + 2))));
  const data = rows.map((row, r) => row.map((value) => (value === null || value === undefined || value === "" ? null : { value, type: typeof value === "number" ? Number : String, ...(r === 0 ? { fontWeight: "bold" as const } : {}) })));
  const blob = await writeXlsxFile(data, { sheet, columns: widths.map((width) => ({ width })), stickyRowsCount: 1 }).toBlob();
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
