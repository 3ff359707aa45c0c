// Organisation: the people, bodies, forces and records kept at each node.
// The domain's entities join the table's one service when the domain loads.
import "./record.entity.ts";
import "./person.entity.ts";
import "./brigade.entity.ts";
import "./body.entity.ts";
import "./benchmark.entity.ts";
export * from "./vocabulary.ts";
export { listPeople, listPeopleUnder, getPerson, createPerson, updatePerson, PersonParams, PageInput, CreatePersonInput, UpdatePersonInput, PersonViewSchema, PersonPageSchema, type PersonView } from "./people.ts";
export { getOrganisation, OrganisationViewSchema, setBody, SetBodyInput, setStandardItem, SetStandardItemInput, setMilestone, SetMilestoneInput, setPosting, SetPostingInput, PostingViewSchema, type OrganisationView } from "./bodies.ts";
export { lookUpVenuesWith, brigadePositionsUnder, type VenueLookup, type BrigadePosition } from "./brigades.ts";
export { createBrigade, updateBrigade, getBrigade, listBrigadesUnder, BrigadeParams, CreateBrigadeInput, UpdateBrigadeInput, BrigadeViewSchema, BrigadePageSchema, type BrigadeView } from "./brigades.ts";
export { createRecord, updateRecord, getRecord, listRecords, recordReceipts, RecordParams, ListRecordsInput, CreateRecordInput, UpdateRecordInput, RecordViewSchema, RecordPageSchema, MAX_ATTENDEES, type RecordView } from "./records.ts";
export { validIdNumber, maskPhone, maskIdNumber } from "./fields.ts";
export { TREE_HEADERS, STAFF_HEADERS, TREE_COLUMNS, STAFF_COLUMNS, IMPORT_TEMPLATES, PEOPLE_LEDGER, PERSON_STATUS_NAMES, RECORDS_LEDGER, type ImportColumn } from "./formats.ts";
export { importTree, importStaff, ImportInput, ImportMode, ImportReportSchema, type ImportReport } from "./import.ts";
export { rowsFromUpload, parseCsv, tooLarge, IMPORT_LIMITS, MAX_UPLOAD_BYTES, MAX_ROWS, type ParsedRow, type UploadLimits } from "./import-file.ts";
export { ContactPhone } from "./fields.ts";
export { readNodeView, toOrgData, brigadeFactsUnder, CURRENT_ONLY, type NodeViewData } from "./node-data.ts";
export type { OrgData, NodeFacts, PersonFacts, BrigadeFacts, CoverFacts, RecordFacts, AttendanceFacts } from "./facts.ts";
export { listWageBenchmarks, setWageBenchmark, wageBenchmarkFor, SetWageBenchmarkInput, WageBenchmarkSchema, WageBenchmarkListSchema } from "./benchmarks.ts";
