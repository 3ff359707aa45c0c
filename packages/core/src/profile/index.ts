// Policy profiles: a county's rules as validated, cited data.
export {
  PolicyProfile,
  Frequency,
  LevelId,
  HazardState,
  LEVEL_IDS,
  HAZARD_STATES,
  type Condition,
  type VenueMatch,
} from "./schema.ts";
export { parseProfile, validateProfile, type ParseResult, type ProfileIssue } from "./validate.ts";
export { diffProfiles, describeChange, type ProfileChange } from "./diff.ts";
