import type {
  Assignment,
  CaseAlert,
  CaseDetail,
  CaseEvent,
  CheckIn,
  ExerciseDetail,
  ExercisePrompt,
  IntakeCreated,
  PortalSession,
  PortalSubmission,
  SafetyReport,
  SessionClash,
  TherapySession,
  TwoFactorEnrolment,
} from '@trustwork/contracts';
import type { Client } from 'pg';
import type { Response } from 'supertest';
import type { MailContent } from '../src/mail/mail-templates';
import { MailService } from '../src/mail/mail.service';
import { routesOf, walkTemplate } from './boundary-probes';
import { addTeamMember, answersFor, enrolTwoFactor, MEMBER_PASSWORD, portalTokenOf, registerPractice, startTestApp, twoFactorCode, useTestApp, type SignedIn } from './test-app';
import { connect, ownerDatabaseUrl } from './test-database';

/** One audit row as the owner's audit log shows it. */
interface ExpectedEvent {
  action: string;
  recordType: string;
  recordId: string | null;
  /** A list read's records, in the order shown. */
  recordIds?: string[];
  caseId: string | null;
  actorType: 'user' | 'participant' | 'system';
  actorId: string | null;
}

/** What earlier calls created, for the calls (and expectations) after them. */
interface World {
  clinician: SignedIn;
  clinicianId: string;
  caseId: string;
  alexId: string;
  samId: string;
  alexAuth: { Authorization: string };
  alexLinkId: string;
  caseEventId: string;
  sessionId: string;
  assignments: Assignment[];
  alexSheet: { id: string; prompts: ExercisePrompt[] };
  submissionId: string;
  checkInId: string;
  reportId: string;
  alertId: string;
  intake: IntakeCreated;
  intakeLinkIds: string[];
  importedTemplateId: string;
  ownTemplateId: string;
  ownAgreementId: string;
  alexSignatureId: string;
  owner: SignedIn;
  /** A practice registered during the run, and the clinician's second device. */
  newOwner: SignedIn;
  otherDevice: { Authorization: string };
  twoFactorSecret: string;
  /** The secret of the last link e-mailed (an address confirmation, a password reset). */
  mailedToken: string;
  /** The clinician's calendar feed address. */
  calendarFeedUrl: string;
  /** The case's money: a service, Alex as payer, a charge and the invoice it is on, a payment, and the last draft removed. */
  billing: { serviceId: string; alexPayerId: string; chargeId: string; invoiceId: string; paymentId: string; removedId: string };
}

interface Call {
  route: string;
  send: (world: World) => Promise<Response>;
  /** The audit events the call writes, all of them. */
  expected: (world: World, response: Response) => ExpectedEvent[];
}

const api = useTestApp();
let database: Client;
const world = {} as World;
const mailed: MailContent[] = [];
const lastMailedToken = () => /#token=([\w-]+)/.exec(mailed.map((mail) => mail.text).filter((text) => text.includes('#token=')).pop() ?? '')?.[1] ?? 'no link was mailed';

const byUser = (action: string, recordType: string, recordId: string, caseId: string | null = world.caseId): ExpectedEvent => ({
  action,
  recordType,
  recordId,
  caseId,
  actorType: 'user',
  actorId: world.clinicianId,
});
const byAlex = (action: string, recordType: string, recordId: string): ExpectedEvent => ({
  action,
  recordType,
  recordId,
  caseId: world.caseId,
  actorType: 'participant',
  actorId: world.alexId,
});
/** One list read: `ids` are the records it showed (of `recordType`), all of `caseId`. */
const listedBy = (actor: (action: string, recordType: string, recordId: string) => ExpectedEvent, action: string, recordType: string, ids: string[], caseId: string | null = world.caseId): ExpectedEvent => ({
  ...actor(action, recordType, ''),
  recordId: null,
  recordIds: ids,
  caseId,
});
const idsOf = (response: Response): string[] => ((Array.isArray(response.body) ? response.body : response.body.items) as { id: string }[]).map((item) => item.id);
const http = () => api.http;
const asClinician = () => world.clinician.auth;
const today = () => new Date().toISOString().slice(0, 10);
const daysFromNow = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);
const library = (minutes: number) => ({ format: 'trustwork.exercise-library', formatVersion: 1, exercises: [{ key: 'walk', ...walkTemplate('Shared by a colleague.'), minutes }] });

/** The sign-in session an access token belongs to (its `sid` claim). */
const sessionIdOf = (auth: { Authorization: string }): string => JSON.parse(Buffer.from(auth.Authorization.split('.')[1], 'base64url').toString()).sid;
/** The clinician signs in on another device. */
const clinicianSignsInAgain = async (w: World) => {
  const { accessToken } = (await http().post('/api/auth/login').send({ email: w.clinician.email, password: MEMBER_PASSWORD }).expect(200)).body;
  return { Authorization: `Bearer ${accessToken}` };
};
const bySignedIn = (action: string, person: { id: string }, recordType: string, recordId: string): ExpectedEvent => ({ ...byUser(action, recordType, recordId, null), actorId: person.id });
/** Billing is the owner's work here (clinicians do not manage billing). */
const byOwner = (action: string, recordType: string, recordId: string, caseId: string | null = world.caseId): ExpectedEvent => ({
  ...byUser(action, recordType, recordId, caseId),
  actorId: world.owner.tokens.user.id,
});
const asOwner = () => world.owner.auth;
const lastMonth = () => ({ from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), to: today() });

/** A manual charge to Alex, made before the call under test. */
async function chargeAlex(w: World, amount: number): Promise<string> {
  const charge = await http()
    .post(`/api/cases/${w.caseId}/charges`)
    .set(asOwner())
    .send({ kind: 'manual', payerId: w.billing.alexPayerId, description: 'Couples session', serviceDate: today(), amount, reason: 'Agreed fee' })
    .expect(201);
  return (charge.body as { id: string }).id;
}

/** A joint session some days ahead, for a portal call to answer. */
async function scheduleForAlex(w: World, days: number): Promise<string> {
  const scheduled = await http().post(`/api/cases/${w.caseId}/sessions`).set(asClinician()).send({ startsAt: daysFromNow(days).toISOString(), durationMinutes: 50, modality: 'in-person', allowClashes: true }).expect(201);
  return (scheduled.body as TherapySession).id;
}

/** Sets up the clinician's two-factor with a new secret and turns it on with this step's code. */
async function enrolThenConfirm(w: World): Promise<Response> {
  w.twoFactorSecret = ((await http().post('/api/me/two-factor/enrolment').set(asClinician()).expect(201)).body as TwoFactorEnrolment).secret;
  return http().post('/api/me/two-factor').set(asClinician()).send({ code: twoFactorCode(w.twoFactorSecret) });
}

/**
 * Every clinical route, in the order a case's life calls them, with the audit events
 * each call must write: no more, no fewer.
 */
const CALLS: Call[] = [
  {
    route: 'POST /api/cases',
    send: () =>
      http()
        .post('/api/cases')
        .set(asClinician())
        .send({
          relationshipType: 'couple',
          participants: [
            { displayName: 'Alex Rivera', breachRole: 'broke-trust' },
            { displayName: 'Sam Rivera', breachRole: 'was-hurt' },
          ],
        }),
    expected: (w, response) => {
      const created = response.body as CaseDetail;
      Object.assign(w, { caseId: created.id, alexId: created.participants[0].id, samId: created.participants[1].id });
      return [byUser('case.create', 'case', created.id)];
    },
  },
  { route: 'GET /api/cases', send: () => http().get('/api/cases').set(asClinician()), expected: (w) => [listedBy(byUser, 'case.list', 'case', [w.caseId])] },
  { route: 'GET /api/cases/:id', send: (w) => http().get(`/api/cases/${w.caseId}`).set(asClinician()), expected: (w) => [byUser('case.read', 'case', w.caseId)] },
  {
    route: 'PATCH /api/cases/:id (a participant too)',
    send: (w) => http().patch(`/api/cases/${w.caseId}`).set(asClinician()).send({ phase: 2, participants: [{ id: w.samId, displayName: 'Sam R.' }] }),
    expected: (w) => [byUser('case.update', 'case', w.caseId), byUser('participant.update', 'participant', w.samId)],
  },
  {
    route: 'POST /api/cases/:id/events',
    send: (w) =>
      http().post(`/api/cases/${w.caseId}/events`).set(asClinician()).send({ kind: 'milestone', occurredOn: today(), title: 'First honest talk' }),
    expected: (w, response) => {
      w.caseEventId = (response.body as CaseEvent).id;
      return [byUser('case-event.create', 'case-event', w.caseEventId)];
    },
  },
  { route: 'GET /api/cases/:id/events', send: (w) => http().get(`/api/cases/${w.caseId}/events`).set(asClinician()), expected: (_w, response) => [listedBy(byUser, 'case-event.list', 'case-event', idsOf(response))] },
  {
    route: 'POST /api/cases/:id/sessions',
    send: (w) => http().post(`/api/cases/${w.caseId}/sessions`).set(asClinician()).send({ startsAt: daysFromNow(1).toISOString(), durationMinutes: 50, modality: 'video' }),
    expected: (w, response) => {
      w.sessionId = (response.body as TherapySession).id;
      return [byUser('session.create', 'session', w.sessionId)];
    },
  },
  { route: 'GET /api/cases/:id/sessions', send: (w) => http().get(`/api/cases/${w.caseId}/sessions`).set(asClinician()), expected: (_w, response) => [listedBy(byUser, 'session.list', 'session', idsOf(response))] },
  {
    route: 'GET /api/sessions (agenda)',
    send: () => http().get('/api/sessions').query({ from: daysFromNow(-1).toISOString(), to: daysFromNow(7).toISOString() }).set(asClinician()),
    expected: (_w, response) => [listedBy(byUser, 'session.list', 'session', idsOf(response))],
  },
  {
    route: 'PATCH /api/sessions/:id',
    send: (w) => http().patch(`/api/sessions/${w.sessionId}`).set(asClinician()).send({ durationMinutes: 60 }),
    expected: (w) => [byUser('session.update', 'session', w.sessionId)],
  },
  {
    // At the session above: the warning names it, a read of that session.
    route: 'GET /api/sessions/clashes',
    send: () => http().get('/api/sessions/clashes').query({ caseId: world.caseId, startsAt: daysFromNow(1).toISOString(), durationMinutes: 50 }).set(asClinician()),
    expected: (_w, response) => [listedBy(byUser, 'session.list', 'session', [...new Set((response.body as SessionClash[]).map((clash) => clash.sessionId))])],
  },
  {
    // A session of its own, so the notes below keep theirs.
    route: 'POST /api/sessions/:id/cancel',
    send: async (w) => {
      const scheduled = await http().post(`/api/cases/${w.caseId}/sessions`).set(asClinician()).send({ startsAt: daysFromNow(5).toISOString(), durationMinutes: 50, modality: 'video', allowClashes: true }).expect(201);
      return http().post(`/api/sessions/${(scheduled.body as TherapySession).id}/cancel`).set(asClinician()).send({ reason: 'Clinician unwell.' });
    },
    expected: (_w, response) => [byUser('session.cancel', 'session', (response.body as TherapySession).id)],
  },
  {
    route: 'PUT /api/sessions/:id/note',
    send: (w) =>
      http()
        .put(`/api/sessions/${w.sessionId}/note`)
        .set(asClinician())
        .send({ template: 'soap', sections: { subjective: 'Both came.', objective: 'Calm.', assessment: 'Steady.', plan: 'Weekly check-ins.' }, version: 0 }),
    expected: (w) => [byUser('note.save', 'note', w.sessionId)],
  },
  { route: 'GET /api/sessions/:id/note', send: (w) => http().get(`/api/sessions/${w.sessionId}/note`).set(asClinician()), expected: (w) => [byUser('note.read', 'note', w.sessionId)] },
  { route: 'POST /api/sessions/:id/note/sign', send: (w) => http().post(`/api/sessions/${w.sessionId}/note/sign`).set(asClinician()), expected: (w) => [byUser('note.sign', 'note', w.sessionId)] },
  {
    route: 'POST /api/sessions/:id/note/addenda',
    send: (w) => http().post(`/api/sessions/${w.sessionId}/note/addenda`).set(asClinician()).send({ body: 'Sam called afterwards.' }),
    expected: (w) => [byUser('note.addendum', 'note', w.sessionId)],
  },
  { route: 'GET /api/cases/:id/export', send: (w) => http().get(`/api/cases/${w.caseId}/export`).set(asClinician()), expected: (w) => [byUser('case.export', 'case', w.caseId)] },
  {
    route: 'GET /api/cases/:id/export?participant= (a records request)',
    send: (w) => http().get(`/api/cases/${w.caseId}/export`).query({ participant: w.samId }).set(asClinician()),
    expected: (w) => [byUser('case.export', 'participant', w.samId)],
  },
  {
    route: 'GET /api/cases/:id/export?format=pdf (the record to read)',
    send: (w) => http().get(`/api/cases/${w.caseId}/export`).query({ format: 'pdf', participant: w.samId }).set(asClinician()),
    expected: (w) => [byUser('case.export', 'participant', w.samId)],
  },
  {
    route: 'POST /api/cases/:id/participants/:pid/portal-link',
    send: (w) => http().post(`/api/cases/${w.caseId}/participants/${w.alexId}/portal-link`).set(asClinician()),
    expected: (w) => [byUser('portal-link.create', 'portal-link', w.alexLinkId)],
  },
  {
    route: 'POST /api/cases/:id/assignments',
    send: (w) =>
      http()
        .post(`/api/cases/${w.caseId}/assignments`)
        .set(asClinician())
        .send({ exerciseId: 'builtin:weekly-trust-check-in', assignTo: 'each', dueOn: today() }),
    expected: (w, response) => {
      w.assignments = response.body as Assignment[];
      return w.assignments.map((assignment) => byUser('assignment.create', 'assignment', assignment.id));
    },
  },
  { route: 'GET /api/cases/:id/assignments', send: (w) => http().get(`/api/cases/${w.caseId}/assignments`).set(asClinician()), expected: (_w, response) => [listedBy(byUser, 'assignment.list', 'assignment', idsOf(response))] },
  {
    route: 'PATCH /api/assignments/:id',
    send: (w) => http().patch(`/api/assignments/${w.assignments[0].id}`).set(asClinician()).send({ instructions: 'Take your time.' }),
    expected: (w) => [byUser('assignment.update', 'assignment', w.assignments[0].id)],
  },
  { route: 'GET /api/portal/me', send: (w) => http().get('/api/portal/me').set(w.alexAuth), expected: (w) => [byAlex('participant.read', 'participant', w.alexId)] },
  {
    route: 'GET /api/portal/assignments',
    send: (w) => http().get('/api/portal/assignments').set(w.alexAuth),
    expected: (w, response) => {
      [w.alexSheet] = response.body as World['alexSheet'][];
      return [listedBy(byAlex, 'assignment.list', 'assignment', idsOf(response))];
    },
  },
  {
    route: 'POST /api/portal/assignments/:id/submissions',
    send: (w) => http().post(`/api/portal/assignments/${w.alexSheet.id}/submissions`).set(w.alexAuth).send({ answers: answersFor(w.alexSheet.prompts, 'Mine'), shared: true }),
    expected: (w, response) => {
      w.submissionId = (response.body as PortalSubmission).id;
      return [byAlex('submission.create', 'submission', w.submissionId)];
    },
  },
  { route: 'GET /api/portal/shared', send: (w) => http().get('/api/portal/shared').set(w.alexAuth), expected: (_w, response) => [listedBy(byAlex, 'submission.read-shared', 'submission', idsOf(response))] },
  {
    route: 'POST /api/portal/check-ins',
    send: (w) => http().post('/api/portal/check-ins').set(w.alexAuth).send({ trust: 6, safety: 7, heard: 6, closeness: 5, note: 'A calmer week.' }),
    expected: (w, response) => {
      w.checkInId = (response.body as CheckIn).id;
      return [byAlex('check-in.create', 'check-in', w.checkInId)];
    },
  },
  { route: 'GET /api/portal/check-ins', send: (w) => http().get('/api/portal/check-ins').set(w.alexAuth), expected: (_w, response) => [listedBy(byAlex, 'check-in.list', 'check-in', idsOf(response))] },
  { route: 'PUT /api/portal/reminders', send: (w) => http().put('/api/portal/reminders').set(w.alexAuth).send({ homework: false }), expected: (w) => [byAlex('participant.update', 'participant', w.alexId)] },
  {
    route: 'POST /api/portal/safety-reports',
    send: (w) => http().post('/api/portal/safety-reports').set(w.alexAuth).send({ message: 'Please call me.', urgency: 'urgent' }),
    expected: (w) => [byAlex('safety-report.create', 'safety-report', w.reportId)],
  },
  // Agreements: the case's policy and set, Alex reads and signs, the practice sees the status and the signed copy.
  {
    route: 'PUT /api/cases/:id/confidentiality-policy',
    send: (w) => http().put(`/api/cases/${w.caseId}/confidentiality-policy`).set(asClinician()).send({ agreementId: 'builtin:limited-secrets' }),
    expected: (w) => [byUser('case.policy-change', 'case', w.caseId)],
  },
  {
    route: 'PUT /api/cases/:id/agreements',
    send: (w) => http().put(`/api/cases/${w.caseId}/agreements`).set(asClinician()).send({ agreementIds: ['builtin:informed-consent', 'builtin:telehealth'] }),
    expected: (w) => [byUser('case.agreements-change', 'case', w.caseId)],
  },
  { route: 'GET /api/portal/agreements', send: (w) => http().get('/api/portal/agreements').set(w.alexAuth), expected: (w) => [byAlex('agreement.list', 'participant', w.alexId)] },
  {
    route: 'GET /api/portal/agreements/:agreementId',
    send: (w) => http().get('/api/portal/agreements/builtin:telehealth').set(w.alexAuth),
    expected: (w) => [byAlex('agreement.read', 'participant', w.alexId)],
  },
  {
    route: 'POST /api/portal/agreements/:agreementId/signature',
    send: async (w) => {
      const read = (await http().get('/api/portal/agreements/builtin:telehealth').set(w.alexAuth)).body;
      return http()
        .post('/api/portal/agreements/builtin:telehealth/signature')
        .set(w.alexAuth)
        .send({ version: read.version, documentHash: read.documentHash, typedName: 'Alex Rivera', intendToSign: true });
    },
    expected: (w) => [byAlex('agreement.sign', 'signature', w.alexSignatureId)],
  },
  {
    route: 'GET /api/portal/agreements/:agreementId/pdf',
    send: (w) => http().get('/api/portal/agreements/builtin:telehealth/pdf').set(w.alexAuth),
    expected: (w) => [byAlex('signature.export', 'signature', w.alexSignatureId)],
  },
  // Appointments in the portal: each on a session of its own, so the team's session calls keep theirs.
  { route: 'GET /api/portal/sessions', send: (w) => http().get('/api/portal/sessions').set(w.alexAuth), expected: (_w, response) => [listedBy(byAlex, 'session.list', 'session', idsOf(response))] },
  {
    route: 'POST /api/portal/sessions/:id/confirm',
    send: async (w) => http().post(`/api/portal/sessions/${await scheduleForAlex(w, 3)}/confirm`).set(w.alexAuth),
    expected: (_w, response) => [byAlex('session.confirm', 'session', (response.body as PortalSession).id)],
  },
  {
    route: 'POST /api/portal/sessions/:id/cancel',
    send: async (w) => http().post(`/api/portal/sessions/${await scheduleForAlex(w, 4)}/cancel`).set(w.alexAuth).send({ reason: 'Away that week.' }),
    expected: (_w, response) => [byAlex('session.cancel', 'session', (response.body as PortalSession).id)],
  },
  {
    route: 'GET /api/cases/:id/agreements',
    send: (w) => http().get(`/api/cases/${w.caseId}/agreements`).set(asClinician()),
    expected: (w) => [listedBy(byUser, 'signature.list', 'signature', [w.alexSignatureId])],
  },
  {
    route: 'GET /api/cases/:id/agreements/signatures/:signatureId/pdf',
    send: (w) => http().get(`/api/cases/${w.caseId}/agreements/signatures/${w.alexSignatureId}/pdf`).set(asClinician()),
    expected: (w) => [byUser('signature.export', 'signature', w.alexSignatureId)],
  },
  {
    route: 'POST /api/cases/:id/agreements/reminders',
    send: async (w) => {
      await http().patch(`/api/cases/${w.caseId}`).set(asClinician()).send({ participants: [{ id: w.alexId, email: 'alex@example.test' }] }).expect(200);
      return http().post(`/api/cases/${w.caseId}/agreements/reminders`).set(asClinician()).send({ participantId: w.alexId });
    },
    expected: (w) => [byUser('agreement.remind', 'participant', w.alexId)],
  },
  {
    route: 'POST /api/agreements',
    send: (w) => http().post('/api/agreements').set(w.owner.auth).send({ kind: 'other', title: 'Sessions and fees', body: 'Fees are agreed with {{practice}}.' }),
    expected: (w, response) => {
      w.ownAgreementId = (response.body as { id: string }).id;
      return [{ ...byUser('agreement.create', 'agreement', w.ownAgreementId, null), actorId: w.owner.tokens.user.id }];
    },
  },
  {
    route: 'PATCH /api/agreements/:id',
    send: (w) => http().patch(`/api/agreements/${w.ownAgreementId}`).set(w.owner.auth).send({ body: 'Fees are agreed with {{practice}} before the first session.' }),
    expected: (w) => [{ ...byUser('agreement.update', 'agreement', w.ownAgreementId, null), actorId: w.owner.tokens.user.id }],
  },
  {
    route: 'GET /api/assignments/:id/submissions',
    send: (w) => http().get(`/api/assignments/${w.alexSheet.id}/submissions`).set(asClinician()),
    expected: (_w, response) => [listedBy(byUser, 'submission.list', 'submission', idsOf(response))],
  },
  { route: 'GET /api/cases/:id/check-ins', send: (w) => http().get(`/api/cases/${w.caseId}/check-ins`).set(asClinician()), expected: (_w, response) => [listedBy(byUser, 'check-in.list', 'check-in', idsOf(response))] },
  {
    route: 'GET /api/cases/:id/safety-reports',
    send: (w) => http().get(`/api/cases/${w.caseId}/safety-reports`).set(asClinician()),
    expected: (w, response) => {
      expect((response.body as SafetyReport[]).map((report) => report.id)).toEqual([w.reportId]);
      return [listedBy(byUser, 'safety-report.list', 'safety-report', idsOf(response))];
    },
  },
  {
    route: 'GET /api/cases/:id/alerts',
    send: (w) => http().get(`/api/cases/${w.caseId}/alerts`).set(asClinician()),
    expected: (w, response) => {
      w.alertId = (response.body as CaseAlert[])[0].id;
      return [listedBy(byUser, 'alert.list', 'alert', idsOf(response))];
    },
  },
  {
    route: 'GET /api/attention',
    send: () => http().get('/api/attention').set(asClinician()),
    expected: (w) => [listedBy(byUser, 'attention.list', 'case', [w.caseId])],
  },
  {
    route: 'POST /api/alerts/:id/acknowledge',
    send: (w) => http().post(`/api/alerts/${w.alertId}/acknowledge`).set(asClinician()).send({ note: 'Called back.' }),
    expected: (w) => [byUser('alert.acknowledge', 'alert', w.alertId)],
  },
  {
    route: 'POST /api/safety-reports/:id/acknowledge',
    send: (w) => http().post(`/api/safety-reports/${w.reportId}/acknowledge`).set(asClinician()),
    expected: (w) => [byUser('safety-report.acknowledge', 'safety-report', w.reportId)],
  },
  { route: 'GET /api/sessions/:id/brief', send: (w) => http().get(`/api/sessions/${w.sessionId}/brief`).set(asClinician()), expected: (w) => [byUser('session.brief', 'session', w.sessionId)] },
  { route: 'GET /api/cases/:id/progress', send: (w) => http().get(`/api/cases/${w.caseId}/progress`).set(asClinician()), expected: (w) => [byUser('progress.read', 'case', w.caseId)] },
  {
    route: 'POST /api/exercises/import (a new template)',
    send: () => http().post('/api/exercises/import').set(asClinician()).send(library(30)),
    expected: (w, response) => {
      w.importedTemplateId = (response.body as { created: { id: string }[] }).created[0].id;
      return [byUser('exercise-template.import', 'exercise-template', w.importedTemplateId, null)];
    },
  },
  {
    route: 'POST /api/exercises/import (a new version of it)',
    send: () => http().post('/api/exercises/import').set(asClinician()).send(library(40)),
    expected: (w) => [byUser('exercise-template.update', 'exercise-template', w.importedTemplateId, null)],
  },
  {
    route: 'GET /api/exercises/export',
    send: () => http().get('/api/exercises/export').set(asClinician()),
    expected: (w) => [listedBy(byUser, 'exercise-template.export', 'exercise-template', [w.importedTemplateId], null)],
  },
  {
    route: 'POST /api/exercises',
    send: () => http().post('/api/exercises').set(asClinician()).send(walkTemplate('Our own.')),
    expected: (w, response) => {
      w.ownTemplateId = (response.body as ExerciseDetail).id;
      return [byUser('exercise-template.create', 'exercise-template', w.ownTemplateId, null)];
    },
  },
  {
    route: 'PATCH /api/exercises/:id',
    send: (w) => http().patch(`/api/exercises/${w.ownTemplateId}`).set(asClinician()).send({ minutes: 25 }),
    expected: (w) => [byUser('exercise-template.update', 'exercise-template', w.ownTemplateId, null)],
  },
  {
    route: 'POST /api/exercises/:id/duplicate',
    send: (w) => http().post(`/api/exercises/${w.ownTemplateId}/duplicate`).set(asClinician()),
    expected: (_w, response) => [byUser('exercise-template.duplicate', 'exercise-template', (response.body as ExerciseDetail).id, null)],
  },
  {
    route: 'POST /api/exercises/:id/archive',
    send: (w) => http().post(`/api/exercises/${w.ownTemplateId}/archive`).set(asClinician()),
    expected: (w) => [byUser('exercise-template.archive', 'exercise-template', w.ownTemplateId, null)],
  },
  {
    route: 'POST /api/exercises/:id/unarchive',
    send: (w) => http().post(`/api/exercises/${w.ownTemplateId}/unarchive`).set(asClinician()),
    expected: (w) => [byUser('exercise-template.unarchive', 'exercise-template', w.ownTemplateId, null)],
  },
  // Billing: the owner sets it up, charges, invoices and takes payments; the clinician enters diagnosis codes; Alex reads their own.
  {
    route: 'PATCH /api/billing/settings',
    send: () => http().patch('/api/billing/settings').set(asOwner()).send({ paymentTermsDays: 14 }),
    expected: (w) => [byOwner('practice.billing-update', 'practice', w.owner.tokens.user.practice.id, null)],
  },
  {
    route: 'POST /api/billing/services',
    send: () => http().post('/api/billing/services').set(asOwner()).send({ name: 'Couples session', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 50, fee: 15000 }),
    expected: (w, response) => {
      w.billing = { serviceId: (response.body as { id: string }).id } as World['billing'];
      return [byOwner('billing-service.create', 'billing-service', w.billing.serviceId, null)];
    },
  },
  {
    route: 'PATCH /api/billing/services/:id',
    send: (w) => http().patch(`/api/billing/services/${w.billing.serviceId}`).set(asOwner()).send({ fee: 16000 }),
    expected: (w) => [byOwner('billing-service.update', 'billing-service', w.billing.serviceId, null)],
  },
  {
    route: 'PUT /api/billing/clinicians/:id',
    send: (w) => http().put(`/api/billing/clinicians/${w.clinicianId}`).set(asOwner()).send({ licence: 'LMFT 12345, CA', npi: '1234567893' }),
    expected: (w) => [byOwner('user.credentials-update', 'user', w.clinicianId, null)],
  },
  {
    route: 'PUT /api/cases/:id/billing',
    send: (w) => http().put(`/api/cases/${w.caseId}/billing`).set(asOwner()).send({ arrangement: 'one-person', payerParticipantId: w.alexId }),
    expected: (w, response) => {
      const balances = (response.body as { balances: { payer: { id: string; participantId: string | null } }[] }).balances;
      w.billing.alexPayerId = balances.find((balance) => balance.payer.participantId === w.alexId)?.payer.id as string;
      return [byOwner('case.payers-change', 'case', w.caseId)];
    },
  },
  { route: 'GET /api/cases/:id/billing', send: (w) => http().get(`/api/cases/${w.caseId}/billing`).set(asOwner()), expected: (w) => [byOwner('case.billing-read', 'case', w.caseId)] },
  {
    route: 'POST /api/cases/:id/charges',
    send: (w) =>
      http()
        .post(`/api/cases/${w.caseId}/charges`)
        .set(asOwner())
        .send({ kind: 'manual', payerId: w.billing.alexPayerId, description: 'Couples session', serviceDate: today(), amount: 10000, reason: 'Agreed fee', serviceId: w.billing.serviceId }),
    expected: (w, response) => {
      w.billing.chargeId = (response.body as { id: string }).id;
      return [byOwner('charge.create', 'charge', w.billing.chargeId)];
    },
  },
  {
    route: 'PATCH /api/charges/:id',
    send: (w) => http().patch(`/api/charges/${w.billing.chargeId}`).set(asOwner()).send({ description: 'Couples session (50 minutes)' }),
    expected: (w) => [byOwner('charge.update', 'charge', w.billing.chargeId)],
  },
  {
    route: 'DELETE /api/charges/:id',
    send: async (w) => {
      w.billing.removedId = await chargeAlex(w, 500);
      return http().delete(`/api/charges/${w.billing.removedId}`).set(asOwner());
    },
    expected: (w) => [byOwner('charge.delete', 'charge', w.billing.removedId)],
  },
  { route: 'GET /api/cases/:id/charges', send: (w) => http().get(`/api/cases/${w.caseId}/charges`).set(asOwner()), expected: (_w, response) => [listedBy(byOwner, 'charge.list', 'charge', idsOf(response))] },
  {
    route: 'PUT /api/participants/:pid/diagnoses',
    send: (w) => http().put(`/api/participants/${w.alexId}/diagnoses`).set(asClinician()).send({ codes: [{ code: 'Z63.0', description: 'Relationship distress with spouse or partner' }] }),
    expected: (w) => [byUser('diagnosis.update', 'diagnosis', w.alexId)],
  },
  { route: 'GET /api/participants/:pid/diagnoses', send: (w) => http().get(`/api/participants/${w.alexId}/diagnoses`).set(asOwner()), expected: (w) => [byOwner('diagnosis.read', 'diagnosis', w.alexId)] },
  {
    route: 'POST /api/cases/:id/invoices',
    send: (w) => http().post(`/api/cases/${w.caseId}/invoices`).set(asOwner()).send({ payerId: w.billing.alexPayerId, chargeIds: [w.billing.chargeId] }),
    expected: (w, response) => {
      w.billing.invoiceId = (response.body as { id: string }).id;
      return [byOwner('invoice.create', 'invoice', w.billing.invoiceId)];
    },
  },
  {
    route: 'PATCH /api/invoices/:id',
    send: (w) => http().patch(`/api/invoices/${w.billing.invoiceId}`).set(asOwner()).send({ chargeIds: [w.billing.chargeId] }),
    expected: (w) => [byOwner('invoice.update', 'invoice', w.billing.invoiceId)],
  },
  {
    route: 'DELETE /api/invoices/:id',
    send: async (w) => {
      const draft = await http().post(`/api/cases/${w.caseId}/invoices`).set(asOwner()).send({ payerId: w.billing.alexPayerId, chargeIds: [await chargeAlex(w, 700)] }).expect(201);
      w.billing.removedId = (draft.body as { id: string }).id;
      return http().delete(`/api/invoices/${w.billing.removedId}`).set(asOwner());
    },
    expected: (w) => [byOwner('invoice.delete', 'invoice', w.billing.removedId)],
  },
  { route: 'GET /api/invoices/:id', send: (w) => http().get(`/api/invoices/${w.billing.invoiceId}`).set(asOwner()), expected: (w) => [byOwner('invoice.read', 'invoice', w.billing.invoiceId)] },
  { route: 'POST /api/invoices/:id/issue', send: (w) => http().post(`/api/invoices/${w.billing.invoiceId}/issue`).set(asOwner()), expected: (w) => [byOwner('invoice.issue', 'invoice', w.billing.invoiceId)] },
  {
    // Alex needs an address to be sent the invoice.
    route: 'POST /api/invoices/:id/email',
    send: async (w) => {
      await http().patch(`/api/cases/${w.caseId}`).set(asClinician()).send({ participants: [{ id: w.alexId, email: 'alex.rivera@example.test' }] }).expect(200);
      return http().post(`/api/invoices/${w.billing.invoiceId}/email`).set(asOwner());
    },
    expected: (w) => [byOwner('invoice.email', 'invoice', w.billing.invoiceId)],
  },
  { route: 'GET /api/invoices/:id/pdf', send: (w) => http().get(`/api/invoices/${w.billing.invoiceId}/pdf`).set(asOwner()), expected: (w) => [byOwner('invoice.export', 'invoice', w.billing.invoiceId)] },
  { route: 'GET /api/cases/:id/invoices', send: (w) => http().get(`/api/cases/${w.caseId}/invoices`).set(asOwner()), expected: (_w, response) => [listedBy(byOwner, 'invoice.list', 'invoice', idsOf(response))] },
  {
    route: 'POST /api/cases/:id/payments',
    send: (w) => http().post(`/api/cases/${w.caseId}/payments`).set(asOwner()).send({ payerId: w.billing.alexPayerId, method: 'cash', amount: 3000, receivedOn: today() }),
    expected: (w, response) => {
      w.billing.paymentId = (response.body as { id: string }).id;
      return [byOwner('payment.create', 'payment', w.billing.paymentId)];
    },
  },
  { route: 'GET /api/cases/:id/payments', send: (w) => http().get(`/api/cases/${w.caseId}/payments`).set(asOwner()), expected: (_w, response) => [listedBy(byOwner, 'payment.list', 'payment', idsOf(response))] },
  {
    route: 'POST /api/payments/:id/refunds',
    send: (w) => http().post(`/api/payments/${w.billing.paymentId}/refunds`).set(asOwner()).send({ amount: 500, refundedOn: today(), reason: 'Overpaid' }),
    expected: (_w, response) => [byOwner('payment.refund', 'payment', (response.body as { id: string }).id)],
  },
  {
    route: 'GET /api/payers/:id/statement',
    send: (w) => http().get(`/api/payers/${w.billing.alexPayerId}/statement`).query(lastMonth()).set(asOwner()),
    expected: (w) => [byOwner('payer.statement', 'payer', w.billing.alexPayerId)],
  },
  {
    route: 'GET /api/payers/:id/statement.pdf',
    send: (w) => http().get(`/api/payers/${w.billing.alexPayerId}/statement.pdf`).query(lastMonth()).set(asOwner()),
    expected: (w) => [byOwner('payer.statement', 'payer', w.billing.alexPayerId)],
  },
  {
    route: 'GET /api/participants/:pid/superbill',
    send: (w) => http().get(`/api/participants/${w.alexId}/superbill`).query(lastMonth()).set(asOwner()),
    expected: (w) => [byOwner('participant.superbill', 'participant', w.alexId)],
  },
  {
    route: 'GET /api/participants/:pid/superbill.pdf',
    send: (w) => http().get(`/api/participants/${w.alexId}/superbill.pdf`).query(lastMonth()).set(asOwner()),
    expected: (w) => [byOwner('participant.superbill', 'participant', w.alexId)],
  },
  // The aging report names each payer who owes; its CSV, each invoice still owed (Alex's, part paid).
  {
    route: 'GET /api/billing/aging',
    send: () => http().get('/api/billing/aging').set(asOwner()),
    expected: (_w, response) => [listedBy(byOwner, 'payer.list', 'payer', (response.body as { payers: { payer: { id: string } }[] }).payers.map((row) => row.payer.id))],
  },
  { route: 'GET /api/billing/aging.csv', send: () => http().get('/api/billing/aging.csv').set(asOwner()), expected: (w) => [listedBy(byOwner, 'invoice.export', 'invoice', [w.billing.invoiceId])] },
  { route: 'GET /api/billing/invoices', send: () => http().get('/api/billing/invoices').set(asOwner()), expected: (_w, response) => [listedBy(byOwner, 'invoice.list', 'invoice', idsOf(response))] },
  {
    route: 'GET /api/portal/billing',
    send: (w) => http().get('/api/portal/billing').set(w.alexAuth),
    expected: (_w, response) => [listedBy(byAlex, 'invoice.list', 'invoice', (response.body as { invoices: { id: string }[] }).invoices.map((invoice) => invoice.id))],
  },
  {
    route: 'GET /api/portal/billing/invoices/:id/pdf',
    send: (w) => http().get(`/api/portal/billing/invoices/${w.billing.invoiceId}/pdf`).set(w.alexAuth),
    expected: (w) => [byAlex('invoice.export', 'invoice', w.billing.invoiceId)],
  },
  {
    route: 'GET /api/portal/billing/statement.pdf',
    send: (w) => http().get('/api/portal/billing/statement.pdf').query(lastMonth()).set(w.alexAuth),
    expected: (w) => [byAlex('payer.statement', 'payer', w.billing.alexPayerId)],
  },
  {
    route: 'GET /api/portal/billing/superbill.pdf',
    send: (w) => http().get('/api/portal/billing/superbill.pdf').query(lastMonth()).set(w.alexAuth),
    expected: (w) => [byAlex('participant.superbill', 'participant', w.alexId)],
  },
  // Last of billing: crediting everything still owed leaves nothing outstanding.
  {
    route: 'POST /api/invoices/:id/credit-notes',
    send: (w) => http().post(`/api/invoices/${w.billing.invoiceId}/credit-notes`).set(asOwner()).send({ reason: 'Session fee waived' }),
    expected: (_w, response) => [byOwner('invoice.credit-note', 'invoice', (response.body as { id: string }).id)],
  },
  {
    route: 'DELETE /api/cases/:id/participants/:pid/portal-link',
    send: (w) => http().delete(`/api/cases/${w.caseId}/participants/${w.alexId}/portal-link`).set(asClinician()),
    expected: (w) => [byUser('portal-link.revoke', 'portal-link', w.alexLinkId)],
  },
  {
    route: 'POST /api/intakes (Sam linked to their record)',
    send: (w) =>
      http()
        .post('/api/intakes')
        .set(asClinician())
        .send({
          relationshipType: 'parent-child',
          participants: [
            { displayName: 'Jo Lee', email: 'jo.lee@example.test', breachRole: 'was-hurt' },
            { linkTo: w.samId, breachRole: 'broke-trust' },
          ],
          exercises: [{ exerciseId: 'builtin:weekly-trust-check-in', assignTo: 'each', dueOn: today() }],
          createPortalLinks: true,
        }),
    expected: (w, response) => {
      w.intake = response.body as IntakeCreated;
      const caseId = w.intake.case.id;
      return [
        byUser('case.create', 'case', caseId, caseId),
        byUser('participant.link', 'participant', w.samId),
        ...w.intake.assignments.map((assignment) => byUser('assignment.create', 'assignment', assignment.id, caseId)),
        ...w.intakeLinkIds.map((id) => byUser('portal-link.create', 'portal-link', id, caseId)),
      ];
    },
  },
  {
    route: 'POST /api/intakes/check',
    send: () => http().post('/api/intakes/check').set(asClinician()).send({ emails: ['JO.LEE@example.test'] }),
    expected: (w) => [listedBy(byUser, 'participant.match', 'participant', [w.intake.case.participants[0].id], w.intake.case.id)],
  },
  // Sign-in sessions: each start and end, and every session ended by someone, before the password changes below.
  {
    route: 'POST /api/auth/register',
    send: () => http().post('/api/auth/register').send({ practiceName: 'Second Audit Practice', name: 'Nia New', email: `new-owner-${Date.now()}@example.test`, password: MEMBER_PASSWORD }),
    expected: (w, response) => {
      const auth = { Authorization: `Bearer ${response.body.accessToken}` };
      w.newOwner = { tokens: response.body, auth, email: response.body.user.email, refreshToken: '' };
      return [bySignedIn('sign-in.start', response.body.user, 'sign-in', sessionIdOf(auth))];
    },
  },
  {
    route: 'POST /api/auth/login',
    send: () => http().post('/api/auth/login').send({ email: world.clinician.email, password: MEMBER_PASSWORD }),
    expected: (w, response) => {
      w.otherDevice = { Authorization: `Bearer ${response.body.accessToken}` };
      return [byUser('sign-in.start', 'sign-in', sessionIdOf(w.otherDevice), null)];
    },
  },
  {
    route: 'POST /api/auth/logout',
    send: (w) => http().post('/api/auth/logout').set(w.otherDevice),
    expected: (w) => [byUser('sign-in.end', 'sign-in', sessionIdOf(w.otherDevice), null)],
  },
  {
    route: 'POST /api/auth/login/two-factor (a recovery code)',
    send: async (w) => {
      const { recoveryCodes } = await enrolTwoFactor(http(), w.newOwner);
      const { challengeToken } = (await http().post('/api/auth/login').send({ email: w.newOwner.email, password: MEMBER_PASSWORD }).expect(200)).body;
      return http().post('/api/auth/login/two-factor').send({ challengeToken, recoveryCode: recoveryCodes[0] });
    },
    expected: (w, response) => [
      bySignedIn('sign-in.start', w.newOwner.tokens.user, 'sign-in', sessionIdOf({ Authorization: `Bearer ${response.body.accessToken}` })),
      bySignedIn('user.recovery-code-use', w.newOwner.tokens.user, 'user', w.newOwner.tokens.user.id),
    ],
  },
  {
    route: 'PATCH /api/me',
    send: () => http().patch('/api/me').set(asClinician()).send({ name: 'Casey Clinician' }),
    expected: (w) => [byUser('user.update', 'user', w.clinicianId, null)],
  },
  {
    route: 'PUT /api/me/calendar-feed',
    send: () => http().put('/api/me/calendar-feed').set(asClinician()).send({ newAddress: true }),
    expected: (w, response) => {
      w.calendarFeedUrl = response.body.url;
      return [byUser('user.calendar-feed-create', 'user', w.clinicianId, null)];
    },
  },
  {
    route: 'GET /api/calendar-feeds/:file',
    send: (w) => http().get(new URL(w.calendarFeedUrl).pathname),
    // The read is the clinician's own list of sessions, named in the feed's event ids and case links.
    expected: (_w, response) => {
      const text = response.text.replace(/\r\n[ \t]/g, '');
      const ids = [...text.matchAll(/UID:session-([0-9a-f-]{36})@trustwork/g)].map((match) => match[1]);
      const cases = [...new Set([...text.matchAll(/\/cases\/([0-9a-f-]{36})\/sessions/g)].map((match) => match[1]))];
      return ids.length === 0 ? [] : [listedBy(byUser, 'session.list', 'session', ids, cases.length === 1 ? cases[0] : null)];
    },
  },
  {
    route: 'DELETE /api/me/calendar-feed',
    send: () => http().delete('/api/me/calendar-feed').set(asClinician()),
    expected: (w) => [byUser('user.calendar-feed-revoke', 'user', w.clinicianId, null)],
  },
  {
    route: 'POST /api/me/step-up',
    send: () => http().post('/api/me/step-up').set(asClinician()).send({ password: MEMBER_PASSWORD }),
    expected: (w) => [byUser('sign-in.step-up', 'sign-in', sessionIdOf(w.clinician.auth), null)],
  },
  {
    route: 'DELETE /api/me/sessions/:id',
    send: async (w) => {
      w.otherDevice = await clinicianSignsInAgain(w);
      return http().delete(`/api/me/sessions/${sessionIdOf(w.otherDevice)}`).set(asClinician());
    },
    expected: (w) => [byUser('sign-in.revoke', 'sign-in', sessionIdOf(w.otherDevice), null)],
  },
  {
    route: 'POST /api/me/sessions/sign-out-others',
    send: async (w) => {
      w.otherDevice = await clinicianSignsInAgain(w);
      return http().post('/api/me/sessions/sign-out-others').set(asClinician());
    },
    expected: (w) => [byUser('sign-in.revoke', 'sign-in', sessionIdOf(w.otherDevice), null)],
  },
  {
    route: 'POST /api/users/:id/sign-out',
    send: async (w) => {
      const { member } = await addTeamMember(http(), w.owner, 'assistant');
      w.otherDevice = { Authorization: member.id };
      return http().post(`/api/users/${member.id}/sign-out`).set(w.owner.auth);
    },
    expected: (w) => [bySignedIn('user.sign-out-everywhere', w.owner.tokens.user, 'user', w.otherDevice.Authorization)],
  },
  {
    route: 'PATCH /api/practice',
    send: (w) => http().patch('/api/practice').set(w.owner.auth).send({ idleTimeoutMinutes: 30 }),
    expected: (w) => [{ ...byUser('practice.update', 'practice', w.owner.tokens.user.practice.id, null), actorId: w.owner.tokens.user.id }],
  },
  {
    route: 'GET /api/audit-events/verify',
    send: (w) => http().get('/api/audit-events/verify').set(w.owner.auth),
    expected: (w) => [bySignedIn('audit.verify', w.owner.tokens.user, 'practice', w.owner.tokens.user.practice.id)],
  },
  {
    route: 'POST /api/me/password',
    send: () => http().post('/api/me/password').set(asClinician()).send({ currentPassword: MEMBER_PASSWORD, newPassword: `${MEMBER_PASSWORD} changed` }),
    expected: (w) => [byUser('user.password-change', 'user', w.clinicianId, null)],
  },
  {
    route: 'POST /api/me/email',
    send: (w) => http().post('/api/me/email').set(asClinician()).send({ email: `moved-${w.clinician.email}`, currentPassword: `${MEMBER_PASSWORD} changed` }),
    expected: (w) => {
      w.mailedToken = lastMailedToken();
      return [byUser('user.email-change-request', 'user', w.clinicianId, null)];
    },
  },
  {
    route: 'POST /api/auth/email-confirmation',
    send: (w) => http().post('/api/auth/email-confirmation').send({ token: w.mailedToken }),
    expected: (w) => {
      w.clinician.email = `moved-${w.clinician.email}`;
      return [byUser('user.email-change', 'user', w.clinicianId, null)];
    },
  },
  // Asked by someone not signed in: the system acts, for whoever owns the address.
  {
    route: 'POST /api/auth/password-reset',
    send: (w) => http().post('/api/auth/password-reset').send({ email: w.clinician.email }),
    expected: (w) => {
      w.mailedToken = lastMailedToken();
      return [{ ...byUser('user.password-reset-request', 'user', w.clinicianId, null), actorType: 'system', actorId: null }];
    },
  },
  // The reset signs the clinician out everywhere: they sign in again with the new password.
  {
    route: 'POST /api/auth/password-reset/complete',
    send: async (w) => {
      const response = await http().post('/api/auth/password-reset/complete').send({ token: w.mailedToken, newPassword: `${MEMBER_PASSWORD} reset` });
      const { accessToken } = (await http().post('/api/auth/login').send({ email: w.clinician.email, password: `${MEMBER_PASSWORD} reset` }).expect(200)).body;
      w.clinician.auth = { Authorization: `Bearer ${accessToken}` };
      return response;
    },
    expected: (w) => [byUser('user.password-reset', 'user', w.clinicianId, null)],
  },
  // Two-factor: each code is of a later step than the one before, except after turning it off, which starts afresh.
  {
    route: 'POST /api/me/two-factor',
    send: (w) => enrolThenConfirm(w),
    expected: (w) => [byUser('user.two-factor-enable', 'user', w.clinicianId, null)],
  },
  {
    route: 'POST /api/me/two-factor/disable',
    send: (w) => http().post('/api/me/two-factor/disable').set(asClinician()).send({ code: twoFactorCode(w.twoFactorSecret, 1) }),
    expected: (w) => [byUser('user.two-factor-disable', 'user', w.clinicianId, null)],
  },
  {
    route: 'POST /api/me/two-factor/recovery-codes',
    send: async (w) => {
      await enrolThenConfirm(w);
      return http().post('/api/me/two-factor/recovery-codes').set(asClinician()).send({ code: twoFactorCode(w.twoFactorSecret, 1) });
    },
    expected: (w) => [byUser('user.recovery-codes-regenerate', 'user', w.clinicianId, null)],
  },
  // Last: the reset signs the clinician out everywhere.
  {
    route: 'DELETE /api/users/:id/two-factor',
    send: (w) => http().delete(`/api/users/${w.clinicianId}/two-factor`).set(w.owner.auth),
    expected: (w) => [{ ...byUser('user.two-factor-reset', 'user', w.clinicianId, null), actorId: w.owner.tokens.user.id }],
  },
];

/** Every route that writes no audit event, with the reason: a route is either in CALLS or here. */
const NOT_AUDITED: Record<string, string> = {
  'GET /api/health': 'no practice data',
  'POST /api/auth/refresh': 'renews the access token of a session whose start is audited; touches no clinical record',
  'GET /api/me': "the signed-in person's own profile",
  'GET /api/me/sessions': "the signed-in person's own devices: no clinical data",
  'GET /api/practice': "the practice's settings (name, time zone): no clinical data",
  'GET /api/users': 'the team, not clients',
  'POST /api/users': 'the team, not clients',
  'PATCH /api/users/{id}': 'the team, not clients',
  'GET /api/audit-events': 'the audit log itself: a row for each look would bury what it shows',
  'GET /api/exercises': 'exercise templates: no client’s data',
  'GET /api/exercises/{id}': 'exercise templates: no client’s data',
  'GET /api/exercises/{id}/versions/{version}': 'exercise templates: no client’s data',
  'GET /api/measures': 'the built-in measures’ definitions: no client’s data',
  'GET /api/agreements': 'agreement templates: no client’s data (signatures and their views are audited)',
  'GET /api/agreements/{id}': 'agreement templates: no client’s data (signatures and their views are audited)',
  'GET /api/cases/{id}/portal-links': 'whether each link is live and until when (no secret); making and revoking links is audited',
  'GET /api/me/two-factor': "the signed-in person's own two-factor status",
  'GET /api/me/calendar-feed': "whether the signed-in person's own calendar feed is on (never its address); making, changing and turning it off are audited",
  'POST /api/me/two-factor/enrolment': 'a secret waiting for its first code: nothing changes until POST /api/me/two-factor, audited as user.two-factor-enable',
  'GET /api/billing/settings': "the practice's fees and terms: no client's data (changes are audited)",
  'GET /api/billing/services': "the practice's services and fees: no client's data (changes are audited)",
  'GET /api/billing/clinicians': "the team's licences and NPIs, not clients (changes are audited)",
};

/** `GET /api/cases/:id/export?participant= (a records request)` and `GET /api/cases/{id}/export` alike as `GET /api/cases/{}/export`. */
const routeKey = (route: string) =>
  route
    .split(' ', 2)
    .join(' ')
    .replace(/\?.*$/, '')
    .replace(/\{[^}]+\}|:\w+/g, '{}');

/** Ids a response does not carry, looked up underneath once the call has made them. */
async function learnFromDatabase(route: string, response: Response): Promise<void> {
  if (route.endsWith('/portal-link') && route.startsWith('POST')) {
    const { rows } = await database.query('SELECT id FROM portal_links WHERE participant_id = $1 ORDER BY created_at DESC LIMIT 1', [world.alexId]);
    world.alexLinkId = rows[0].id;
    world.alexAuth = { Authorization: `Bearer ${portalTokenOf(response.body)}` };
  }
  if (route.startsWith('POST /api/intakes (')) {
    const { rows } = await database.query('SELECT id FROM portal_links WHERE case_id = $1', [(response.body as IntakeCreated).case.id]);
    world.intakeLinkIds = rows.map((row) => row.id);
  }
  if (route === 'POST /api/portal/agreements/:agreementId/signature') {
    const { rows } = await database.query('SELECT id FROM agreement_signatures WHERE participant_id = $1', [world.alexId]);
    world.alexSignatureId = rows[0].id;
  }
  if (route === 'POST /api/portal/safety-reports') {
    const { rows } = await database.query('SELECT id FROM safety_reports WHERE participant_id = $1', [world.alexId]);
    world.reportId = rows[0].id;
  }
}

async function auditEventsOf(requestId: string): Promise<ExpectedEvent[]> {
  const { rows } = await database.query(
    `SELECT action, record_type AS "recordType", record_id AS "recordId", record_ids AS "recordIds", case_id AS "caseId", actor_type AS "actorType", actor_id AS "actorId"
     FROM audit_events WHERE request_id = $1`,
    [requestId],
  );
  return rows.map(({ recordIds, ...row }) => (recordIds ? { ...row, recordIds } : row));
}

const inOrder = (events: ExpectedEvent[]) => [...events].sort((a, b) => `${a.action} ${a.recordId}`.localeCompare(`${b.action} ${b.recordId}`));

describe('every clinical call writes exactly its audit events', () => {
  beforeAll(async () => {
    database = await connect(ownerDatabaseUrl());
    jest.spyOn(api.app.get(MailService), 'send').mockImplementation(async (_to, content) => {
      mailed.push(content);
    });
    const owner = await registerPractice(api.http, 'Audit Practice');
    const { member, signedIn } = await addTeamMember(api.http, owner, 'clinician');
    Object.assign(world, { clinician: signedIn, clinicianId: member.id, owner });
  });
  afterAll(async () => {
    await database.end();
  });

  it('covers every route of the API: each is called above, or listed as not audited with a reason', async () => {
    const routes = (await routesOf(api.http)).map((route) => routeKey(route.key));
    const called = CALLS.map((call) => routeKey(call.route));
    const notAudited = Object.keys(NOT_AUDITED).map(routeKey);
    // A new route fails here, by name, until it joins CALLS (with its audit events) or NOT_AUDITED.
    expect(routes.filter((route) => !called.includes(route) && !notAudited.includes(route))).toEqual([]);
    expect([...called, ...notAudited].filter((route) => !routes.includes(route))).toEqual([]);
    expect(notAudited.filter((route) => called.includes(route))).toEqual([]);
  });

  it.each(CALLS.map((call) => [call.route, call] as const))('%s', async (_route, call) => {
    const response = await call.send(world);
    if (response.status >= 300) throw new Error(`${call.route} answered ${response.status}: ${JSON.stringify(response.body)}`);
    const requestId = response.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await learnFromDatabase(call.route, response);
    const expected = call.expected(world, response);
    expect(inOrder(await auditEventsOf(requestId))).toEqual(inOrder(expected));
  });

  it('gives every request its own id, even across two instances', async () => {
    const other = await startTestApp();
    try {
      const ids = await Promise.all([api.http, other.http, api.http, other.http].map(async (agent) => (await agent.get('/api/health')).headers['x-request-id']));
      expect(new Set(ids).size).toBe(4);
    } finally {
      await other.close();
    }
  });
});
