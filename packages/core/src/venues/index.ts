// The venue registry: supervised objects with their classification derived
// from the profile (supervising body, inspection categories), the ledger in
// and out, and the photos taken at them.
// The domain's entities join the table's one service when the domain loads.
import "./venue.entity.ts";
export { classify, classifyByPolicies, venueDuties, type VenueDuties, matchesVenue, classificationChanged, checkFacts, reclassifyBasis, type Classification, type Classified, type VenueFacts, type Basis } from "./classify.ts";
export { Feature, venueFlagsOf, venueFeaturesOf, flagName, featureName } from "./vocabulary.ts";
export {
  createVenue,
  updateVenue,
  retireVenue,
  getVenue,
  listVenues,
  venueHistory,
  CreateVenueInput,
  UpdateVenueInput,
  VenueParams,
  ListVenuesInput,
  VenueViewSchema,
  VenuePageSchema,
  VenueHistorySchema,
  type VenueView,
} from "./venues.ts";
export { importVenues, importProgress, exportVenues, VenueImportInput, ImportMode, VenueImportReportSchema, ImportProgressSchema, ImportProgressParams, ExportInput, HEADERS, type VenueImportReport } from "./ledger.ts";
export { venueRowsFromUpload, VENUE_UPLOAD_LIMITS, MAX_VENUE_UPLOAD_BYTES, MAX_VENUE_ROWS } from "./file.ts";
export { presignPhotoUpload, presignPhotoGet, photoPrefix, PhotoParams } from "./photos.ts";
export { PhotoUploadInput, PhotoUploadSchema, PhotoUrlSchema, PHOTO_TYPES, MAX_PHOTO_BYTES } from "../files/index.ts";
export { venueOrNotFound, loadVenueItem, activeVenuesUnder, keyUnitsAt, type VenueItem, type VenueFactsAt } from "./store.ts";
export { dropWhenVenueRetires, type RetirementPart, type RetirementBatch } from "./retirement.ts";
export { followVenueWrites, type VenueFollower, type VenueWritten } from "./changes.ts";
export { PATROL_METHODS, type PatrolMethod } from "./patrol-methods.ts";
export { setPatrolPlan, PatrolPlanInput } from "./patrol-plan.ts";

// A brigade built at a venue (a key unit's micro station) is checked against the registry without organisation importing venues.
import { lookUpVenuesWith } from "../organisation/index.ts";
import { loadVenueItem as loadVenue } from "./store.ts";
lookUpVenuesWith(async (venueId) => {
  const venue = await loadVenue(venueId);
  return venue ? { nodeId: venue.nodeId, status: venue.status } : undefined;
});
export {
  evaluationPolicyFor,
  evaluationItems,
  evaluationFinding,
  listEvaluationFindings,
  SafetyEvaluationInput,
  SafetyEvaluationSchema,
  EvaluationFindingsInput,
  EvaluationFindingPageSchema,
  OPERATING_STATUSES,
  type EvaluationPolicy,
  type SafetyEvaluation,
  type OperatingStatus,
} from "./evaluation.ts";

// A node moved in the tree takes its venues along; the tree calls this without importing venues.
import { moveWithSubtree } from "../jurisdiction/index.ts";
import { venuesMovedWith } from "./relocate.ts";
moveWithSubtree("venues", venuesMovedWith);
export { fillSearchText, venueSearchUpkeepJob } from "./search-upkeep.ts";
export { activeVenuesMatching, type MatchedVenue } from "./matching.ts";
export { venuePointsUnder, venueCoordinates, venuesInBox, type VenuePoint, type PlacedVenue } from "./points.ts";
export { draftReclassification, rederiveVenues, countReclassified } from "./rederive.ts";
