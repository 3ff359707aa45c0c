import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Service } from "electrodb";
import { AuditEntity } from "../audit/audit.entity.ts";
import { ComplianceSummaryEntity } from "../compliance/summary.entity.ts";
import { SessionEntity } from "../identity/session.entity.ts";
import { ThrottleEntity } from "../identity/throttle.entity.ts";
import { LoginEntity, UserEntity } from "../identity/user.entity.ts";
import { NodeEntity } from "../jurisdiction/node.entity.ts";
import { OrgBodyEntity, MilestoneRecordEntity, StandardItemEntity } from "../organisation/body.entity.ts";
import { BrigadeCoverEntity, BrigadeEntity } from "../organisation/brigade.entity.ts";
import { PersonEntity } from "../organisation/person.entity.ts";
import { AttendanceEntity, ObligationRecordEntity } from "../organisation/record.entity.ts";
import { ProfileDraftEntity, ProfileHeadEntity, ProfileVersionEntity } from "../profile/profile.entity.ts";
import { TenantEntity } from "../tenancy/tenant.entity.ts";
import { TenantRegistryEntity } from "../tenancy/registry.entity.ts";
import { HazardEntity, HazardEventEntity } from "../hazards/hazard.entity.ts";
import { HazardEntryEntity } from "../hazards/entry.entity.ts";
import { HazardCounterEntity } from "../hazards/counter.entity.ts";
import { HazardRecurrenceEntity } from "../hazards/recurrence.entity.ts";
import { IntakeLimitEntity } from "../hazards/intake.entity.ts";
import { InboxCountEntity, NotificationEntity, OutboxEntity } from "../notifications/notification.entity.ts";
import { VenueEntity, VenueEventEntity, VenueExternalEntity, VenueImportEntity } from "../venues/venue.entity.ts";
import { CoverageEntity, InspectionEntity, InspectionTaskEntity } from "../inspections/inspection.entity.ts";
import { IdempotencyEntity } from "./idempotency.entity.ts";

export const entities = {
  tenant: TenantEntity,
  node: NodeEntity,
  user: UserEntity,
  login: LoginEntity,
  session: SessionEntity,
  throttle: ThrottleEntity,
  audit: AuditEntity,
  profileVersion: ProfileVersionEntity,
  profileDraft: ProfileDraftEntity,
  profileHead: ProfileHeadEntity,
  idempotency: IdempotencyEntity,
  person: PersonEntity,
  orgBody: OrgBodyEntity,
  standardItem: StandardItemEntity,
  milestoneRecord: MilestoneRecordEntity,
  brigade: BrigadeEntity,
  brigadeCover: BrigadeCoverEntity,
  obligationRecord: ObligationRecordEntity,
  attendance: AttendanceEntity,
  complianceSummary: ComplianceSummaryEntity,
  tenantRegistry: TenantRegistryEntity,
  hazard: HazardEntity,
  hazardEvent: HazardEventEntity,
  hazardEntry: HazardEntryEntity,
  hazardCounter: HazardCounterEntity,
  hazardRecurrence: HazardRecurrenceEntity,
  intakeLimit: IntakeLimitEntity,
  notification: NotificationEntity,
  inboxCount: InboxCountEntity,
  outbox: OutboxEntity,
  venue: VenueEntity,
  venueEvent: VenueEventEntity,
  venueExternal: VenueExternalEntity,
  venueImport: VenueImportEntity,
  inspectionTask: InspectionTaskEntity,
  inspection: InspectionEntity,
  coverage: CoverageEntity,
};

/** One ElectroDB service over the one table; domains add their entities above. */
export function createService(client: DynamoDBClient, table: string) {
  return new Service(entities, { client, table });
}

export type FiregovService = ReturnType<typeof createService>;
