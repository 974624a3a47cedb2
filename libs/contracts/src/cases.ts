import type { ConfidentialityPolicy } from './agreements';
import type { AlertKind } from './alerts';

/** The relationship between the two people in a case. */
export const RelationshipType = {
  Couple: 'couple',
  ParentChild: 'parent-child',
  Siblings: 'siblings',
  Friends: 'friends',
  Other: 'other',
} as const;
export type RelationshipType = (typeof RelationshipType)[keyof typeof RelationshipType];
export const RELATIONSHIP_TYPES: readonly RelationshipType[] = Object.values(RelationshipType);
export const RELATIONSHIP_TYPE_LABELS: Record<RelationshipType, string> = {
  couple: 'Couple',
  'parent-child': 'Parent and child',
  siblings: 'Siblings',
  friends: 'Friends',
  other: 'Other',
};

export const CaseStatus = { Intake: 'intake', Active: 'active', Paused: 'paused', Closed: 'closed' } as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];
export const CASE_STATUSES: readonly CaseStatus[] = Object.values(CaseStatus);
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = { intake: 'Intake', active: 'Active', paused: 'Paused', closed: 'Closed' };

/** A participant's side of the breach. */
export const BreachRole = { BrokeTrust: 'broke-trust', WasHurt: 'was-hurt', Both: 'both', NotStated: 'not-stated' } as const;
export type BreachRole = (typeof BreachRole)[keyof typeof BreachRole];
export const BREACH_ROLES: readonly BreachRole[] = Object.values(BreachRole);
export const BREACH_ROLE_LABELS: Record<BreachRole, string> = {
  'broke-trust': 'Broke trust',
  'was-hurt': 'Was hurt',
  both: 'Both',
  'not-stated': 'Not stated',
};

export interface ParticipantInput {
  displayName: string;
  email?: string | null;
  phone?: string | null;
  pronouns?: string | null;
  breachRole: BreachRole;
}

export interface Participant {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  pronouns: string | null;
  breachRole: BreachRole;
}

export interface ClinicianRef {
  id: string;
  name: string;
}

export interface CreateCaseRequest {
  relationshipType: RelationshipType;
  presentingConcern?: string | null;
  /** 1-9; defaults to 1. */
  phase?: number;
  status?: CaseStatus;
  /** Defaults to the creating clinician (an owner may leave it empty). */
  clinicianIds?: string[];
  /** Exactly two people. */
  participants: ParticipantInput[];
  /**
   * The confidentiality agreement that states the case's policy (`builtin:no-secrets`,
   * `builtin:limited-secrets`, `builtin:kept-private`, or a practice agreement of kind
   * `confidentiality`). Left out, the case has no policy yet and the case page asks for one.
   */
  confidentialityPolicyId?: string;
  /** The agreements both people sign besides the policy's; DEFAULT_CASE_AGREEMENT_IDS when left out. */
  agreementIds?: string[];
}

export interface ParticipantUpdate extends Partial<ParticipantInput> {
  id: string;
}

export interface UpdateCaseRequest {
  relationshipType?: RelationshipType;
  presentingConcern?: string | null;
  status?: CaseStatus;
  phase?: number;
  clinicianIds?: string[];
  participants?: ParticipantUpdate[];
}

export interface SessionRef {
  id: string;
  startsAt: string;
}

/** One row of the caseload. */
export interface CaseSummary {
  id: string;
  relationshipType: RelationshipType;
  status: CaseStatus;
  phase: number;
  participants: Pick<Participant, 'id' | 'displayName' | 'breachRole'>[];
  clinicians: ClinicianRef[];
  nextSession: SessionRef | null;
  lastSession: SessionRef | null;
  /** Open alerts: 0 for an assistant, for whom alerts are clinical. */
  openAlertCount: number;
  /** The kinds of the open alerts, each once, most urgent first. */
  alertKinds: AlertKind[];
  updatedAt: string;
}

export interface PhaseChange {
  phase: number;
  changedAt: string;
  changedBy: ClinicianRef | null;
}

export interface CaseDetail extends Omit<CaseSummary, 'participants'> {
  participants: Participant[];
  /** Null for an assistant: clinical text is not theirs to see. */
  presentingConcern: string | null;
  phaseHistory: PhaseChange[];
  createdAt: string;
  /** Null until one is chosen: the case page asks for it. */
  confidentialityPolicy: ConfidentialityPolicy | null;
}

/** `attention`: open safety reports first, then other open alerts, then most recently changed (for a role that sees no alerts, as `updated`). */
export const CaseloadSort = { Updated: 'updated', Attention: 'attention', Name: 'name', NextSession: 'next-session' } as const;
export type CaseloadSort = (typeof CaseloadSort)[keyof typeof CaseloadSort];
export const CASELOAD_SORTS: readonly CaseloadSort[] = Object.values(CaseloadSort);

export interface CaseloadQuery {
  status?: CaseStatus;
  phase?: number;
  clinicianId?: string;
  relationshipType?: RelationshipType;
  /** Matches either participant's name. */
  search?: string;
  sort?: CaseloadSort;
  /** Only cases with open alerts ("needs attention"). */
  attention?: boolean;
  limit?: number;
  cursor?: string;
}

/** Timeline entries. */
export const CaseEventKind = { Breach: 'breach', Setback: 'setback', Milestone: 'milestone', Noteworthy: 'noteworthy' } as const;
export type CaseEventKind = (typeof CaseEventKind)[keyof typeof CaseEventKind];
export const CASE_EVENT_KINDS: readonly CaseEventKind[] = Object.values(CaseEventKind);
export const CASE_EVENT_KIND_LABELS: Record<CaseEventKind, string> = {
  breach: 'Breach',
  setback: 'Setback',
  milestone: 'Milestone',
  noteworthy: 'Noteworthy',
};

export interface CreateCaseEventRequest {
  kind: CaseEventKind;
  /** A calendar date, YYYY-MM-DD. */
  occurredOn: string;
  title: string;
  details?: string | null;
  participantId?: string | null;
}

export interface CaseEvent {
  id: string;
  kind: CaseEventKind;
  occurredOn: string;
  title: string;
  details: string | null;
  participantId: string | null;
  createdBy: ClinicianRef | null;
  createdAt: string;
}
