import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type {
  Assignment,
  AuthTokens,
  CaseAlert,
  CaseBilling,
  CaseDetail,
  CheckIn,
  CheckInRequest,
  CreateCaseEventRequest,
  CreateCaseRequest,
  ExercisePrompt,
  Invoice,
  NoteSections,
  NoteTemplate,
  PortalAgreementDocument,
  PortalAgreementSummary,
  PortalLinkCreated,
  PortalSubmission,
  ScheduleSessionRequest,
  SessionRepeat,
  SessionStatus,
  TherapySession,
} from '@trustwork/contracts';
import { SUGGESTED_SERVICES } from '@trustwork/contracts';
import { answersWithScore, CSI_4 } from '@trustwork/trust-program';
import { Client } from 'pg';
import { AlertsService } from '../alerts/alerts.service';
import { PracticeScope } from './practice-scope';
import { DEMO_PASSWORD, DEMO_TEAM } from './seed';

const DAY = 24 * 60 * 60 * 1000;
/** Where the demo practice sees people in person; in-person sessions take it. */
export const DEMO_OFFICE_ADDRESS = '3 Harbour Lane, Bristol BS1 5TY';
/** The practice's own video room: no client's name in it, since links reach calendars and e-mails. */
export const DEMO_VIDEO_URL = 'https://meet.jit.si/harbour-lane-counselling-room-1';
/** The demo practice bills in pounds (it is in Bristol), in pence. */
export const DEMO_BILLING = {
  currency: 'GBP',
  lateCancellationFee: 4500,
  noShowFee: 6000,
  paymentTermsDays: 14,
  paymentInstructions: 'Bank transfer to Harbour Lane Counselling Ltd, sort code 12-34-56, account 12345678, with the invoice number as the reference.',
} as const;
/** Fees of the suggested services, by CPT code, in pence. */
const DEMO_SERVICE_FEES: Record<string, number> = { '90847': 12000, '90846': 10000, '90834': 9000, '90837': 11000 };

interface DemoSession {
  /** Days from today (negative: past), at `hour` UTC. */
  inDays: number;
  hour: number;
  modality?: ScheduleSessionRequest['modality'];
  status?: SessionStatus;
  /** Makes the session the first of a series. */
  repeat?: SessionRepeat;
  /** The participant who has confirmed they will come (to the first session, for a series). */
  confirmedBy?: 0 | 1;
  note?: { template: NoteTemplate; sections: NoteSections; sign: boolean; addendum?: string };
}

/** trust, safety, heard, closeness. */
type Ratings = [number, number, number, number];

/**
 * Weeks of between-session history for the Progress tab: check-ins, CSI-4 totals and a
 * weekly exercise, each for both participants, and the phases the case went through.
 * Written through the portal and then dated back with the owner's connection, since the
 * API (rightly) only ever stores "now".
 */
interface DemoProgress {
  /** The case opened this many days ago, in phase 1; later phases by the day they began. */
  openedDaysAgo: number;
  phases: { phase: number; daysAgo: number }[];
  checkIns: { daysAgo: number; ratings: [Ratings, Ratings] }[];
  csi4: { daysAgo: number; scores: [number, number] }[];
  /** A weekly exercise each, begun this many days ago; the days each participant missed. */
  homework: { exerciseId: string; startedDaysAgo: number; missedDaysAgo: [number[], number[]] };
  /** The participant who signed every agreement of the case in the portal the day after it opened (the other has not yet). */
  signedBy?: 0 | 1;
}

interface DemoCase {
  clinician: 'owner' | 'clinician';
  request: CreateCaseRequest;
  progress?: DemoProgress;
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
      confidentialityPolicyId: 'builtin:limited-secrets',
      // Sessions are partly by video.
      agreementIds: ['builtin:informed-consent', 'builtin:telehealth'],
      relationshipType: 'couple',
      status: 'active',
      // Moved on to phase 3 through its progress history.
      phase: 1,
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
      { inDays: 7, hour: 16, repeat: { frequency: 'weekly', count: 6 }, confirmedBy: 1 },
    ],
    progress: {
      openedDaysAgo: 66,
      signedBy: 0,
      phases: [
        { phase: 2, daysAgo: 45 },
        { phase: 3, daysAgo: 24 },
      ],
      // Alex first, then Jordan: her trust climbs slowly and falls back after the late-night call.
      checkIns: [
        { daysAgo: 63, ratings: [[7, 5, 3, 3], [2, 3, 2, 1]] },
        { daysAgo: 56, ratings: [[7, 5, 3, 3], [2, 3, 3, 2]] },
        { daysAgo: 49, ratings: [[6, 6, 4, 4], [3, 4, 3, 2]] },
        { daysAgo: 42, ratings: [[7, 6, 4, 4], [3, 4, 4, 3]] },
        { daysAgo: 35, ratings: [[7, 6, 5, 4], [4, 5, 5, 3]] },
        { daysAgo: 28, ratings: [[8, 7, 5, 5], [5, 5, 6, 4]] },
        { daysAgo: 21, ratings: [[7, 7, 6, 5], [5, 6, 6, 5]] },
        { daysAgo: 14, ratings: [[8, 7, 6, 6], [6, 6, 7, 5]] },
        { daysAgo: 7, ratings: [[7, 6, 5, 4], [2, 3, 4, 3]] },
      ],
      csi4: [
        { daysAgo: 56, scores: [11, 6] },
        { daysAgo: 28, scores: [13, 10] },
        { daysAgo: 2, scores: [15, 12] },
      ],
      homework: { exerciseId: 'builtin:daily-honesty', startedDaysAgo: 42, missedDaysAgo: [[21, 7], []] },
    },
  },
  {
    clinician: 'owner',
    request: {
      confidentialityPolicyId: 'builtin:no-secrets',
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
      confidentialityPolicyId: 'builtin:limited-secrets',
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
      confidentialityPolicyId: 'builtin:no-secrets',
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

export async function seedDemoCaseload(app: NestFastifyApplication, ownerUrl: string, now = new Date()): Promise<void> {
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

  await call('PATCH', '/api/practice', tokens.owner, { officeAddress: DEMO_OFFICE_ADDRESS });
  // Before the cases, so their held sessions are charged as they are marked.
  await call('PATCH', '/api/billing/settings', tokens.owner, DEMO_BILLING);
  for (const service of SUGGESTED_SERVICES) {
    await call('POST', '/api/billing/services', tokens.owner, { ...service, fee: DEMO_SERVICE_FEES[service.cptCode ?? ''] ?? 10000 });
  }

  const asOwner = new Client({ connectionString: ownerUrl });
  await asOwner.connect();
  try {
    for (const [index, demo] of DEMO_CASES.entries()) {
      const token = tokens[demo.clinician];
      const request = { ...demo.request, clinicianIds: demo.clinician === 'clinician' ? [clinicianId] : undefined };
      const created = await call<CaseDetail>('POST', '/api/cases', token, request);
      await writeCase(demo, created, token);
      if (demo.progress) await writeProgress(demo.progress, created, token);
      if (index === 0) await writeBilling(created, tokens.owner);
    }
    // Overdue homework and quiet check-ins show at once, not at the first hourly sweep.
    const practiceId = (await asOwner.query('SELECT practice_id FROM users WHERE id = $1', [clinicianId])).rows[0].practice_id as string;
    await app.get(PracticeScope).runInBackground(practiceId, () => app.get(AlertsService).sweep(practiceId, now));
  } finally {
    await asOwner.end();
  }

  async function writeCase(demo: DemoCase, created: CaseDetail, token: string): Promise<void> {
    for (const { daysAgo, participant, ...event } of demo.events) {
      const participantId = participant === undefined ? null : created.participants[participant].id;
      await call('POST', `/api/cases/${created.id}/events`, token, { ...event, occurredOn: dateOnly(daysAgo), participantId });
    }
    for (const session of demo.sessions) {
      const startsAt = new Date(today.getTime() + session.inDays * DAY + session.hour * 60 * 60 * 1000).toISOString();
      const modality = session.modality ?? 'in-person';
      const scheduled = await call<TherapySession>('POST', `/api/cases/${created.id}/sessions`, token, {
        startsAt,
        durationMinutes: 50,
        modality,
        videoUrl: modality === 'video' ? DEMO_VIDEO_URL : undefined,
        repeat: session.repeat,
      });
      if (session.status) await call('PATCH', `/api/sessions/${scheduled.id}`, token, { status: session.status });
      // A person's answer arrives through their portal; written directly so the seed holds no one's portal link.
      if (session.confirmedBy !== undefined) {
        await asOwner.query(`INSERT INTO session_attendance (session_id, participant_id, practice_id, response) SELECT id, $2, practice_id, 'confirmed' FROM sessions WHERE id = $1`, [
          scheduled.id,
          created.participants[session.confirmedBy].id,
        ]);
      }
      if (!session.note) continue;
      const notePath = `/api/sessions/${scheduled.id}/note`;
      await call('PUT', notePath, token, { template: session.note.template, sections: session.note.sections, version: 0 });
      if (session.note.sign) await call('POST', `${notePath}/sign`, token);
      if (session.note.addendum) await call('POST', `${notePath}/addenda`, token, { body: session.note.addendum });
    }
  }

  /** The first couple's held sessions invoiced to each partner for their half; one has paid, the other still owes. */
  async function writeBilling(created: CaseDetail, token: string): Promise<void> {
    const billing = await call<CaseBilling>('GET', `/api/cases/${created.id}/billing`, token);
    for (const [index, balance] of billing.balances.entries()) {
      if (balance.uninvoiced <= 0) continue;
      const draft = await call<Invoice>('POST', `/api/cases/${created.id}/invoices`, token, { payerId: balance.payer.id });
      const issued = await call<Invoice>('POST', `/api/invoices/${draft.id}/issue`, token);
      if (index > 0) continue;
      await call('POST', `/api/cases/${created.id}/payments`, token, {
        payerId: balance.payer.id,
        method: 'bank-transfer',
        amount: issued.total,
        receivedOn: issued.issuedOn,
        reference: issued.number,
      });
    }
  }

  /** As the portal signs: each agreement read, then signed with the version and text that was read. */
  async function signEverything(created: CaseDetail, index: 0 | 1, token: string, signedAt: Date): Promise<void> {
    for (const { agreementId } of await call<PortalAgreementSummary[]>('GET', '/api/portal/agreements', token)) {
      const document = await call<PortalAgreementDocument>('GET', `/api/portal/agreements/${agreementId}`, token);
      const typedName = created.participants[index].displayName;
      await call('POST', `/api/portal/agreements/${agreementId}/signature`, token, { version: document.version, documentHash: document.documentHash, typedName, intendToSign: true });
    }
    await asOwner.query('UPDATE agreement_signatures SET signed_at = $2 WHERE case_id = $1', [created.id, signedAt]);
  }

  async function writeProgress(progress: DemoProgress, created: CaseDetail, token: string): Promise<void> {
    const at = (daysAgo: number, hour: number) => new Date(today.getTime() - daysAgo * DAY + hour * 60 * 60 * 1000);
    const portal = await Promise.all(
      created.participants.map(async (participant) => {
        const link = await call<PortalLinkCreated>('POST', `/api/cases/${created.id}/participants/${participant.id}/portal-link`, token);
        return new URL(link.url).hash.slice(1);
      }),
    );
    const participantIds = created.participants.map((participant) => participant.id);
    if (progress.signedBy !== undefined) await signEverything(created, progress.signedBy, portal[progress.signedBy], at(progress.openedDaysAgo - 1, 21));

    for (const { phase } of progress.phases) await call('PATCH', `/api/cases/${created.id}`, token, { phase });
    await asOwner.query('UPDATE cases SET created_at = $2 WHERE id = $1', [created.id, at(progress.openedDaysAgo, 9)]);
    // The policy was chosen as the case opened, before anyone signed under it.
    await asOwner.query('UPDATE case_policy_changes SET changed_at = $2 WHERE case_id = $1', [created.id, at(progress.openedDaysAgo, 9)]);
    const phaseDates = [at(progress.openedDaysAgo, 9), ...progress.phases.map((change) => at(change.daysAgo, 17))];
    await asOwner.query(
      `UPDATE case_phase_changes pc SET changed_at = dated.changed_at
       FROM (SELECT id, row_number() OVER (ORDER BY changed_at, id) AS position FROM case_phase_changes WHERE case_id = $1) ordered
       JOIN unnest($2::timestamptz[]) WITH ORDINALITY AS dated(changed_at, position) ON dated.position = ordered.position
       WHERE pc.id = ordered.id`,
      [created.id, phaseDates],
    );

    // In order, so each check-in is compared with the ones before it, as it would have been.
    for (const { daysAgo, ratings } of progress.checkIns) {
      for (const [index, [trust, safety, heard, closeness]] of ratings.entries()) {
        const request: CheckInRequest = { trust, safety, heard, closeness };
        const sent = await call<CheckIn>('POST', '/api/portal/check-ins', portal[index], request);
        await asOwner.query('UPDATE check_ins SET submitted_at = $2 WHERE id = $1', [sent.id, at(daysAgo, 20 + index)]);
      }
    }

    for (const [round, { daysAgo, scores }] of progress.csi4.entries()) {
      const assigned = await call<Assignment[]>('POST', `/api/cases/${created.id}/assignments`, token, {
        exerciseId: 'measure:csi-4',
        assignTo: 'each',
        dueOn: today.toISOString().slice(0, 10),
      });
      for (const assignment of assigned) {
        const index = participantIds.indexOf(assignment.participantId ?? '');
        const sheet = await call<PortalSubmission>('POST', `/api/portal/assignments/${assignment.id}/submissions`, portal[index], {
          answers: answersWithScore(CSI_4, scores[index]),
          shared: false,
        });
        const on = dateOnly(daysAgo);
        await asOwner.query('UPDATE assignments SET due_on = $2, created_at = $3 WHERE id = $1', [assignment.id, on, at(daysAgo + 3, 9)]);
        await asOwner.query('UPDATE submissions SET occurrence_on = $2, submitted_at = $3 WHERE id = $1', [sheet.id, on, at(daysAgo, 19)]);
        await asOwner.query('UPDATE measure_scores SET occurrence_on = $2, submitted_at = $3 WHERE submission_id = $1', [sheet.id, on, at(daysAgo, 19)]);
      }
      // Earlier low scores were talked through in session; only the latest round is still open.
      if (round === progress.csi4.length - 1) continue;
      for (const alert of await call<CaseAlert[]>('GET', `/api/cases/${created.id}/alerts`, token)) {
        if (alert.kind === 'measure-below-cutoff') await call('POST', `/api/alerts/${alert.id}/acknowledge`, token, { note: 'Talked through in session.' });
      }
    }

    const startsOn = dateOnly(progress.homework.startedDaysAgo);
    const weekly = await call<Assignment[]>('POST', `/api/cases/${created.id}/assignments`, token, {
      exerciseId: progress.homework.exerciseId,
      assignTo: 'each',
      recurrence: { frequency: 'weekly', daysOfWeek: [new Date(`${startsOn}T00:00:00Z`).getUTCDay()], startsOn, endsOn: dateOnly(-28) },
    });
    for (const assignment of weekly) {
      const index = participantIds.indexOf(assignment.participantId ?? '');
      const missed = progress.homework.missedDaysAgo[index];
      for (let daysAgo = progress.homework.startedDaysAgo; daysAgo > 0; daysAgo -= 7) {
        if (missed.includes(daysAgo)) continue;
        const sheet = await call<PortalSubmission>('POST', `/api/portal/assignments/${assignment.id}/submissions`, portal[index], {
          occurrenceOn: dateOnly(daysAgo),
          answers: answersFor(assignment.exercise.prompts, 'Told them about a small thing I would once have kept to myself.'),
          shared: index === 1,
        });
        await asOwner.query('UPDATE submissions SET submitted_at = $2 WHERE id = $1', [sheet.id, at(daysAgo, 21)]);
      }
    }
  }
}

/** A valid answer to each prompt of a sheet, by its type: for demo sheets (and the tests). */
export function answersFor(prompts: readonly ExercisePrompt[], text: string): Record<string, unknown> {
  const answerOf = (prompt: ExercisePrompt): unknown => {
    switch (prompt.type) {
      case 'text':
        return text;
      case 'scale':
        return 6;
      case 'yes-no':
        return true;
      case 'choice':
        return prompt.multiple ? [prompt.options[0].key] : prompt.options[0].key;
      case 'date':
        return '2026-01-15';
    }
  };
  return Object.fromEntries(prompts.map((prompt) => [prompt.key, answerOf(prompt)]));
}
