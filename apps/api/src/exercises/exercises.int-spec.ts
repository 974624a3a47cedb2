import type { AuditEvent, CreateExerciseRequest, ExerciseDetail, ExerciseSummary, Page } from '@trustwork/contracts';
import { EXERCISE_PHASES, EXERCISES } from '@trustwork/trust-program';
import type { Client } from 'pg';
import { addTeamMember, registerPractice, useTestApp, type SignedIn } from '../../test/test-app';
import { appDatabaseUrl, connect } from '../../test/test-database';

const walk = (overrides: Partial<CreateExerciseRequest> & Record<string, unknown> = {}): CreateExerciseRequest => ({
  title: 'Evening walk together',
  phase: 7,
  audience: 'together',
  cadence: { kind: 'weekly', timesPerWeek: 2 },
  minutes: 30,
  purpose: 'Time side by side without screens, to rebuild easy closeness.',
  instructions: 'Walk for twenty minutes after dinner. Talk about anything except what happened.',
  clinicianNotes: 'Suggest it only once both feel safe alone together.',
  prompts: [
    { type: 'yes-no', key: 'walked', label: 'Did you go for the walk?', required: true },
    { type: 'scale', key: 'closeness', label: 'How close did you feel?', required: true, min: 0, max: 10, minLabel: 'Distant', maxLabel: 'Very close' },
    { type: 'text', key: 'moment', label: 'A moment you noticed', required: false, maxLength: 500, multiline: true },
  ],
  ...overrides,
});

const promptOf = (prompt: Record<string, unknown>) => walk({ prompts: [prompt as never] });

describe('exercise library', () => {
  const api = useTestApp();
  let owner: SignedIn;
  let clinician: SignedIn;
  let assistant: SignedIn;
  beforeAll(async () => {
    owner = await registerPractice(api.http, 'Library Practice');
    clinician = (await addTeamMember(api.http, owner, 'clinician')).signedIn;
    assistant = (await addTeamMember(api.http, owner, 'assistant')).signedIn;
  });

  const list = async (as: SignedIn, query = '') => (await api.http.get(`/api/exercises${query}`).set(as.auth).expect(200)).body as ExerciseSummary[];
  const create = async (as: SignedIn, request: CreateExerciseRequest = walk()) =>
    (await api.http.post('/api/exercises').set(as.auth).send(request).expect(201)).body as ExerciseDetail;
  const read = async (as: SignedIn, id: string) => (await api.http.get(`/api/exercises/${id}`).set(as.auth).expect(200)).body as ExerciseDetail;

  it('gives a brand-new practice every built-in exercise, in program order', async () => {
    const fresh = await registerPractice(api.http, 'Fresh Practice');
    const items = await list(fresh);
    expect(items).toHaveLength(EXERCISES.length);
    expect(items.every((item) => item.source === 'built-in' && !item.archived)).toBe(true);
    const apology = items.find((item) => item.key === 'apology-plan');
    expect(apology).toEqual({
      id: 'builtin:apology-plan',
      source: 'built-in',
      key: 'apology-plan',
      version: 1,
      title: 'Preparing your apology',
      phase: 2,
      audience: 'broke-trust',
      otherAudiences: [],
      sheet: 'own',
      cadence: { kind: 'once', dueInDays: 7 },
      minutes: 40,
      purpose: expect.stringContaining('sincere apology'),
      archived: false,
    });
    const phaseOrder = items.map((item) => EXERCISE_PHASES.indexOf(item.phase));
    expect(phaseOrder).toEqual([...phaseOrder].sort((a, b) => a - b));
    expect(items[items.length - 1].phase).toBe('throughout');

    const detail = await read(fresh, 'builtin:apology-plan');
    expect(detail).toMatchObject({ id: 'builtin:apology-plan', currentVersion: 1, duplicatedFrom: null, versionCreatedBy: null });
    expect(detail.prompts.map((prompt) => prompt.key)).toEqual(EXERCISES.find((exercise) => exercise.key === 'apology-plan')?.prompts.map((prompt) => prompt.key));
    await api.http.get('/api/exercises/builtin:apology-plan/versions/1').set(fresh.auth).expect(200);
    const noSuchVersion = await api.http.get('/api/exercises/builtin:apology-plan/versions/2').set(fresh.auth).expect(404);
    expect(noSuchVersion.body.message).toBe('This exercise has no version with that number.');
  });

  it('filters by phase, audience and text, built-ins and the practice’s own alike', async () => {
    const practice = await registerPractice(api.http, 'Filter Practice');
    const own = await create(practice, walk({ title: 'Gratitude jar', otherAudiences: ['each'], instructions: 'Drop a NOTE of thanks in the jar.' }));

    const phase7 = await list(practice, '?phase=7');
    expect(phase7.length).toBeGreaterThan(1);
    expect(phase7.every((item) => item.phase === 7)).toBe(true);
    expect(phase7.map((item) => item.id)).toContain(own.id);
    const throughout = await list(practice, '?phase=throughout');
    expect(throughout.length).toBeGreaterThan(0);
    expect(throughout.every((item) => item.phase === 'throughout')).toBe(true);

    const hurt = await list(practice, '?audience=hurt');
    expect(hurt.length).toBeGreaterThan(0);
    expect(hurt.every((item) => item.audience === 'hurt' || item.otherAudiences.includes('hurt'))).toBe(true);
    // "each" is only one of the template's other audiences, and still finds it.
    expect((await list(practice, '?audience=each')).map((item) => item.id)).toContain(own.id);
    expect((await list(practice, '?audience=broke-trust')).map((item) => item.id)).not.toContain(own.id);

    // Search looks at title, purpose and instructions, in any case.
    expect((await list(practice, '?search=APOLOGY')).map((item) => item.key)).toContain('apology-plan');
    expect((await list(practice, '?search=gratitude')).map((item) => item.id)).toEqual([own.id]);
    expect((await list(practice, '?search=note%20of%20thanks')).map((item) => item.id)).toEqual([own.id]);
    expect((await list(practice, '?search=easy%20closeness')).map((item) => item.id)).toEqual([own.id]);
    expect(await list(practice, '?search=%25')).toEqual([]);
    expect(await list(practice, '?search=zebra%20crossing')).toEqual([]);
    expect((await list(practice, '?phase=7&audience=together&search=jar')).map((item) => item.id)).toEqual([own.id]);
    expect(await list(practice, '?phase=1&search=jar')).toEqual([]);

    const bad = await api.http.get('/api/exercises?phase=10&audience=everyone&includeArchived=maybe&colour=red').set(practice.auth).expect(400);
    expect(bad.body.message).toEqual([
      'colour is not a field this request accepts',
      'phase must be 1 to 9 or "throughout"',
      'audience must be one of: broke-trust, hurt, each, together',
      'includeArchived must be true or false',
    ]);
  });

  it('saves an edit as a new version and keeps the earlier one readable', async () => {
    const created = await create(clinician, walk({ sheet: undefined, prompts: [{ type: 'scale', key: 'closeness', label: 'How close?', required: true, minLabel: 'Far', maxLabel: 'Near' } as never] }));
    expect(created).toMatchObject({
      source: 'practice',
      key: null,
      version: 1,
      currentVersion: 1,
      title: 'Evening walk together',
      sheet: 'own',
      otherAudiences: [],
      archived: false,
      duplicatedFrom: null,
      versionCreatedBy: { id: clinician.tokens.user.id, name: 'A clinician' },
    });
    // A scale runs from 0 to 10, so the bounds may be left out.
    expect(created.prompts).toEqual([{ type: 'scale', key: 'closeness', label: 'How close?', required: true, minLabel: 'Far', maxLabel: 'Near', min: 0, max: 10 }]);

    const edited = (await api.http.patch(`/api/exercises/${created.id}`).set(owner.auth).send({ title: 'Evening walk', minutes: 25, version: 1 }).expect(200)).body as ExerciseDetail;
    expect(edited).toMatchObject({ id: created.id, version: 2, currentVersion: 2, title: 'Evening walk', minutes: 25, prompts: created.prompts });
    expect(edited.versionCreatedBy).toEqual({ id: owner.tokens.user.id, name: 'Olive Owner' });

    const first = (await api.http.get(`/api/exercises/${created.id}/versions/1`).set(owner.auth).expect(200)).body as ExerciseDetail;
    expect(first).toMatchObject({ version: 1, currentVersion: 2, title: 'Evening walk together', minutes: 30 });
    expect(await read(owner, created.id)).toMatchObject({ version: 2, title: 'Evening walk' });
    expect((await list(owner)).find((item) => item.id === created.id)).toMatchObject({ version: 2, title: 'Evening walk' });
    await api.http.get(`/api/exercises/${created.id}/versions/3`).set(owner.auth).expect(404);
    await api.http.get(`/api/exercises/${created.id}/versions/zero`).set(owner.auth).expect(404);

    // An edit based on version 1 after version 2 was saved is refused, with the version to reload.
    const stale = await api.http.patch(`/api/exercises/${created.id}`).set(owner.auth).send({ title: 'Walk', version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ currentVersion: 2, message: expect.stringContaining('changed elsewhere') });
    // A failed edit makes no version, and neither does an edit that changes nothing.
    await api.http.patch(`/api/exercises/${created.id}`).set(owner.auth).send({ prompts: [] }).expect(400);
    const empty = await api.http.patch(`/api/exercises/${created.id}`).set(owner.auth).send({ version: 2 }).expect(400);
    expect(empty.body.message).toEqual(['send at least one field to change']);
    expect((await read(owner, created.id)).currentVersion).toBe(2);
  });

  it('explains what is wrong with a template, in plain words', async () => {
    const send = async (request: unknown) => (await api.http.post('/api/exercises').set(owner.auth).send(request as object).expect(400)).body.message as string[];

    expect(await send({})).toEqual([
      'title is required',
      'phase is required',
      'audience is required',
      'cadence is required',
      'minutes is required',
      'purpose is required',
      'instructions is required',
      'prompts is required',
    ]);
    expect(await send(walk({ title: '   ' }))).toEqual(['title is required']);
    expect(await send(walk({ title: 'x'.repeat(81) }))).toEqual(['title must be non-empty and at most 80 characters']);
    expect(await send(walk({ phase: 0 as never, audience: 'them' as never, sheet: 'both' as never, minutes: 2.5, owner: 'me' }))).toEqual([
      'owner is not a field this request accepts',
      'phase must be 1 to 9 or "throughout"',
      'audience must be one of: broke-trust, hurt, each, together',
      'sheet must be "own" or "shared"',
      'minutes must be a whole number from 1 to 240',
    ]);
    expect(await send(promptOf({ type: 'essay', key: 'story', label: 'Your story', required: true }))).toEqual([
      'prompt "story": type must be one of: text, scale, yes-no, choice, date',
    ]);
    expect(
      await send(
        walk({
          prompts: [
            { type: 'yes-no', key: 'walked', label: 'Did you walk?', required: true },
            { type: 'date', key: 'walked', label: 'When?', required: false },
          ],
        }),
      ),
    ).toEqual(['prompt keys must be unique (repeated: walked)']);
    expect(await send(promptOf({ type: 'scale', key: 'closeness', label: 'How close?', required: true, min: 1, max: 5, minLabel: 'Far', maxLabel: 'Near' }))).toEqual([
      'prompt "closeness": a scale runs from 0 to 10',
    ]);
    expect(await send(promptOf({ type: 'scale', key: 'closeness', label: 'How close?', required: true }))).toEqual([
      'prompt "closeness": a scale needs words for both ends (minLabel and maxLabel)',
    ]);
    expect(await send(promptOf({ type: 'choice', key: 'mood', label: 'Mood', required: true, options: [{ key: 'ok', label: 'OK' }] }))).toEqual([
      'prompt "mood": a choice needs 2 to 12 options',
    ]);
    expect(await send(promptOf({ type: 'choice', key: 'mood', label: 'Mood', required: true, options: [null, { key: 'ok', label: 7 }] }))).toEqual([
      'prompt "mood": each option needs a key and a label, and nothing else',
    ]);
    expect(await send(promptOf({ type: 'text', key: 'Your Story', label: 'Your story', required: false, maxLength: 0, multiline: true, colour: 'red' }))).toEqual([
      'prompt "Your Story": "colour" is not a field of a text prompt',
    ]);
    expect(await send(promptOf({ type: 'text', key: 'Your Story', label: 'Your story', required: false, maxLength: 0, multiline: true }))).toEqual([
      'at least one prompt must be required, so an empty sheet cannot be sent',
      'prompt "Your Story": key must be kebab-case (lower-case words joined by hyphens)',
      'prompt "Your Story": maxLength must be a whole number from 1 to 10000',
    ]);
    expect(await send(walk({ prompts: [null, { label: 'No key' }] as never }))).toEqual(['prompts[0] must be an object describing one prompt', 'prompts[1].key is required']);
    expect(await send(walk({ prompts: 'all of them' as never }))).toEqual(['prompts must be a list of prompts']);
    expect(await send(walk({ prompts: [] }))).toEqual(['an exercise needs at least one prompt']);
    expect(await send(walk({ cadence: { kind: 'weekly', timesPerWeek: 9 } }))).toEqual(['cadence.timesPerWeek must be a whole number from 1 to 7']);
    expect(await send(walk({ cadence: { kind: 'daily', timesPerWeek: 2 } as never }))).toEqual(['cadence.timesPerWeek is not a field of a daily cadence']);
    expect(await send(walk({ cadence: 'weekly' as never }))).toEqual(['cadence must be an object such as { "kind": "weekly", "timesPerWeek": 2 }']);
    expect(await send(walk({ audience: 'each', sheet: 'shared' }))).toEqual(['only a "together" exercise can have a shared sheet']);
    expect(await send(walk({ otherAudiences: ['together'] }))).toEqual(['otherAudiences may only list audiences other than the main one (got "together")']);

    // The same rules hold for an edit, applied to the template as it would become.
    const created = await create(owner);
    const edit = await api.http.patch(`/api/exercises/${created.id}`).set(owner.auth).send({ title: null, minutes: 500, id: 'x' }).expect(400);
    expect(edit.body.message).toEqual(['id is not a field this request accepts']);
    const merged = await api.http.patch(`/api/exercises/${created.id}`).set(owner.auth).send({ title: null, minutes: 500 }).expect(400);
    expect(merged.body.message).toEqual(['title must be non-empty and at most 80 characters', 'minutes must be a whole number from 1 to 240']);
  });

  it('saves a template without notes for the clinician, and lets an edit clear them', async () => {
    const { clinicianNotes: _left, ...withoutNotes } = walk({ title: 'Morning check-in' });
    const created = await create(clinician, withoutNotes as CreateExerciseRequest);
    expect(created.clinicianNotes).toBe('');
    expect((await read(clinician, created.id)).clinicianNotes).toBe('');

    const blank = await create(clinician, walk({ title: 'Evening check-in', clinicianNotes: '   ' }));
    expect(blank.clinicianNotes).toBe('');

    const noted = await create(clinician, walk({ title: 'Weekend check-in' }));
    const cleared = (await api.http.patch(`/api/exercises/${noted.id}`).set(clinician.auth).send({ clinicianNotes: '' }).expect(200)).body as ExerciseDetail;
    expect(cleared).toMatchObject({ currentVersion: 2, clinicianNotes: '' });

    const tooLong = await api.http.post('/api/exercises').set(clinician.auth).send(walk({ clinicianNotes: 'x'.repeat(1001) })).expect(400);
    expect(tooLong.body.message).toEqual(['clinicianNotes must be at most 1000 characters']);
    const notText = await api.http.post('/api/exercises').set(clinician.auth).send(walk({ clinicianNotes: 7 as never })).expect(400);
    expect(notText.body.message).toEqual(['clinicianNotes must be text']);
  });

  it('refuses to edit or archive a built-in, and makes an editable copy instead', async () => {
    const edit = await api.http.patch('/api/exercises/builtin:promise-log').set(owner.auth).send({ title: 'My promise log' }).expect(409);
    expect(edit.body.message).toBe("Built-in exercises can't be edited; duplicate it to make your own version.");
    const archive = await api.http.post('/api/exercises/builtin:promise-log/archive').set(owner.auth).expect(409);
    expect(archive.body.message).toBe("Built-in exercises can't be archived; duplicate it to make your own version.");
    await api.http.patch('/api/exercises/builtin:no-such-exercise').set(owner.auth).send({ title: 'x' }).expect(404);

    const builtIn = await read(owner, 'builtin:promise-log');
    const copy = (await api.http.post('/api/exercises/builtin:promise-log/duplicate').set(clinician.auth).expect(201)).body as ExerciseDetail;
    expect(copy).toMatchObject({
      source: 'practice',
      key: null,
      version: 1,
      title: builtIn.title,
      phase: builtIn.phase,
      cadence: builtIn.cadence,
      prompts: builtIn.prompts,
      clinicianNotes: builtIn.clinicianNotes,
      duplicatedFrom: 'builtin:promise-log',
    });
    expect(copy.id).toMatch(/^[0-9a-f-]{36}$/);
    const renamed = (await api.http.patch(`/api/exercises/${copy.id}`).set(clinician.auth).send({ title: 'Our promise log' }).expect(200)).body as ExerciseDetail;
    expect(renamed.version).toBe(2);

    // A practice template can be copied too; the copy starts at version 1 of the current content.
    const again = (await api.http.post(`/api/exercises/${copy.id}/duplicate`).set(owner.auth).expect(201)).body as ExerciseDetail;
    expect(again).toMatchObject({ version: 1, title: 'Our promise log', duplicatedFrom: copy.id });
    expect(await read(owner, 'builtin:promise-log')).toEqual(builtIn);
  });

  it('archives a template out of the default list and back, and audits every change', async () => {
    const created = await create(owner, walk({ title: 'Seasonal check' }));
    const archived = (await api.http.post(`/api/exercises/${created.id}/archive`).set(owner.auth).expect(200)).body as ExerciseDetail;
    expect(archived.archived).toBe(true);
    // Archiving twice changes nothing.
    await api.http.post(`/api/exercises/${created.id}/archive`).set(owner.auth).expect(200);

    expect((await list(owner)).map((item) => item.id)).not.toContain(created.id);
    expect((await list(owner, '?includeArchived=true')).find((item) => item.id === created.id)).toMatchObject({ archived: true });
    expect(await read(owner, created.id)).toMatchObject({ archived: true, title: 'Seasonal check' });

    const restored = (await api.http.post(`/api/exercises/${created.id}/unarchive`).set(clinician.auth).expect(200)).body as ExerciseDetail;
    expect(restored.archived).toBe(false);
    expect((await list(owner)).map((item) => item.id)).toContain(created.id);
    await api.http.patch(`/api/exercises/${created.id}`).set(owner.auth).send({ minutes: 10 }).expect(200);

    const audit = (await api.http.get(`/api/audit-events?recordType=exercise-template&recordId=${created.id}`).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    expect(audit.items.map((event) => event.action)).toEqual([
      'exercise-template.update',
      'exercise-template.unarchive',
      'exercise-template.archive',
      'exercise-template.create',
    ]);
    expect(audit.items[1]).toMatchObject({ actorId: clinician.tokens.user.id, recordType: 'exercise-template' });
  });

  it('lets every role read the library, and only owners and clinicians change it', async () => {
    const created = await create(clinician);
    expect((await list(assistant)).map((item) => item.id)).toContain(created.id);
    expect(await read(assistant, created.id)).toMatchObject({ id: created.id });
    await api.http.get(`/api/exercises/${created.id}/versions/1`).set(assistant.auth).expect(200);

    const refusals = [
      api.http.post('/api/exercises').set(assistant.auth).send(walk()),
      api.http.patch(`/api/exercises/${created.id}`).set(assistant.auth).send({ minutes: 5 }),
      api.http.post(`/api/exercises/${created.id}/duplicate`).set(assistant.auth),
      api.http.post('/api/exercises/builtin:promise-log/duplicate').set(assistant.auth),
      api.http.post(`/api/exercises/${created.id}/archive`).set(assistant.auth),
      api.http.post(`/api/exercises/${created.id}/unarchive`).set(assistant.auth),
    ];
    for (const refusal of refusals) {
      const response = await refusal.expect(403);
      expect(response.body.message).toBe('Your role does not allow this.');
    }
    expect((await read(owner, created.id)).currentVersion).toBe(1);

    // Clinicians manage the practice's library as a whole, not only their own templates.
    const ownersTemplate = await create(owner);
    await api.http.patch(`/api/exercises/${ownersTemplate.id}`).set(clinician.auth).send({ minutes: 15 }).expect(200);
    await api.http.post(`/api/exercises/${ownersTemplate.id}/archive`).set(clinician.auth).expect(200);
    await api.http.get('/api/exercises').expect(401);
  });

  it('answers 404 for another practice’s template on every route, and for ids that cannot exist', async () => {
    const created = await create(owner, walk({ title: 'Private to Library Practice' }));
    const other = await registerPractice(api.http, 'Other Practice');
    const attempts = [
      api.http.get(`/api/exercises/${created.id}`),
      api.http.get(`/api/exercises/${created.id}/versions/1`),
      api.http.patch(`/api/exercises/${created.id}`).send({ minutes: 5 }),
      api.http.post(`/api/exercises/${created.id}/duplicate`),
      api.http.post(`/api/exercises/${created.id}/archive`),
      api.http.post(`/api/exercises/${created.id}/unarchive`),
      api.http.get('/api/exercises/not-an-id'),
      api.http.get('/api/exercises/builtin:Not_A_Key'),
      api.http.get('/api/exercises/builtin:no-such-exercise'),
    ];
    for (const attempt of attempts) {
      const response = await attempt.set(other.auth).expect(404);
      expect(response.body.message).toBe('No exercise with that id in your library.');
    }
    expect((await list(other, '?includeArchived=true')).every((item) => item.source === 'built-in')).toBe(true);
    expect(await read(owner, created.id)).toMatchObject({ version: 1, archived: false });
  });

  describe('row-level security', () => {
    let asApi: Client;
    beforeAll(async () => {
      asApi = await connect(appDatabaseUrl());
    });
    afterAll(() => asApi.end());

    it('shows a query with no practice condition only the current practice’s templates and versions', async () => {
      const first = await registerPractice(api.http, 'RLS One');
      const second = await registerPractice(api.http, 'RLS Two');
      const mine = await create(first);
      await create(second);

      await asApi.query('BEGIN');
      await asApi.query(`SELECT set_config('app.practice_id', $1, true)`, [first.tokens.user.practice.id]);
      const templates = await asApi.query('SELECT id, practice_id FROM exercise_templates');
      const versions = await asApi.query('SELECT template_id, practice_id FROM exercise_template_versions');
      await asApi.query('COMMIT');
      expect(templates.rows).toEqual([{ id: mine.id, practice_id: first.tokens.user.practice.id }]);
      expect(versions.rows).toEqual([{ template_id: mine.id, practice_id: first.tokens.user.practice.id }]);

      const unset = await asApi.query('SELECT count(*)::int AS count FROM exercise_templates');
      expect(unset.rows[0].count).toBe(0);
    });

    it('refuses rows for another practice, and never lets a saved version change', async () => {
      const first = await registerPractice(api.http);
      const second = await registerPractice(api.http);
      const mine = await create(first);
      await asApi.query('BEGIN');
      await asApi.query(`SELECT set_config('app.practice_id', $1, true)`, [first.tokens.user.practice.id]);
      await expect(asApi.query('INSERT INTO exercise_templates (practice_id) VALUES ($1)', [second.tokens.user.practice.id])).rejects.toThrow(/row-level security/);
      await asApi.query('ROLLBACK');

      await asApi.query('BEGIN');
      await asApi.query(`SELECT set_config('app.practice_id', $1, true)`, [first.tokens.user.practice.id]);
      await expect(asApi.query(`UPDATE exercise_template_versions SET title = 'Changed' WHERE template_id = $1`, [mine.id])).rejects.toThrow(/permission denied/);
      await asApi.query('ROLLBACK');
    });
  });
});
