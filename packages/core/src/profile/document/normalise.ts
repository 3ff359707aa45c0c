// Comparing a quote with its document: a PDF's or a Word file's text breaks
// lines anywhere, and a quote may write （ for ( or ， for , as its writer typed.

/** An ellipsis in a quote marks an elided part: ……, …, ⋯ or three dots. */
const ELLIPSIS = /…+|⋯+|\.{3,}|。{3,}/;

// Quotation marks differ between writers more than anything else; brackets of either width are the same bracket.
// A plain literal (no call at the top level), so the web's first load can leave this module out.
const SAME: Readonly<Record<string, string>> = {
  "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"',
  "‘": "'", "’": "'", "′": "'",
  "【": "[", "】": "]", "〔": "[", "〕": "]",
  "—": "-", "–": "-", "－": "-",
};

/** Width, whitespace and quotation marks folded: what two renderings of one text share. */
export function normaliseText(value: string): string {
  let out = "";
  for (const char of value.normalize("NFKC")) {
    if (/\s/.test(char)) continue;
    out += SAME[char] ?? char;
  }
  return out;
}

/** The parts of a quote between its ellipses, each folded; empty parts dropped. */
export function quoteFragments(quote: string): string[] {
  return quote
    .split(ELLIPSIS)
    .map(normaliseText)
    .filter((part) => part.length > 0);
}

/** Whether every part of the quote appears in the (folded) document, in order. */
export function quoteAppears(quote: string, normalisedDocument: string): boolean {
  let from = 0;
  for (const fragment of quoteFragments(quote)) {
    const at = normalisedDocument.indexOf(fragment, from);
    if (at === -1) return false;
    from = at + fragment.length;
  }
  return true;
}

/** A cited clause as the splitter names it: half-width brackets and digits, no spaces (`（一）` → `(一)`). */
export function normaliseClauseRef(clause: string): string {
  return clause.normalize("NFKC").replace(/\s/g, "");
}
