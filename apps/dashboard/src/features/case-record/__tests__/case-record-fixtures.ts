import {
  type CaseDetail,
  type CaseEvent,
  type CreateCaseEventRequest,
  type CurrentUser,
  type ScheduleSessionRequest,
  type TherapySession,
  type UpdateCaseRequest,
  type UpdateSessionRequest,
} from '@trustwork/contracts';
import { vi } from 'vitest';
import { clinician, practice } from '../../../test/fixtures';
import { mockApi, type MockResponse, type RecordedCall } from '../../../test/mock-api';

export const assistant: CurrentUser = {
  id: 'user-assistant',
  name: 'Priya Natarajan',
  email: 'priya@harbour.test',
  role: 'assistant',
  practice,
};

export const CASE_ID = 'case-1';
export const ALEX = 'participant-alex';
export const JORDAN = 'participant-jordan';

export const caseRecord: CaseDetail = {
  id: CASE_ID,
  relationshipType: 'couple',
  status: 'active',
  phase: 3,
  presentingConcern: 'Alex had a year-long affair that Jordan discovered in February.',
  participants: [
    { id: ALEX, displayName: 'Alex Morgan', email: 'alex@example.com', phone: '+44 7700 900123', pronouns: 'she/her', breachRole: 'broke-trust' },
    { id: JORDAN, displayName: 'Jordan Lee', email: null, phone: '+44 7700 900456', pronouns: 'they/them', breachRole: 'was-hurt' },
  ],
  clinicians: [{ id: clinician.id, name: clinician.name }],
  phaseHistory: [
    { phase: 1, changedAt: '2026-03-03T10:00:00.000Z', changedBy: { id: clinician.id, name: clinician.name } },
    { phase: 2, changedAt: '2026-04-10T10:00:00.000Z', changedBy: { id: clinician.id, name: clinician.name } },
    { phase: 3, changedAt: '2026-06-01T10:00:00.000Z', changedBy: { id: clinician.id, name: clinician.name } },
  ],
  nextSession: null,
  lastSession: null,
  openAlertCount: 0,
  createdAt: '2026-03-03T10:00:00.000Z',
  updatedAt: '2026-06-01T10:00:00.000Z',
};

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

export function therapySession(overrides: Partial<TherapySession> & Pick<TherapySession, 'id' | 'startsAt'>): TherapySession {
  return {
    caseId: CASE_ID,
    durationMinutes: 50,
    modality: 'in-person',
    status: 'scheduled',
    attendeeIds: [ALEX, JORDAN],
    clinician: { id: clinician.id, name: clinician.name },
    noteState: 'none',
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

/**
 * The case's own endpoints, answered from these fixtures unless a test says otherwise. Like
 * the real API they remember changes, so the refetch after a save shows what was saved.
 */
export function caseApi({
  detail = caseRecord,
  events = [],
  sessions = [],
  routes = {},
}: { detail?: CaseDetail; events?: CaseEvent[]; sessions?: TherapySession[]; routes?: Record<string, Route> } = {}) {
  let current = detail;
  let currentEvents = events;
  let currentSessions = sessions;
  const sessionRoutes = Object.fromEntries(
    sessions.map((session) => [
      `PATCH /api/sessions/${session.id}`,
      (call: RecordedCall): MockResponse => {
        const saved = { ...session, ...(call.body as UpdateSessionRequest) };
        currentSessions = currentSessions.map((existing) => (existing.id === saved.id ? saved : existing));
        return { body: saved };
      },
    ]),
  );
  return mockApi({
    [`GET /api/cases/${CASE_ID}`]: () => ({ body: current }),
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
      const booked = therapySession({ id: `session-${currentSessions.length + 1}`, ...(call.body as ScheduleSessionRequest) });
      currentSessions = [booked, ...currentSessions];
      return { status: 201, body: booked };
    },
    ...sessionRoutes,
    ...routes,
  });
}

/** Pins the clock (Date only, so user events and timers run as usual). */
export function setNow(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

/** For the first wait of a test: the page's code loads lazily, which is slow on a busy machine. */
export const PAGE_LOAD = { timeout: 15_000 };
