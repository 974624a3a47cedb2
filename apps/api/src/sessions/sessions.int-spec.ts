import type { AgendaSession, AuditEvent, CaseDetail, CreateCaseRequest, Page, ScheduleSessionRequest, TeamMember, TherapySession } from '@trustwork/contracts';
import { addTeamMember, registerPractice, useTestApp, type SignedIn } from '../../test/test-app';

const couple = (overrides: Partial<CreateCaseRequest> = {}): CreateCaseRequest => ({
  relationshipType: 'couple',
  participants: [
    { displayName: 'Alex Rivera', breachRole: 'broke-trust' },
    { displayName: 'Sam Rivera', breachRole: 'was-hurt' },
  ],
  ...overrides,
});

const session = (overrides: Partial<ScheduleSessionRequest> = {}): ScheduleSessionRequest => ({
  startsAt: '2026-04-02T15:00:00Z',
  durationMinutes: 50,
  modality: 'in-person',
  ...overrides,
});

describe('sessions', () => {
  const api = useTestApp();
  let owner: SignedIn;
  let clinician: { member: TeamMember; signedIn: SignedIn };
  let otherClinician: { member: TeamMember; signedIn: SignedIn };
  let assistant: SignedIn;
  beforeAll(async () => {
    owner = await registerPractice(api.http, 'Sessions Practice');
    clinician = await addTeamMember(api.http, owner, 'clinician');
    otherClinician = await addTeamMember(api.http, owner, 'clinician');
    assistant = (await addTeamMember(api.http, owner, 'assistant')).signedIn;
  });

  const createCase = async (as: SignedIn, request: CreateCaseRequest = couple()) =>
    (await api.http.post('/api/cases').set(as.auth).send(request).expect(201)).body as CaseDetail;
  const schedule = async (as: SignedIn, caseId: string, request: ScheduleSessionRequest = session()) =>
    (await api.http.post(`/api/cases/${caseId}/sessions`).set(as.auth).send(request).expect(201)).body as TherapySession;
  const list = async (as: SignedIn, caseId: string) =>
    (await api.http.get(`/api/cases/${caseId}/sessions`).set(as.auth).expect(200)).body as TherapySession[];

  it('schedules a session with both people by default, held by the scheduling clinician', async () => {
    const created = await createCase(owner);
    const scheduled = await schedule(owner, created.id, session({ startsAt: '2026-04-02T16:00:00+01:00', modality: 'video' }));
    expect(scheduled).toEqual({
      id: expect.any(String),
      caseId: created.id,
      startsAt: '2026-04-02T15:00:00.000Z',
      durationMinutes: 50,
      modality: 'video',
      status: 'scheduled',
      attendeeIds: created.participants.map((participant) => participant.id),
      clinician: { id: owner.tokens.user.id, name: 'Olive Owner' },
      noteState: 'none',
      noteAboutParticipantId: null,
    });
    const [alex] = created.participants;
    const alone = await schedule(owner, created.id, session({ startsAt: '2026-04-09T15:00:00Z', attendeeIds: [alex.id] }));
    expect(alone.attendeeIds).toEqual([alex.id]);
    await schedule(owner, created.id, session({ startsAt: '2026-03-26T15:00:00Z' }));

    const sessions = await list(owner, created.id);
    expect(sessions.map((row) => row.startsAt)).toEqual(['2026-04-09T15:00:00.000Z', '2026-04-02T15:00:00.000Z', '2026-03-26T15:00:00.000Z']);
    expect(sessions[1]).toEqual(scheduled);
  });

  it('explains what is wrong with a session, in plain words', async () => {
    const created = await createCase(owner);
    const missing = await api.http.post(`/api/cases/${created.id}/sessions`).set(owner.auth).send({}).expect(400);
    expect(missing.body.message).toEqual(['startsAt is required', 'durationMinutes is required', 'modality is required']);

    const bad = await api.http
      .post(`/api/cases/${created.id}/sessions`)
      .set(owner.auth)
      .send({ startsAt: '2026-02-30T10:00:00Z', durationMinutes: 4, modality: 'carrier-pigeon', attendeeIds: [] })
      .expect(400);
    expect(bad.body.message).toEqual([
      'startsAt must be a date and time with its time zone, such as 2026-03-14T15:00:00Z',
      'durationMinutes must be a whole number from 5 to 600',
      'modality must be one of: in-person, video, phone',
      'attendeeIds must list one or both of the case’s participants by id',
    ]);
    const noZone = await api.http.post(`/api/cases/${created.id}/sessions`).set(owner.auth).send(session({ startsAt: '2026-04-02T15:00' })).expect(400);
    expect(noZone.body.message).toEqual(['startsAt must be a date and time with its time zone, such as 2026-03-14T15:00:00Z']);
    await api.http.post(`/api/cases/${created.id}/sessions`).set(owner.auth).send(session({ durationMinutes: 601 })).expect(400);
    await api.http.post(`/api/cases/${created.id}/sessions`).set(owner.auth).send(session({ durationMinutes: 50.5 })).expect(400);

    // Attendees come from this case only.
    const another = await createCase(owner);
    const stranger = await api.http
      .post(`/api/cases/${created.id}/sessions`)
      .set(owner.auth)
      .send(session({ attendeeIds: [another.participants[0].id] }))
      .expect(400);
    expect(stranger.body.message).toEqual(['attendeeIds must be ids of this case’s participants']);
    const twice = created.participants[0].id;
    const duplicate = await api.http.post(`/api/cases/${created.id}/sessions`).set(owner.auth).send(session({ attendeeIds: [twice, twice] })).expect(400);
    expect(duplicate.body.message).toEqual(['attendeeIds must not list the same person twice']);
    expect(await list(owner, created.id)).toEqual([]);
  });

  it('reschedules, records what happened and changes who attends', async () => {
    const created = await createCase(owner);
    const scheduled = await schedule(owner, created.id);
    const [, sam] = created.participants;
    const moved = await api.http
      .patch(`/api/sessions/${scheduled.id}`)
      .set(owner.auth)
      .send({ startsAt: '2026-04-03T09:30:00Z', durationMinutes: 80, modality: 'phone' })
      .expect(200);
    expect(moved.body).toMatchObject({ id: scheduled.id, startsAt: '2026-04-03T09:30:00.000Z', durationMinutes: 80, modality: 'phone', status: 'scheduled' });

    const held = await api.http.patch(`/api/sessions/${scheduled.id}`).set(owner.auth).send({ status: 'completed', attendeeIds: [sam.id] }).expect(200);
    expect(held.body).toMatchObject({ status: 'completed', attendeeIds: [sam.id], startsAt: '2026-04-03T09:30:00.000Z', durationMinutes: 80 });
    for (const status of ['cancelled', 'no-show', 'scheduled']) {
      await api.http.patch(`/api/sessions/${scheduled.id}`).set(owner.auth).send({ status }).expect(200);
    }

    const bad = await api.http.patch(`/api/sessions/${scheduled.id}`).set(owner.auth).send({ status: 'done', startsAt: null, clinicianId: owner.tokens.user.id }).expect(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([
        'status must be one of: scheduled, completed, cancelled, no-show',
        'startsAt must be a date and time with its time zone, such as 2026-03-14T15:00:00Z',
        'clinicianId is not a field this request accepts',
      ]),
    );
    const [row] = await list(owner, created.id);
    expect(row).toMatchObject({ status: 'scheduled', attendeeIds: [sam.id], modality: 'phone' });
  });

  it('lets the case’s clinicians and assistants schedule, and hides other clinicians’ cases', async () => {
    const theirs = await createCase(owner, couple({ clinicianIds: [clinician.member.id] }));

    const byClinician = await schedule(clinician.signedIn, theirs.id);
    expect(byClinician.clinician).toEqual({ id: clinician.member.id, name: 'A clinician' });
    // An assistant schedules on the clinicians' behalf: the case's first clinician holds the session.
    const byAssistant = await schedule(assistant, theirs.id, session({ startsAt: '2026-05-01T10:00:00Z' }));
    expect(byAssistant.clinician).toEqual({ id: clinician.member.id, name: 'A clinician' });
    const unassigned = await createCase(owner, couple({ clinicianIds: [] }));
    expect((await schedule(assistant, unassigned.id)).clinician).toBeNull();

    expect((await list(assistant, theirs.id)).map((row) => row.id)).toEqual([byAssistant.id, byClinician.id]);
    expect((await list(clinician.signedIn, theirs.id)).length).toBe(2);
    await api.http.patch(`/api/sessions/${byClinician.id}`).set(assistant.auth).send({ startsAt: '2026-04-02T16:00:00Z' }).expect(200);
    await api.http.patch(`/api/sessions/${byAssistant.id}`).set(clinician.signedIn.auth).send({ status: 'cancelled' }).expect(200);

    // A clinician not assigned to the case sees nothing of it.
    const hidden = await api.http.get(`/api/cases/${theirs.id}/sessions`).set(otherClinician.signedIn.auth).expect(404);
    expect(hidden.body.message).toBe('No case with that id in your caseload.');
    await api.http.post(`/api/cases/${theirs.id}/sessions`).set(otherClinician.signedIn.auth).send(session()).expect(404);
    const patch = await api.http.patch(`/api/sessions/${byClinician.id}`).set(otherClinician.signedIn.auth).send({ status: 'completed' }).expect(404);
    expect(patch.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'No session with that id in your caseload.' });
    expect((await list(owner, theirs.id)).find((row) => row.id === byClinician.id)?.status).toBe('scheduled');
  });

  it('answers 404 for another practice’s cases and sessions on every route', async () => {
    const other = await registerPractice(api.http, 'Elsewhere');
    const theirCase = await createCase(other);
    const theirSession = await schedule(other, theirCase.id);

    await api.http.get(`/api/cases/${theirCase.id}/sessions`).set(owner.auth).expect(404);
    await api.http.post(`/api/cases/${theirCase.id}/sessions`).set(owner.auth).send(session()).expect(404);
    const patch = await api.http.patch(`/api/sessions/${theirSession.id}`).set(owner.auth).send({ status: 'cancelled' }).expect(404);
    expect(patch.body.message).toBe('No session with that id in your caseload.');
    await api.http.get('/api/cases/not-a-uuid/sessions').set(owner.auth).expect(404);
    const notUuid = await api.http.patch('/api/sessions/not-a-uuid').set(owner.auth).send({ status: 'cancelled' }).expect(404);
    expect(notUuid.body.message).toBe('No session with that id in your caseload.');
    await api.http.patch('/api/sessions/00000000-0000-4000-8000-000000000000').set(owner.auth).send({ status: 'cancelled' }).expect(404);

    expect((await list(other, theirCase.id)).map((row) => row.status)).toEqual(['scheduled']);
    await api.http.get(`/api/cases/${theirCase.id}/sessions`).expect(401);
  });

  it('lists the agenda across the cases each person may open, earliest first', async () => {
    const agenda = async (as: SignedIn, query: string) =>
      (await api.http.get(`/api/sessions?${query}`).set(as.auth).expect(200)).body as AgendaSession[];
    const week = 'from=2027-01-04T00:00:00Z&to=2027-01-11T00:00:00Z';
    const theirs = await createCase(owner, couple({ clinicianIds: [clinician.member.id] }));
    const ownersOwn = await createCase(owner, couple({ clinicianIds: [owner.tokens.user.id], participants: [
      { displayName: 'Jo Park', breachRole: 'both' },
      { displayName: 'Lee Park', breachRole: 'both' },
    ] }));
    const later = await schedule(clinician.signedIn, theirs.id, session({ startsAt: '2027-01-06T15:00:00Z' }));
    const earlier = await schedule(owner, ownersOwn.id, session({ startsAt: '2027-01-05T09:00:00Z' }));
    await schedule(owner, ownersOwn.id, session({ startsAt: '2027-01-11T00:00:00Z' })); // the end is exclusive
    await schedule(owner, ownersOwn.id, session({ startsAt: '2027-01-03T23:59:00Z' }));

    const everything = await agenda(owner, week);
    expect(everything.map((row) => row.id)).toEqual([earlier.id, later.id]);
    expect(everything[0].participants).toEqual(ownersOwn.participants.map(({ id, displayName }) => ({ id, displayName })));
    expect(everything[1]).toMatchObject({ caseId: theirs.id, clinician: { id: clinician.member.id }, noteState: 'none' });
    expect((await agenda(owner, `${week}&clinicianId=${owner.tokens.user.id}`)).map((row) => row.id)).toEqual([earlier.id]);
    expect((await agenda(assistant, week)).map((row) => row.id)).toEqual([earlier.id, later.id]);
    // A clinician sees their own cases only, whatever they ask for.
    expect((await agenda(clinician.signedIn, week)).map((row) => row.id)).toEqual([later.id]);
    expect(await agenda(clinician.signedIn, `${week}&clinicianId=${owner.tokens.user.id}`)).toEqual([]);
    expect(await agenda(otherClinician.signedIn, week)).toEqual([]);
    // Nothing of another practice.
    expect(await agenda(await registerPractice(api.http, 'Agenda Elsewhere'), week)).toEqual([]);

    const audit = (await api.http.get(`/api/audit-events?caseId=${theirs.id}&actorId=${clinician.member.id}`).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    expect(audit.items.map((event) => event.action)).toContain('session.list');
  });

  it('refuses an agenda range it cannot answer, in plain words', async () => {
    const missing = await api.http.get('/api/sessions').set(owner.auth).expect(400);
    expect(missing.body.message).toEqual(['from is required', 'to is required']);
    const backwards = await api.http.get('/api/sessions?from=2027-01-04T00:00:00Z&to=2027-01-01T00:00:00Z').set(owner.auth).expect(400);
    expect(backwards.body.message).toEqual(['to must be later than from']);
    const long = await api.http.get('/api/sessions?from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z').set(owner.auth).expect(400);
    expect(long.body.message).toEqual(['The agenda covers at most 31 days at a time']);
    const bad = await api.http.get('/api/sessions?from=yesterday&to=2027-01-01T00:00:00Z&clinicianId=me').set(owner.auth).expect(400);
    expect(bad.body.message).toEqual(['from must be a date and time with its time zone, such as 2026-03-14T00:00:00Z', 'clinicianId must be a UUID']);
    await api.http.get('/api/sessions?from=2027-01-04T00:00:00Z&to=2027-01-11T00:00:00Z').expect(401);
  });

  it('audits every list, schedule and change', async () => {
    const created = await createCase(owner);
    const scheduled = await schedule(assistant, created.id);
    await api.http.patch(`/api/sessions/${scheduled.id}`).set(owner.auth).send({ status: 'completed' }).expect(200);
    await list(owner, created.id);

    const page = (await api.http.get(`/api/audit-events?caseId=${created.id}`).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    const sessionEvents = page.items.filter((event) => event.action.startsWith('session.'));
    expect(sessionEvents.map((event) => [event.action, event.recordType, event.recordId, event.actorId])).toEqual([
      ['session.list', 'session', null, owner.tokens.user.id],
      ['session.update', 'session', scheduled.id, owner.tokens.user.id],
      ['session.create', 'session', scheduled.id, assistant.tokens.user.id],
    ]);
    expect(sessionEvents.every((event) => event.caseId === created.id)).toBe(true);
  });
});
