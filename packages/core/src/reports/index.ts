// Reports of a subtree over a period (issue 17, Build 4): response times and
// overdue per handling body and per node, and the hazard and inspection
// ledgers as xlsx. Reads only: hazards and inspections are read through their
// own domains' page readers; no counter of theirs is written or changed here.
export { PeriodInput, ResponseTimesInput, yearAfter } from "./inputs.ts";
export { responseTally, quantile, tenthsOfDays, ackDueAt, bodyKeyOf, childKeyOf, type ResponseRow, type Tally } from "./response-times.ts";
export { responseTimes, responseTimesXlsx, computeResponseTimes, hazardLedger, inspectionLedger, RESPONSE_COLUMNS, HAZARD_LEDGER_HEADERS, INSPECTION_LEDGER_HEADERS, MAX_LEDGER_ROWS, type ResponseTimes, type NamedRow, type XlsxFile } from "./read.ts";
export { ResponseTimesSchema } from "./views.ts";
