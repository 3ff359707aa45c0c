/**
 * The one way the web client talks to the API: same origin by default,
 * Accept-Language from the UI, the bearer token from the session (renewed
 * once when it has expired), problem+json turned into ApiError. The
 * resource modules beside this one are thin: a path and core's types.
 */

export interface ProblemField {
  path: string;
  code: string;
  message: string;
}

/** One page of a list: `cursor` null on the last. */
export interface Page<T> {
  items: T[];
  cursor: string | null;
}

/**
 * Problems that concern one field without naming it in `errors`: the form
 * shows them next to that field rather than above the form.
 */
const fieldOfCode: Record<string, string> = {
  "tenant.slug_taken": "body.slug",
  "user.username_taken": "body.username",
  "auth.wrong_password": "body.currentPassword",
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ProblemField[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The message for one input, by its request path (`body.admin.password`). */
  fieldMessage(path: string): string | undefined {
    const own = this.fields.filter((f) => f.path === path).map((f) => f.message);
    if (own.length) return own.join("；");
    return fieldOfCode[this.code] === path ? this.message : undefined;
  }

  /** Field problems the form has no input for: shown with the form's own message. */
  otherFields(paths: readonly string[]): ProblemField[] {
    return this.fields.filter((f) => !paths.includes(f.path));
  }

  /** Whether the form shows this problem entirely next to one of its inputs. */
  belongsTo(paths: readonly string[]): boolean {
    const field = fieldOfCode[this.code];
    return field !== undefined && paths.includes(field);
  }
}

let languageHeader = "zh-CN";
export function setApiLanguage(locale: string) {
  languageHeader = locale;
}

/** What the client needs from the session; the auth module provides it. */
export interface TokenSource {
  accessToken(): string | undefined;
  /** A fresh access token; concurrent callers share one refresh. Rejects when the session cannot be restored. */
  renew(): Promise<string>;
  /** The API ended the session (revoked, disabled, invalid token). */
  ended(error: ApiError): void;
}

let tokens: TokenSource | undefined;
export function setTokenSource(source: TokenSource | undefined) {
  tokens = source;
}

const base = (import.meta.env.VITE_API_BASE as string | undefined) ?? "";

interface FetchOptions {
  /** Statuses that still carry a normal body. */
  okStatuses?: number[];
  /** Public endpoints: no bearer token, no refresh. */
  anonymous?: boolean;
}

/**
 * A 503 says the API is busy and nothing was done, or (for a write) that it
 * may have been done and the same Idempotency-Key will replay it. So reads
 * (GET, HEAD) and writes that carry an Idempotency-Key are sent again, after
 * Retry-After (or an exponential backoff when it is absent), with a little
 * jitter so that many clients do not return at once; other writes are not.
 */
export const retryPolicy = {
  /** Attempts in all, the first included. */
  maxAttempts: 4,
  /** Backoff when the answer names no Retry-After: 0.5 s, 1 s, 2 s … */
  baseDelayMs: 500,
  /** No single wait longer than this, whatever Retry-After says. */
  maxDelayMs: 10_000,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

/** Whether a request may be sent again after a 503 without doing its work twice. */
export function isRetryable(method: string | undefined, headers: Headers): boolean {
  const m = (method ?? "GET").toUpperCase();
  return m === "GET" || m === "HEAD" || headers.has("idempotency-key");
}

/** How long to wait before attempt `attempt + 1`: Retry-After (seconds) at least, jittered up by at most a quarter. */
export function retryDelay(res: Response, attempt: number, random: () => number = Math.random): number {
  const after = Number(res.headers.get("retry-after"));
  const wait = Number.isFinite(after) && after > 0 ? after * 1000 : retryPolicy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(retryPolicy.maxDelayMs, Math.round(wait * (1 + random() / 4)));
}

export async function apiFetch(path: string, init: RequestInit = {}, opts: FetchOptions = {}): Promise<Response> {
  const send = async (token: string | undefined) => {
    const headers = new Headers(init.headers);
    headers.set("accept-language", languageHeader);
    if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
    if (token) headers.set("authorization", `Bearer ${token}`);
    // A caller that takes a 503 as an answer (the health report) gets it at once.
    const retryable = isRetryable(init.method, headers) && !opts.okStatuses?.includes(503);
    for (let attempt = 1; ; attempt++) {
      // No answer at all (no network, the server unreachable): not the browser's English "Failed to fetch" but a bilingual problem.
      const res = await fetch(`${base}${path}`, { ...init, headers }).catch(() => {
        throw new ApiError(0, "network.offline", languageHeader === "en" ? "No network" : "网络不可用");
      });
      if (res.status !== 503 || !retryable || attempt >= retryPolicy.maxAttempts) return res;
      await retryPolicy.sleep(retryDelay(res, attempt));
    }
  };
  const token = opts.anonymous ? undefined : tokens?.accessToken();
  let res = await send(token);
  if (res.status === 401 && token && tokens) {
    const problem = await toApiError(res);
    if (problem.code !== "auth.token_expired") {
      tokens.ended(problem);
      throw problem;
    }
    // Another request may already have renewed it: then no second refresh.
    const current = tokens.accessToken();
    res = await send(current && current !== token ? current : await tokens.renew());
    if (res.status === 401) {
      const again = await toApiError(res);
      tokens.ended(again);
      throw again;
    }
  }
  if (res.ok || opts.okStatuses?.includes(res.status)) return res;
  throw await toApiError(res);
}

async function toApiError(res: Response): Promise<ApiError> {
  if ((res.headers.get("content-type") ?? "").includes("json")) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; detail?: string; errors?: ProblemField[]; requestId?: string };
    return new ApiError(res.status, body.code ?? "unknown", body.detail ?? res.statusText, body.errors ?? [], body.requestId);
  }
  return new ApiError(res.status, "unknown", `${res.status} ${res.statusText}`);
}

export async function json<T>(path: string, init: RequestInit = {}, opts: FetchOptions = {}): Promise<T> {
  return (await (await apiFetch(path, init, opts)).json()) as T;
}

export const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: "POST", body: JSON.stringify(body), headers });
export const patch = (body: unknown): RequestInit => ({ method: "PATCH", body: JSON.stringify(body) });
export const idempotent = (key: string) => ({ "idempotency-key": key });

export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** An xlsx or CSV file as a request body, typed by its name or type. */
export function uploadBody(file: Blob & { name?: string }): RequestInit {
  const csv = /\.csv$/i.test(file.name ?? "") || file.type === "text/csv";
  return { method: "POST", body: file, headers: { "content-type": csv ? "text/csv" : XLSX_TYPE } };
}

/**
 * An Idempotency-Key: a v4 UUID. `crypto.randomUUID` exists only in secure
 * contexts, and intranet deployments may be served over plain http.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function" && globalThis.isSecureContext !== false) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
