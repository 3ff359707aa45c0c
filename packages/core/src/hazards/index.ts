// The hazard closed loop: 发现 → 立案 → 派遣 → 处置 → 核查 → 结案, with the
// profile's routing, escalation and listed supervision as an overlay.
// The domain's entities join the table's one service when the domain loads.
import "./recurrence.entity.ts";
import "./intake.entity.ts";
import "./hazard.entity.ts";
import "./entry.entity.ts";
import "./counter.entity.ts";
import "./reward.entity.ts";
export { createHazard, type Created } from "./create.ts";
export { actOnHazard, actOnHazardWith } from "./act.ts";
export { corroborateHazard } from "./corroborate.ts";
export { mergeHazard } from "./merge.ts";
export { getTimeline, listByState, listAssigned, listByVenue, listOverdue, listListed, listAwaitingAck, listBySource, getCounters, getWindowCounters, hazardStates, hazardDocs, type Timeline } from "./read.ts";
export { submitTip, TIP_LIMITS, tipPlace, tipPlaces, locateTipsWith, TipPlaceSchema, TipPlacesSchema, type TipReceipt, type TipLocator, type TipPlacement } from "./tips.ts";
export { rewardOf, getTipReward, recordTipReward, tipStatus, RecordTipRewardInput, TipRewardSchema, TipStatusSchema, type TipRewardView, type TipStatus, type Eligibility } from "./rewards.ts";
export { sweepAll, sweepTenant, hazardSweepJob, type SweepStats } from "./sweep.ts";
export { fillMineRows, hazardMineUpkeepJob } from "./mine-upkeep.ts";
export {
  CreateHazardInput,
  ActionInput,
  ListByStateInput,
  ListAssignedInput,
  ListByVenueInput,
  ListWithinInput,
  ListAwaitingAckInput,
  ListBySourceInput,
  CountersInput,
  TimelineInput,
  TipInput,
  CorroborateInput,
  MergeInput,
  SimilarInput,
} from "./inputs.ts";
export { HazardViewSchema, HazardEventSchema, TimelineSchema, SummarySchema, SummaryPageSchema, CreatedSchema, CountersSchema, DaysBucketSchema, TipReceiptSchema, toHazardView, type HazardView } from "./views.ts";
export { discover, decide, sweep, targetOf, initialState, availableActions, absorb, corroborate, type Context, type ActionInput as ResolvedAction, type NewHazard, type Outcome } from "./machine.ts";
export {
  ACK_DAYS,
  acknowledgeBy,
  applyRules,
  represents,
  boundTo,
  rolesFor,
  jointlyFor,
  escalationTarget,
  handlingFor,
  deadlineFor,
  hazardCodes,
  bodyOf,
  onSpotAllowed,
  initialTrail,
  holds,
  recurs,
  levelOfPath,
  ancestorAt,
} from "./rules.ts";
export { hazardPathRewriteItems, type HazardBatch } from "./relocate.ts";
export { presignHazardPhotoUpload, hazardPhotoUrl, HazardPhotoQuery } from "./photos.ts";
export { PhotoUploadSchema, PhotoUrlSchema } from "../files/index.ts";
export { subtreeCounters, leadsOf, leadOf, listedUnder, venueHazardsSince, type Lead } from "./leads.ts";
export { entriesOf, entryChanges, counterDeltas, relocationDeltas, closingsOf, closureRecord, type Closing, countersView, quantileOf, type DaysBucket, standingMetrics, closingMetrics, wakeAt, ttcBucket, TTC_BUCKETS, type CountersView, type Summary } from "./entries.ts";
export { addDays, endOfDayAfter, endOfLocalDate, localDate, localMonth, startOfLocalDay } from "./clock.ts";
export { STATES, OPEN_STATES, SOURCES, OTHER_CODE, TRANSITIONS, OVERLAYS, LINKS, ACTIONS, isOpen, type Hazard, type State, type Source, type Action, type EventDraft, type RuleActor } from "./types.ts";
export { STATE_NAMES, ACTION_NAMES } from "./labels.ts";

// A node moved in the tree takes its hazards along; the tree calls this without importing hazards.
import { moveWithSubtree } from "../jurisdiction/index.ts";
import { hazardPathRewriteItems as moveHazards } from "./relocate.ts";
moveWithSubtree("hazards", moveHazards);
export { raiseHazard, raisedHazardItems, raisedItemCount, type RaisedHazard } from "./raise.ts";
export { hazardsCreatedUnder, monthsBetween } from "./pages.ts";
export { openHazardsUnder, openSummariesUnder, type HazardPointRow } from "./points.ts";
export { recountDashboardCounters, backfillOpenedLists, recountDashboardCountersOnce, dashboardRecountJob, type RecountStats } from "./recount.ts";
export { searchHazards, baseListOf, SearchPageSchema, MAX_MATCHES, type SearchPage } from "./search.ts";
export { bulkAct, BulkActionInput, BulkResultSchema, MAX_BULK, type BulkResult } from "./bulk.ts";
export { SearchHazardsInput } from "./inputs.ts";
export { mineList, mineOf } from "./entries.ts";
