// Reports of a subtree over a period: response times (JSON or xlsx) and the hazard and inspection ledgers.
import type { ReportPeriodInput, ResponseTimes } from "@firegov/core/contract";
import { apiFetch, json, queryString } from "./http.ts";

export type ReportPeriod = Pick<ReportPeriodInput, "from" | "to"> & { path?: string | undefined };

export function responseTimes(period: ReportPeriod): Promise<ResponseTimes> {
  return json(`/v1/reports/response-times${queryString({ ...period })}`);
}

export type ReportFile = "response-times" | "hazards" | "inspections";

const FILE_PATHS: Record<ReportFile, string> = {
  "response-times": "/v1/reports/response-times",
  hazards: "/v1/reports/hazards.xlsx",
  inspections: "/v1/reports/inspections.xlsx",
};

/** A report as a workbook, with the file name the API gives it (Chinese, UTF-8). */
export async function downloadReport(file: ReportFile, period: ReportPeriod): Promise<{ filename: string; blob: Blob }> {
  const res = await apiFetch(`${FILE_PATHS[file]}${queryString({ ...period, ...(file === "response-times" ? { format: "xlsx" } : {}) })}`);
  const disposition = res.headers.get("content-disposition") ?? "";
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  return { filename: encoded ? decodeURIComponent(encoded) : `${file}.xlsx`, blob: await res.blob() };
}
