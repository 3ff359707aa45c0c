// Policy profiles: a county's rules as validated, cited data, versioned per tenant.
// The domain's entities join the table's one service when the domain loads.
import "./profile.entity.ts";
import "./document/document.entity.ts";
export {
  PolicyProfile,
  Frequency,
  LevelId,
  HazardState,
  LEVEL_IDS,
  HAZARD_STATES,
  NATIONAL_REF,
  SourceRef,
  normalizeClause,
  PROFILE_SCHEMA_VERSION,
  type Vocabulary,
  type VocabularyEntry,
  type Condition,
  type VenueMatch,
  type SpotCheckPolicy,
  type Occasion,
  COMPLIANCE_AREAS,
  type IndicatorMeasure,
  type IncidentsPolicy,
  type ComplianceArea,
  type HomeVisitsPolicy,
  HOME_VISIT_FIELDS,
  type ResourcesPolicy,
  type QualificationsPolicy,
  type WarningsSection,
  WARNING_ESCALATION_TARGETS,
  type IotPolicy,
  type IotAlarmType,
  type PublicResponse,
} from "./schema.ts";
export { parseProfile, validateProfile, type ParseResult, type ProfileIssue } from "./validate.ts";
export { PROFILE_REFERENCES, REFERENCE_TARGETS, referencesIn, referringPaths, targetIds, targetOfList, referenceAt, type ProfileReference, type ReferenceTarget } from "./references.ts";
export { profileFormSchema, referenceLists, FormSchemaView, CITATION_KEYS, type FormNode, type FormField, type FormObject, type ProfileForm } from "./form-schema.ts";
export { diffProfiles, describeChange, type ProfileChange } from "./diff.ts";
export { profileInEffect, type Dated } from "./in-effect.ts";
export {
  MAX_PROFILE_BYTES,
  ProfileJson,
  ProfileIssueSchema,
  VersionSummarySchema,
  VersionViewSchema,
  DraftViewSchema,
  type VersionSummary,
  type VersionView,
  type DraftView,
} from "./views.ts";
export {
  getCurrentProfile,
  CurrentProfileInput,
  listVersions,
  ListVersionsInput,
  getVersion,
  VersionParams,
  publish,
  PublishInput,
} from "./versions.ts";
export { getFormSchema, getDraft, saveDraft, SaveDraftInput, validateDraft, ValidateDraftInput, ValidationResultSchema, importProfile } from "./draft.ts";
export { diff, DiffInput, ProfileDiffSchema, exportProfile, ExportInput, ProfileRef, type PresetLookup } from "./compare.ts";
export { profileAt, versionItemAt } from "./in-force.ts";
export { followProfilePublishes, type PublishFollowUp } from "./published.ts";
export { tierLevels, childLevel, kernelOf, levelFor, officerRoleAt, meaningOf, wordName, rollupLevelOf } from "./levels.ts";
export { KERNEL_LEVELS, KERNEL_OFFICER, PLATFORM_ROLE_IDS, BASELINE_VOCABULARY, VOCABULARY_KEYS, kernelIds, baselineEntries, baselineVocabulary, type KernelLevel, type VocabularyKey } from "./kernel.ts";
export { migrateProfile, schemaVersionOf, MIGRATIONS } from "./migrate.ts";
export { industryDepartmentFor, industryRuleFor, bodyForVenue } from "./industry.ts";
export { firstVersionItems } from "./versions.ts";
export { VERSIONS_FRESH_SECONDS } from "./in-force.ts";
export { defaultIncidents, defaultIncidentCauses, defaultReviewWindow, incidentsPolicy } from "./incidents.ts";
export { DEFAULT_RESOURCES, DEFAULT_QUALIFICATIONS, resourcesOf, qualificationsOf } from "./resources.ts";
export { ruleCoverage, profileRules, applierCode, platformSupport, type RuleRow } from "./coverage.ts";
export { getRuleCoverage, RuleCoverageInput, RuleCoverageSchema, type RuleCoverage } from "./coverage-view.ts";
export { DEFAULT_PUBLIC_RESPONSES, publicResponsesOf, responsesFor, fillResponse, responseValues, publicReference, RESPONSE_PLACEHOLDER_NAMES, type ResponseValues, type ResponsePlaceholder } from "./responses.ts";
export { roleLevelWarning, roleLevels, type RoleFitWarning } from "./role-fit.ts";
export { splitClauses, WHOLE_DOCUMENT, quoteIssues, unknownClauseIssues, uncitedClauses, ownCitations, normaliseText, quoteAppears, type Clause, type Citation } from "./document/index.ts";
export {
  attachDocument,
  AttachDocumentInput,
  attachUploadedDocument,
  getDraftDocument,
  getVersionDocument,
  VersionDocumentParams,
  ProfileDocumentSchema,
  MAX_DOCUMENT_BYTES,
  uploadTooLarge,
  type ProfileDocumentView,
} from "./document/store.ts";
export { MAX_UPLOAD_BYTES } from "./document/extract.ts";
export { acknowledgeHours, dueSoonDays, rollupLevel, settingsOf, type Setting } from "./settings.ts";
export type { SettingsSection, VenueMeasure } from "./schema.ts";
export { forkProfile, reciteProfile, ownProfileId, borrowedFor, citesProfile, citesOwnDocument } from "./fork.ts";
export { forkDraft, ForkDraftInput, reciteDraft, ReciteDraftInput } from "./fork-draft.ts";
