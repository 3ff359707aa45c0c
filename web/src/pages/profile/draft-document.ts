/**
 * The draft as the editor holds it: JSON text, the one source of truth that
 * both the forms and the JSON view edit. Generic JSON handling only; what a
 * valid profile is, the API says (validate, save, publish).
 */
import type { ProfileDocument, ProfileIssue } from "@firegov/core/contract";

export type Segment = string | number;

export type Parsed = { ok: true; value: ProfileDocument } | { ok: false; reason: "syntax" | "not_object"; message: string };

export const pretty = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function parseDocument(text: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? { ok: true, value } : { ok: false, reason: "not_object", message: "" };
  } catch (err) {
    return { ok: false, reason: "syntax", message: err instanceof Error ? err.message : String(err) };
  }
}

/** `["hazards", "severities", 0, "rectificationDays"]` → `$.hazards.severities[0].rectificationDays`, as the API writes paths. */
export const jsonPath = (path: readonly Segment[]) => path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : `${acc}.${key}`), "$");

export function getAt(value: unknown, path: readonly Segment[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof key === "number" ? !Array.isArray(at) : !isRecord(at)) return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/** A copy with the value at `path` replaced; `undefined` removes the key. Missing objects on the way are made. */
export function setAt<T>(value: T, path: readonly Segment[], next: unknown): T {
  const [key, ...rest] = path;
  if (key === undefined) return next as T;
  if (typeof key === "number") {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    list[key] = setAt(list[key], rest, next);
    return list as T;
  }
  const record: Record<string, unknown> = isRecord(value) ? { ...value } : {};
  const inner = rest.length === 0 ? next : setAt(record[key], rest, next);
  if (inner === undefined) delete record[key];
  else record[key] = inner;
  return record as T;
}

/** The issues at a path: exactly there, or (unless `exact`) anywhere inside it. */
export function issuesAt(issues: readonly ProfileIssue[], path: string, exact = false): ProfileIssue[] {
  return issues.filter((issue) => issue.path === path || (!exact && (issue.path.startsWith(`${path}.`) || issue.path.startsWith(`${path}[`))));
}

/**
 * What was typed into a number field, as JSON: a number when it reads as one;
 * empty is `null` (or no key, for an optional value); anything else is kept as
 * typed, so that validation names the problem at its path instead of the
 * input swallowing it.
 */
export function numberFromInput(raw: string, optional: boolean): number | string | null | undefined {
  const text = raw.trim();
  if (text === "") return optional ? undefined : null;
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

export const inputFromNumber = (value: unknown) => (value === undefined || value === null ? "" : String(value));
