/**
 * The one way the web client talks to the API: same origin by default,
 * Accept-Language from the UI, problem+json turned into ApiError.
 */
export interface ProblemField {
  path: string;
  code: string;
  message: string;
}

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
}

let languageHeader = "zh-CN";
export function setApiLanguage(locale: string) {
  languageHeader = locale;
}

const base = (import.meta.env.VITE_API_BASE as string | undefined) ?? "";

export async function apiFetch(path: string, init: RequestInit = {}, okStatuses: number[] = []): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("accept-language", languageHeader);
  if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
  const res = await fetch(`${base}${path}`, { ...init, headers });
  if (res.ok || okStatuses.includes(res.status)) return res;
  throw await toApiError(res);
}

async function toApiError(res: Response): Promise<ApiError> {
  if ((res.headers.get("content-type") ?? "").includes("json")) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; detail?: string; errors?: ProblemField[]; requestId?: string };
    return new ApiError(res.status, body.code ?? "unknown", body.detail ?? res.statusText, body.errors ?? [], body.requestId);
  }
  return new ApiError(res.status, "unknown", `${res.status} ${res.statusText}`);
}

export interface HealthReport {
  status: "ok" | "degraded";
  dynamodb: { reachable: boolean; table: string; tableStatus?: string; latencyMs: number; error?: string };
  checkedAt: string;
}

/** 503 still carries a report: the API is up, the database is not. */
export async function getHealth(): Promise<HealthReport> {
  const res = await apiFetch("/health", {}, [503]);
  return (await res.json()) as HealthReport;
}
