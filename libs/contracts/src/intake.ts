import type { Assignment, AssignTo, Recurrence } from './assignments';
import type { BreachRole, CaseDetail, CaseStatus, ParticipantInput, RelationshipType } from './cases';

/**
 * Linked intake: one form that opens a case with both people, its phase, its first
 * exercises and both portal links, all in one transaction (all or nothing).
 */

/**
 * One of the two people: new details, or `linkTo` an earlier participant record of the
 * practice (the same person on another case), whose name and contact details are reused.
 * The side of the breach belongs to this case, so it is always sent.
 */
export type IntakeParticipant = ParticipantInput | { linkTo: string; breachRole: BreachRole };

/** A first exercise for the new case; `participantIndex` (0 or 1) picks the person for assignTo 'participant'. */
export interface IntakeExercise {
  exerciseId: string;
  version?: number;
  assignTo: AssignTo;
  participantIndex?: number;
  dueOn?: string;
  recurrence?: Recurrence;
  instructions?: string | null;
}

export interface CreateIntakeRequest {
  relationshipType: RelationshipType;
  presentingConcern?: string | null;
  phase?: number;
  status?: CaseStatus;
  clinicianIds?: string[];
  /** Exactly two people. */
  participants: IntakeParticipant[];
  exercises?: IntakeExercise[];
  createPortalLinks: boolean;
  /** As in CreateCaseRequest: the case's policy and the agreements both people sign. */
  confidentialityPolicyId?: string;
  agreementIds?: string[];
}

/** A portal link made by the intake: shown in this response only. */
export interface IntakePortalLink {
  participantId: string;
  url: string;
  expiresAt: string;
}

export interface IntakeCreated {
  case: CaseDetail;
  /** For each new participant linked to an earlier record: that record (the person's first). */
  linkedParticipants: { participantId: string; linkedParticipantId: string }[];
  assignments: Assignment[];
  /** Empty when createPortalLinks was false. */
  portalLinks: IntakePortalLink[];
}

/** The e-mails typed so far (one per person), to find people the practice already has. */
export interface IntakeCheckRequest {
  emails: string[];
}

/** A participant of the practice with one of the e-mails asked about (compared case-insensitively). */
export interface ExistingParticipant {
  id: string;
  displayName: string;
  email: string;
  caseId: string;
  caseStatus: CaseStatus;
  relationshipType: RelationshipType;
  /** When their case was opened. */
  caseOpenedAt: string;
}
