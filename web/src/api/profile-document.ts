// The county's document beside the draft (issue 14); its own module, so only the document pane's chunk carries it.
import type { ProfileSourceDocument } from "@firegov/core/contract";
import { apiFetch, json } from "./http.ts";

/** The draft's document split into clauses; null while none is attached. */
export async function getDraftSourceDocument(): Promise<ProfileSourceDocument | null> {
  const res = await apiFetch("/v1/profile/draft/document", {}, { okStatuses: [404] });
  return res.status === 404 ? null : ((await res.json()) as ProfileSourceDocument);
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Pasted text, or a file (.docx or PDF sent as is, anything else read as text), becomes the draft's document. */
export async function putDraftSourceDocument(source: string | (Blob & { name?: string })): Promise<ProfileSourceDocument> {
  if (typeof source === "string") return json("/v1/profile/draft/document", { method: "PUT", body: JSON.stringify({ text: source }) });
  const name = source.name ?? "";
  const type = /\.docx$/i.test(name) || source.type === DOCX_TYPE ? DOCX_TYPE : /\.pdf$/i.test(name) || source.type === "application/pdf" ? "application/pdf" : undefined;
  if (type === undefined) return putDraftSourceDocument(await source.text());
  return json("/v1/profile/draft/document", { method: "PUT", body: source, headers: { "content-type": type } });
}
