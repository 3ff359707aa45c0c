// Resources: funding ledgers, the equipment register, staff certificates and
// training results (经费装备、资质培训), with their findings.
// The domain's entities join the table's one service when the domain loads.
import "./resource.entity.ts";
export { DEFAULT_RESOURCES, DEFAULT_QUALIFICATIONS, resourcesOf, qualificationsOf } from "../profile/index.ts";
export { resourceFindings, dateStatus, type ResourceFacts, type EquipmentFacts, type CertificateFacts } from "./findings.ts";
export {
  createBudgetLine,
  createSpending,
  fundingLedger,
  exportFundingLedger,
  presignFundingAttachment,
  fundingAttachmentUrl,
  CreateBudgetLineInput,
  CreateSpendingInput,
  BudgetLineSchema,
  SpendingSchema,
  LedgerSchema,
  LedgerQuery,
  type Ledger,
} from "./funding.ts";
export { createEquipment, updateEquipment, listEquipment, CreateEquipmentInput, UpdateEquipmentInput, EquipmentSchema, EquipmentListSchema } from "./equipment.ts";
export {
  createCertificate,
  listCertificates,
  setTrainingResults,
  trainingResults,
  CreateCertificateInput,
  CertificateSchema,
  CertificateListSchema,
  SetTrainingResultsInput,
  TrainingResultsSchema,
  type TrainingResults,
} from "./qualifications.ts";
export { resourceFindingsOf, exportRegister, ResourceFindingsInput, ResourceFindingsSchema } from "./read.ts";
