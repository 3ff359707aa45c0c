import { readSheet } from "read-excel-file/node";
import writeXlsxFile from "write-excel-file/node";
import { AppError } from "../errors/app-error.ts";
import { parseCsv, type ParsedRow } from "../organisation/import-file.ts";

// Ledger files: an uploaded xlsx or CSV as keyed rows (the organisation
// import's CSV reader, with the venue ledger's larger limits), and a ledger
// written back as xlsx or CSV with Chinese headers.

export const MAX_VENUE_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_VENUE_ROWS = 20_000;

const unreadable = (reason: string) => new AppError("validation", "import.unreadable", { reason });
const tooLarge = () => new AppError("validation", "import.too_large", { max: MAX_VENUE_ROWS, mb: MAX_VENUE_UPLOAD_BYTES / 1024 / 1024 });

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function keyed(cells: { row: number; cells: string[] }[]): ParsedRow[] {
  const filled = cells.filter((r) => r.cells.some((c) => c !== ""));
  const [header, ...body] = filled;
  if (!header) throw unreadable("文件是空的 / the file is empty");
  if (body.length > MAX_VENUE_ROWS) throw tooLarge();
  const names = header.cells.map((c) => c.trim());
  return body.map((r) => ({ row: r.row, values: Object.fromEntries(names.flatMap((name, i) => (name ? [[name, r.cells[i] ?? ""]] : []))) }));
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export async function venueRowsFromUpload(bytes: Uint8Array): Promise<ParsedRow[]> {
  if (bytes.byteLength === 0) throw unreadable("文件是空的 / the file is empty");
  if (bytes.byteLength > MAX_VENUE_UPLOAD_BYTES) throw tooLarge();
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!zip) return keyed(parseCsv(decode(bytes)));
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as unknown[][];
  } catch (err) {
    throw unreadable(`不是有效的 xlsx 文件 / not a valid xlsx file (${(err as Error).message.slice(0, 100)})`);
  }
  return keyed(sheet.map((cells, i) => ({ row: i + 1, cells: cells.map(cellText) })));
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) || /^[=+\-@]/.test(value) ? `"${(/^[=+\-@]/.test(value) ? `'${value}` : value).replace(/"/g, '""')}"` : value);

/** A sheet as CSV, UTF-8 with a BOM so that Excel opens the Chinese right; cells that look like formulas are defused. */
export function toCsv(rows: string[][]): Uint8Array {
  return new TextEncoder().encode(`\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`);
}

export async function toXlsx(rows: string[][], sheet: string): Promise<Uint8Array> {
  const data = rows.map((r, i) => r.map((value) => ({ value, type: String, ...(i === 0 ? { fontWeight: "bold" as const } : {}) })));
  const buffer = await writeXlsxFile(data, { sheet }).toBuffer();
  return new Uint8Array(buffer);
}
