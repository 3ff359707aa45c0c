// Sheets written as xlsx: the header row bold, strings as text, numbers as
// numbers (so totals sum in Excel), empty for null. The writer loads on first
// use: the api Lambda's bundle keeps it out of its cold start.

export type Cell = string | number | null;

export interface XlsxSheet {
  name: string;
  rows: Cell[][];
  /** Column widths in characters (the writer's default where absent). */
  widths?: number[];
  /** Which cells are bold besides the header row. */
  bold?: (row: number, column: number) => boolean;
}

export async function toXlsx(sheets: readonly XlsxSheet[]): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import("write-excel-file/node");
  const data = sheets.map((s) => ({
    sheet: s.name,
    data: s.rows.map((r, i) =>
      r.map((value, j) => {
        if (value === null) return null;
        const bold = i === 0 || (s.bold?.(i, j) ?? false) ? { fontWeight: "bold" as const } : {};
        return typeof value === "number" ? { value, type: Number, ...bold } : { value, type: String, ...bold };
      }),
    ),
    ...(s.widths ? { columns: s.widths.map((width) => ({ width })) } : {}),
  }));
  const buffer = await writeXlsxFile(data as never).toBuffer();
  return new Uint8Array(buffer);
}
