import type { AgendaSession, AuditEvent, CaseDetail, CreateCaseRequest, Page, ScheduleSessionRequest, SessionClash, SessionClashResponse, TeamMember, TherapySession } from '@trustwork/contracts';
import { addTeamMember, openCoupleWithLinks, registerPractice, useTestApp, type SignedIn } from '../../test/test-app';

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
      kind: 'joint',
      address: null,
      videoUrl: null,
      series: null,
      attendance: created.participants.map((participant) => ({ participantId: participant.id, response: null, respondedAt: null })),
      cancellation: null,
    });
    const [alex] = created.participants;
    const alone = await schedule(owner, created.id, session({ startsAt: '2026-04-09T15:00:00Z', attendeeIds: [alex.id] }));
    expect(alone).toMatchObject({ attendeeIds: [alex.id], kind: 'individual', attendance: [{ participantId: alex.id, response: null, respondedAt: null }] });
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

  describe('series, moves, cancellations and clashes', () => {
    const OFFICE = '12 Harbour Street, Bristol BS1 4XX';
    let london: SignedIn;
    let londonAssistant: SignedIn;
    beforeAll(async () => {
      london = await registerPractice(api.http, 'London Practice');
      await api.http.patch('/api/practice').set(london.auth).send({ timeZone: 'Europe/London', officeAddress: OFFICE }).expect(200);
      londonAssistant = (await addTeamMember(api.http, london, 'assistant')).signedIn;
    });
    const ownerId = () => london.tokens.user.id;
    const startsOf = (sessions: TherapySession[]) => sessions.map((row) => row.startsAt);
    const inSeries = async (as: SignedIn, caseId: string) => (await list(as, caseId)).filter((row) => row.series).sort((a, b) => (a.series?.position ?? 0) - (b.series?.position ?? 0));
    const patch = (as: SignedIn, id: string, changes: object) => api.http.patch(`/api/sessions/${id}`).set(as.auth).send(changes);
    const cancel = (as: SignedIn, id: string, request: object = {}) => api.http.post(`/api/sessions/${id}/cancel`).set(as.auth).send(request);

    it('keeps a weekly series at the same London time across the change to summer time, and moves this and following or all', async () => {
      const created = await createCase(london);
      // Tuesday 9 March 2027, 18:00 in London (GMT); the clocks go forward on Sunday 28 March.
      const first = await schedule(london, created.id, session({ startsAt: '2027-03-09T18:00:00Z', repeat: { frequency: 'weekly', count: 8 } }));
      expect(first).toMatchObject({ startsAt: '2027-03-09T18:00:00.000Z', address: OFFICE, videoUrl: null, series: { id: expect.any(String), frequency: 'weekly', position: 1, count: 8 } });
      let series = await inSeries(london, created.id);
      expect(startsOf(series)).toEqual([
        '2027-03-09T18:00:00.000Z',
        '2027-03-16T18:00:00.000Z',
        '2027-03-23T18:00:00.000Z',
        '2027-03-30T17:00:00.000Z',
        '2027-04-06T17:00:00.000Z',
        '2027-04-13T17:00:00.000Z',
        '2027-04-20T17:00:00.000Z',
        '2027-04-27T17:00:00.000Z',
      ]);
      expect(series.map((row) => [row.series?.id, row.series?.position, row.series?.count])).toEqual(series.map((_row, index) => [first.series?.id, index + 1, 8]));

      // From the 4th on: Tuesday 18:00 becomes Wednesday 17:30 (British Summer Time), the first three stay.
      const fourth = series[3];
      const moved = await patch(london, fourth.id, { startsAt: '2027-03-31T16:30:00Z', scope: 'following' }).expect(200);
      expect(moved.body).toMatchObject({ id: fourth.id, startsAt: '2027-03-31T16:30:00.000Z', series: { position: 4, count: 8 } });
      series = await inSeries(london, created.id);
      expect(startsOf(series)).toEqual([
        '2027-03-09T18:00:00.000Z',
        '2027-03-16T18:00:00.000Z',
        '2027-03-23T18:00:00.000Z',
        '2027-03-31T16:30:00.000Z',
        '2027-04-07T16:30:00.000Z',
        '2027-04-14T16:30:00.000Z',
        '2027-04-21T16:30:00.000Z',
        '2027-04-28T16:30:00.000Z',
      ]);

      // One cancelled session is left alone by a change to all of them.
      await cancel(london, series[5].id).expect(200);
      // All: the first moves from Tuesday 18:00 to Monday 09:00, so each moves back a day to 09:00 local.
      await patch(london, series[0].id, { startsAt: '2027-03-08T09:00:00Z', durationMinutes: 80, modality: 'video', videoUrl: 'https://meet.jit.si/harbour-lane', scope: 'all' }).expect(200);
      series = await inSeries(london, created.id);
      expect(series.map((row) => [row.startsAt, row.status, row.durationMinutes, row.modality, row.videoUrl, row.address])).toEqual([
        ['2027-03-08T09:00:00.000Z', 'scheduled', 80, 'video', 'https://meet.jit.si/harbour-lane', null],
        ['2027-03-15T09:00:00.000Z', 'scheduled', 80, 'video', 'https://meet.jit.si/harbour-lane', null],
        ['2027-03-22T09:00:00.000Z', 'scheduled', 80, 'video', 'https://meet.jit.si/harbour-lane', null],
        ['2027-03-30T08:00:00.000Z', 'scheduled', 80, 'video', 'https://meet.jit.si/harbour-lane', null],
        ['2027-04-06T08:00:00.000Z', 'scheduled', 80, 'video', 'https://meet.jit.si/harbour-lane', null],
        ['2027-04-14T16:30:00.000Z', 'cancelled', 50, 'in-person', null, OFFICE],
        ['2027-04-20T08:00:00.000Z', 'scheduled', 80, 'video', 'https://meet.jit.si/harbour-lane', null],
        ['2027-04-27T08:00:00.000Z', 'scheduled', 80, 'video', 'https://meet.jit.si/harbour-lane', null],
      ]);

      // Just this one: the others keep their time.
      await patch(london, series[1].id, { startsAt: '2027-03-15T11:00:00Z', scope: 'this' }).expect(200);
      expect(startsOf(await inSeries(london, created.id)).slice(0, 3)).toEqual(['2027-03-08T09:00:00.000Z', '2027-03-15T11:00:00.000Z', '2027-03-22T09:00:00.000Z']);

      // Cancel this and the following ones: the 7th and the 8th.
      const cancelled = await cancel(london, series[6].id, { scope: 'following', reason: 'Moving away for the summer' }).expect(200);
      expect((cancelled.body as TherapySession).cancellation).toEqual({ by: { kind: 'team', userId: ownerId(), name: 'Olive Owner' }, at: expect.any(String), late: false, reason: 'Moving away for the summer' });
      expect((await inSeries(london, created.id)).map((row) => row.status)).toEqual(['scheduled', 'scheduled', 'scheduled', 'scheduled', 'scheduled', 'cancelled', 'cancelled', 'cancelled']);

      const page = (await api.http.get(`/api/audit-events?caseId=${created.id}&changesOnly=true&limit=100`).set(london.auth).expect(200)).body as Page<AuditEvent>;
      const count = (action: string) => page.items.filter((event) => event.action === action).length;
      expect([count('session.create'), count('session.cancel'), count('session.update')]).toEqual([8, 3, 5 + 7 + 1]);
    });

    it('keeps an address for in-person sessions and a link for video ones only', async () => {
      const created = await createCase(london);
      const office = await schedule(london, created.id, session({ startsAt: '2027-08-02T09:00:00Z', videoUrl: 'https://zoom.us/j/123456789' }));
      expect([office.address, office.videoUrl]).toEqual([OFFICE, null]);
      const elsewhere = await schedule(london, created.id, session({ startsAt: '2027-08-03T09:00:00Z', address: '  Room 4, 1 Quay Road  ' }));
      expect(elsewhere.address).toBe('Room 4, 1 Quay Road');
      const video = await schedule(london, created.id, session({ startsAt: '2027-08-04T09:00:00Z', modality: 'video', videoUrl: 'https://zoom.us/j/123456789', address: 'Room 4' }));
      expect([video.address, video.videoUrl]).toEqual([null, 'https://zoom.us/j/123456789']);

      const toVideo = (await patch(london, elsewhere.id, { modality: 'video', videoUrl: 'https://meet.jit.si/room-4' }).expect(200)).body as TherapySession;
      expect([toVideo.address, toVideo.videoUrl]).toEqual([null, 'https://meet.jit.si/room-4']);
      const backInPerson = (await patch(london, elsewhere.id, { modality: 'in-person' }).expect(200)).body as TherapySession;
      expect([backInPerson.address, backInPerson.videoUrl]).toEqual([OFFICE, null]);
      expect(((await patch(london, elsewhere.id, { address: null }).expect(200)).body as TherapySession).address).toBeNull();
    });

    it('refuses a clash for the clinician or a person with 409 and the clashes, unless asked to save anyway', async () => {
      const first = await createCase(london);
      const second = await createCase(london);
      const held = await schedule(london, first.id, session({ startsAt: '2027-06-01T10:00:00Z' }));
      const clinicianClash: SessionClash = {
        sessionId: held.id,
        caseId: first.id,
        startsAt: '2027-06-01T10:00:00.000Z',
        durationMinutes: 50,
        who: { kind: 'clinician', id: ownerId(), name: 'Olive Owner' },
      };

      const refused = await api.http.post(`/api/cases/${second.id}/sessions`).set(london.auth).send(session({ startsAt: '2027-06-01T10:30:00Z' })).expect(409);
      expect(refused.body as SessionClashResponse).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'Olive Owner already has a session at that time. Choose another time, or save anyway with allowClashes.',
        clashes: [clinicianClash],
      });
      // Back to back is no clash; saving anyway is the clinician's choice.
      const after = await schedule(london, second.id, session({ startsAt: '2027-06-01T10:50:00Z' }));
      await schedule(london, second.id, session({ startsAt: '2027-06-01T10:30:00Z', allowClashes: true }));

      // A series is refused whole when any one of its sessions clashes.
      const before = (await list(london, second.id)).length;
      const series = await api.http.post(`/api/cases/${second.id}/sessions`).set(london.auth).send(session({ startsAt: '2027-05-25T10:00:00Z', repeat: { frequency: 'weekly', count: 3 } })).expect(409);
      expect((series.body as SessionClashResponse).clashes.map((clash) => clash.startsAt)).toContain('2027-06-01T10:00:00.000Z');
      expect((await list(london, second.id)).length).toBe(before);

      // A move is checked too, leaving out the session being moved.
      const move = await patch(london, after.id, { startsAt: '2027-06-01T09:30:00Z' }).expect(409);
      expect((move.body as SessionClashResponse).clashes).toEqual([clinicianClash]);
      await patch(london, after.id, { startsAt: '2027-06-01T09:30:00Z', allowClashes: true }).expect(200);
      await patch(london, held.id, { durationMinutes: 40 }).expect(409);

      // The form's early warning names the person by first name only.
      const [alex] = first.participants;
      const clashes = async (query: string) => (await api.http.get(`/api/sessions/clashes?${query}`).set(london.auth).expect(200)).body as SessionClash[];
      const alexAlone = `caseId=${first.id}&startsAt=2027-06-01T10:20:00Z&durationMinutes=5&attendeeIds=${alex.id}`;
      expect(await clashes(alexAlone)).toEqual([clinicianClash, { ...clinicianClash, who: { kind: 'participant', id: alex.id, name: 'Alex' } }]);
      expect(await clashes(`${alexAlone}&excludeSessionId=${held.id}`)).toEqual([]);
      expect(await clashes(`caseId=${first.id}&startsAt=2027-06-01T12:00:00Z&durationMinutes=50`)).toEqual([]);
      // A session recorded after it was held puts nobody in two places.
      expect(await clashes(`caseId=${first.id}&startsAt=2026-06-01T10:00:00Z&durationMinutes=50`)).toEqual([]);

      const bad = await api.http.get(`/api/sessions/clashes?caseId=${first.id}&startsAt=soon&durationMinutes=lots`).set(london.auth).expect(400);
      expect(bad.body.message).toEqual(['startsAt must be a date and time with its time zone, such as 2026-03-14T15:00:00Z', 'durationMinutes must be a whole number from 5 to 600']);
      const elsewhere = await registerPractice(api.http, 'Clash Elsewhere');
      await api.http.get(`/api/sessions/clashes?caseId=${first.id}&startsAt=2027-06-01T10:00:00Z&durationMinutes=50`).set(elsewhere.auth).expect(404);
    });

    it('cancels a scheduled session once, records who did, and restores it', async () => {
      const created = await createCase(london);
      const scheduled = await schedule(london, created.id, session({ startsAt: '2027-09-01T10:00:00Z' }));
      const cancelled = (await cancel(londonAssistant, scheduled.id, { reason: '  Therapist unwell  ' }).expect(200)).body as TherapySession;
      expect(cancelled).toMatchObject({ status: 'cancelled', cancellation: { by: { kind: 'team', name: 'A assistant' }, late: false } });
      // The reason is read by those who read clinical records.
      expect(cancelled.cancellation?.reason).toBeNull();
      expect((await list(london, created.id))[0].cancellation?.reason).toBe('Therapist unwell');

      const again = await cancel(london, scheduled.id).expect(409);
      expect(again.body.message).toBe('Only a scheduled session can be cancelled; this one is cancelled.');
      const restored = (await patch(london, scheduled.id, { status: 'scheduled' }).expect(200)).body as TherapySession;
      expect([restored.status, restored.cancellation]).toEqual(['scheduled', null]);
      const byPatch = (await patch(london, scheduled.id, { status: 'cancelled' }).expect(200)).body as TherapySession;
      expect(byPatch.cancellation).toEqual({ by: { kind: 'team', userId: ownerId(), name: 'Olive Owner' }, at: expect.any(String), late: false, reason: null });
      await patch(london, scheduled.id, { status: 'completed' }).expect(200);
      expect((await cancel(london, scheduled.id).expect(409)).body.message).toBe('Only a scheduled session can be cancelled; this one is completed.');
    });

    it('cancels a series once on a double click: the second waits, then is told it is already cancelled', async () => {
      const created = await createCase(london);
      const first = await schedule(london, created.id, session({ startsAt: '2027-10-06T10:00:00Z', repeat: { frequency: 'weekly', count: 3 } }));
      const answers = await Promise.all([cancel(london, first.id, { scope: 'all' }), cancel(london, first.id, { scope: 'all' })]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(answers.find((answer) => answer.status === 409)?.body.message).toBe('Only a scheduled session can be cancelled; this one is cancelled.');
      const series = await inSeries(london, created.id);
      expect(series.map((row) => row.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
      const page = (await api.http.get(`/api/audit-events?caseId=${created.id}`).set(london.auth).expect(200)).body as Page<AuditEvent>;
      expect(page.items.filter((event) => event.action === 'session.cancel')).toHaveLength(3);
    });

    it('forgets the people’s answers when a session’s time changes', async () => {
      const couple = await openCoupleWithLinks(api.http, london, ownerId());
      const scheduled = await schedule(london, couple.caseId, session({ startsAt: '2027-10-05T10:00:00Z' }));
      await api.http.post(`/api/portal/sessions/${scheduled.id}/confirm`).set(couple.alex.auth).expect(200);
      const answered = (await list(london, couple.caseId))[0];
      expect(answered.attendance).toEqual([
        { participantId: couple.alex.id, response: 'confirmed', respondedAt: expect.any(String) },
        { participantId: couple.sam.id, response: null, respondedAt: null },
      ]);
      await patch(london, scheduled.id, { modality: 'video' }).expect(200);
      expect((await list(london, couple.caseId))[0].attendance[0].response).toBe('confirmed');
      await patch(london, scheduled.id, { startsAt: '2027-10-05T11:00:00Z' }).expect(200);
      expect((await list(london, couple.caseId))[0].attendance.map((entry) => entry.response)).toEqual([null, null]);
    });

    it('explains what is wrong with a series, a link or a scope, in plain words', async () => {
      const created = await createCase(london);
      const refuse = async (request: object) => (await api.http.post(`/api/cases/${created.id}/sessions`).set(london.auth).send(session({ startsAt: '2027-03-09T18:00:00Z', ...request })).expect(400)).body.message;
      const link = 'videoUrl must be an https:// link from your video service, such as https://zoom.us/j/123456789';
      expect(await refuse({ modality: 'video', videoUrl: 'zoom meeting 123' })).toEqual([link]);
      expect(await refuse({ modality: 'video', videoUrl: 'http://zoom.us/j/123456789' })).toEqual([link]);
      expect(await refuse({ address: 'x'.repeat(301) })).toEqual(['address must be text of at most 300 characters, or null for none']);
      const count = 'repeat.count must be a whole number of sessions from 2 to 52';
      expect(await refuse({ repeat: { frequency: 'weekly', count: 1 } })).toEqual([count]);
      expect(await refuse({ repeat: { frequency: 'weekly', count: 53 } })).toEqual([count]);
      expect(await refuse({ repeat: { frequency: 'daily', count: 4 } })).toEqual(['repeat.frequency must be one of: weekly, every-two-weeks']);
      expect(await refuse({ repeat: { frequency: 'weekly', until: '2027-03-08' } })).toEqual(['repeat.until must be on or after the first session’s date (2027-03-09)']);
      expect(await refuse({ repeat: { frequency: 'weekly', until: '9 March' } })).toEqual(['repeat.until must be a date such as 2027-06-30']);
      expect(await refuse({ repeat: { frequency: 'weekly', count: 4, until: '2027-06-30' } })).toEqual(['repeat takes count or until, not both']);
      expect(await refuse({ repeat: { frequency: 'weekly' } })).toEqual(['repeat needs count (how many sessions) or until (the last date)']);
      expect(await refuse({ repeat: { frequency: 'weekly', until: '2028-06-30' } })).toEqual(['repeat.until makes more than 52 sessions; a series holds at most 52. Choose an earlier date.']);
      expect(await refuse({ allowClashes: 'yes' })).toEqual(['allowClashes must be true or false']);
      expect(await list(london, created.id)).toEqual([]);

      const first = await schedule(london, created.id, session({ startsAt: '2027-03-09T18:00:00Z', repeat: { frequency: 'every-two-weeks', until: '2027-04-06' } }));
      expect(first.series).toMatchObject({ frequency: 'every-two-weeks', count: 3 });
      expect((await patch(london, first.id, { scope: 'everything', durationMinutes: 60 }).expect(400)).body.message).toEqual(['scope must be one of: this, following, all']);
      expect((await patch(london, first.id, { scope: 'all', status: 'completed' }).expect(400)).body.message).toEqual([
        'status changes one session at a time: leave out scope, or cancel the series with POST /api/sessions/:id/cancel',
      ]);
      expect((await cancel(london, first.id, { reason: 'x'.repeat(1001) }).expect(400)).body.message).toEqual(['reason must be text of at most 1000 characters']);
      expect((await cancel(london, first.id, { scope: 'some' }).expect(400)).body.message).toEqual(['scope must be one of: this, following, all']);
      // A scope on a session outside any series means that session.
      const single = await schedule(london, created.id, session({ startsAt: '2027-05-09T18:00:00Z' }));
      expect((await patch(london, single.id, { durationMinutes: 60, scope: 'all' }).expect(200)).body.durationMinutes).toBe(60);
    });

    it('lets assistants schedule a series for the case’s clinician, and answers 404 for another practice’s sessions', async () => {
      const clinicianOfCase = await addTeamMember(api.http, london, 'clinician');
      const created = await createCase(london, couple({ clinicianIds: [clinicianOfCase.member.id] }));
      const first = await schedule(londonAssistant, created.id, session({ startsAt: '2027-11-02T10:00:00Z', repeat: { frequency: 'weekly', count: 2 } }));
      expect(first.clinician?.id).toBe(clinicianOfCase.member.id);
      expect((await list(clinicianOfCase.signedIn, created.id)).length).toBe(2);

      const other = await registerPractice(api.http, 'Series Elsewhere');
      const theirCase = await createCase(other);
      const theirs = await schedule(other, theirCase.id, session({ startsAt: '2027-11-02T10:00:00Z', repeat: { frequency: 'weekly', count: 2 } }));
      expect((await cancel(london, theirs.id).expect(404)).body.message).toBe('No session with that id in your caseload.');
      await cancel(london, 'not-a-uuid').expect(404);
      await patch(london, theirs.id, { startsAt: '2027-11-03T10:00:00Z', scope: 'all' }).expect(404);
      expect((await list(other, theirCase.id)).map((row) => [row.status, row.startsAt])).toEqual([
        ['scheduled', '2027-11-09T10:00:00.000Z'],
        ['scheduled', '2027-11-02T10:00:00.000Z'],
      ]);
      await cancel(clinician.signedIn, first.id).expect(404);
      await api.http.post(`/api/sessions/${first.id}/cancel`).send({}).expect(401);
    });
  });
});
