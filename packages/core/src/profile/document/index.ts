// A county's document beside its profile: split into clauses, quotes checked against it.
export { splitClauses, WHOLE_DOCUMENT, type Clause } from "./clauses.ts";
export { normaliseText, quoteAppears, quoteFragments, normaliseClauseRef } from "./normalise.ts";
export { quoteIssues, unknownClauseIssues, uncitedClauses, ownCitations, type Citation } from "./quotes.ts";
