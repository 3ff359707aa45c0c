// The API's shapes as the web client sees them: types only, derived from the
// domains' own zod schemas, so that a change of a view breaks the web's
// typecheck instead of drifting from it. Import with `import type`: nothing
// here exists at run time, and nothing of the server reaches the bundle.
import type { z } from "zod";
import type {
  Access,
  Campaigns,
  Assessment,
  Compliance,
  Dashboard as Dashboards,
  Hazards,
  HomeVisits,
  HealthReport as Health,
  Incidents,
  Identity,
  Inspections,
  Iot,
  Jurisdiction,
  Notifications,
  Organisation,
  Profiles,
  SpotChecks,
  SelfChecks,
  Tenancy,
  Venues,
} from "./index.ts";

// ── System, tenancy and identity

export type HealthReport = Health;
export type Role = Access.Role;
export type User = Identity.UserView;
/** The profile body a user acts for, as GET /v1/me names it. */
export type UserBody = Identity.BodyRef;
export type SignedIn = Identity.SignedIn;
export type LoginInput = z.input<typeof Identity.LoginInput>;
export type RecoverInput = z.input<typeof Identity.RecoverInput>;
export type CreateUserInput = z.input<typeof Identity.CreateUserInput>;
export type UpdateUserInput = z.input<typeof Identity.UpdateUserInput>;
export type UserStatus = z.infer<typeof Identity.SetUserStatusInput>["status"];
export type ChangePasswordInput = z.input<typeof Identity.ChangePasswordInput>;
export type Tenant = z.infer<typeof Tenancy.TenantViewSchema>;
export type SignupInput = z.input<typeof Tenancy.SignupInput>;
export type SignupResult = Tenancy.SignupResult;

// ── Jurisdiction tree

export type JurisdictionNode = Jurisdiction.NodeView;
export type CreateNodeInput = z.input<typeof Jurisdiction.CreateNodeInput>;
export type UpdateNodeInput = z.input<typeof Jurisdiction.UpdateNodeInput>;

// ── Policy profiles

export type PolicyProfile = Profiles.PolicyProfile;
/** A draft (or an import) may not be a valid profile: plain JSON. */
export type ProfileDocument = z.infer<typeof Profiles.ProfileJson>;
export type ProfileIssue = Profiles.ProfileIssue;
export type ProfileVersionSummary = Profiles.VersionSummary;
export type ProfileVersion = Profiles.VersionView;
export type ProfileDraft = Profiles.DraftView;
/** `v:<n>`, `draft` or `preset:<id>`. */
export type ProfileRef = z.infer<typeof Profiles.ProfileRef>;
export type ProfileDiff = z.infer<typeof Profiles.ProfileDiffSchema>;
export type ProfileChange = ProfileDiff["changes"][number];
export type ProfileValidation = z.infer<typeof Profiles.ValidationResultSchema>;
export type PublishInput = z.input<typeof Profiles.PublishInput>;
export type RuleCoverage = Profiles.RuleCoverage;
export type RuleCoverageRow = RuleCoverage["rows"][number];
/** The draft editor's form description (GET /v1/profile/schema). */
export type FormNode = Profiles.FormNode;
export type FormField = Profiles.FormField;
export type FormObject = Profiles.FormObject;
export type ProfileFormSchema = Profiles.ProfileForm;
export type ReferenceTarget = Profiles.ReferenceTarget;
/** The county's document attached to the draft or kept with a version, split into clauses (issue 14). */
export type ProfileSourceDocument = Profiles.ProfileDocumentView;
export type DocumentClause = Profiles.Clause;

// ── Organisation of a node

export type Employment = Organisation.Employment;
export type ForceKind = Organisation.ForceKind;
export type VehicleType = Organisation.VehicleType;
export type DutyStatus = z.infer<typeof Organisation.DutyStatus>;
export type RecordKind = Organisation.RecordKind;
export type OrganisationView = Organisation.OrganisationView;
export type OrgBody = OrganisationView["bodies"][number];
export type StandardItem = OrgBody["standards"][number]["items"][number];
export type Milestone = OrganisationView["milestones"][number];
export type Person = Organisation.PersonView;
export type CreatePersonInput = z.input<typeof Organisation.CreatePersonInput>;
export type UpdatePersonInput = z.input<typeof Organisation.UpdatePersonInput>;
export type SetBodyInput = z.input<typeof Organisation.SetBodyInput>;
export type SetStandardItemInput = z.input<typeof Organisation.SetStandardItemInput>;
export type SetMilestoneInput = z.input<typeof Organisation.SetMilestoneInput>;
export type SetPostingInput = z.input<typeof Organisation.SetPostingInput>;
export type Posting = NonNullable<OrgBody["postings"]>[number];
export type Brigade = Organisation.BrigadeView;
export type CreateBrigadeInput = z.input<typeof Organisation.CreateBrigadeInput>;
export type UpdateBrigadeInput = z.input<typeof Organisation.UpdateBrigadeInput>;
export type ObligationRecord = Organisation.RecordView;
export type CreateRecordInput = z.input<typeof Organisation.CreateRecordInput>;
/**
 * The schema takes `obligationId: null` (it clears the link), but the type
 * records.ts casts it to intersects the null away; restored here until that
 * cast says so itself.
 */
export type UpdateRecordInput = Omit<z.input<typeof Organisation.UpdateRecordInput>, "obligationId"> & { obligationId?: string | null };
export type ImportMode = z.infer<typeof Organisation.ImportMode>;
export type ImportReport = Organisation.ImportReport;
export type ImportRowError = ImportReport["errors"][number];

// ── Compliance

export type FindingStatus = Compliance.Status;
export type StatusCounts = Compliance.StatusCounts;
export type Finding = z.infer<typeof Compliance.FindingSchema>;
export type NodeFindings = z.infer<typeof Compliance.NodeFindingsSchema>;
export type RollupRow = z.infer<typeof Compliance.RollupRowSchema>;

// ── Hazards, inbox, public tips, photos

export type HazardState = Hazards.State;
export type HazardSource = Hazards.Source;
export type HazardAction = Hazards.Action;
export type Hazard = Hazards.HazardView;
export type HazardCreated = z.infer<typeof Hazards.CreatedSchema>;
export type HazardEvent = z.infer<typeof Hazards.HazardEventSchema>;
export type HazardTimeline = z.infer<typeof Hazards.TimelineSchema>;
export type HazardSummary = z.infer<typeof Hazards.SummarySchema>;
export type ReportHazardInput = z.input<typeof Hazards.CreateHazardInput>;
export type HazardActionInput = z.input<typeof Hazards.ActionInput>;
export type TipInput = z.input<typeof Hazards.TipInput>;
export type TipReceipt = z.infer<typeof Hazards.TipReceiptSchema>;
export type TipStatus = Hazards.TipStatus;
export type TipPlaces = z.infer<typeof Hazards.TipPlacesSchema>;
export type PublicResponse = Profiles.PublicResponse;
export type TipRewardView = Hazards.TipRewardView;
export type RecordTipRewardInput = z.input<typeof Hazards.RecordTipRewardInput>;
export type PhotoUpload = z.infer<typeof Hazards.PhotoUploadSchema>;
export type PhotoUrl = z.infer<typeof Hazards.PhotoUrlSchema>;
export type Notification = Notifications.NotificationView;
export type NotificationChannel = Notifications.ChannelSettingView;
export type NotificationChannelInput = z.input<typeof Notifications.ChannelSettingInput>;
export type NotificationSend = Notifications.SendView;
export type DeliveryLog = z.infer<typeof Notifications.DeliveryLogSchema>;
export type ReadReceipts = Notifications.ReceiptsView;

// ── Venues

export type Venue = Venues.VenueView;
export type CreateVenueInput = z.input<typeof Venues.CreateVenueInput>;
export type UpdateVenueInput = z.input<typeof Venues.UpdateVenueInput>;
export type VenueEvent = z.infer<typeof Venues.VenueHistorySchema>["items"][number];
export type VenueExportFilter = Omit<z.input<typeof Venues.ExportInput>, "format">;
export type VenueListFilter = Pick<z.input<typeof Venues.ListVenuesInput>, "kind" | "category" | "supervisor" | "status" | "q" | "patrolPlan">;
export type PatrolPlanInput = z.input<typeof Venues.PatrolPlanInput>;
export type VenueImportReport = Venues.VenueImportReport;
export type VenueImportProgress = z.infer<typeof Venues.ImportProgressSchema>;
export type SafetyEvaluationInput = z.input<typeof Venues.SafetyEvaluationInput>;
export type SafetyEvaluation = Venues.SafetyEvaluation;
export type SafetyEvaluationResult = Inspections.EvaluationResult;
export type SafetyEvaluationFinding = z.infer<typeof Venues.EvaluationFindingPageSchema>["items"][number];

// ── Inspections

export type InspectionTask = Inspections.TaskView;
export type Checklist = z.infer<typeof Inspections.ChecklistViewSchema>;
export type ChecklistEntry = Inspections.ChecklistEntry;
export type ItemResult = z.input<typeof Inspections.ItemResult>;
export type ItemOutcome = ItemResult["result"];
export type FinishInspectionInput = z.input<typeof Inspections.FinishInspectionInput>;
export type Inspection = Inspections.InspectionView;
export type CoverageRow = z.infer<typeof Inspections.CoverageViewSchema>["items"][number];

// ── Random spot checks (双随机、一公开)

export type SpotCheckDraw = SpotChecks.DrawView;
export type SpotCheckOutcome = z.infer<typeof SpotChecks.DrawOutcome>;
export type PublicSpotCheckDraw = SpotChecks.PublicDrawView;
export type PublicSpotCheckPage = SpotChecks.PublicDrawPage;
// ── Campaigns (专项整治)

export type Campaign = Campaigns.CampaignView;
export type CampaignProgress = Campaigns.CampaignProgressView;
export type CampaignSummary = z.infer<typeof Campaigns.CampaignSummarySchema>;
export type CreateCampaignInput = z.input<typeof Campaigns.CreateCampaignInput>;
export type CampaignPrefill = Campaigns.CampaignPrefill;
export type CampaignListState = z.input<typeof Campaigns.ListCampaignsInput>["state"];
// ── Assessment and incentives

export type Scorecards = Assessment.ScorecardsView;
export type Scorecard = Scorecards["cards"][number];
export type IndicatorScore = Scorecard["indicators"][number];
export type SetScoreInput = z.input<typeof Assessment.SetScoreInput>;
export type AssessmentScore = z.infer<typeof Assessment.ScoreSchema>;
export type IncentiveRecord = Assessment.IncentiveRecordView;
export type RecordIncentiveInput = z.input<typeof Assessment.RecordIncentiveInput>;
export type IncentiveCandidates = Assessment.CandidatesView;
export type IncentiveCandidate = IncentiveCandidates["incentives"][number]["candidates"][number];
export type ClosePeriodInput = z.input<typeof Assessment.ClosePeriodInput>;
export type EvidenceLink = NonNullable<IndicatorScore["link"]>;
// ── Venue self-checks

export type SelfCheckForm = SelfChecks.SelfCheckForm;
export type SubmitSelfCheckInput = z.input<typeof SelfChecks.SubmitSelfCheckInput>;
export type SelfCheckAnswer = z.input<typeof SelfChecks.SelfCheckAnswer>;
export type SelfCheckReceipt = SelfChecks.SelfCheckReceipt;
export type SelfCheckLink = SelfChecks.SelfCheckLinkView & { url?: string };
export type SelfCheckStatus = SelfChecks.SelfCheckStatus;
export type SelfCheck = SelfChecks.SelfCheckView;
export type SelfCheckRoll = z.infer<typeof SelfChecks.SelfCheckRollSchema>;
// ── Reports (response times, ledgers)
import type { Reports } from "./index.ts";
export type ResponseTimes = z.infer<typeof Reports.ResponseTimesSchema>;
export type ResponseTimeRow = ResponseTimes["total"];
export type ResponseTimeNamedRow = ResponseTimes["byBody"][number];
export type ReportPeriodInput = z.input<typeof Reports.PeriodInput>;
// ── The one map (一张图)

import type { Maps } from "./index.ts";
export type MapLayer = (typeof Maps.LAYERS)[number];
export type MapPoint = Maps.MapPoint;
export type MapPointPage = Maps.MapPointPage;
export type MapPointsQuery = z.input<typeof Maps.MapPointsInput>;
export type BoundaryCollection = z.infer<typeof Maps.BoundaryCollectionSchema>;
export type BoundaryReceipt = z.infer<typeof Maps.BoundaryReceiptSchema>;
export type BoundaryRemoval = z.infer<typeof Maps.BoundaryRemovalSchema>;
export type Basemap = Tenancy.BasemapView;
export type BasemapInput = z.input<typeof Tenancy.BasemapInput>;
// ── Leaders' dashboards (issue 17)

export type Dashboard = Dashboards.Dashboard;
export type DashboardTrendMonth = Dashboard["hazards"]["trend"][number];
export type DashboardCoverage = NonNullable<Dashboard["coverage"]>[number];

// ── Fire incidents (火灾事故)

export type Incident = Incidents.IncidentView;
export type IncidentDetail = Incidents.IncidentDetail;
export type NearestForces = Incidents.NearestForces;
export type CreateIncidentInput = z.input<typeof Incidents.CreateIncidentInput>;
export type UpdateIncidentInput = z.input<typeof Incidents.UpdateIncidentInput>;
// ── Home visits to vulnerable households (入户走访, issue 19)

export type Household = HomeVisits.HouseholdView;
export type HouseholdDetail = HomeVisits.HouseholdDetail;
export type RegisterHouseholdInput = z.input<typeof HomeVisits.RegisterHouseholdInput>;
export type RecordHomeVisitInput = z.input<typeof HomeVisits.RecordVisitInput>;
export type HomeVisit = HomeVisits.HomeVisitView;
export type HomeVisitResult = HomeVisits.HomeVisitResult;
export type HomeVisitPolicy = HomeVisits.HomeVisitPolicyView;
export type DueHomeVisits = z.infer<typeof HomeVisits.DueVisitsSchema>;
export type RevealedIdNumber = HomeVisits.RevealedIdNumber;
// ── Funding, equipment, qualifications and training results (issue 19)

import type { Resources } from "./index.ts";
export type FundingLedger = z.infer<typeof Resources.LedgerSchema>;
export type BudgetLine = z.infer<typeof Resources.BudgetLineSchema>;
export type BudgetLineInput = z.input<typeof Resources.CreateBudgetLineInput>;
export type SpendingInput = z.input<typeof Resources.CreateSpendingInput>;
export type Equipment = z.infer<typeof Resources.EquipmentSchema>;
export type EquipmentList = z.infer<typeof Resources.EquipmentListSchema>;
export type EquipmentInput = z.input<typeof Resources.CreateEquipmentInput>;
export type Certificate = z.infer<typeof Resources.CertificateSchema>;
export type CertificateList = z.infer<typeof Resources.CertificateListSchema>;
export type CertificateInput = z.input<typeof Resources.CreateCertificateInput>;
export type TrainingResults = z.infer<typeof Resources.TrainingResultsSchema>;
export type TrainingResultsInput = z.input<typeof Resources.SetTrainingResultsInput>;
export type ResourceFindings = z.infer<typeof Resources.ResourceFindingsSchema>;
// ── Early warnings (预警叫应)

import type { Warnings } from "./index.ts";
export type Warning = Warnings.WarningView;
export type WarningDetail = Warnings.WarningDetailView;
export type WarningTarget = Warnings.WarningTargetView;
export type NodeWarning = Warnings.NodeWarningView;
export type IssueWarningInput = z.input<typeof Warnings.IssueWarningInput>;
export type AnswerWarningInput = z.input<typeof Warnings.AnswerWarningInput>;
// ── IoT devices (消防物联网)

export type IotDevice = Iot.IotDeviceView;
export type IotKey = Iot.IotKeyView;
export type RegisterIotDeviceInput = z.input<typeof Iot.RegisterDeviceInput>;
export type RegisteredIotDevice = z.infer<typeof Iot.RegisteredDeviceSchema>;
export type IotOfflineFinding = Iot.OfflineFinding;
// ── Open311 GeoReport v2 clients (issue 18)

import type { Open311 } from "./index.ts";
export type Open311Client = Open311.Open311ClientView;
export type IssuedOpen311Client = z.infer<typeof Open311.IssuedOpen311ClientSchema>;
export type IssueOpen311ClientInput = z.input<typeof Open311.IssueOpen311ClientInput>;

// ── Place and duplicates (issue 16)

export type NearbyVenue = Maps.NearbyVenue;
export type NearbyVenuesQuery = z.input<typeof Maps.NearbyVenuesInput>;
export type SimilarHazard = Maps.SimilarHazard;
export type SimilarHazardsQuery = z.input<typeof Hazards.SimilarInput>;
export type CorroborateHazardInput = z.input<typeof Hazards.CorroborateInput>;
export type MergeHazardInput = z.input<typeof Hazards.MergeInput>;
// ── The officers' board (issue 16): search, bulk actions, notices that resolve
export type HazardSearchQuery = z.input<typeof Hazards.SearchHazardsInput>;
export type HazardSearchPage = z.infer<typeof Hazards.SearchPageSchema>;
export type HazardBulkInput = z.input<typeof Hazards.BulkActionInput>;
export type HazardBulkResult = Hazards.BulkResult;
export type MarkSubjectReadInput = z.input<typeof Notifications.MarkSubjectReadInput>;
