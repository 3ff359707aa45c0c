import { Hazards, Inspections, type Job } from "@firegov/core";

/** Every scheduled job, for the Lambda and the local timer alike. Domains add theirs here. */
export const registeredJobs: Job[] = [Hazards.hazardSweepJob, Inspections.inspectionScheduleJob];
