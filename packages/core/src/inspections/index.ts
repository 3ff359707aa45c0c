// Field inspections: schedules from the profile's categories, the daily job
// that makes tasks of them, the visit with its checklists (hazards raised in
// the same transaction), and coverage kept as counters.
// The domain's entities join the table's one service when the domain loads.
import "./inspection.entity.ts";
export { periodOf, slotPeriod, basePeriod, type Period } from "./periods.ts";
export { dueTasks, planTask, responsibleLevel, responsibleNode, coverageDeltas, ancestry, percentCovered, taskIdOf, parseTaskId, type DueTask, type ScheduledVenue, type ScheduledPlan, type CoverageDelta } from "./schedule.ts";
export { checklistFor, applicableCategories, type ChecklistEntry } from "./checklist.ts";
export { finishInspection, FinishInspectionInput, ItemResult, MAX_TRANSACTION_ITEMS } from "./perform.ts";
export { recordSafetyEvaluation, EvaluationResultSchema, type EvaluationResult } from "./evaluation.ts";
export { SafetyEvaluationInput } from "../venues/index.ts";
export { getChecklist, getTask, listTasks, listVenueInspections, getInspection, getCoverage, coverageByPeriod, PageInput, InspectionParams, TaskParams, ListTasksInput, CoverageInput, CoverageByPeriodInput, subtreeCoverage } from "./read.ts";
export { scheduleTenant, scheduleAll, inspectionScheduleJob, type ScheduleStats } from "./job.ts";
export { InspectionViewSchema, InspectionPageSchema, TaskViewSchema, TaskPageSchema, ChecklistViewSchema, CoverageViewSchema, type InspectionView, type TaskView } from "./views.ts";

// A retired venue's open tasks go with it; venues call this without importing inspections.
import { dropWhenVenueRetires } from "../venues/index.ts";
import { openTasksOfRetiredVenue } from "./retirement.ts";
dropWhenVenueRetires(openTasksOfRetiredVenue);

// A venue created, imported, reclassified, moved or given a patrol plan gets its tasks at once; venues call this without importing inspections.
import { followVenueWrites } from "../venues/index.ts";
import { followVenueWrites as venueTasksFollow } from "./venue-tasks.ts";
followVenueWrites(venueTasksFollow);
export { mayPerform, platformRolesOf, DEFAULT_ACTS_AS } from "./performers.ts";

// A node moved in the tree takes its tasks, inspections and coverage along; the tree calls this without importing inspections.
import { moveWithSubtree } from "../jurisdiction/index.ts";
import { inspectionsMovedWith } from "./relocate.ts";
moveWithSubtree("inspections", inspectionsMovedWith);
export { reindexTasks, taskReindexJob } from "./reindex.ts";
export { assignedTaskItem, assignedTaskId, taskOutcomes, type AssignedTask, type TaskOutcome } from "./assigned.ts";
export { campaignTaskItem, dropOpenCampaignTask, campaignTasks, campaignVisits, CAMPAIGN_ROLE, type CampaignTaskDraft, type CampaignTaskRow, type CampaignVisit, type CampaignLookup } from "./campaign-tasks.ts";
export { entryKey } from "./checklist.ts";
export { inspectionsFinishedUnder, venueInspectionsSince, type InspectionRow } from "./pages.ts";
export { openTasksDueUnder, type TaskPointRow } from "./points.ts";
export { coverageNow, type CurrentCoverage } from "./current.ts";
