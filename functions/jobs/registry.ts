import { Campaigns, Hazards, HomeVisits, Inspections, Notifications, Tenancy, Venues, Warnings, type Job, type JobCadence } from "@firegov/core";
import { dispatchJobs, type JobQueue } from "@firegov/core/jobs/index";

/** Every scheduled job, for the Lambdas and the local timer alike. Domains add theirs here. */
export const registeredJobs: Job[] = [Hazards.hazardSweepJob, Hazards.hazardMineUpkeepJob, Inspections.inspectionScheduleJob, Inspections.taskReindexJob, Venues.venueSearchUpkeepJob, Campaigns.campaignUpkeepJob, Hazards.dashboardRecountJob, Notifications.deliveryJob, Warnings.warningEscalationJob, HomeVisits.homeVisitReminderJob];

/** The dispatch step: one message per (job of the cadence, registered tenant) onto `queue`. */
export const dispatchDue = (cadence: JobCadence, now: Date, queue: JobQueue) => dispatchJobs(registeredJobs, { cadence, now, tenants: Tenancy.registeredTenants(), queue });
