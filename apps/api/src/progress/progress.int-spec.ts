import type { Assignment, AuditEvent, CaseProgress, Page } from '@trustwork/contracts';
import type { Client } from 'pg';
import { addTeamMember, openCoupleWithLinks, registerPractice, useTestApp, type SignedIn, practiceWithTeam } from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';

const DAY_MS = 24 * 60 * 60 * 1000;
const dateOf = (time: number) => new Date(time).toISOString().slice(0, 10);
const ratings = { trust: 3, safety: 6, heard: 4, closeness: 5 };
const EXERCISE_ID = 'builtin:weekly-trust-check-in';

describe('case progress', () => {
  const api = useTestApp();
  let asOwner: Client;
  let owner: SignedIn;
  let clinician: SignedIn;
  let otherClinician: SignedIn;
  let assistant: SignedIn;
  let clinicianId: string;
  beforeAll(async () => {
    asOwner = await connect(ownerDatabaseUrl());
    ({ owner, clinician, clinicianId, otherClinician, assistant } = await practiceWithTeam(api.http, 'Progress Counselling'));
  });
  afterAll(async () => {
    await asOwner.end();
  });

  const openCase = (by: SignedIn = owner, assignedTo = clinicianId) => openCoupleWithLinks(api.http, by, assignedTo);
  const progressOf = async (caseId: string, query = '', as: SignedIn = clinician) =>
    (await api.http.get(`/api/cases/${caseId}/progress${query}`).set(as.auth).expect(200)).body as CaseProgress;
  const assign = async (caseId: string, body: object) =>
    (await api.http.post(`/api/cases/${caseId}/assignments`).set(clinician.auth).send({ exerciseId: EXERCISE_ID, ...body }).expect(201)).body as Assignment[];
  /** A check-in sent at a moment in the past, straight into the table. */
  const checkInAt = (participantId: string, submittedAt: string, [trust, safety, heard, closeness]: number[]) =>
    asOwner.query(
      `INSERT INTO check_ins (practice_id, case_id, participant_id, trust, safety, heard, closeness, submitted_at)
       SELECT practice_id, case_id, id, $2, $3, $4, $5, $6 FROM participants WHERE id = $1`,
      [participantId, trust, safety, heard, closeness, submittedAt],
    );
  /** An answer sheet for a past date, straight into the table. */
  const answered = async (assignmentId: string, participantId: string, occurrenceOn: string): Promise<string> => {
    const { rows } = await asOwner.query(
      `INSERT INTO submissions (practice_id, assignment_id, participant_id, occurrence_on, answers)
       SELECT practice_id, id, $2, $3, '{}' FROM assignments WHERE id = $1 RETURNING id`,
      [assignmentId, participantId, occurrenceOn],
    );
    return rows[0].id as string;
  };

  it('returns both participants’ check-ins from one request, each its own point, over the last 12 weeks by default', async () => {
    const { caseId, alex, sam } = await openCase();
    await api.http.post('/api/portal/check-ins').set(alex.auth).send(ratings).expect(201);
    await api.http.post('/api/portal/check-ins').set(sam.auth).send({ trust: 8, safety: 9, heard: 7, closeness: 6 }).expect(201);
    await api.http.post('/api/portal/check-ins').set(alex.auth).send({ ...ratings, trust: 4 }).expect(201);
    // Older than the default range: left out.
    await checkInAt(sam.id, new Date(Date.now() - 13 * 7 * DAY_MS).toISOString(), [1, 1, 1, 1]);

    const progress = await progressOf(caseId);
    const today = dateOf(Date.now());
    expect(progress).toMatchObject({ caseId, from: dateOf(Date.now() - 84 * DAY_MS), to: today, granularity: 'check-in', measures: [] });
    expect(progress.participants.map((series) => [series.participantId, series.displayName])).toEqual([
      [alex.id, 'Alex Rivera'],
      [sam.id, 'Sam Rivera'],
    ]);
    const [alexSeries, samSeries] = progress.participants;
    expect(alexSeries.checkIns).toEqual([
      { on: today, ...ratings, count: 1 },
      { on: today, ...ratings, trust: 4, count: 1 },
    ]);
    expect(samSeries.checkIns).toEqual([{ on: today, trust: 8, safety: 9, heard: 7, closeness: 6, count: 1 }]);
    expect(alexSeries.measures).toEqual([]);
  });

  it('averages a long range per participant per Monday week, to one decimal', async () => {
    const { caseId, alex, sam } = await openCase();
    // Monday 2 February 2026 to Sunday 8 February, late in the evening.
    await checkInAt(alex.id, '2026-02-02T10:00:00Z', [3, 6, 1, 0]);
    await checkInAt(alex.id, '2026-02-04T10:00:00Z', [4, 6, 2, 0]);
    await checkInAt(alex.id, '2026-02-08T23:30:00Z', [4, 7, 2, 1]);
    // The week of Monday 9 February: 6.25 and 0.25 round half away from zero.
    await checkInAt(sam.id, '2026-02-09T00:30:00Z', [6, 0, 5, 5]);
    await checkInAt(sam.id, '2026-02-10T00:30:00Z', [6, 0, 5, 5]);
    await checkInAt(sam.id, '2026-02-11T00:30:00Z', [6, 0, 5, 5]);
    await checkInAt(sam.id, '2026-02-12T00:30:00Z', [7, 1, 5, 6]);

    const progress = await progressOf(caseId, '?from=2026-01-01&to=2026-06-30');
    expect(progress.granularity).toBe('week');
    expect(progress.participants[0].checkIns).toEqual([{ on: '2026-02-02', trust: 3.7, safety: 6.3, heard: 1.7, closeness: 0.3, count: 3 }]);
    expect(progress.participants[1].checkIns).toEqual([{ on: '2026-02-09', trust: 6.3, safety: 0.3, heard: 5, closeness: 5.3, count: 4 }]);

    // Up to PROGRESS_WEEKLY_AFTER_DAYS days (both ends counted) each check-in stays its own point.
    const ninetyTwoDays = await progressOf(caseId, '?from=2026-02-01&to=2026-05-03');
    expect(ninetyTwoDays.granularity).toBe('check-in');
    expect(ninetyTwoDays.participants[0].checkIns.map((point) => point.on)).toEqual(['2026-02-02', '2026-02-04', '2026-02-08']);
    expect((await progressOf(caseId, '?from=2026-02-01&to=2026-05-04')).granularity).toBe('week');
  });

  it('dates check-ins and phase changes by the practice’s time zone', async () => {
    const aucklandOwner = await registerPractice(api.http, 'Auckland Counselling');
    await api.http.patch('/api/practice').set(aucklandOwner.auth).send({ timeZone: 'Pacific/Auckland' }).expect(200);
    const aucklandClinician = await addTeamMember(api.http, aucklandOwner, 'clinician');
    const { caseId, alex } = await openCase(aucklandOwner, aucklandClinician.member.id);
    // Sunday noon in UTC is 01:00 on Monday 9 February in Auckland (UTC+13 in summer).
    await checkInAt(alex.id, '2026-02-08T12:00:00Z', [5, 5, 5, 5]);
    await asOwner.query(`UPDATE case_phase_changes SET changed_at = '2026-02-08T12:00:00Z' WHERE case_id = $1`, [caseId]);

    const day = await progressOf(caseId, '?from=2026-02-09&to=2026-02-09', aucklandOwner);
    expect(day.participants[0].checkIns).toEqual([{ on: '2026-02-09', trust: 5, safety: 5, heard: 5, closeness: 5, count: 1 }]);
    expect(day.phaseChanges).toEqual([{ phase: 1, on: '2026-02-09', changedAt: '2026-02-08T12:00:00.000Z' }]);
    const dayBefore = await progressOf(caseId, '?from=2026-02-08&to=2026-02-08', aucklandOwner);
    expect(dayBefore.participants[0].checkIns).toEqual([]);
    expect(dayBefore.phaseChanges).toEqual([]);
    const weekly = await progressOf(caseId, '?from=2026-01-01&to=2026-06-30', aucklandOwner);
    expect(weekly.participants[0].checkIns.map((point) => point.on)).toEqual(['2026-02-09']);
  });

  it('shows the timeline’s events and the phase changes in range', async () => {
    const { caseId, sam } = await openCase();
    const today = dateOf(Date.now());
    const addEvent = async (body: object) => (await api.http.post(`/api/cases/${caseId}/events`).set(clinician.auth).send(body).expect(201)).body as { id: string };
    const milestone = await addEvent({ kind: 'milestone', occurredOn: today, title: 'First honest conversation' });
    const setback = await addEvent({ kind: 'setback', occurredOn: dateOf(Date.now() - 7 * DAY_MS), title: 'A hard weekend', participantId: sam.id });
    await addEvent({ kind: 'breach', occurredOn: '2025-06-01', title: 'Before the range' });
    await api.http.patch(`/api/cases/${caseId}`).set(clinician.auth).send({ phase: 2 }).expect(200);

    const progress = await progressOf(caseId);
    expect(progress.events).toEqual([
      { id: setback.id, kind: 'setback', occurredOn: dateOf(Date.now() - 7 * DAY_MS), title: 'A hard weekend', participantId: sam.id },
      { id: milestone.id, kind: 'milestone', occurredOn: today, title: 'First honest conversation', participantId: null },
    ]);
    // The case opened in phase 1, then moved to phase 2.
    expect(progress.phaseChanges).toEqual([
      { phase: 1, on: today, changedAt: expect.any(String) },
      { phase: 2, on: today, changedAt: expect.any(String) },
    ]);
    expect((await progressOf(caseId, '?from=2025-05-01&to=2025-06-30')).events.map((event) => event.title)).toEqual(['Before the range']);
  });

  it('counts homework done and missed per participant per Monday week, together homework for both', async () => {
    const { caseId, alex, sam } = await openCase();
    const today = dateOf(Date.now());
    const inAWeek = dateOf(Date.now() + 7 * DAY_MS);
    const [alexWeekly, samWeekly] = await assign(caseId, { assignTo: 'each', recurrence: { frequency: 'weekly', daysOfWeek: [1, 3], startsOn: today, endsOn: inAWeek } });
    const [together] = await assign(caseId, { assignTo: 'together', dueOn: today });
    const [cancelled] = await assign(caseId, { assignTo: 'together', dueOn: today });
    await api.http.patch(`/api/assignments/${cancelled.id}`).set(clinician.auth).send({ status: 'cancelled' }).expect(200);
    // Move them into January 2026: Mondays and Wednesdays from the 5th to the 18th, the together sheet on Wednesday the 14th.
    await asOwner.query(`UPDATE assignments SET starts_on = '2026-01-05', ends_on = '2026-01-18' WHERE id = ANY($1)`, [[alexWeekly.id, samWeekly.id]]);
    await asOwner.query(`UPDATE assignments SET due_on = '2026-01-14' WHERE id = ANY($1)`, [[together.id, cancelled.id]]);
    for (const on of ['2026-01-05', '2026-01-07', '2026-01-14']) await answered(alexWeekly.id, alex.id, on);
    await answered(together.id, alex.id, '2026-01-14');
    for (const on of ['2026-01-07', '2026-01-12']) await answered(samWeekly.id, sam.id, on);

    const progress = await progressOf(caseId, '?from=2025-12-29&to=2026-01-25');
    const [alexSeries, samSeries] = progress.participants;
    // Every week of the range is listed; a week with nothing due has rate null.
    expect(alexSeries.homework).toEqual([
      { weekOf: '2025-12-29', due: 0, done: 0, rate: null },
      { weekOf: '2026-01-05', due: 2, done: 2, rate: 1 },
      { weekOf: '2026-01-12', due: 3, done: 2, rate: 2 / 3 },
      { weekOf: '2026-01-19', due: 0, done: 0, rate: null },
    ]);
    expect(samSeries.homework.slice(1, 3)).toEqual([
      { weekOf: '2026-01-05', due: 2, done: 1, rate: 0.5 },
      { weekOf: '2026-01-12', due: 3, done: 1, rate: 1 / 3 },
    ]);

    // A range from mid-week counts only its own dates.
    const clipped = await progressOf(caseId, '?from=2026-01-08&to=2026-01-13');
    expect(clipped.participants[1].homework).toEqual([
      { weekOf: '2026-01-05', due: 0, done: 0, rate: null },
      { weekOf: '2026-01-12', due: 1, done: 1, rate: 1 },
    ]);
  });

  it('leaves homework that is not due yet out of the count', async () => {
    const { caseId } = await openCase();
    const tomorrow = dateOf(Date.now() + DAY_MS);
    await assign(caseId, { assignTo: 'together', dueOn: tomorrow });
    const ahead = await progressOf(caseId, `?from=${tomorrow}&to=${tomorrow}`);
    expect(ahead.participants.map((series) => series.homework)).toEqual([[], []]);
    const upToToday = await progressOf(caseId, `?to=${tomorrow}`);
    expect(upToToday.participants[0].homework.every((week) => week.due === 0)).toBe(true);
  });

  it('returns measure scores in range with their measure’s summary', async () => {
    const { caseId, alex, sam } = await openCase();
    const [sheet] = await assign(caseId, { assignTo: 'participant', participantId: alex.id, dueOn: dateOf(Date.now()) });
    const score = async (occurrenceOn: string, value: number) => {
      const submissionId = await answered(sheet.id, alex.id, occurrenceOn);
      await asOwner.query(
        `INSERT INTO measure_scores (practice_id, case_id, participant_id, assignment_id, submission_id, measure_key, measure_version, score, below_cutoff, occurrence_on, submitted_at)
         SELECT practice_id, case_id, $2, id, $3, 'csi-4', 1, $4, $4 < 13.5, $5, ($5::date + time '20:00') AT TIME ZONE 'UTC' FROM assignments WHERE id = $1`,
        [sheet.id, alex.id, submissionId, value, occurrenceOn],
      );
    };
    await score('2026-03-02', 12.5);
    await score('2026-03-16', 15);
    await score('2025-12-01', 9);

    const progress = await progressOf(caseId, '?from=2026-03-01&to=2026-03-31');
    expect(progress.participants[0].measures).toEqual([
      { measureKey: 'csi-4', participantId: alex.id, score: 12.5, belowCutoff: true, occurrenceOn: '2026-03-02', submittedAt: '2026-03-02T20:00:00.000Z' },
      { measureKey: 'csi-4', participantId: alex.id, score: 15, belowCutoff: false, occurrenceOn: '2026-03-16', submittedAt: '2026-03-16T20:00:00.000Z' },
    ]);
    expect(progress.participants[1]).toMatchObject({ participantId: sam.id, measures: [] });
    expect(progress.measures).toEqual([expect.objectContaining({ key: 'csi-4', exerciseId: 'measure:csi-4', shortTitle: 'CSI-4', cutoff: 13.5, minScore: 0, maxScore: 21 })]);
    expect((await progressOf(caseId, '?from=2026-04-01&to=2026-04-30')).measures).toEqual([]);
  });

  it('refuses dates that are not real, a backwards range and one too long, in plain words', async () => {
    const { caseId } = await openCase();
    const refused = async (query: string) => (await api.http.get(`/api/cases/${caseId}/progress${query}`).set(clinician.auth).expect(400)).body;
    expect((await refused('?from=2026-02-30')).message).toEqual(['from must be a real date written as YYYY-MM-DD']);
    expect((await refused('?from=2026-2-3&to=yesterday')).message).toEqual([
      'from must be a real date written as YYYY-MM-DD',
      'to must be a real date written as YYYY-MM-DD',
    ]);
    expect((await refused('?to=')).message).toEqual(['to must be a real date written as YYYY-MM-DD']);
    expect((await refused('?from=2026-01-01&from=2026-01-02')).message).toEqual(['from must be a real date written as YYYY-MM-DD']);
    expect((await refused('?weeks=4')).message).toEqual(['weeks is not a field this request accepts']);
    const backwards = await refused('?from=2026-03-02&to=2026-03-01');
    expect(backwards).toEqual({ statusCode: 400, error: 'Bad Request', message: ['from must be on or before to'] });
    // A from after today, with to left to default to today.
    expect((await refused(`?from=${dateOf(Date.now() + 2 * DAY_MS)}`)).message).toEqual(['from must be on or before to']);
    // 732 days, both ends counted, is one too many.
    expect((await refused('?from=2024-01-01&to=2026-01-01')).message).toEqual([
      'Progress can be shown for at most 731 days at a time. Choose a later from or an earlier to.',
    ]);
    expect((await progressOf(caseId, '?from=2024-01-02&to=2026-01-01')).granularity).toBe('week');
    // Dates at the calendar's edges are a 400 or an empty chart, never a 500.
    await refused('?from=0000-01-01&to=0000-01-02');
    const farAhead = await progressOf(caseId, '?from=9999-12-30&to=9999-12-31');
    expect(farAhead.participants.map((series) => [series.checkIns, series.homework])).toEqual([
      [[], []],
      [[], []],
    ]);
  });

  it('lets owners and the case’s clinicians read progress; assistants 403; everyone else 404', async () => {
    const { caseId, alex } = await openCase();
    await progressOf(caseId, '', owner);
    const refused = await api.http.get(`/api/cases/${caseId}/progress`).set(assistant.auth).expect(403);
    expect(refused.body.message).toMatch(/Assistants/);
    await api.http.get(`/api/cases/${caseId}/progress`).set(otherClinician.auth).expect(404);
    const rival = await registerPractice(api.http, 'Rival Practice');
    await api.http.get(`/api/cases/${caseId}/progress`).set(rival.auth).expect(404);
    await api.http.get('/api/cases/not-a-uuid/progress').set(owner.auth).expect(404);
    await api.http.get(`/api/cases/${caseId}/progress`).set(alex.auth).expect(401);
  });

  it('audits each read as one progress.read event', async () => {
    const { caseId } = await openCase();
    await progressOf(caseId);
    await progressOf(caseId, '?from=2026-01-01&to=2026-06-30');
    const page = (await api.http.get(`/api/audit-events?caseId=${caseId}&limit=100`).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    const reads = page.items.filter((event) => event.action === 'progress.read');
    expect(reads.map((event) => [event.actorType, event.actorId, event.recordType, event.recordId])).toEqual([
      ['user', clinicianId, 'case', caseId],
      ['user', clinicianId, 'case', caseId],
    ]);
  });
});
