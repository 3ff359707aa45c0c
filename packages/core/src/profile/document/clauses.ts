// A county document split into clauses by its own numbering, with the ids the
// profiles cite after their profile id: section 一, item (一), sub-item 2,
// sub-sub-item (1), article 第十二条, paragraph 第二款, annex 附件2, nested as
// the document nests them (`六(一)2`). Pure: the web splits a pasted document
// with the same function the server uses.

export type Clause = {
  /** The clause as a profile cites it after `<profileId> `, half-width brackets: `六(一)2`. */
  id: string;
  /** Other ids that name the same clause: an item numbered through the whole document (`(七)`) without its section. */
  aliases: string[];
  /** The id of the clause it sits in, or null at the top. */
  parent: string | null;
  depth: number;
  /** Its text from its number to the end of its last sub-clause. */
  text: string;
  /** Offsets into the document text: text === document.slice(start, end). */
  start: number;
  end: number;
};

/** The pseudo-clause of a document without numbering: a rule cites the whole of it. */
export const WHOLE_DOCUMENT = "全文";

const CN = "[一二三四五六七八九十百零〇]+";
const DIGITS = "[0-9０-９]+";

type Kind = "annex" | "article" | "paragraph" | "section" | "item" | "sub" | "subsub";

type Heading = { kind: Kind; pattern: RegExp; label: (n: string) => string };

let headings: Heading[] | undefined;

// Tried in this order on the start of each line (after indentation and markdown `#`). Built on
// first use: no call at the top level, so the web's first load can leave this module out.
function headingPatterns(): Heading[] {
  headings ??= [
    { kind: "annex", pattern: new RegExp(`^附件\\s*(${DIGITS}|${CN})(?![0-9０-９])`), label: (n) => `附件${n}` },
    { kind: "article", pattern: new RegExp(`^第(${CN}|${DIGITS})条`), label: (n) => `第${n}条` },
    { kind: "paragraph", pattern: new RegExp(`^第(${CN}|${DIGITS})款`), label: (n) => `第${n}款` },
    { kind: "section", pattern: new RegExp(`^(${CN})、`), label: (n) => n },
    { kind: "item", pattern: new RegExp(`^[（(](${CN})[）)]`), label: (n) => `(${n})` },
    { kind: "sub", pattern: new RegExp(`^(${DIGITS})[.．、](?![0-9０-９])`), label: (n) => n },
    { kind: "subsub", pattern: new RegExp(`^[（(](${DIGITS})[）)]`), label: (n) => `(${n})` },
  ];
  return headings;
}

const LEAD = /^[\s\u3000#>*]*/;

function halfWidthDigits(value: string): string {
  return value.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

type Open = { kind: Kind; label: string; clause: Clause };

/** The clauses of a document in document order; one `全文` clause when it has no numbering. */
export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  const ids = new Set<string>();
  const stack: Open[] = [];
  const labels: Array<{ clause: Clause; kind: Kind; label: string; parentId: string | null }> = [];

  const close = (open: Open, at: number) => {
    open.clause.end = trimEnd(text, open.clause.start, at);
    open.clause.text = text.slice(open.clause.start, open.clause.end);
  };

  let offset = 0;
  for (const line of text.split("\n")) {
    const lineStart = offset;
    offset += line.length + 1;
    const lead = LEAD.exec(line)?.[0].length ?? 0;
    const rest = line.slice(lead);
    const heading = matchHeading(rest);
    if (heading === undefined) continue;
    // Where the heading sits among the open clauses: an annex starts afresh; a kind already open closes it and what it holds.
    const at = heading.kind === "annex" ? 0 : stack.findIndex((open) => open.kind === heading.kind);
    const keep = at === -1 ? stack.length : at;
    const parent = stack[keep - 1];
    const id = `${parent?.clause.id ?? ""}${heading.label}`;
    // The same number twice under one parent is a line that merely starts with a number (a wrapped sentence): text, not a clause.
    if (ids.has(id)) continue;
    const start = lineStart + lead;
    for (const open of stack.splice(keep)) close(open, start);
    const clause: Clause = { id, aliases: [], parent: parent?.clause.id ?? null, depth: keep, text: "", start, end: start };
    ids.add(id);
    clauses.push(clause);
    labels.push({ clause, kind: heading.kind, label: heading.label, parentId: clause.parent });
    stack.push({ kind: heading.kind, label: heading.label, clause });
  }
  for (const open of stack.splice(0)) close(open, text.length);

  if (clauses.length === 0) {
    const end = trimEnd(text, 0, text.length);
    return [{ id: WHOLE_DOCUMENT, aliases: [], parent: null, depth: 0, text: text.slice(0, end), start: 0, end }];
  }
  addThroughNumberedAliases(clauses, labels);
  return clauses;
}

function matchHeading(rest: string): { kind: Kind; label: string } | undefined {
  for (const { kind, pattern, label } of headingPatterns()) {
    const match = pattern.exec(rest);
    if (match?.[1] !== undefined) return { kind, label: label(halfWidthDigits(match[1])) };
  }
  return undefined;
}

function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1] ?? "")) at--;
  return at;
}

/**
 * Some documents number their items through the whole text ((一)…(二十) across
 * sections) and cite them without the section; such an item, and what it
 * holds, is also named by its own number: `(七)` beside `三(七)`.
 */
function addThroughNumberedAliases(
  clauses: Clause[],
  labels: Array<{ clause: Clause; kind: Kind; label: string; parentId: string | null }>,
) {
  const byKind = new Map<Kind, typeof labels>();
  for (const entry of labels) byKind.set(entry.kind, [...(byKind.get(entry.kind) ?? []), entry]);
  const aliasOf = new Map<string, string>();
  for (const entries of byKind.values()) {
    const distinctLabels = new Set(entries.map((e) => e.label)).size === entries.length;
    const parents = new Set(entries.map((e) => e.parentId));
    if (!distinctLabels || parents.size < 2 || parents.has(null)) continue;
    for (const entry of entries) aliasOf.set(entry.clause.id, entry.label);
  }
  if (aliasOf.size === 0) return;
  const ids = new Set(clauses.map((c) => c.id));
  for (const clause of clauses) {
    // The nearest through-numbered ancestor (or the clause itself) gives the short form.
    for (let id: string | null = clause.id; id !== null; id = clauses.find((c) => c.id === id)?.parent ?? null) {
      const label = aliasOf.get(id);
      if (label === undefined) continue;
      const alias = label + clause.id.slice(id.length);
      if (!ids.has(alias)) clause.aliases.push(alias);
      break;
    }
  }
}
