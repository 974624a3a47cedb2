import {
  type CaseAgreements,
  type CaseDetail,
  type CaseEvent,
  type CreateCaseEventRequest,
  type ScheduleSessionRequest,
  type TherapySession,
  type UpdateCaseRequest,
  type UpdateSessionRequest,
} from '@trustwork/contracts';
import { vi } from 'vitest';
import { caseDetail, caseSummary, therapySession } from '../../../test/case-fixtures';
import { clinician } from '../../../test/fixtures';
import { mockApi, type MockResponse, type RecordedCall } from '../../../test/mock-api';
import { caseAgreementRoutes, NOTHING_TO_SIGN } from '../../agreements/__tests__/case-agreements-fixtures';

export const CASE_ID = 'case-1';
export const ALEX = 'participant-alex';
export const JORDAN = 'participant-jordan';

export const caseRecord: CaseDetail = caseDetail(
  caseSummary(CASE_ID, ['Alex Morgan', 'Jordan Lee'], { phase: 3, updatedAt: '2026-06-01T10:00:00.000Z' }),
  {
    presentingConcern: 'Alex had a year-long affair that Jordan discovered in February.',
    participants: [
      { id: ALEX, displayName: 'Alex Morgan', email: 'alex@example.com', phone: '+44 7700 900123', pronouns: 'she/her', breachRole: 'broke-trust' },
      { id: JORDAN, displayName: 'Jordan Lee', email: null, phone: '+44 7700 900456', pronouns: 'they/them', breachRole: 'was-hurt' },
    ],
    phaseHistory: [
      { phase: 1, changedAt: '2026-03-03T10:00:00.000Z', changedBy: { id: clinician.id, name: clinician.name } },
      { phase: 2, changedAt: '2026-04-10T10:00:00.000Z', changedBy: { id: clinician.id, name: clinician.name } },
      { phase: 3, changedAt: '2026-06-01T10:00:00.000Z', changedBy: { id: clinician.id, name: clinician.name } },
    ],
    createdAt: '2026-03-03T10:00:00.000Z',
  },
);

/** As an assistant receives the case: no clinical text. */
export const assistantCaseRecord: CaseDetail = { ...caseRecord, presentingConcern: null };

export function caseEvent(overrides: Partial<CaseEvent> & Pick<CaseEvent, 'id' | 'occurredOn' | 'title'>): CaseEvent {
  return {
    kind: 'noteworthy',
    details: null,
    participantId: null,
    createdBy: { id: clinician.id, name: clinician.name },
    createdAt: `${overrides.occurredOn}T18:00:00.000Z`,
    ...overrides,
  };
}

type Route = MockResponse | ((call: RecordedCall) => MockResponse);

/** A case's changes applied as the API applies them, for the fields these tests change. */
function applyChanges(current: CaseDetail, changes: UpdateCaseRequest): CaseDetail {
  const { participants = [], clinicianIds: _clinicianIds, ...fields } = changes;
  return {
    ...current,
    ...fields,
    participants: current.participants.map((participant) => ({
      ...participant,
      ...participants.find((update) => update.id === participant.id),
    })),
  };
}

interface CaseApiOptions {
  detail?: CaseDetail;
  events?: CaseEvent[];
  sessions?: TherapySession[];
  /** The case's agreements; when given, the case's policy follows theirs as it changes. */
  agreements?: CaseAgreements;
  routes?: Record<string, Route>;
}

/**
 * The case's own endpoints, answered from these fixtures unless a test says otherwise. Like
 * the real API they remember changes, so the refetch after a save shows what was saved.
 */
export function caseApi({ detail = caseRecord, events = [], sessions = [], agreements, routes = {} }: CaseApiOptions = {}) {
  const signing = caseAgreementRoutes(CASE_ID, agreements ?? NOTHING_TO_SIGN, detail.participants);
  let current = detail;
  let currentEvents = events;
  let currentSessions = sessions;
  const store = (saved: TherapySession): MockResponse => {
    currentSessions = currentSessions.map((existing) => (existing.id === saved.id ? saved : existing));
    return { body: saved };
  };
  const sessionRoutes = Object.fromEntries(
    sessions.flatMap((session) => [
      [`PATCH /api/sessions/${session.id}`, (call: RecordedCall): MockResponse => store({ ...session, ...(call.body as UpdateSessionRequest) })],
      [`POST /api/sessions/${session.id}/cancel`, (): MockResponse => store({ ...session, status: 'cancelled' })],
    ]),
  );
  return mockApi({
    [`GET /api/cases/${CASE_ID}`]: () => ({ body: agreements ? { ...current, confidentialityPolicy: signing.state.agreements.policy } : current }),
    [`PATCH /api/cases/${CASE_ID}`]: (call) => {
      current = applyChanges(current, call.body as UpdateCaseRequest);
      return { body: current };
    },
    [`GET /api/cases/${CASE_ID}/events`]: () => ({ body: currentEvents }),
    [`POST /api/cases/${CASE_ID}/events`]: (call) => {
      const request = call.body as CreateCaseEventRequest;
      const added = caseEvent({ id: `event-${currentEvents.length + 1}`, ...request, details: request.details ?? null, participantId: request.participantId ?? null });
      currentEvents = [added, ...currentEvents];
      return { status: 201, body: added };
    },
    [`GET /api/cases/${CASE_ID}/sessions`]: () => ({ body: currentSessions }),
    [`POST /api/cases/${CASE_ID}/sessions`]: (call) => {
      const booked = therapySession(current, { id: `session-${currentSessions.length + 1}`, ...(call.body as ScheduleSessionRequest) });
      currentSessions = [booked, ...currentSessions];
      return { status: 201, body: booked };
    },
    // No open alerts unless a test says otherwise: the case page's alert panel asks on every visit.
    [`GET /api/cases/${CASE_ID}/alerts`]: { body: [] },
    ...signing.routes,
    ...sessionRoutes,
    ...routes,
  });
}

/** Pins the clock (Date only, so user events and timers run as usual). */
export function setNow(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}
