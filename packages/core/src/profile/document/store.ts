import { z } from "zod";
import { auditItem } from "../../audit/index.ts";
import { useTenant, useUser } from "../../context/actor.ts";
import { tenantDb } from "../../db/tenant-db.ts";
import { writeTransaction } from "../../db/transact.ts";
import { AppError } from "../../errors/app-error.ts";
import { authorize } from "../../access/index.ts";
import { useCase } from "../../use-case.ts";
import { authorizeProfile, currentDraft, loadDraftAndHead, loadVersionItem } from "../store.ts";
import { splitClauses } from "./clauses.ts";
import { DRAFT_DOCUMENT, versionDocumentSlot } from "./document.entity.ts";
import { extractText, MAX_UPLOAD_BYTES, uploadKind } from "./extract.ts";
import { quoteIssues, uncitedClauses, unknownClauseIssues } from "./quotes.ts";

// The tenant's document: attached to the draft (pasted text or an uploaded
// file's text), kept with each version the draft is published as.

/**
 * The most text a document may have, in UTF-8 bytes: with the version's
 * profile (≤ 300 KB) it must fit the publish transaction, and alone one item
 * (400 KB). A county's document is 10–60 KB.
 */
export const MAX_DOCUMENT_BYTES = 200_000;

function tooLarge(path: string): AppError {
  const message = { zh: `文件文字超过 ${MAX_DOCUMENT_BYTES} 字节的上限`, en: `the document's text is larger than ${MAX_DOCUMENT_BYTES} bytes` };
  return new AppError("validation", "profile.document_too_large", { max: MAX_DOCUMENT_BYTES }, [{ path, code: "profile.document_too_large", message }]);
}

function empty(path: string): AppError {
  const message = { zh: "文件没有文字", en: "the document has no text" };
  return new AppError("validation", "request.invalid", {}, [{ path, code: "profile.document_empty", message }]);
}

export const AttachDocumentInput = z
  .object({ text: z.string().meta({ description: `The document's plain text (at most ${MAX_DOCUMENT_BYTES} bytes of UTF-8)` }) })
  .meta({ id: "AttachProfileDocumentInput" });

const ClauseSchema = z
  .object({
    id: z.string().meta({ description: "As a rule cites it after `<profileId> `: `六(一)2`, `第十二条`, `附件2`, `全文`" }),
    aliases: z.array(z.string()),
    parent: z.string().nullable(),
    depth: z.int(),
    text: z.string(),
    start: z.int(),
    end: z.int(),
  })
  .meta({ id: "DocumentClause" });

const IssueSchema = z.object({ path: z.string(), code: z.string(), message: z.object({ zh: z.string(), en: z.string() }) });

export const ProfileDocumentSchema = z
  .object({
    text: z.string(),
    source: z.enum(["text", "docx", "pdf"]),
    fileName: z.string().optional(),
    updatedAt: z.string(),
    updatedBy: z.string(),
    clauses: z.array(ClauseSchema),
    uncited: z.array(z.string()).meta({ description: "Ids of the clauses no rule of the profile cites (warnings)" }),
    issues: z.array(IssueSchema).meta({ description: "Quotes of the profile absent from the document (errors: publishing waits for them)" }),
    warnings: z.array(IssueSchema).meta({ description: "Citations of clauses the split document does not have" }),
  })
  .meta({ id: "ProfileDocument" });

export type ProfileDocumentView = z.infer<typeof ProfileDocumentSchema>;

type Stored = { text: string; source: "text" | "docx" | "pdf"; fileName?: string | undefined; updatedAt: string; updatedBy: string };

/** The document read against a profile: its clauses, the uncited ones, and the profile's quotes checked. */
function view(stored: Stored, profile: { id: string }): ProfileDocumentView {
  const clauses = splitClauses(stored.text);
  return {
    text: stored.text,
    source: stored.source,
    ...(stored.fileName === undefined ? {} : { fileName: stored.fileName }),
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy,
    clauses,
    uncited: uncitedClauses(profile, clauses).map((clause) => clause.id),
    issues: quoteIssues(profile, stored.text),
    warnings: unknownClauseIssues(profile, clauses),
  };
}

/** The profile as the checks walk it: its rules, and its id (a draft may lack one; then nothing cites the document). */
const profileIdOf = (profile: Record<string, unknown>) => ({ ...profile, id: typeof profile.id === "string" ? profile.id : "" });

/** Puts the draft's document (replacing the one attached before): one item and its audit entry. */
async function attach(text: string, source: Stored["source"], path: string, fileName?: string): Promise<ProfileDocumentView> {
  const actor = useUser();
  authorize(actor, "profile.edit");
  if (Buffer.byteLength(text, "utf8") > MAX_DOCUMENT_BYTES) throw tooLarge(path);
  if (text.trim() === "") throw empty(path);
  const draft = await currentDraft();
  const stored: Stored = { text, source, fileName, updatedAt: new Date().toISOString(), updatedBy: actor.userId };
  await writeTransaction(
    ({ profileDocument, audit }) => [
      profileDocument.put({ tenantId: actor.tenantId, slot: DRAFT_DOCUMENT, ...stored }).commit(),
      auditItem({ audit }, { action: "profile.document_attach", targetType: "profile", targetId: "draft", details: { source, bytes: Buffer.byteLength(text, "utf8"), ...(fileName ? { fileName } : {}) } }),
    ],
    { onCanceled: () => new AppError("conflict", "request.conflict_retry") },
  );
  return view(stored, profileIdOf(draft.profile));
}

/** Pasted text becomes the draft's document. */
export const attachDocument = useCase(AttachDocumentInput, async (input) => attach(input.text, "text", "body.text"));

/** An uploaded .docx or PDF (with a text layer): its text becomes the draft's document. */
export async function attachUploadedDocument(bytes: Uint8Array, contentType: string | undefined, fileName?: string): Promise<ProfileDocumentView> {
  authorizeProfile("profile.edit");
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw uploadTooLarge();
  const kind = uploadKind(contentType, bytes);
  if (kind === undefined) {
    const message = { zh: "只接受文字、Word（.docx）或带文字层的 PDF 文件", en: "expected text, a Word (.docx) file or a PDF with a text layer" };
    throw new AppError("validation", "request.invalid", {}, [{ path: "body", code: "profile.document_kind", message }]);
  }
  const text = await extractText(bytes, kind, "body");
  if (text.trim() === "") {
    const message = { zh: "文件中没有可读的文字（扫描件须先识别文字）", en: "the file has no text to read (a scan needs OCR first)" };
    throw new AppError("validation", "profile.document_unreadable", {}, [{ path: "body", code: "profile.document_unreadable", message }]);
  }
  return attach(text, kind, "body", fileName);
}

export function uploadTooLarge(): AppError {
  const message = { zh: `上传的文件超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, en: `the file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB` };
  return new AppError("validation", "profile.document_too_large", { max: MAX_UPLOAD_BYTES }, [{ path: "body", code: "profile.document_too_large", message }]);
}

function noDocument(): AppError {
  return new AppError("not_found", "profile.document_none");
}

/** The draft's document, split, against the draft. */
export async function getDraftDocument(): Promise<ProfileDocumentView> {
  authorizeProfile("profile.edit");
  const [{ document }, draft] = await Promise.all([loadDraftAndHead(), currentDraft()]);
  if (!document) throw noDocument();
  return view(document, profileIdOf(draft.profile));
}

export const VersionDocumentParams = z.object({ n: z.coerce.number().int().min(1).max(999_999) });

/** The document a version was published with, against that version. */
export const getVersionDocument = useCase(
  VersionDocumentParams,
  async ({ n }): Promise<ProfileDocumentView> => {
    authorizeProfile("profile.read");
    const [{ data }, version] = await Promise.all([
      tenantDb().service.entities.profileDocument.get({ tenantId: useTenant(), slot: versionDocumentSlot(n) }).go(),
      loadVersionItem(n),
    ]);
    if (!data) throw noDocument();
    return view(data, profileIdOf(JSON.parse(version.profile) as Record<string, unknown>));
  },
  "path",
);
