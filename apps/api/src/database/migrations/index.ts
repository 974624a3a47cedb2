import { Foundation1763900000000 } from './1763900000000-foundation';
import { ClinicalRecords1763990000000 } from './1763990000000-clinical-records';
import { ExerciseTemplates1764100000000 } from './1764100000000-exercise-templates';
import { PortalLinks1764200000000 } from './1764200000000-portal-links';
import { Assignments1764300000000 } from './1764300000000-assignments';
import { CheckInsAndSafetyReports1764400000000 } from './1764400000000-check-ins-and-safety-reports';
import { Alerts1764500000000 } from './1764500000000-alerts';
import { Reminders1764520000000 } from './1764520000000-reminders';
import { MeasureScores1764510000000 } from './1764510000000-measure-scores';
import { ConfidentialNotes1764530000000 } from './1764530000000-confidential-notes';
import { BriefIndexes1764540000000 } from './1764540000000-brief-indexes';
import { LinkedParticipants1764550000000 } from './1764550000000-linked-participants';
import { AuthenticatedUserRole1764560000000 } from './1764560000000-authenticated-user-role';
import { AuditListReads1764570000000 } from './1764570000000-audit-list-reads';
import { AccountSecurity1764580000000 } from './1764580000000-account-security';
import { AuditChain1764590000000 } from './1764590000000-audit-chain';
import { AuthenticatedSession1764600000000 } from './1764600000000-authenticated-session';
import { Agreements1764610000000 } from './1764610000000-agreements';
import { Scheduling1764620000000 } from './1764620000000-scheduling';
import { Billing1764630000000 } from './1764630000000-billing';
import { UnsignedNotes1764640000000 } from './1764640000000-unsigned-notes';

/** Every migration, oldest first. New ones are appended here. */
export const MIGRATIONS = [
  Foundation1763900000000,
  ClinicalRecords1763990000000,
  ExerciseTemplates1764100000000,
  PortalLinks1764200000000,
  Assignments1764300000000,
  CheckInsAndSafetyReports1764400000000,
  Alerts1764500000000,
  MeasureScores1764510000000,
  Reminders1764520000000,
  ConfidentialNotes1764530000000,
  BriefIndexes1764540000000,
  LinkedParticipants1764550000000,
  AuthenticatedUserRole1764560000000,
  AuditListReads1764570000000,
  AccountSecurity1764580000000,
  AuditChain1764590000000,
  AuthenticatedSession1764600000000,
  Agreements1764610000000,
  Scheduling1764620000000,
  Billing1764630000000,
  UnsignedNotes1764640000000,
];
