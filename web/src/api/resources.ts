// 经费装备、资质培训: a node's funding ledger, equipment, certificates, training results and their findings.
import type {
  BudgetLineInput,
  Certificate,
  CertificateInput,
  CertificateList,
  Equipment,
  EquipmentInput,
  EquipmentList,
  FundingLedger,
  ResourceFindings,
  SpendingInput,
  TrainingResults,
  TrainingResultsInput,
} from "@firegov/core/contract";
import { apiFetch, idempotent, json, patch, post, queryString } from "./http.ts";
import { nodePath } from "./nodes.ts";

export const fundingLedger = (nodeId: string, year?: number): Promise<FundingLedger> => json(`${nodePath(nodeId)}/funding${queryString({ year })}`);
export const createBudgetLine = (nodeId: string, input: BudgetLineInput, key: string): Promise<{ lineId: string }> => json(`${nodePath(nodeId)}/funding/lines`, post(input, idempotent(key)));
export const createSpending = (nodeId: string, input: SpendingInput, key: string): Promise<{ spendingId: string }> => json(`${nodePath(nodeId)}/funding/spending`, post(input, idempotent(key)));
export const listEquipment = (nodeId: string): Promise<EquipmentList> => json(`${nodePath(nodeId)}/equipment`);
export const createEquipment = (nodeId: string, input: EquipmentInput, key: string): Promise<Equipment> => json(`${nodePath(nodeId)}/equipment`, post(input, idempotent(key)));
export const retireEquipment = (nodeId: string, equipmentId: string): Promise<Equipment> => json(`${nodePath(nodeId)}/equipment/${encodeURIComponent(equipmentId)}`, patch({ status: "retired" }));
export const listCertificates = (nodeId: string): Promise<CertificateList> => json(`${nodePath(nodeId)}/certificates`);
export const createCertificate = (nodeId: string, input: CertificateInput, key: string): Promise<Certificate> => json(`${nodePath(nodeId)}/certificates`, post(input, idempotent(key)));
export const trainingResults = (nodeId: string, recordId: string): Promise<TrainingResults> => json(`${nodePath(nodeId)}/records/${encodeURIComponent(recordId)}/results`);
export const setTrainingResults = (nodeId: string, recordId: string, input: TrainingResultsInput): Promise<TrainingResults> =>
  json(`${nodePath(nodeId)}/records/${encodeURIComponent(recordId)}/results`, { method: "PUT", body: JSON.stringify(input) });
export const resourceFindings = (nodeId: string): Promise<ResourceFindings> => json(`${nodePath(nodeId)}/resources/findings`);

/** A workbook with the file name the API gives it (Chinese, UTF-8). */
export async function downloadWorkbook(path: string, fallback: string): Promise<{ filename: string; blob: Blob }> {
  const res = await apiFetch(path);
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get("content-disposition") ?? "")?.[1];
  return { filename: encoded ? decodeURIComponent(encoded) : fallback, blob: await res.blob() };
}

export const fundingExportPath = (nodeId: string, year?: number) => `${nodePath(nodeId)}/funding/export${queryString({ year })}`;
export const registerExportPath = (nodeId: string) => `${nodePath(nodeId)}/equipment/export`;
