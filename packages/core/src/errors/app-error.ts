import { messages, type MessageCode } from "./messages.ts";

export type ErrorKind = "validation" | "unauthorized" | "forbidden" | "not_found" | "conflict" | "too_many" | "unavailable";

const statusByKind: Record<ErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many: 429,
  unavailable: 503,
};

/** One failing field: a JSON pointer-ish path and a localised reason. */
export interface FieldError {
  path: string;
  code: string;
  message: { zh: string; en: string };
}

/**
 * The one error a user may see. `code` is stable and dotted; the message comes
 * from the catalogue in both languages. Anything else thrown is a bug (500).
 */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: MessageCode;
  readonly params: Record<string, string | number>;
  readonly fields: FieldError[];
  /** Seconds after which a retry may succeed (503, 429): sent as Retry-After. */
  readonly retryAfter?: number;

  constructor(kind: ErrorKind, code: MessageCode, params: Record<string, string | number> = {}, fields: FieldError[] = [], opts: { retryAfter?: number; cause?: unknown } = {}) {
    super(code, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = "AppError";
    this.kind = kind;
    this.code = code;
    this.params = params;
    this.fields = fields;
    if (opts.retryAfter !== undefined) this.retryAfter = opts.retryAfter;
  }

  get status(): number {
    return statusByKind[this.kind];
  }

  localized(locale: "zh" | "en"): string {
    return formatMessage(this.code, locale, this.params);
  }
}

export function formatMessage(code: MessageCode, locale: "zh" | "en", params: Record<string, string | number> = {}): string {
  const template = messages[code][locale];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}
