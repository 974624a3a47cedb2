import {
  type BreachRole,
  type CaseDetail,
  type CaseStatus,
  type ParticipantUpdate,
  type RelationshipType,
  type UpdateCaseRequest,
} from '@trustwork/contracts';

interface ParticipantValues {
  id: string;
  displayName: string;
  pronouns: string;
  email: string;
  phone: string;
  breachRole: BreachRole;
}

export interface CaseValues {
  relationshipType: RelationshipType;
  status: CaseStatus;
  presentingConcern: string;
  clinicianIds: string[];
  participants: ParticipantValues[];
}

export function caseValues(caseRecord: CaseDetail): CaseValues {
  return {
    relationshipType: caseRecord.relationshipType,
    status: caseRecord.status,
    presentingConcern: caseRecord.presentingConcern ?? '',
    clinicianIds: caseRecord.clinicians.map((clinician) => clinician.id),
    participants: caseRecord.participants.map((participant) => ({
      id: participant.id,
      displayName: participant.displayName,
      pronouns: participant.pronouns ?? '',
      email: participant.email ?? '',
      phone: participant.phone ?? '',
      breachRole: participant.breachRole,
    })),
  };
}

const orNull = (value: string) => value.trim() || null;

function participantChanges(before: ParticipantValues, after: ParticipantValues, clinical: boolean): ParticipantUpdate | null {
  const changes: ParticipantUpdate = { id: after.id };
  if (after.displayName.trim() !== before.displayName) changes.displayName = after.displayName.trim();
  if (orNull(after.pronouns) !== orNull(before.pronouns)) changes.pronouns = orNull(after.pronouns);
  if (orNull(after.email) !== orNull(before.email)) changes.email = orNull(after.email);
  if (orNull(after.phone) !== orNull(before.phone)) changes.phone = orNull(after.phone);
  if (clinical && after.breachRole !== before.breachRole) changes.breachRole = after.breachRole;
  return Object.keys(changes).length > 1 ? changes : null;
}

interface ChangeRights {
  /** May change clinical details (not an assistant). */
  clinical: boolean;
  /** May reassign clinicians (owners). */
  assignClinicians: boolean;
}

/**
 * Only what was changed, so the PATCH carries no field the role may not touch and the
 * audit log names just the records that moved.
 */
export function caseChanges(before: CaseValues, after: CaseValues, rights: ChangeRights): UpdateCaseRequest {
  const changes: UpdateCaseRequest = {};
  if (rights.clinical) {
    if (after.relationshipType !== before.relationshipType) changes.relationshipType = after.relationshipType;
    if (after.status !== before.status) changes.status = after.status;
    if (orNull(after.presentingConcern) !== orNull(before.presentingConcern)) changes.presentingConcern = orNull(after.presentingConcern);
  }
  if (rights.assignClinicians) {
    const same = after.clinicianIds.length === before.clinicianIds.length && after.clinicianIds.every((id) => before.clinicianIds.includes(id));
    if (!same) changes.clinicianIds = after.clinicianIds;
  }
  const participants = after.participants
    .map((participant, index) => participantChanges(before.participants[index], participant, rights.clinical))
    .filter((update): update is ParticipantUpdate => update !== null);
  if (participants.length > 0) changes.participants = participants;
  return changes;
}
