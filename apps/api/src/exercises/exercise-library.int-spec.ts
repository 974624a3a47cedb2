import type { AuditEvent, CreateExerciseRequest, ExerciseDetail, ExerciseLibraryDocument, ExerciseLibraryImportReport, Page } from '@trustwork/contracts';
import { EXERCISES } from '@trustwork/trust-program';
import { addTeamMember, registerPractice, useTestApp, type SignedIn } from '../../test/test-app';

const walk: CreateExerciseRequest = {
  title: 'Evening walk together',
  phase: 7,
  audience: 'together',
  sheet: 'shared',
  cadence: { kind: 'weekly', timesPerWeek: 2 },
  minutes: 30,
  purpose: 'Time side by side without screens, to rebuild easy closeness.',
  instructions: 'Walk for twenty minutes after dinner. Talk about anything except what happened.',
  clinicianNotes: 'Suggest it only once both feel safe alone together.',
  prompts: [
    { type: 'yes-no', key: 'walked', label: 'Did you go for the walk?', required: true },
    { type: 'scale', key: 'closeness', label: 'How close did you feel?', required: true, min: 0, max: 10, minLabel: 'Distant', maxLabel: 'Very close' },
  ],
};
const letter: CreateExerciseRequest = {
  title: 'Letter to the future',
  phase: 9,
  audience: 'each',
  otherAudiences: ['hurt', 'broke-trust'],
  cadence: { kind: 'once', dueInDays: 14 },
  minutes: 45,
  purpose: 'Name what the relationship is becoming.',
  instructions: 'Write a letter to the two of you a year from now.',
  clinicianNotes: 'Read it together in the final session.',
  prompts: [
    { type: 'text', key: 'letter', label: 'Your letter', required: true, maxLength: 4000, multiline: true },
    {
      type: 'choice',
      key: 'tone',
      label: 'How does it feel to write?',
      required: false,
      multiple: true,
      options: [
        { key: 'hopeful', label: 'Hopeful' },
        { key: 'uneasy', label: 'Uneasy' },
      ],
    },
    { type: 'date', key: 'read-on', label: 'When will you read it together?', help: 'Pick a quiet evening.', required: false },
  ],
};
const pause: CreateExerciseRequest = {
  title: 'Pause before replying',
  phase: 'throughout',
  audience: 'hurt',
  cadence: { kind: 'as-needed' },
  minutes: 5,
  purpose: 'Slow down a flooded reply.',
  instructions: 'When a message stings, wait ten minutes before you answer.',
  clinicianNotes: 'Pairs well with the time-out plan.',
  prompts: [{ type: 'yes-no', key: 'paused', label: 'Did you pause?', required: true }],
};

/** The document as it would be written from the practice's templates, to edit before an import. */
const libraryOf = (exercises: unknown[]) => ({ format: 'trustwork.exercise-library', formatVersion: 1, exercises });
const withoutStamp = ({ exportedAt: _exportedAt, source: _source, ...rest }: ExerciseLibraryDocument) => rest;

describe('the shareable exercise library', () => {
  const api = useTestApp();
  let first: SignedIn;
  let clinician: SignedIn;
  let assistant: SignedIn;
  let second: SignedIn;
  let exported: ExerciseLibraryDocument;
  let firstIds: string[];

  const create = async (as: SignedIn, request: CreateExerciseRequest) => (await api.http.post('/api/exercises').set(as.auth).send(request).expect(201)).body as ExerciseDetail;
  const exportOf = async (as: SignedIn) => (await api.http.get('/api/exercises/export').set(as.auth).expect(200)).body as ExerciseLibraryDocument;
  const importInto = async (as: SignedIn, document: object) => (await api.http.post('/api/exercises/import').set(as.auth).send(document).expect(200)).body as ExerciseLibraryImportReport;
  const refusedImport = async (as: SignedIn, document: object) => (await api.http.post('/api/exercises/import').set(as.auth).send(document).expect(400)).body.message as string[];
  const templateCount = async (as: SignedIn) =>
    ((await api.http.get('/api/exercises?includeArchived=true').set(as.auth).expect(200)).body as ExerciseDetail[]).filter((item) => item.source === 'practice').length;
  const actionsOn = async (as: SignedIn, templateId: string) =>
    ((await api.http.get(`/api/audit-events?recordType=exercise-template&recordId=${templateId}`).set(as.auth).expect(200)).body as Page<AuditEvent>).items.map((event) => event.action);

  beforeAll(async () => {
    first = await registerPractice(api.http, 'Harbour Lane Counselling');
    clinician = (await addTeamMember(api.http, first, 'clinician')).signedIn;
    assistant = (await addTeamMember(api.http, first, 'assistant')).signedIn;
    second = await registerPractice(api.http, 'Riverside Couples Clinic');

    const made = [await create(clinician, walk), await create(first, letter), await create(clinician, pause)];
    firstIds = made.map((template) => template.id);
    // Archived templates are retired: they stay behind.
    const retired = await create(first, { ...pause, title: 'Old pause sheet' });
    await api.http.post(`/api/exercises/${retired.id}/archive`).set(first.auth).expect(200);
    // A copy of a built-in is the practice's own; the built-in itself never travels.
    await api.http.post('/api/exercises/builtin:promise-log/duplicate').set(first.auth).expect(201);
    exported = await exportOf(clinician);
  });

  it('exports the practice’s own templates in use, in program order, with nothing that identifies the practice’s records', async () => {
    expect(exported).toMatchObject({ format: 'trustwork.exercise-library', formatVersion: 1, source: { practiceName: 'Harbour Lane Counselling' } });
    expect(Date.now() - Date.parse(exported.exportedAt)).toBeLessThan(60_000);
    const promiseLog = EXERCISES.find((exercise) => exercise.key === 'promise-log');
    expect(exported.exercises.map((exercise) => exercise.title)).toEqual([promiseLog?.title, walk.title, letter.title, pause.title].filter((title) => title !== undefined));
    const walkEntry = exported.exercises.find((exercise) => exercise.title === walk.title);
    expect(walkEntry).toEqual({ key: 'evening-walk-together', ...walk, otherAudiences: [], version: 1 });
    expect(exported.exercises.find((exercise) => exercise.title === letter.title)).toEqual({ key: 'letter-to-the-future', ...letter, sheet: 'own', version: 1 });

    const text = JSON.stringify(exported);
    for (const secret of [...firstIds, first.tokens.user.id, first.tokens.user.practice.id, 'Olive Owner', 'A clinician']) expect(text).not.toContain(secret);
    expect(text).not.toContain('Old pause sheet');
    expect(text).not.toContain('builtin:');

    // Every template that left the practice is in its audit log, as who took it: one row per export.
    const audit = (await api.http.get('/api/audit-events?recordType=exercise-template').set(first.auth).expect(200)).body as Page<AuditEvent>;
    const exportEvents = audit.items.filter((event) => event.action === 'exercise-template.export');
    expect(exportEvents).toHaveLength(1);
    expect(exportEvents[0].recordIds).toHaveLength(4);
    expect(exportEvents[0].actorId).toBe(clinician.tokens.user.id);
  });

  it('never exports a built-in: a new practice’s library is empty', async () => {
    const fresh = await registerPractice(api.http, 'Fresh Practice');
    const document = await exportOf(fresh);
    expect(document.exercises).toEqual([]);
    expect(document.source).toEqual({ practiceName: 'Fresh Practice' });
  });

  it('imports into a second practice exactly as exported, and a second import changes nothing', async () => {
    const report = await importInto(second, exported);
    expect(report.created.map(({ key, title }) => ({ key, title }))).toEqual(exported.exercises.map(({ key, title }) => ({ key, title })));
    expect(report).toMatchObject({ updated: [], unchanged: [], refused: [] });
    expect(report.created.every((created) => !firstIds.includes(created.id))).toBe(true);
    const [createdWalk] = report.created.filter((created) => created.title === walk.title);
    expect(await actionsOn(second, createdWalk.id)).toEqual(['exercise-template.import']);
    // The new template belongs to practice 2: practice 1 cannot see it.
    await api.http.get(`/api/exercises/${createdWalk.id}`).set(first.auth).expect(404);

    const again = await exportOf(second);
    expect(again.source).toEqual({ practiceName: 'Riverside Couples Clinic' });
    expect(withoutStamp(again)).toEqual(withoutStamp(exported));

    const repeat = await importInto(second, exported);
    expect(repeat).toEqual({
      created: [],
      updated: [],
      unchanged: report.created.map(({ key, id, title }) => ({ key, id, title, version: 1 })),
      refused: [],
    });
    expect(await templateCount(second)).toBe(exported.exercises.length);
    expect(await actionsOn(second, createdWalk.id)).toEqual(['exercise-template.export', 'exercise-template.import']);
  });

  it('saves a changed exercise as a new version of the template with that title, in any case', async () => {
    const practice = await registerPractice(api.http, 'Update Practice');
    const original = await importInto(practice, exported);
    const walkId = original.created.find((created) => created.title === walk.title)?.id;
    const changed = exported.exercises.map((exercise) =>
      exercise.title === walk.title ? { ...exercise, title: 'EVENING WALK TOGETHER', minutes: 40, version: 7 } : exercise,
    );
    const brandNew = { ...pause, key: 'morning-coffee', title: 'Morning coffee', otherAudiences: undefined, sheet: undefined };

    const report = await importInto(practice, libraryOf([...changed, brandNew]));
    expect(report.updated).toEqual([{ key: 'evening-walk-together', id: walkId, title: 'EVENING WALK TOGETHER', version: 2 }]);
    expect(report.unchanged).toHaveLength(exported.exercises.length - 1);
    expect(report.created).toEqual([{ key: 'morning-coffee', id: expect.any(String), title: 'Morning coffee' }]);
    expect(report.refused).toEqual([]);

    const current = (await api.http.get(`/api/exercises/${walkId}`).set(practice.auth).expect(200)).body as ExerciseDetail;
    expect(current).toMatchObject({ version: 2, title: 'EVENING WALK TOGETHER', minutes: 40, versionCreatedBy: { id: practice.tokens.user.id } });
    await api.http.get(`/api/exercises/${walkId}/versions/1`).set(practice.auth).expect(200);
    expect(await actionsOn(practice, walkId as string)).toEqual(['exercise-template.update', 'exercise-template.import']);
    const coffee = (await api.http.get(`/api/exercises/${report.created[0].id}`).set(practice.auth).expect(200)).body as ExerciseDetail;
    expect(coffee).toMatchObject({ sheet: 'own', otherAudiences: [], version: 1 });
  });

  it('refuses an exercise that breaks the library’s rules, with its problems, and imports the rest', async () => {
    const practice = await registerPractice(api.http, 'Partial Practice');
    const badScale = { ...walk, key: 'bad-scale', title: 'Closeness scale', prompts: [{ type: 'scale', key: 'closeness', label: 'How close?', required: true, min: 1, max: 5, minLabel: 'Far', maxLabel: 'Near' }] };
    const tooLong = { ...pause, key: 'too-long', title: 'x'.repeat(81), minutes: 500 };
    const report = await importInto(practice, libraryOf([{ ...walk, key: 'walk' }, badScale, tooLong]));
    expect(report.created).toEqual([{ key: 'walk', id: expect.any(String), title: walk.title }]);
    expect(report.refused).toEqual([
      { key: 'bad-scale', title: 'Closeness scale', problems: ['prompt "closeness": a scale runs from 0 to 10'] },
      { key: 'too-long', title: 'x'.repeat(81), problems: ['title must be non-empty and at most 80 characters', 'minutes must be a whole number from 1 to 240'] },
    ]);
    expect(await templateCount(practice)).toBe(1);

    // Nothing importable at all is a 400 naming every problem, and saves nothing.
    expect(await refusedImport(practice, libraryOf([badScale, tooLong]))).toEqual([
      'exercises.0 (bad-scale): prompt "closeness": a scale runs from 0 to 10',
      'exercises.1 (too-long): title must be non-empty and at most 80 characters',
      'exercises.1 (too-long): minutes must be a whole number from 1 to 240',
    ]);
    expect(await templateCount(practice)).toBe(1);
  });

  it('refuses an exercise whose title two templates share, since it cannot tell which to update', async () => {
    const practice = await registerPractice(api.http, 'Twin Practice');
    const original = await create(practice, walk);
    await api.http.post(`/api/exercises/${original.id}/duplicate`).set(practice.auth).expect(201);
    const archivedPause = await create(practice, pause);
    await api.http.post(`/api/exercises/${archivedPause.id}/archive`).set(practice.auth).expect(200);

    const report = await importInto(practice, libraryOf([{ ...walk, key: 'walk', minutes: 10 }, { ...pause, key: 'pause' }]));
    expect(report.refused).toEqual([
      { key: 'walk', title: walk.title, problems: ['2 exercises in your library are called "Evening walk together"; rename all but one so the import knows which to update'] },
    ]);
    // An archived template is retired: the import makes a new one rather than change it.
    expect(report.created).toEqual([{ key: 'pause', id: expect.any(String), title: pause.title }]);
    expect(report.created[0].id).not.toBe(archivedPause.id);
  });

  it('refuses a file that is not a library it can read, in plain words, and saves nothing', async () => {
    const practice = await registerPractice(api.http, 'Strict Practice');
    expect(await refusedImport(practice, { format: 'trustwork.case-export', formatVersion: 1, case: {} })).toEqual([
      'This file is not a Trustwork exercise library (its format must be "trustwork.exercise-library").',
    ]);
    expect(await refusedImport(practice, { ...exported, formatVersion: 2 })).toEqual([
      'This exercise library was saved in a format version this Trustwork cannot read (it reads version 1).',
    ]);
    expect(await refusedImport(practice, libraryOf([]))).toEqual(['this library holds no exercises']);
    for (const notAnExercise of [[], null, 'walk']) {
      expect(await refusedImport(practice, libraryOf([notAnExercise]))).toEqual(['each of exercises must be an object describing one exercise']);
    }

    // The fields are checked as POST /api/exercises checks them, named by their place in the file.
    const [one, two] = exported.exercises;
    const { title: _title, ...untitled } = two;
    expect(await refusedImport(practice, { ...libraryOf([one, { ...untitled, key: '', minutes: 'long', owner: 'me' }]), exportedAt: 'yesterday', source: { practiceName: 7 } })).toEqual([
      'exportedAt must be a date and time such as 2026-03-14T09:30:00Z',
      'source.practiceName must be text',
      'exercises.1.owner is not a field this request accepts',
      'exercises.1.key is required',
      'exercises.1.title is required',
      'exercises.1.minutes must be a whole number from 1 to 240',
    ]);
    expect(await refusedImport(practice, libraryOf([one, { ...two, key: one.key, title: one.title.toUpperCase() }]))).toEqual([
      `exercises.1.key "${one.key}" is used by an earlier exercise in this library`,
      `exercises.1.title "${one.title.toUpperCase()}" is used by an earlier exercise in this library; each title may appear once`,
    ]);
    const many = Array.from({ length: 251 }, (_unused, index) => ({ ...pause, key: `pause-${index}`, title: `Pause ${index}` }));
    expect(await refusedImport(practice, libraryOf(many))).toEqual(['a library can hold at most 250 exercises; split it into smaller files']);
    expect(await refusedImport(practice, libraryOf([one, two]).exercises)).toEqual(['The request body must be a JSON object.']);
    expect(await templateCount(practice)).toBe(0);
  });

  it('imports an exercise without notes for the clinician, and exports it with empty notes', async () => {
    const practice = await registerPractice(api.http, 'Notes-Optional Practice');
    const { clinicianNotes: _notes, ...withoutNotes } = pause;
    const report = await importInto(practice, libraryOf([{ ...withoutNotes, key: 'pause' }]));
    expect(report.created.map((entry) => entry.title)).toEqual([pause.title]);
    expect((await exportOf(practice)).exercises[0]).toMatchObject({ title: pause.title, clinicianNotes: '' });
  });

  it('lets owners and clinicians export and import, and turns assistants away', async () => {
    for (const refusal of [api.http.get('/api/exercises/export').set(assistant.auth), api.http.post('/api/exercises/import').set(assistant.auth).send(exported)]) {
      const response = await refusal.expect(403);
      expect(response.body.message).toBe('Your role does not allow this.');
    }
    const report = await importInto(clinician, exported);
    expect(report.unchanged).toHaveLength(exported.exercises.length);
    await api.http.get('/api/exercises/export').expect(401);
  });
});
