import {
  type CaseDetail,
  type ConfidentialityPolicy,
  type CurrentUser,
  type NoteSections,
  type SaveNoteRequest,
  type SessionNote,
  type TherapySession,
} from '@trustwork/contracts';
import { caseDetail, caseSummary, therapySession as sessionOf } from '../../../test/case-fixtures';
import { clinician, owner } from '../../../test/fixtures';
import { mockApi, type MockResponse, type RecordedCall } from '../../../test/mock-api';

export const caseId = 'case-1';
export const sessionId = 'session-1';
export const notePath = `/api/sessions/${sessionId}/note`;
export const noteRoute = `/cases/${caseId}/sessions/${sessionId}/note`;

export const therapyCase: CaseDetail = caseDetail(
  caseSummary(caseId, ['Alex Moreno', 'Jordan Lee'], { phase: 3, updatedAt: '2026-04-02T16:00:00.000Z' }),
  { presentingConcern: 'Affair disclosed in March.', createdAt: '2026-03-01T10:00:00.000Z' },
);

export const therapySession: TherapySession = sessionOf(therapyCase, {
  id: sessionId,
  startsAt: '2026-04-02T15:00:00.000Z',
  status: 'completed',
});

export const soap = (subjective: string): NoteSections => ({
  subjective,
  objective: 'Calm, engaged.',
  assessment: 'Repair under way.',
  plan: 'Weekly check-ins.',
});

export function storedNote(overrides: Partial<SessionNote> = {}): SessionNote {
  return {
    sessionId,
    template: 'soap',
    sections: soap('Alex spoke first.'),
    status: 'draft',
    aboutParticipantId: null,
    version: 3,
    author: { id: clinician.id, name: clinician.name },
    updatedAt: '2026-04-02T16:05:00.000Z',
    signedAt: null,
    signedBy: null,
    addenda: [],
    ...overrides,
  };
}

export const ownerRef = { id: owner.id, name: owner.name };

interface NoteApiOptions {
  note?: SessionNote | null;
  /** Answers a save before the stand-in API does: a network error, a slow answer… */
  beforeSave?: (call: RecordedCall) => MockResponse | Promise<MockResponse | undefined> | undefined;
  signedInAs?: CurrentUser;
  /** Who the session was with; both people unless given. */
  attendeeIds?: string[];
  /** The API no longer knows the session (removed, or the case reassigned) while the list still shows it. */
  sessionGone?: boolean;
  /** The session's status; completed unless given. */
  sessionStatus?: TherapySession['status'];
  /** The case's confidentiality policy; none unless given. */
  policy?: ConfidentialityPolicy | null;
}

/** A stand-in for the notes API that keeps one note and checks versions like the real one. */
export function noteApi({
  note: initial = null,
  beforeSave,
  signedInAs = clinician,
  attendeeIds = therapySession.attendeeIds,
  sessionGone = false,
  sessionStatus = therapySession.status,
  policy = null,
}: NoteApiOptions = {}) {
  const server = { note: initial, sessionStatus };
  const me = { id: signedInAs.id, name: signedInAs.name };
  const answer = (note: SessionNote, status = 200): MockResponse => ({ status, body: note });
  const conflict = (message: string, currentVersion?: number): MockResponse => ({
    status: 409,
    body: { statusCode: 409, error: 'Conflict', message, ...(currentVersion === undefined ? {} : { currentVersion }) },
  });

  const api = mockApi({
    [`GET /api/cases/${caseId}`]: { body: { ...therapyCase, confidentialityPolicy: policy } },
    [`GET /api/cases/${caseId}/sessions`]: () => ({
      body: [{ ...therapySession, attendeeIds, status: server.sessionStatus, noteState: server.note?.status ?? 'none' }],
    }),
    [`PATCH /api/sessions/${sessionId}`]: (call) => {
      server.sessionStatus = (call.body as { status: TherapySession['status'] }).status;
      return { body: { ...therapySession, attendeeIds, status: server.sessionStatus, noteState: server.note?.status ?? 'none' } };
    },
    // No note yet answers null; 404 is only for a session the API does not know.
    [`GET ${notePath}`]: () =>
      sessionGone ? { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'No session with that id in your caseload.' } } : { body: server.note },
    [`PUT ${notePath}`]: async (call) => {
      const early = await beforeSave?.(call);
      if (early) return early;
      const { template, sections, aboutParticipantId, version } = call.body as SaveNoteRequest;
      const current = server.note;
      if (current?.status === 'signed') return conflict('This note is signed and can no longer change; add an addendum instead.');
      if ((current?.version ?? 0) !== version) {
        return conflict('This note was changed elsewhere since you opened it. Reload it, then save again.', current?.version ?? 0);
      }
      server.note = {
        ...(current ?? storedNote({ author: me, addenda: [] })),
        template,
        sections,
        aboutParticipantId: aboutParticipantId === undefined ? (current?.aboutParticipantId ?? null) : aboutParticipantId,
        version: version + 1,
        updatedAt: new Date().toISOString(),
      };
      return answer(server.note);
    },
    [`POST ${notePath}/sign`]: () => {
      if (!server.note) return { status: 404, body: { statusCode: 404, error: 'Not Found', message: 'This session has no note yet.' } };
      server.note = { ...server.note, status: 'signed', signedAt: new Date().toISOString(), signedBy: me };
      return answer(server.note);
    },
    [`POST ${notePath}/addenda`]: (call) => {
      if (!server.note) return { status: 404 };
      const { body } = call.body as { body: string };
      const addendum = { id: `addendum-${server.note.addenda.length + 1}`, body, author: me, createdAt: new Date().toISOString() };
      server.note = { ...server.note, addenda: [...server.note.addenda, addendum] };
      return answer(server.note, 201);
    },
  });
  return { ...api, server, saves: () => api.callsTo('PUT', notePath) };
}
