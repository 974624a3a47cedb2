import { type CaseDetail, type CaseSummary, type TherapySession } from '@trustwork/contracts';
import { clinician } from './fixtures';

const samRivera = { id: clinician.id, name: clinician.name };

/** A case as the caseload lists it: an active couple in phase 1, with Sam Rivera. */
export function caseSummary(id: string, names: [string, string], overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id,
    relationshipType: 'couple',
    status: 'active',
    phase: 1,
    participants: [
      { id: `${id}-p1`, displayName: names[0], breachRole: 'broke-trust' },
      { id: `${id}-p2`, displayName: names[1], breachRole: 'was-hurt' },
    ],
    clinicians: [samRivera],
    nextSession: null,
    lastSession: null,
    openAlertCount: 0,
    alertKinds: [],
    updatedAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}

/** The whole record of a listed case, with no contact details or history unless given. */
export function caseDetail(summary: CaseSummary, overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    ...summary,
    participants: summary.participants.map((participant) => ({ ...participant, email: null, phone: null, pronouns: null })),
    presentingConcern: null,
    phaseHistory: [],
    createdAt: summary.updatedAt,
    confidentialityPolicy: null,
    ...overrides,
  };
}

/** A 50-minute session of a case, in person with both people, booked with Sam Rivera. */
export function therapySession(
  caseRecord: CaseDetail,
  overrides: Partial<TherapySession> & Pick<TherapySession, 'id' | 'startsAt'>,
): TherapySession {
  return {
    caseId: caseRecord.id,
    durationMinutes: 50,
    modality: 'in-person',
    status: 'scheduled',
    attendeeIds: caseRecord.participants.map((participant) => participant.id),
    clinician: samRivera,
    noteState: 'none',
    kind: 'joint',
    address: '12 Harbour Street, Bristol',
    videoUrl: null,
    series: null,
    attendance: caseRecord.participants.map((participant) => ({ participantId: participant.id, response: null, respondedAt: null })),
    cancellation: null,
    ...overrides,
  };
}
