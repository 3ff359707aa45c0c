import { AppError } from "../../errors/app-error.ts";

// The text of an uploaded .docx or PDF. Both readers are loaded on first use
// (their own chunks in the Lambda bundle), never at cold start.

export type UploadKind = "docx" | "pdf";

/** The largest file accepted for extraction: a county's document is tens of pages. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The kind of an upload, from its media type or, failing that, its first bytes (PDF `%PDF`, a zip for .docx). */
export function uploadKind(contentType: string | undefined, bytes: Uint8Array): UploadKind | undefined {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (type === DOCX) return "docx";
  if (type === "application/pdf") return "pdf";
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return "pdf";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "docx";
  return undefined;
}

function unreadable(path: string, kind: UploadKind, cause: unknown): AppError {
  const what = kind === "pdf" ? { zh: "PDF", en: "PDF" } : { zh: "Word（.docx）", en: "Word (.docx)" };
  return new AppError(
    "validation",
    "profile.document_unreadable",
    {},
    [{ path, code: "profile.document_unreadable", message: { zh: `无法从该${what.zh}文件中读出文字`, en: `no text could be read from this ${what.en} file` } }],
    { cause },
  );
}

/** The file's text: paragraphs of a .docx one per line; a PDF's text layer page by page. */
export async function extractText(bytes: Uint8Array, kind: UploadKind, path = "body"): Promise<string> {
  try {
    if (kind === "docx") {
      const { default: mammoth } = await import("mammoth");
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      // mammoth ends each paragraph with a blank line; one line per paragraph is what the splitter reads.
      return value.replace(/\n{2,}/g, "\n");
    }
    const { extractText: pdfText, getDocumentProxy } = await import("unpdf");
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await pdfText(pdf, { mergePages: true });
    return text;
  } catch (error) {
    throw unreadable(path, kind, error);
  }
}
