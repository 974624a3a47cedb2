import type { Assignment, AuditEvent, CaseAlert, CaseSummary, Page } from '@trustwork/contracts';
import type { Client } from 'pg';
import { answersFor, openCoupleWithLinks, registerPractice, useTestApp, type PortalPerson, type SignedIn, practiceWithTeam } from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';
import { PracticeScope } from '../database/practice-scope';
import { AlertsService } from './alerts.service';

const DAY_MS = 24 * 60 * 60 * 1000;
const steady = { trust: 8, safety: 7, heard: 6, closeness: 6 };

describe('alerts', () => {
  const api = useTestApp();
  let asOwner: Client;
  let owner: SignedIn;
  let clinician: SignedIn;
  let clinicianId: string;
  let otherClinician: SignedIn;
  let assistant: SignedIn;
  let practiceId: string;
  beforeAll(async () => {
    asOwner = await connect(ownerDatabaseUrl());
    ({ owner, clinician, clinicianId, otherClinician, assistant } = await practiceWithTeam(api.http, 'Harbour Counselling'));
    [{ practice_id: practiceId }] = (await asOwner.query('SELECT practice_id FROM users WHERE id = $1', [clinicianId])).rows;
  });
  afterAll(async () => {
    await asOwner.end();
  });

  /** An active couple on the clinician's caseload, with portal links. */
  const openCase = async () => {
    const opened = await openCoupleWithLinks(api.http, owner, clinicianId);
    await api.http.patch(`/api/cases/${opened.caseId}`).set(owner.auth).send({ status: 'active' }).expect(200);
    return opened;
  };
  const checkIn = (person: PortalPerson, ratings: object) => api.http.post('/api/portal/check-ins').set(person.auth).send(ratings).expect(201);
  const alertsOf = async (caseId: string, status = 'open', as: SignedIn = clinician) =>
    (await api.http.get(`/api/cases/${caseId}/alerts`).query({ status }).set(as.auth).expect(200)).body as CaseAlert[];
  const caseloadRow = async (caseId: string, as: SignedIn = clinician) => {
    const page = (await api.http.get('/api/cases').query({ limit: 100 }).set(as.auth).expect(200)).body as Page<CaseSummary>;
    return page.items.find((row) => row.id === caseId);
  };
  /** The hourly sweep, as the job runs it: outside any request, scoped to the practice. */
  const sweep = (now: Date) =>
    api.app.get(PracticeScope).runInBackground(practiceId, () => api.app.get(AlertsService).sweep(practiceId, now));

  it('raises an alert when trust falls 4 below the last three check-ins, shows it on the caseload, and clears it once acknowledged', async () => {
    const { caseId, alex } = await openCase();
    for (const trust of [8, 7, 9]) await checkIn(alex, { ...steady, trust });
    expect(await alertsOf(caseId)).toEqual([]);
    await checkIn(alex, { ...steady, trust: 4 });

    const [alert] = await alertsOf(caseId);
    expect(alert).toMatchObject({
      kind: 'rating-drop',
      status: 'open',
      participant: { id: alex.id, displayName: 'Alex Rivera' },
      summary: 'Trust 4, down from an average of 8 (previous 3 check-ins)',
    });
    expect(await caseloadRow(caseId)).toMatchObject({ openAlertCount: 1, alertKinds: ['rating-drop'] });
    const needingAttention = (await api.http.get('/api/cases').query({ attention: 'true', limit: 100 }).set(clinician.auth).expect(200)).body as Page<CaseSummary>;
    expect(needingAttention.items.map((row) => row.id)).toContain(caseId);

    const acknowledged = (
      await api.http.post(`/api/alerts/${alert.id}/acknowledge`).set(clinician.auth).send({ note: '  Talked it through on the phone.  ' }).expect(200)
    ).body as CaseAlert;
    expect(acknowledged).toMatchObject({ status: 'acknowledged', note: 'Talked it through on the phone.', acknowledgedBy: { id: clinicianId } });
    expect(await caseloadRow(caseId)).toMatchObject({ openAlertCount: 0, alertKinds: [] });
    const stillNeeding = (await api.http.get('/api/cases').query({ attention: 'true', limit: 100 }).set(clinician.auth).expect(200)).body as Page<CaseSummary>;
    expect(stillNeeding.items.map((row) => row.id)).not.toContain(caseId);
    expect((await alertsOf(caseId, 'acknowledged')).map((handled) => handled.id)).toEqual([alert.id]);

    // Acknowledging again keeps the first acknowledgement.
    const again = (await api.http.post(`/api/alerts/${alert.id}/acknowledge`).set(owner.auth).send({ note: 'Later note' }).expect(200)).body as CaseAlert;
    expect(again).toMatchObject({ note: 'Talked it through on the phone.', acknowledgedBy: { id: clinicianId } });
    // The lists that showed it are found by its id too; the changes to it are the two acknowledgements.
    const audit = (await api.http.get('/api/audit-events').query({ recordId: alert.id, changesOnly: true }).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    expect(audit.items.map((event) => event.action)).toEqual(['alert.acknowledge', 'alert.acknowledge']);
  });

  it('fires on a drop of exactly 3 in feeling safe, and not on a drop of 2, on other ratings, or without three earlier check-ins', async () => {
    const { caseId, alex, sam } = await openCase();
    await checkIn(sam, steady);
    await checkIn(sam, steady);
    await checkIn(sam, { ...steady, trust: 0, safety: 0 });
    expect(await alertsOf(caseId)).toEqual([]);

    for (let week = 0; week < 3; week += 1) await checkIn(alex, steady);
    await checkIn(alex, { ...steady, trust: 6, heard: 0, closeness: 0 });
    expect(await alertsOf(caseId)).toEqual([]);
    await checkIn(alex, { ...steady, safety: 4 });
    const alerts = await alertsOf(caseId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].summary).toMatch(/^Feeling safe 4, down from an average of 7/);
  });

  it('raises "no recent check-in" after 14 days in an active case only, and a check-in resolves it', async () => {
    const { caseId, alex, sam } = await openCase();
    await checkIn(alex, steady);
    await checkIn(sam, steady);
    await sweep(new Date(Date.now() + 13 * DAY_MS));
    expect(await alertsOf(caseId)).toEqual([]);

    await sweep(new Date(Date.now() + 15 * DAY_MS));
    const gaps = await alertsOf(caseId);
    expect(gaps.map((alert) => [alert.kind, alert.participant?.id, alert.summary])).toEqual(
      expect.arrayContaining([
        ['check-in-gap', alex.id, 'No check-in for 15 days'],
        ['check-in-gap', sam.id, 'No check-in for 15 days'],
      ]),
    );
    // A second sweep raises nothing new.
    await sweep(new Date(Date.now() + 16 * DAY_MS));
    expect(await alertsOf(caseId)).toHaveLength(2);

    await checkIn(alex, steady);
    expect((await alertsOf(caseId)).map((alert) => alert.participant?.id)).toEqual([sam.id]);
    expect((await alertsOf(caseId, 'resolved')).map((alert) => alert.participant?.id)).toEqual([alex.id]);

    await api.http.patch(`/api/cases/${caseId}`).set(owner.auth).send({ status: 'paused' }).expect(200);
    await sweep(new Date(Date.now() + 30 * DAY_MS));
    expect(await alertsOf(caseId)).toEqual([]);
  });

  it('raises "homework overdue" more than 3 days after the date, and resolves it when the sheet comes in', async () => {
    const { caseId, alex } = await openCase();
    await checkIn(alex, steady);
    const today = (await asOwner.query(`SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM practices WHERE id = $1`, [practiceId])).rows[0].today;
    const [assignment] = (
      await api.http
        .post(`/api/cases/${caseId}/assignments`)
        .set(clinician.auth)
        .send({ exerciseId: 'builtin:own-your-role', assignTo: 'participant', participantId: alex.id, dueOn: today })
        .expect(201)
    ).body as Assignment[];

    await sweep(new Date(Date.now() + 3 * DAY_MS));
    expect((await alertsOf(caseId)).filter((alert) => alert.kind === 'homework-overdue')).toEqual([]);
    await sweep(new Date(Date.now() + 5 * DAY_MS));
    const [overdue] = (await alertsOf(caseId)).filter((alert) => alert.kind === 'homework-overdue');
    expect(overdue).toMatchObject({ participant: { id: alex.id } });
    const dueOn = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${today}T00:00:00Z`));
    expect(overdue.summary).toMatch(new RegExp(`^1 sheet of “.+” not done, the latest due on ${dueOn} \\(5 days ago\\)$`));
    expect(await caseloadRow(caseId)).toMatchObject({ alertKinds: ['homework-overdue'] });

    const answers = answersFor(assignment.exercise.prompts, 'Done, late.');
    await api.http.post(`/api/portal/assignments/${assignment.id}/submissions`).set(alex.auth).send({ answers, shared: false }).expect(201);
    expect((await alertsOf(caseId)).filter((alert) => alert.kind === 'homework-overdue')).toEqual([]);
    expect((await alertsOf(caseId, 'resolved')).map((alert) => alert.id)).toEqual([overdue.id]);
    // The sweep finds nothing late any more, so raises nothing new.
    await sweep(new Date(Date.now() + 12 * DAY_MS));
    expect(await alertsOf(caseId)).toEqual([]);
  });

  it('raises one for each safety report; acknowledging either the report or the alert handles both', async () => {
    const { caseId, alex, sam } = await openCase();
    const report = (body: object) => api.http.post('/api/portal/safety-reports').set(alex.auth).send(body).expect(201);
    await report({ message: 'I do not feel safe at home this week.', urgency: 'urgent' });
    await api.http.post('/api/portal/safety-reports').set(sam.auth).send({ message: 'Worried about the weekend.', urgency: 'concern' }).expect(201);
    const alerts = await alertsOf(caseId);
    // Of one kind, the newest first.
    expect(alerts.map((alert) => [alert.kind, alert.summary])).toEqual([
      ['safety-report', 'Safety report: a concern'],
      ['safety-report', 'Safety report marked urgent'],
    ]);
    expect(alerts.map((alert) => alert.summary).join(' ')).not.toMatch(/safe at home|weekend/);
    expect(await caseloadRow(caseId)).toMatchObject({ openAlertCount: 2, alertKinds: ['safety-report'] });

    const reports = (await api.http.get(`/api/cases/${caseId}/safety-reports`).set(clinician.auth).expect(200)).body as { id: string; participantId: string }[];
    const fromAlex = reports.find((found) => found.participantId === alex.id);
    // Each alert names the report it stands for, for the clinician to read.
    expect(alerts.map((alert) => alert.safetyReportId).sort()).toEqual(reports.map((found) => found.id).sort());
    await api.http.post(`/api/safety-reports/${fromAlex?.id}/acknowledge`).set(clinician.auth).expect(200);
    const [fromSamAlert] = await alertsOf(caseId);
    expect(fromSamAlert.participant?.id).toBe(sam.id);

    await api.http.post(`/api/alerts/${fromSamAlert.id}/acknowledge`).set(clinician.auth).send({}).expect(200);
    const after = (await api.http.get(`/api/cases/${caseId}/safety-reports`).set(clinician.auth).expect(200)).body as { acknowledgedAt: string | null }[];
    expect(after.every((found) => found.acknowledgedAt !== null)).toBe(true);
    expect(await caseloadRow(caseId)).toMatchObject({ openAlertCount: 0, alertKinds: [] });
  });

  it('keeps alerts from assistants, unassigned clinicians and other practices, and refuses bad input plainly', async () => {
    const { caseId, alex } = await openCase();
    await api.http.post('/api/portal/safety-reports').set(alex.auth).send({ message: 'Please call me.', urgency: 'concern' }).expect(201);
    const [alert] = await alertsOf(caseId);

    expect(await caseloadRow(caseId, assistant)).toMatchObject({ openAlertCount: 0, alertKinds: [] });
    expect((await api.http.get('/api/cases').query({ attention: 'true' }).set(assistant.auth).expect(200)).body.items).toEqual([]);
    await api.http.get(`/api/cases/${caseId}/alerts`).set(assistant.auth).expect(403);
    await api.http.post(`/api/alerts/${alert.id}/acknowledge`).set(assistant.auth).send({}).expect(403);
    await api.http.get(`/api/cases/${caseId}/alerts`).set(otherClinician.auth).expect(404);
    await api.http.post(`/api/alerts/${alert.id}/acknowledge`).set(otherClinician.auth).send({}).expect(404);

    const stranger = await registerPractice(api.http, 'Elsewhere Therapy');
    await api.http.get(`/api/cases/${caseId}/alerts`).set(stranger.auth).expect(404);
    const hidden = await api.http.post(`/api/alerts/${alert.id}/acknowledge`).set(stranger.auth).send({}).expect(404);
    expect(hidden.body.message).toBe('No alert with that id in your caseload.');

    await api.http.post('/api/alerts/not-an-id/acknowledge').set(clinician.auth).send({}).expect(404);
    const tooLong = await api.http.post(`/api/alerts/${alert.id}/acknowledge`).set(clinician.auth).send({ note: 'x'.repeat(1001) }).expect(400);
    expect(tooLong.body.message).toEqual(['note must be at most 1000 characters']);
    const badStatus = await api.http.get(`/api/cases/${caseId}/alerts`).query({ status: 'gone' }).set(clinician.auth).expect(400);
    expect(badStatus.body.message).toEqual(['status must be one of: open, acknowledged, resolved, all']);
    await api.http.get('/api/cases').query({ attention: 'maybe' }).set(clinician.auth).expect(400);
    // Nothing was handled by the refused requests.
    expect((await alertsOf(caseId)).map((open) => open.id)).toEqual([alert.id]);
  });
});
