import { AppError } from "../errors/app-error.ts";

// The thin adapter between an uploaded file and the import use cases: a
// spreadsheet (xlsx) or CSV becomes rows keyed by their header cells, each
// with the row number the user sees in their spreadsheet program.

export interface ParsedRow {
  /** 1-based, as the spreadsheet shows it (the header is usually row 1). */
  row: number;
  values: Record<string, string>;
}

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 5000;

/** How large an upload may be: each import sets its own. */
export interface UploadLimits {
  maxBytes: number;
  maxRows: number;
}

export const IMPORT_LIMITS: UploadLimits = { maxBytes: MAX_UPLOAD_BYTES, maxRows: MAX_ROWS };

const unreadable = (reason: string) => new AppError("validation", "import.unreadable", { reason });
export const tooLarge = (limits: UploadLimits) => new AppError("validation", "import.too_large", { max: limits.maxRows, mb: limits.maxBytes / 1024 / 1024 });

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === "number") return Number.isSafeInteger(cell) ? String(cell) : String(cell);
  return String(cell).trim();
}

/** Rows of cells, header first (blank rows dropped, numbers kept), into keyed rows. */
function keyed(cells: { row: number; cells: string[] }[], limits: UploadLimits): ParsedRow[] {
  const filled = cells.filter((r) => r.cells.some((c) => c !== ""));
  const [header, ...body] = filled;
  if (!header) throw unreadable("文件是空的 / the file is empty");
  if (body.length > limits.maxRows) throw tooLarge(limits);
  const names = header.cells.map((c) => c.trim());
  return body.map((r) => ({ row: r.row, values: Object.fromEntries(names.flatMap((name, i) => (name ? [[name, r.cells[i] ?? ""]] : []))) }));
}

/** CSV as Excel writes it: quotes with doubled quotes inside, CRLF or LF, comma or tab separated. */
export function parseCsv(text: string): { row: number; cells: string[] }[] {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const sep = !firstLine.includes(",") && firstLine.includes("\t") ? "\t" : ",";
  const rows: { row: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === sep) {
      cells.push(cell.trim());
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      cells.push(cell.trim());
      rows.push({ row: rowStart, cells });
      cells = [];
      cell = "";
      line++;
      rowStart = line;
    } else cell += ch;
  }
  if (quoted) throw unreadable(`第 ${rowStart} 行的引号没有闭合 / unclosed quote in row ${rowStart}`);
  if (cell !== "" || cells.length) rows.push({ row: rowStart, cells: [...cells, cell.trim()] });
  return rows;
}

/** UTF-8, or GB18030 (what Excel in a Chinese locale saves CSV as). */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** An uploaded xlsx (recognised by its zip signature) or CSV, as keyed rows. */
export async function rowsFromUpload(bytes: Uint8Array, limits: UploadLimits = IMPORT_LIMITS): Promise<ParsedRow[]> {
  if (bytes.byteLength === 0) throw unreadable("文件是空的 / the file is empty");
  if (bytes.byteLength > limits.maxBytes) throw tooLarge(limits);
  if (!isZip(bytes)) return keyed(parseCsv(decode(bytes)), limits);
  // Loaded on first use: the api Lambda's bundle keeps the xlsx reader out of its cold start.
  const { readSheet } = await import("read-excel-file/node");
  let sheet: unknown[][];
  try {
    sheet = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as unknown[][];
  } catch (err) {
    throw unreadable(`不是有效的 xlsx 文件 / not a valid xlsx file (${(err as Error).message.slice(0, 100)})`);
  }
  return keyed(sheet.map((cells, i) => ({ row: i + 1, cells: cells.map(cellText) })), limits);
}
