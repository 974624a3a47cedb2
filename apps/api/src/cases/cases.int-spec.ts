import type { CaseDetail, CaseSummary, CreateCaseRequest, Page } from '@trustwork/contracts';
import { addTeamMember, registerPractice, useTestApp, type SignedIn } from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';

const couple = (overrides: Partial<CreateCaseRequest> = {}): CreateCaseRequest => ({
  relationshipType: 'couple',
  presentingConcern: 'Affair disclosed in March; both want to try.',
  participants: [
    { displayName: 'Alex Rivera', email: 'alex@example.test', breachRole: 'broke-trust', pronouns: 'he/him' },
    { displayName: 'Sam Rivera', phone: '+44 7700 900123', breachRole: 'was-hurt' },
  ],
  ...overrides,
});

describe('cases', () => {
  const api = useTestApp();
  let owner: SignedIn;
  beforeAll(async () => {
    owner = await registerPractice(api.http, 'Cases Practice');
  });

  const createCase = async (as: SignedIn, request: CreateCaseRequest = couple()) =>
    (await api.http.post('/api/cases').set(as.auth).send(request).expect(201)).body as CaseDetail;

  it('creates a case with both participants in one request', async () => {
    const created = await createCase(owner);
    expect(created).toMatchObject({
      relationshipType: 'couple',
      status: 'intake',
      phase: 1,
      presentingConcern: 'Affair disclosed in March; both want to try.',
      clinicians: [{ id: owner.tokens.user.id, name: 'Olive Owner' }],
      nextSession: null,
      lastSession: null,
      openAlertCount: 0,
    });
    expect(created.participants.map((participant) => [participant.displayName, participant.breachRole])).toEqual([
      ['Alex Rivera', 'broke-trust'],
      ['Sam Rivera', 'was-hurt'],
    ]);
    expect(created.participants[0].email).toBe('alex@example.test');
    expect(created.phaseHistory).toEqual([{ phase: 1, changedAt: expect.any(String), changedBy: { id: owner.tokens.user.id, name: 'Olive Owner' } }]);
    const read = await api.http.get(`/api/cases/${created.id}`).set(owner.auth).expect(200);
    expect(read.body).toEqual(created);
  });

  it('refuses a case without exactly two people, and creates nothing', async () => {
    const before = (await api.http.get('/api/cases').set(owner.auth).expect(200)).body as Page<CaseSummary>;
    const one = await api.http.post('/api/cases').set(owner.auth).send(couple({ participants: [couple().participants[0]] })).expect(400);
    expect(one.body.message).toEqual(['participants must list exactly two people']);
    const badRole = await api.http
      .post('/api/cases')
      .set(owner.auth)
      .send(couple({ participants: [couple().participants[0], { displayName: '', breachRole: 'villain' as never }] }))
      .expect(400);
    expect(badRole.body.message).toEqual(
      expect.arrayContaining(['participants.1.displayName is required', expect.stringMatching(/breachRole must be one of/)]),
    );
    const after = (await api.http.get('/api/cases').set(owner.auth).expect(200)).body as Page<CaseSummary>;
    expect(after.items.length).toBe(before.items.length);
  });

  it('moves phase and status, keeping the phase history', async () => {
    const created = await createCase(owner);
    const updated = (await api.http.patch(`/api/cases/${created.id}`).set(owner.auth).send({ phase: 3, status: 'active' }).expect(200)).body as CaseDetail;
    expect(updated).toMatchObject({ phase: 3, status: 'active' });
    expect(updated.phaseHistory.map((change) => change.phase)).toEqual([1, 3]);
    const closed = (await api.http.patch(`/api/cases/${created.id}`).set(owner.auth).send({ status: 'closed' }).expect(200)).body as CaseDetail;
    expect(closed.status).toBe('closed');
    await api.http.patch(`/api/cases/${created.id}`).set(owner.auth).send({ phase: 10 }).expect(400);
  });

  it('shows a clinician only the cases assigned to them', async () => {
    const { member: clinician, signedIn: asClinician } = await addTeamMember(api.http, owner, 'clinician');
    const theirs = await createCase(owner, couple({ clinicianIds: [clinician.id] }));
    const notTheirs = await createCase(owner);

    await api.http.get(`/api/cases/${theirs.id}`).set(asClinician.auth).expect(200);
    const hidden = await api.http.get(`/api/cases/${notTheirs.id}`).set(asClinician.auth).expect(404);
    expect(hidden.body.message).toBe('No case with that id in your caseload.');
    await api.http.patch(`/api/cases/${notTheirs.id}`).set(asClinician.auth).send({ phase: 2 }).expect(404);
    await api.http.get(`/api/cases/${notTheirs.id}/events`).set(asClinician.auth).expect(404);

    const caseload = (await api.http.get('/api/cases').set(asClinician.auth).expect(200)).body as Page<CaseSummary>;
    expect(caseload.items.map((row) => row.id)).toEqual([theirs.id]);
    // A case they create is theirs.
    const own = await createCase(asClinician);
    expect(own.clinicians.map((clinician) => clinician.id)).toEqual([clinician.id]);
  });

  it('lets an assistant see cases and contact details but not clinical records', async () => {
    const { signedIn: assistant } = await addTeamMember(api.http, owner, 'assistant');
    const created = await createCase(owner);
    const seen = (await api.http.get(`/api/cases/${created.id}`).set(assistant.auth).expect(200)).body as CaseDetail;
    expect(seen.presentingConcern).toBeNull();
    expect(seen.participants[1].phone).toBe('+44 7700 900123');

    const events = await api.http.get(`/api/cases/${created.id}/events`).set(assistant.auth).expect(403);
    expect(events.body.message).toMatch(/not clinical records/);
    await api.http.post('/api/cases').set(assistant.auth).send(couple()).expect(403);
    await api.http.patch(`/api/cases/${created.id}`).set(assistant.auth).send({ phase: 4 }).expect(403);
    const contact = await api.http
      .patch(`/api/cases/${created.id}`)
      .set(assistant.auth)
      .send({ participants: [{ id: created.participants[0].id, phone: '+1 555 0100' }] })
      .expect(200);
    expect(contact.body.participants[0].phone).toBe('+1 555 0100');
    await api.http
      .patch(`/api/cases/${created.id}`)
      .set(assistant.auth)
      .send({ participants: [{ id: created.participants[0].id, breachRole: 'was-hurt' }] })
      .expect(403);
  });

  it('answers 404 for another practice’s case on every route', async () => {
    const other = await registerPractice(api.http, 'Elsewhere');
    const theirs = await createCase(other);
    await api.http.get(`/api/cases/${theirs.id}`).set(owner.auth).expect(404);
    await api.http.patch(`/api/cases/${theirs.id}`).set(owner.auth).send({ phase: 2 }).expect(404);
    await api.http.get(`/api/cases/${theirs.id}/events`).set(owner.auth).expect(404);
    await api.http.post(`/api/cases/${theirs.id}/events`).set(owner.auth).send({ kind: 'breach', occurredOn: '2026-01-01', title: 'x' }).expect(404);
    await api.http.get('/api/cases/not-a-uuid').set(owner.auth).expect(404);
    const unchanged = (await api.http.get(`/api/cases/${theirs.id}`).set(other.auth).expect(200)).body as CaseDetail;
    expect(unchanged.phase).toBe(1);
    // Nor can another practice's clinician be assigned.
    await api.http.post('/api/cases').set(owner.auth).send(couple({ clinicianIds: [other.tokens.user.id] })).expect(400);
  });

  it('records breaches, setbacks and milestones on the timeline', async () => {
    const created = await createCase(owner);
    const [alex] = created.participants;
    const breach = await api.http
      .post(`/api/cases/${created.id}/events`)
      .set(owner.auth)
      .send({ kind: 'breach', occurredOn: '2026-03-02', title: 'Affair disclosed', details: 'Told in session.', participantId: alex.id })
      .expect(201);
    expect(breach.body).toMatchObject({ kind: 'breach', occurredOn: '2026-03-02', participantId: alex.id, createdBy: { name: 'Olive Owner' } });
    await api.http.post(`/api/cases/${created.id}/events`).set(owner.auth).send({ kind: 'milestone', occurredOn: '2026-05-10', title: 'First date night' }).expect(201);
    const bad = await api.http.post(`/api/cases/${created.id}/events`).set(owner.auth).send({ kind: 'party', occurredOn: '2026-02-30', title: '' }).expect(400);
    expect(bad.body.message).toEqual(
      expect.arrayContaining([expect.stringMatching(/kind must be one of/), 'occurredOn must be a real date written as YYYY-MM-DD', 'title is required']),
    );
    const timeline = (await api.http.get(`/api/cases/${created.id}/events`).set(owner.auth).expect(200)).body;
    expect(timeline.map((event: { title: string }) => event.title)).toEqual(['First date night', 'Affair disclosed']);
  });

  describe('caseload', () => {
    let practice: SignedIn;
    beforeAll(async () => {
      practice = await registerPractice(api.http, 'Caseload Practice');
      const names = ['Zoe', 'Bea', 'Mia', 'Ana', 'Kit'];
      for (const [index, name] of names.entries()) {
        await createCase(practice, couple({
          relationshipType: index === 4 ? 'siblings' : 'couple',
          phase: index + 1,
          participants: [
            { displayName: `${name} Person`, breachRole: 'broke-trust' },
            { displayName: `Partner of ${name}`, breachRole: 'was-hurt' },
          ],
        }));
      }
    });

    it('pages through every case exactly once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await api.http.get(query).set(practice.auth).expect(200)).body as Page<CaseSummary>;
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((row) => row.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
    });

    it('sorts by name, filters and searches', async () => {
      const byName = (await api.http.get('/api/cases?sort=name&limit=3').set(practice.auth).expect(200)).body as Page<CaseSummary>;
      expect(byName.items.map((row) => row.participants[0].displayName)).toEqual(['Ana Person', 'Bea Person', 'Kit Person']);
      const next = (await api.http.get(`/api/cases?sort=name&limit=3&cursor=${byName.nextCursor}`).set(practice.auth).expect(200)).body;
      expect(next.items.map((row: CaseSummary) => row.participants[0].displayName)).toEqual(['Mia Person', 'Zoe Person']);

      const siblings = (await api.http.get('/api/cases?relationshipType=siblings').set(practice.auth).expect(200)).body;
      expect(siblings.items.map((row: CaseSummary) => row.participants[0].displayName)).toEqual(['Kit Person']);
      const phase2 = (await api.http.get('/api/cases?phase=2').set(practice.auth).expect(200)).body;
      expect(phase2.items.map((row: CaseSummary) => row.phase)).toEqual([2]);
      const search = (await api.http.get('/api/cases?search=partner%20of%20mi').set(practice.auth).expect(200)).body;
      expect(search.items.map((row: CaseSummary) => row.participants[0].displayName)).toEqual(['Mia Person']);
      const wildcard = (await api.http.get('/api/cases?search=%25').set(practice.auth).expect(200)).body;
      expect(wildcard.items).toEqual([]);
    });

    it('explains bad filters and cursors', async () => {
      const bad = await api.http.get('/api/cases?phase=12&status=done&limit=0').set(practice.auth).expect(400);
      expect(bad.body.message).toEqual(
        expect.arrayContaining(['phase must be a whole number from 1 to 9', expect.stringMatching(/status must be one of/), 'limit must be at least 1']),
      );
      const cursor = await api.http.get('/api/cases?cursor=garbage').set(practice.auth).expect(400);
      expect(cursor.body.message).toEqual(['cursor is not valid: start again from the first page']);
    });
  });

  describe('caseload sorted by what needs attention', () => {
    let practice: SignedIn;
    let clinician: SignedIn;
    let assistant: SignedIn;
    /** Case names, oldest first; each case's open (and closed) alerts are set underneath the API. */
    const caseIds = new Map<string, string>();
    const nameOf = (row: CaseSummary) => row.participants[0].displayName.replace(' Person', '');

    /** Every page of a sort, `limit` at a time, following each page's cursor. */
    const allPages = async (as: SignedIn, sort: string, limit = 2) => {
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const query: string = `/api/cases?sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await api.http.get(query).set(as.auth).expect(200)).body as Page<CaseSummary>;
        pages.push(page.items.map(nameOf));
        cursor = page.nextCursor;
      } while (cursor);
      return pages;
    };

    beforeAll(async () => {
      practice = await registerPractice(api.http, 'Attention Practice');
      clinician = (await addTeamMember(api.http, practice, 'clinician')).signedIn;
      assistant = (await addTeamMember(api.http, practice, 'assistant')).signedIn;
      for (const name of ['Ada', 'Ben', 'Cam', 'Dee', 'Eve', 'Fay']) {
        const created = await createCase(practice, couple({
          clinicianIds: [clinician.tokens.user.id],
          participants: [
            { displayName: `${name} Person`, breachRole: 'broke-trust' },
            { displayName: `Partner of ${name}`, breachRole: 'was-hurt' },
          ],
        }));
        caseIds.set(name, created.id);
      }
      const database = await connect(ownerDatabaseUrl());
      const alert = (name: string, kind: string, status = 'open') =>
        database.query(
          `INSERT INTO case_alerts (practice_id, case_id, kind, source_key, summary, status) SELECT practice_id, id, $2, $3, 'Raised for the test', $4 FROM cases WHERE id = $1`,
          [caseIds.get(name), kind, `test-${name}-${kind}`, status],
        );
      await alert('Ada', 'safety-report');
      await alert('Fay', 'safety-report');
      await alert('Fay', 'check-in-gap');
      await alert('Cam', 'homework-overdue');
      await alert('Dee', 'rating-drop', 'acknowledged');
      await alert('Ben', 'safety-report', 'resolved');
      await database.end();
    });

    it('puts open urgent safety reports first, then other open alerts, then the most recently changed', async () => {
      const sorted = (await api.http.get('/api/cases?sort=attention').set(practice.auth).expect(200)).body as Page<CaseSummary>;
      expect(sorted.items.map(nameOf)).toEqual(['Fay', 'Ada', 'Cam', 'Eve', 'Dee', 'Ben']);
      expect(sorted.items.map((row) => row.openAlertCount)).toEqual([2, 1, 1, 0, 0, 0]);
    });

    it('pages through the attention order exactly once, for the owner and for the case’s clinician', async () => {
      expect(await allPages(practice, 'attention')).toEqual([['Fay', 'Ada'], ['Cam', 'Eve'], ['Dee', 'Ben']]);
      expect(await allPages(clinician, 'attention', 4)).toEqual([['Fay', 'Ada', 'Cam', 'Eve'], ['Dee', 'Ben']]);
    });

    it('shows an assistant, who may not see alerts, the most recently changed first, leaking no alert order', async () => {
      const recent = [['Fay', 'Eve'], ['Dee', 'Cam'], ['Ben', 'Ada']];
      expect(await allPages(assistant, 'updated')).toEqual(recent);
      expect(await allPages(assistant, 'attention')).toEqual(recent);
      const sorted = (await api.http.get('/api/cases?sort=attention').set(assistant.auth).expect(200)).body as Page<CaseSummary>;
      expect(sorted.items.every((row) => row.openAlertCount === 0 && row.alertKinds.length === 0)).toBe(true);
    });

    it('refuses a forged attention cursor with a 400', async () => {
      const forge = (key: unknown) => Buffer.from(JSON.stringify([key, caseIds.get('Ada')])).toString('base64url');
      for (const key of ['not a time', '2026-02-30 10:00:00+00', '2026-03-14 10:00:00', 2]) {
        const refused = await api.http.get(`/api/cases?sort=attention&cursor=${forge(key)}`).set(practice.auth).expect(400);
        expect(refused.body).toMatchObject({ statusCode: 400, message: ['cursor is not valid: start again from the first page'] });
      }
    });
  });
});
