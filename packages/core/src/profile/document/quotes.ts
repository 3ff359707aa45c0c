import type { FieldError } from "../../errors/app-error.ts";
import { WHOLE_DOCUMENT, type Clause } from "./clauses.ts";
import { normaliseClauseRef, normaliseText, quoteAppears } from "./normalise.ts";

// The profile against its own document: every quote of a rule that cites this
// profile's document must be found in it, and every clause of it should be
// cited by some rule. National norms' citations are not this document's.

type PathSegment = string | number;

/** A cited rule: where it sits in the profile, the clause it cites (without the profile id) and its quote. */
export type Citation = { path: PathSegment[]; clause: string; text: string | undefined };

type ProfileLike = { id: string };

/** The rules that cite the profile's own document, in document (JSON) order. */
export function ownCitations(profile: ProfileLike): Citation[] {
  const prefix = `${profile.id} `;
  const found: Citation[] = [];
  const visit = (value: unknown, path: PathSegment[]) => {
    if (Array.isArray(value)) {
      value.forEach((element, index) => visit(element, [...path, index]));
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const record = value as Record<string, unknown>;
    if (typeof record.sourceRef === "string" && record.sourceRef.startsWith(prefix)) {
      found.push({ path, clause: record.sourceRef.slice(prefix.length), text: typeof record.text === "string" ? record.text : undefined });
    }
    for (const [key, child] of Object.entries(record)) visit(child, [...path, key]);
  };
  visit(profile, []);
  return found;
}

function jsonPath(path: readonly PathSegment[]): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : `${acc}.${key}`), "$");
}

const QUOTE_SHOWN = 40;

/** A quote of the profile's own document that the attached document does not contain: an error at the quote's path. */
export function quoteIssues(profile: ProfileLike, documentText: string): FieldError[] {
  const document = normaliseText(documentText);
  const issues: FieldError[] = [];
  for (const citation of ownCitations(profile)) {
    if (citation.text === undefined || quoteAppears(citation.text, document)) continue;
    const shown = citation.text.length > QUOTE_SHOWN ? `${citation.text.slice(0, QUOTE_SHOWN)}…` : citation.text;
    issues.push({
      path: jsonPath([...citation.path, "text"]),
      code: "profile.quote_not_in_document",
      message: {
        zh: `引文不在所附文件中（${citation.clause}）：“${shown}”`,
        en: `the quote is not in the attached document (${citation.clause}): "${shown}"`,
      },
    });
  }
  return issues;
}

/** Every id a clause answers to, as a cited clause is compared with it. */
function clauseNames(clause: Clause): string[] {
  return [clause.id, ...clause.aliases].map(normaliseClauseRef);
}

/** A citation of a clause the split document does not have: a warning, since a document's numbering may defeat the splitter. */
export function unknownClauseIssues(profile: ProfileLike, clauses: readonly Clause[]): FieldError[] {
  const known = new Set([WHOLE_DOCUMENT, ...clauses.flatMap(clauseNames)]);
  return ownCitations(profile)
    .filter((citation) => !known.has(normaliseClauseRef(citation.clause)))
    .map((citation) => ({
      path: jsonPath([...citation.path, "sourceRef"]),
      code: "profile.clause_not_in_document",
      message: {
        zh: `所附文件中没有条款“${citation.clause}”`,
        en: `the attached document has no clause "${citation.clause}"`,
      },
    }));
}

/**
 * The clauses no rule cites. A clause counts as cited when it, a clause it
 * holds or a clause holding it is cited: citing 五(一) covers 五(一)3, and
 * citing 五(一)3 covers its section's heading.
 */
export function uncitedClauses(profile: ProfileLike, clauses: readonly Clause[]): Clause[] {
  const cited = new Set(ownCitations(profile).map((citation) => normaliseClauseRef(citation.clause)));
  if (cited.has(WHOLE_DOCUMENT)) return [];
  const byId = new Map(clauses.map((clause) => [clause.id, clause]));
  const direct = new Set(clauses.filter((clause) => clauseNames(clause).some((name) => cited.has(name))).map((c) => c.id));
  const covered = new Set<string>();
  for (const id of direct) {
    // The clause and its ancestors …
    for (let at: string | null = id; at !== null; at = byId.get(at)?.parent ?? null) covered.add(at);
  }
  return clauses.filter((clause) => {
    if (covered.has(clause.id)) return false;
    // … and whatever a cited clause holds.
    for (let at: string | null = clause.parent; at !== null; at = byId.get(at)?.parent ?? null) if (direct.has(at)) return false;
    return true;
  });
}
