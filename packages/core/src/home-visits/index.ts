// Home visits to vulnerable households (入户走访): the register per village or
// grid (category, address, minimal personal data with its consent; the ID
// number stored once, masked everywhere, read in full only by the profile's
// piiReaders and audited), the due list from the last visit and the
// category's frequency, and visits whose failed items raise hazards.
// The domain's entities join the table's one service when the domain loads.
import "./household.entity.ts";
import { moveWithSubtree } from "../jurisdiction/index.ts";
import { householdsMovedWith } from "./relocate.ts";
export { DEFAULT_HOME_VISITS, homeVisitsOf, addFrequency, dueOf, type DueStatus } from "./policy.ts";
export {
  registerHousehold,
  listHouseholds,
  revealIdNumber,
  exportHouseholds,
  removeHousehold,
  RemoveHouseholdInput,
  RemovedHouseholdSchema,
  RegisterHouseholdInput,
  ConsentInput,
  ListHouseholdsInput,
  ExportHouseholdsInput,
  HouseholdViewSchema,
  HouseholdPageSchema,
  RevealedIdNumberSchema,
  HOUSEHOLD_EXPORT_HEADERS,
  DUE_SOON_DAYS,
  type HouseholdView,
  type RevealedIdNumber,
} from "./households.ts";
export {
  recordVisit,
  getHousehold,
  dueVisits,
  homeVisitPolicy,
  RecordVisitInput,
  VisitAnswer,
  DueVisitsInput,
  HomeVisitViewSchema,
  HomeVisitResultSchema,
  HouseholdDetailSchema,
  DueVisitsSchema,
  HomeVisitPolicySchema,
  type HomeVisitView,
  type HomeVisitResult,
  type HouseholdDetail,
  type HomeVisitPolicyView,
} from "./visits.ts";

// A moved village or grid takes its households along.
moveWithSubtree("households", householdsMovedWith);
export { remindDueVisits, homeVisitReminderJob, nearestVisitors } from "./remind.ts";
