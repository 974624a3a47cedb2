import type {
  Assignment,
  AuditEvent,
  CaseDetail,
  CreateAssignmentRequest,
  CreateCaseRequest,
  ExerciseDetail,
  Page,
  PortalAssignment,
  PortalSubmission,
  SharedAnswer,
  Submission,
  TeamMember,
} from '@trustwork/contracts';
import { addTeamMember, portalTokenOf, registerPractice, useTestApp, type SignedIn } from '../../test/test-app';
import { addDays, dayOfWeek, todayIn } from '../common/occurrences';

const couple: CreateCaseRequest = {
  relationshipType: 'couple',
  participants: [
    { displayName: 'Alex Rivera', breachRole: 'broke-trust' },
    { displayName: 'Sam Rivera-Lopez', breachRole: 'was-hurt' },
  ],
};

/** A practice's own sheet with one prompt of every type. */
const everyPromptType = {
  title: 'Weekly reflection',
  phase: 4,
  audience: 'each',
  cadence: { kind: 'weekly', timesPerWeek: 1 },
  minutes: 15,
  purpose: 'A short look back at the week.',
  instructions: 'Answer on your own, honestly.',
  clinicianNotes: 'Read together in session.',
  prompts: [
    { type: 'text', key: 'noticed', label: 'What did you notice?', required: true, maxLength: 20, multiline: true },
    { type: 'scale', key: 'safe', label: 'How safe did you feel?', required: true, min: 0, max: 10, minLabel: 'Not safe', maxLabel: 'Safe' },
    { type: 'yes-no', key: 'talked', label: 'Did you talk?', required: true },
    {
      type: 'choice',
      key: 'mood',
      label: 'Your mood',
      required: true,
      options: [
        { key: 'calm', label: 'Calm' },
        { key: 'tense', label: 'Tense' },
      ],
    },
    { type: 'date', key: 'next-talk', label: 'Next talk', required: false },
  ],
};
const GOOD_ANSWERS = { noticed: 'More calm', safe: 7, talked: true, mood: 'calm', 'next-talk': '2026-03-14' };

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('assignments and submissions', () => {
  const api = useTestApp();
  let owner: SignedIn;
  let clinician: { member: TeamMember; signedIn: SignedIn };
  let otherClinician: SignedIn;
  let assistant: SignedIn;
  let exercise: ExerciseDetail;
  const today = () => todayIn('UTC');

  beforeAll(async () => {
    owner = await registerPractice(api.http, 'Harbour Counselling');
    clinician = await addTeamMember(api.http, owner, 'clinician');
    otherClinician = (await addTeamMember(api.http, owner, 'clinician')).signedIn;
    assistant = (await addTeamMember(api.http, owner, 'assistant')).signedIn;
    exercise = (await api.http.post('/api/exercises').set(owner.auth).send(everyPromptType).expect(201)).body;
  });

  const createCase = async (as: SignedIn = owner) =>
    (await api.http.post('/api/cases').set(as.auth).send({ ...couple, clinicianIds: [clinician.member.id] }).expect(201)).body as CaseDetail;
  const weeklyToday = (): CreateAssignmentRequest['recurrence'] => ({
    frequency: 'weekly',
    daysOfWeek: [dayOfWeek(today())],
    startsOn: today(),
    endsOn: addDays(today(), 27),
  });
  const assign = async (caseId: string, request: Partial<CreateAssignmentRequest>, as: SignedIn = owner) =>
    (
      await api.http
        .post(`/api/cases/${caseId}/assignments`)
        .set(as.auth)
        .send({ exerciseId: exercise.id, assignTo: 'each', recurrence: weeklyToday(), ...request })
        .expect(201)
    ).body as Assignment[];
  const portalToken = async (caseId: string, participantId: string) =>
    portalTokenOf((await api.http.post(`/api/cases/${caseId}/participants/${participantId}/portal-link`).set(owner.auth).expect(201)).body);
  const submit = (token: string, assignmentId: string, body: object, key?: string) => {
    const sent = api.http.post(`/api/portal/assignments/${assignmentId}/submissions`).set(bearer(token));
    return (key ? sent.set('Idempotency-Key', key) : sent).send(body);
  };
  const portalList = async (token: string) => (await api.http.get('/api/portal/assignments').set(bearer(token)).expect(200)).body as PortalAssignment[];
  const sharedWith = async (token: string) => (await api.http.get('/api/portal/shared').set(bearer(token)).expect(200)).body as SharedAnswer[];

  it('runs the each-partner weekly flow: private and shared answers, idempotent retries', async () => {
    const created = await createCase();
    const [alex, sam] = created.participants;
    const assignments = await assign(created.id, { instructions: '  Take your time.  ' });
    expect(assignments).toHaveLength(2);
    const [forAlex, forSam] = assignments;
    expect(forAlex).toMatchObject({
      caseId: created.id,
      audience: 'participant',
      participantId: alex.id,
      instructions: 'Take your time.',
      status: 'active',
      exercise: { id: exercise.id, version: 1, title: 'Weekly reflection', prompts: exercise.prompts },
      createdBy: { id: owner.tokens.user.id },
    });
    expect(forSam.participantId).toBe(sam.id);
    expect(forAlex.progress).toEqual([{ participantId: alex.id, occurrences: expect.any(Array) }]);
    expect(forAlex.progress[0].occurrences.map((occurrence) => occurrence.status)).toEqual(['due', 'upcoming', 'upcoming']);

    const alexToken = await portalToken(created.id, alex.id);
    const samToken = await portalToken(created.id, sam.id);
    const alexSees = await portalList(alexToken);
    expect(alexSees).toEqual([
      {
        id: forAlex.id,
        title: 'Weekly reflection',
        instructions: everyPromptType.instructions,
        note: 'Take your time.',
        prompts: exercise.prompts,
        together: false,
        dueOn: null,
        recurrence: weeklyToday(),
        occurrences: forAlex.progress[0].occurrences,
      },
    ]);

    const first = await submit(alexToken, forAlex.id, { answers: GOOD_ANSWERS, shared: false }, 'alex-try-1').expect(201);
    const retry = await submit(alexToken, forAlex.id, { answers: GOOD_ANSWERS, shared: false }, 'alex-try-1').expect(201);
    expect(retry.body).toEqual(first.body);
    expect(first.body as PortalSubmission).toMatchObject({ assignmentId: forAlex.id, occurrenceOn: today(), shared: false });
    // Without the key, a second sheet for the same date is refused rather than counted twice.
    const again = await submit(alexToken, forAlex.id, { answers: GOOD_ANSWERS, shared: false, occurrenceOn: today() }).expect(409);
    expect(again.body.message).toBe(`You already sent your answers for ${today()}.`);
    // Sam's sheet is not Alex's to answer, whatever the key.
    await submit(alexToken, forSam.id, { answers: GOOD_ANSWERS, shared: false }, 'alex-try-1').expect(404);

    await submit(samToken, forSam.id, { answers: { ...GOOD_ANSWERS, noticed: 'Hopeful' }, shared: true }).expect(201);

    const alexShared = await sharedWith(alexToken);
    expect(alexShared).toEqual([
      {
        id: expect.any(String),
        from: { firstName: 'Sam' },
        title: 'Weekly reflection',
        prompts: exercise.prompts,
        occurrenceOn: today(),
        answers: { ...GOOD_ANSWERS, noticed: 'Hopeful' },
        submittedAt: expect.any(String),
      },
    ]);
    expect(await sharedWith(samToken)).toEqual([]);
    expect(JSON.stringify(await sharedWith(samToken))).not.toContain('More calm');

    const [alexNow] = await portalList(alexToken);
    expect(alexNow.occurrences[0]).toEqual({ on: today(), status: 'done' });

    const clinicianReads = (await api.http.get(`/api/assignments/${forAlex.id}/submissions`).set(clinician.signedIn.auth).expect(200)).body as Submission[];
    expect(clinicianReads).toEqual([
      {
        id: first.body.id,
        assignmentId: forAlex.id,
        participant: { id: alex.id, displayName: 'Alex Rivera' },
        occurrenceOn: today(),
        answers: GOOD_ANSWERS,
        shared: false,
        submittedAt: first.body.submittedAt,
      },
    ]);
    const samReads = (await api.http.get(`/api/assignments/${forSam.id}/submissions`).set(owner.auth).expect(200)).body as Submission[];
    expect(samReads.map((submission) => submission.shared)).toEqual([true]);

    const list = (await api.http.get(`/api/cases/${created.id}/assignments`).set(owner.auth).expect(200)).body as Assignment[];
    expect(list.map((assignment) => assignment.progress[0].occurrences[0].status)).toEqual(['done', 'done']);

    const audit = (await api.http.get(`/api/audit-events?caseId=${created.id}&limit=100`).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    const events = audit.items.map((event) => [event.actorType, event.actorId, event.action]);
    expect(events).toEqual(
      expect.arrayContaining([
        ['user', owner.tokens.user.id, 'assignment.create'],
        ['participant', alex.id, 'submission.create'],
        ['participant', sam.id, 'submission.create'],
        ['participant', alex.id, 'submission.read-shared'],
        ['user', clinician.signedIn.tokens.user.id, 'submission.list'],
        ['user', owner.tokens.user.id, 'assignment.list'],
      ]),
    );
    // The retried send was stored, and audited, once.
    expect(events.filter(([, actor, action]) => actor === alex.id && action === 'submission.create')).toHaveLength(1);
  });

  it('checks answers against each prompt type and lists every problem', async () => {
    const created = await createCase();
    const [assignment] = await assign(created.id, { assignTo: 'participant', participantId: created.participants[0].id });
    const token = await portalToken(created.id, created.participants[0].id);
    const bad = await submit(token, assignment.id, {
      answers: { noticed: 'far more than twenty characters', safe: 11, talked: 'yes', mood: 'happy', 'next-talk': '2026-02-30', extra: 1 },
      shared: false,
    }).expect(400);
    expect(bad.body.message).toEqual([
      'What did you notice? is too long: please keep it to 20 characters or fewer (it has 31)',
      'How safe did you feel? needs a whole number from 0 to 10',
      'Did you talk? needs a yes or no answer',
      'Your mood needs one of the options listed',
      'Next talk needs a real date: 2026-02-30 does not exist',
      'There is an answer to a question that is not on this sheet ("extra")',
    ]);
    const missing = await submit(token, assignment.id, { answers: {}, shared: 'no', occurrenceOn: 'soon' }).expect(400);
    expect(missing.body.message).toEqual(['occurrenceOn must be a real date written as YYYY-MM-DD', 'shared must be true or false']);
    const offSchedule = await submit(token, assignment.id, { answers: GOOD_ANSWERS, shared: false, occurrenceOn: addDays(today(), 1) }).expect(400);
    expect(offSchedule.body.message).toEqual(['occurrenceOn must be a date this exercise is due, up to today or the next one ahead']);
    const badKey = await submit(token, assignment.id, { answers: GOOD_ANSWERS, shared: false }, 'has spaces').expect(400);
    expect(badKey.body.message[0]).toMatch(/^Idempotency-Key must be/);
    // The next week's sheet may be sent early; the one after is not open yet.
    await submit(token, assignment.id, { answers: GOOD_ANSWERS, shared: false, occurrenceOn: addDays(today(), 7) }).expect(201);
    await submit(token, assignment.id, { answers: GOOD_ANSWERS, shared: false, occurrenceOn: addDays(today(), 14) }).expect(400);
  });

  it('keeps the version of the prompts an assignment was given, after the template changes', async () => {
    const template = (await api.http.post('/api/exercises').set(owner.auth).send(everyPromptType).expect(201)).body as ExerciseDetail;
    const created = await createCase();
    const [assignment] = await assign(created.id, { exerciseId: template.id, assignTo: 'together', recurrence: undefined, dueOn: addDays(today(), 3) });
    await api.http
      .patch(`/api/exercises/${template.id}`)
      .set(owner.auth)
      .send({ prompts: [{ type: 'yes-no', key: 'done', label: 'Done?', required: true }] })
      .expect(200);
    const token = await portalToken(created.id, created.participants[1].id);
    const [seen] = await portalList(token);
    expect(seen).toMatchObject({ id: assignment.id, together: true, dueOn: addDays(today(), 3), prompts: template.prompts });
    expect(seen.occurrences).toEqual([{ on: addDays(today(), 3), status: 'upcoming' }]);
    const sent = await submit(token, assignment.id, { answers: GOOD_ANSWERS, shared: true }).expect(201);
    expect(sent.body.occurrenceOn).toBe(addDays(today(), 3));
    const [listed] = (await api.http.get(`/api/cases/${created.id}/assignments`).set(owner.auth).expect(200)).body as Assignment[];
    expect(listed.progress.map((progress) => progress.occurrences[0].status)).toEqual(['upcoming', 'done']);
    // A later version may be assigned by number; one that does not exist is a 400.
    expect((await assign(created.id, { exerciseId: template.id, version: 2 }))[0].exercise.prompts).toHaveLength(1);
    const noVersion = await api.http
      .post(`/api/cases/${created.id}/assignments`)
      .set(owner.auth)
      .send({ exerciseId: template.id, version: 9, assignTo: 'each', dueOn: today() })
      .expect(400);
    expect(noVersion.body.message).toEqual(['version must be a version this exercise has']);
  });

  it('keeps each token to its own participant, case and practice', async () => {
    const created = await createCase();
    const [alex] = created.participants;
    const [forAlex, forSam] = await assign(created.id, {});
    const [together] = await assign(created.id, { assignTo: 'together' });
    const alexToken = await portalToken(created.id, alex.id);
    await submit(alexToken, forSam.id, { answers: GOOD_ANSWERS, shared: true }).expect(404);
    expect((await portalList(alexToken)).map((assignment) => assignment.id)).toEqual([forAlex.id, together.id]);

    const elsewhere = await createCase();
    const [elsewhereAssignment] = await assign(elsewhere.id, {});
    await submit(alexToken, elsewhereAssignment.id, { answers: GOOD_ANSWERS, shared: true }).expect(404);

    const rival = await registerPractice(api.http, 'Rival Practice');
    const rivalExercise = (await api.http.post('/api/exercises').set(rival.auth).send(everyPromptType).expect(201)).body as ExerciseDetail;
    const rivalCase = (await api.http.post('/api/cases').set(rival.auth).send(couple).expect(201)).body as CaseDetail;
    const [rivalAssignment] = (
      await api.http
        .post(`/api/cases/${rivalCase.id}/assignments`)
        .set(rival.auth)
        .send({ exerciseId: rivalExercise.id, assignTo: 'each', dueOn: today() })
        .expect(201)
    ).body as Assignment[];
    await submit(alexToken, rivalAssignment.id, { answers: GOOD_ANSWERS, shared: true }).expect(404);
    await submit(alexToken, 'not-a-uuid', { answers: GOOD_ANSWERS, shared: true }).expect(404);

    // Paused homework leaves the portal and takes no answers until resumed.
    await api.http.patch(`/api/assignments/${forAlex.id}`).set(owner.auth).send({ status: 'paused' }).expect(200);
    expect((await portalList(alexToken)).map((assignment) => assignment.id)).toEqual([together.id]);
    const paused = await submit(alexToken, forAlex.id, { answers: GOOD_ANSWERS, shared: false }).expect(409);
    expect(paused.body.message).toMatch(/paused or closed/);
    await api.http.patch(`/api/assignments/${forAlex.id}`).set(owner.auth).send({ status: 'active' }).expect(200);
    await submit(alexToken, forAlex.id, { answers: GOOD_ANSWERS, shared: false }, 'resumed-1').expect(201);
    const reused = await submit(alexToken, together.id, { answers: GOOD_ANSWERS, shared: false }, 'resumed-1').expect(409);
    expect(reused.body.message).toMatch(/already used for different answers/);
    await submit(alexToken, forAlex.id, { answers: { ...GOOD_ANSWERS, safe: 2 }, shared: false }, 'resumed-1').expect(409);
    await submit(alexToken, forAlex.id, { answers: GOOD_ANSWERS, shared: false }, 'resumed-1').expect(201);
    await api.http.get('/api/portal/assignments').expect(401);
    await api.http.get('/api/portal/shared').set(bearer('A'.repeat(43))).expect(401);
  });

  it('lets owners and the case’s clinicians manage homework; assistants 403, others 404', async () => {
    const created = await createCase();
    const [mine] = await assign(created.id, {}, clinician.signedIn);
    const path = `/api/cases/${created.id}/assignments`;
    const request = { exerciseId: exercise.id, assignTo: 'together', dueOn: today() };
    for (const [as, status] of [
      [assistant, 403],
      [otherClinician, 404],
    ] as const) {
      await api.http.post(path).set(as.auth).send(request).expect(status);
      await api.http.get(path).set(as.auth).expect(status);
      await api.http.patch(`/api/assignments/${mine.id}`).set(as.auth).send({ status: 'paused' }).expect(status);
      await api.http.get(`/api/assignments/${mine.id}/submissions`).set(as.auth).expect(status);
    }
    const refused = await api.http.get(path).set(assistant.auth).expect(403);
    expect(refused.body.message).toMatch(/Assistants/);

    const rival = await registerPractice(api.http, 'Another Rival');
    await api.http.post(path).set(rival.auth).send(request).expect(404);
    await api.http.get(path).set(rival.auth).expect(404);
    await api.http.patch(`/api/assignments/${mine.id}`).set(rival.auth).send({ status: 'paused' }).expect(404);
    await api.http.get(`/api/assignments/${mine.id}/submissions`).set(rival.auth).expect(404);
    await api.http.get('/api/assignments/not-a-uuid/submissions').set(owner.auth).expect(404);

    const changed = (await api.http.patch(`/api/assignments/${mine.id}`).set(clinician.signedIn.auth).send({ instructions: 'Mornings are best.' }).expect(200))
      .body as Assignment;
    expect(changed).toMatchObject({ instructions: 'Mornings are best.', status: 'active' });
    await api.http.patch(`/api/assignments/${mine.id}`).set(owner.auth).send({ status: 'cancelled' }).expect(200);
    const cancelled = await api.http.patch(`/api/assignments/${mine.id}`).set(owner.auth).send({ status: 'active' }).expect(409);
    expect(cancelled.body.message).toMatch(/cancelled/);
    const empty = await api.http.patch(`/api/assignments/${mine.id}`).set(owner.auth).send({}).expect(400);
    expect(empty.body.message).toEqual(['send status or instructions to change']);
  });

  it('reckons today in the practice’s time zone', async () => {
    // Kiritimati is UTC+14 and Pago Pago UTC-11: for most of every day their dates differ.
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      const practice = await registerPractice(api.http, `Practice in ${timeZone}`);
      await api.http.patch('/api/practice').set(practice.auth).send({ timeZone }).expect(200);
      const sheet = (await api.http.post('/api/exercises').set(practice.auth).send(everyPromptType).expect(201)).body as ExerciseDetail;
      const theirCase = (await api.http.post('/api/cases').set(practice.auth).send(couple).expect(201)).body as CaseDetail;
      const localToday = todayIn(timeZone);
      const [assignment] = (
        await api.http
          .post(`/api/cases/${theirCase.id}/assignments`)
          .set(practice.auth)
          .send({ exerciseId: sheet.id, assignTo: 'together', dueOn: localToday })
          .expect(201)
      ).body as Assignment[];
      expect(assignment.progress.map((progress) => progress.occurrences)).toEqual([
        [{ on: localToday, status: 'due' }],
        [{ on: localToday, status: 'due' }],
      ]);
      const late = await api.http
        .post(`/api/cases/${theirCase.id}/assignments`)
        .set(practice.auth)
        .send({ exerciseId: sheet.id, assignTo: 'together', dueOn: addDays(localToday, -1) })
        .expect(400);
      expect(late.body.message).toEqual([`dueOn must be today (${localToday}) or later`]);
    }
  });

  it('refuses assignments that do not add up, in plain words', async () => {
    const created = await createCase();
    const stranger = (await createCase()).participants[0];
    const path = `/api/cases/${created.id}/assignments`;
    const problems = async (body: object) => (await api.http.post(path).set(owner.auth).send(body).expect(400)).body.message as string[];
    expect(await problems({})).toEqual(['exerciseId is required', 'assignTo must be one of: participant, each, together']);
    expect(await problems({ exerciseId: 'builtin:no-such-thing', assignTo: 'each', dueOn: today() })).toEqual([
      'exerciseId must name an exercise in your library',
    ]);
    expect(await problems({ exerciseId: exercise.id, assignTo: 'each' })).toEqual(['send either dueOn, for a single sheet, or recurrence, not both']);
    expect(await problems({ exerciseId: exercise.id, assignTo: 'participant', dueOn: addDays(today(), -1) })).toEqual([
      `dueOn must be today (${today()}) or later`,
      'participantId is required with assignTo participant',
    ]);
    expect(await problems({ exerciseId: exercise.id, assignTo: 'participant', participantId: stranger.id, dueOn: today() })).toEqual([
      'participantId must be the id of one of the case’s participants',
    ]);
    expect(
      await problems({
        exerciseId: exercise.id,
        assignTo: 'together',
        recurrence: { frequency: 'weekly', startsOn: today(), endsOn: addDays(today(), -3) },
      }),
    ).toEqual(['recurrence.daysOfWeek is required for a weekly recurrence', 'recurrence.endsOn must be on or after recurrence.startsOn', `recurrence.endsOn must be today (${today()}) or later`]);
    expect(
      await problems({ exerciseId: exercise.id, assignTo: 'together', recurrence: { frequency: 'fortnightly', daysOfWeek: [7], startsOn: '2026-02-30' } }),
    ).toEqual([
      'recurrence.frequency must be one of: daily, weekly',
      'recurrence.daysOfWeek must list days as numbers from 0 (Sunday) to 6 (Saturday)',
      'recurrence.startsOn must be a real date written as YYYY-MM-DD',
      'recurrence.endsOn is required',
    ]);
    expect(await problems({ exerciseId: exercise.id, assignTo: 'together', dueOn: today(), colour: 'blue' })).toEqual([
      'colour is not a field this request accepts',
    ]);
  });
});
