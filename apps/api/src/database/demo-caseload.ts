import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  AuthTokens,
  CaseDetail,
  CreateCaseEventRequest,
  CreateCaseRequest,
  NoteSections,
  NoteTemplate,
  ScheduleSessionRequest,
  SessionStatus,
  TherapySession,
} from '@trustwork/contracts';
import { DEMO_PASSWORD, DEMO_TEAM } from './seed';

const DAY = 24 * 60 * 60 * 1000;

interface DemoSession {
  /** Days from today (negative: past), at `hour` UTC. */
  inDays: number;
  hour: number;
  modality?: ScheduleSessionRequest['modality'];
  status?: SessionStatus;
  note?: { template: NoteTemplate; sections: NoteSections; sign: boolean; addendum?: string };
}

interface DemoCase {
  clinician: 'owner' | 'clinician';
  request: CreateCaseRequest;
  /** Days from today. */
  events: (Omit<CreateCaseEventRequest, 'occurredOn' | 'participantId'> & { daysAgo: number; participant?: 0 | 1 })[];
  sessions: DemoSession[];
}

/**
 * A small, believable caseload for the demo practice, relative to today, so the agenda,
 * caseload, timeline and notes have something to show. Written through the API itself
 * (validation, encryption and audit included), as the demo clinicians.
 */
const DEMO_CASES: DemoCase[] = [
  {
    clinician: 'clinician',
    request: {
      relationshipType: 'couple',
      status: 'active',
      phase: 3,
      presentingConcern: 'Repairing after a months-long emotional affair that Jordan discovered through messages.',
      participants: [
        { displayName: 'Alex Reyes', email: 'alex.reyes@example.com', pronouns: 'he/him', breachRole: 'broke-trust' },
        { displayName: 'Jordan Reyes', email: 'jordan.reyes@example.com', pronouns: 'she/her', breachRole: 'was-hurt' },
      ],
    },
    events: [
      { kind: 'breach', daysAgo: 70, participant: 0, title: 'Messages discovered', details: 'Jordan found months of intimate messages with a colleague.' },
      { kind: 'milestone', daysAgo: 30, participant: 0, title: 'Apology given in session', details: 'Specific, without justification; Jordan said it was the first time she felt heard.' },
      { kind: 'setback', daysAgo: 9, participant: 0, title: 'Late-night call not mentioned', details: 'Came out two days later; both described a return of the early panic.' },
    ],
    sessions: [
      {
        inDays: -21,
        hour: 16,
        status: 'completed',
        note: {
          template: 'soap',
          sign: true,
          sections: {
            subjective: 'Jordan described checking his phone at night and hating herself for it. Alex said he wants to be trusted again but feels on trial.',
            objective: 'Jordan tearful in the first half; Alex leaned forward, interrupted twice, then stopped when asked.',
            assessment: 'Early in the work on hearing the hurt. Alex is still defending; Jordan needs the impact heard before anything else.',
            plan: 'Alex to write down, in his own words, what Jordan has told him about the impact. Review next week.',
          },
          addendum: 'Alex called the next day to ask whether the written exercise could be shared with Jordan in advance. Agreed he will bring it to session instead.',
        },
      },
      {
        inDays: -7,
        hour: 16,
        status: 'completed',
        note: {
          template: 'soap',
          sign: true,
          sections: {
            subjective: 'Both reported a difficult week after the late-night call. Jordan: "it felt like day one again."',
            objective: 'Alex acknowledged the call without minimising it when prompted. Calmer exchanges in the second half.',
            assessment: 'A setback handled better than the first discovery: disclosure came from Alex, if late.',
            plan: 'Agree a simple rule for volunteering information the same day. Weekly check-ins continue.',
          },
        },
      },
      { inDays: 0, hour: 17, modality: 'video' },
      { inDays: 7, hour: 16 },
    ],
  },
  {
    clinician: 'owner',
    request: {
      relationshipType: 'couple',
      status: 'active',
      phase: 5,
      presentingConcern: 'Hidden debts and a second credit card; rebuilding openness about money.',
      participants: [
        { displayName: 'Chris Ellis', email: 'chris.ellis@example.com', pronouns: 'they/them', breachRole: 'broke-trust' },
        { displayName: 'Morgan Ellis', phone: '+44 7700 900123', pronouns: 'he/him', breachRole: 'was-hurt' },
      ],
    },
    events: [
      { kind: 'breach', daysAgo: 150, participant: 0, title: 'Hidden credit card found', details: 'Morgan opened a statement showing debts Chris had kept from him for two years.' },
      { kind: 'milestone', daysAgo: 20, title: 'Shared budget agreed', details: 'Both signed up to a joint monthly review of every account.' },
    ],
    sessions: [
      {
        inDays: -3,
        hour: 10,
        status: 'completed',
        note: {
          template: 'dap',
          sign: false,
          sections: {
            data: 'First monthly money review done at home. Morgan noticed he no longer checks the banking app daily.',
            assessment: 'Boundaries are holding; the next step is letting the agreement feel shared rather than imposed.',
            plan: '',
          },
        },
      },
      { inDays: 1, hour: 10 },
    ],
  },
  {
    clinician: 'clinician',
    request: {
      relationshipType: 'parent-child',
      status: 'intake',
      phase: 1,
      presentingConcern: 'A teenager’s repeated lying about where he spends evenings; his mother has stopped believing anything he says.',
      participants: [
        { displayName: 'Nadia Haddad', email: 'nadia.haddad@example.com', pronouns: 'she/her', breachRole: 'was-hurt' },
        { displayName: 'Leo Haddad', pronouns: 'he/him', breachRole: 'broke-trust' },
      ],
    },
    events: [{ kind: 'breach', daysAgo: 12, participant: 1, title: 'Lied about staying at a friend’s', details: 'Leo was at a party across town; police brought him home.' }],
    sessions: [{ inDays: 2, hour: 15, modality: 'in-person' }],
  },
  {
    clinician: 'owner',
    request: {
      relationshipType: 'siblings',
      status: 'paused',
      phase: 2,
      presentingConcern: 'A disputed inheritance and a sister’s sense that decisions were taken behind her back.',
      participants: [
        { displayName: 'Ruth Cole', email: 'ruth.cole@example.com', breachRole: 'both' },
        { displayName: 'Hannah Cole', email: 'hannah.cole@example.com', breachRole: 'both' },
      ],
    },
    events: [{ kind: 'noteworthy', daysAgo: 40, title: 'Paused at their request', details: 'Both want to return after the estate is settled.' }],
    sessions: [{ inDays: -45, hour: 11, status: 'completed' }],
  },
];

export async function seedDemoCaseload(app: NestFastifyApplication, now = new Date()): Promise<void> {
  const call = async <T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, token: string | null, payload?: object): Promise<T> => {
    const response = await app.inject({ method, url, payload, headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (response.statusCode >= 300) throw new Error(`Seeding the demo caseload: ${method} ${url} answered ${response.statusCode}: ${response.body}`);
    return response.json<T>();
  };
  const signIn = async (email: string) => (await call<AuthTokens>('POST', '/api/auth/login', null, { email, password: DEMO_PASSWORD })).accessToken;
  const tokens = {
    owner: await signIn(DEMO_TEAM[0].email),
    clinician: await signIn(DEMO_TEAM[1].email),
  };
  const clinicianId = (await call<{ id: string }>('GET', '/api/me', tokens.clinician)).id;
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const dateOnly = (daysAgo: number) => new Date(today.getTime() - daysAgo * DAY).toISOString().slice(0, 10);

  for (const demo of DEMO_CASES) {
    const token = tokens[demo.clinician];
    const request = { ...demo.request, clinicianIds: demo.clinician === 'clinician' ? [clinicianId] : undefined };
    const created = await call<CaseDetail>('POST', '/api/cases', token, request);
    for (const { daysAgo, participant, ...event } of demo.events) {
      const participantId = participant === undefined ? null : created.participants[participant].id;
      await call('POST', `/api/cases/${created.id}/events`, token, { ...event, occurredOn: dateOnly(daysAgo), participantId });
    }
    for (const session of demo.sessions) {
      const startsAt = new Date(today.getTime() + session.inDays * DAY + session.hour * 60 * 60 * 1000).toISOString();
      const scheduled = await call<TherapySession>('POST', `/api/cases/${created.id}/sessions`, token, {
        startsAt,
        durationMinutes: 50,
        modality: session.modality ?? 'in-person',
      });
      if (session.status) await call('PATCH', `/api/sessions/${scheduled.id}`, token, { status: session.status });
      if (!session.note) continue;
      const notePath = `/api/sessions/${scheduled.id}/note`;
      await call('PUT', notePath, token, { template: session.note.template, sections: session.note.sections, version: 0 });
      if (session.note.sign) await call('POST', `${notePath}/sign`, token);
      if (session.note.addendum) await call('POST', `${notePath}/addenda`, token, { body: session.note.addendum });
    }
  }
}
