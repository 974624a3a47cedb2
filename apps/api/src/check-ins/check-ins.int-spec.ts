import type { AuditEvent, CheckIn, Page } from '@trustwork/contracts';
import type { Client } from 'pg';
import { openCoupleWithLinks, registerPractice, useTestApp, type SignedIn, practiceWithTeam } from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const ratings = { trust: 3, safety: 6, heard: 4, closeness: 5 };

describe('check-ins', () => {
  const api = useTestApp();
  let asOwner: Client;
  let owner: SignedIn;
  let clinician: SignedIn;
  let otherClinician: SignedIn;
  let assistant: SignedIn;
  let clinicianId: string;
  beforeAll(async () => {
    asOwner = await connect(ownerDatabaseUrl());
    ({ owner, clinician, clinicianId, otherClinician, assistant } = await practiceWithTeam(api.http, 'Harbour Counselling'));
  });
  afterAll(async () => {
    await asOwner.end();
  });

  /** A couple on the clinician's caseload, with a portal link for each person. */
  const openCase = () => openCoupleWithLinks(api.http, owner, clinicianId);
  const send = (token: string, body: object) => api.http.post('/api/portal/check-ins').set(bearer(token)).send(body);
  const caseCheckIns = async (caseId: string, as: SignedIn = clinician) =>
    (await api.http.get(`/api/cases/${caseId}/check-ins`).set(as.auth).expect(200)).body as CheckIn[];

  it('stores each person’s check-in, shows each only their own, and the clinician both, newest first', async () => {
    const { caseId, alex, sam } = await openCase();
    const fromAlex = (await send(alex.token, { ...ratings, note: '  A hard week, but we talked.  ' }).expect(201)).body as CheckIn;
    expect(fromAlex).toEqual({ id: expect.any(String), participantId: alex.id, ...ratings, note: 'A hard week, but we talked.', submittedAt: expect.any(String) });
    const fromSam = (await send(sam.token, { trust: 0, safety: 10, heard: 0, closeness: 10, note: '   ' }).expect(201)).body as CheckIn;
    expect(fromSam).toMatchObject({ participantId: sam.id, trust: 0, safety: 10, note: null });

    expect(await caseCheckIns(caseId)).toEqual([fromSam, fromAlex]);
    expect(await caseCheckIns(caseId, owner)).toEqual([fromSam, fromAlex]);
    expect((await api.http.get('/api/portal/check-ins').set(bearer(alex.token)).expect(200)).body).toEqual([fromAlex]);
    expect((await api.http.get('/api/portal/check-ins').set(bearer(sam.token)).expect(200)).body).toEqual([fromSam]);
  });

  it('shows the participant the last 12 weeks; the clinician keeps the whole series', async () => {
    const { caseId, alex } = await openCase();
    const old = (await send(alex.token, ratings).expect(201)).body as CheckIn;
    const recent = (await send(alex.token, { ...ratings, trust: 7 }).expect(201)).body as CheckIn;
    await asOwner.query(`UPDATE check_ins SET submitted_at = now() - interval '13 weeks' WHERE id = $1`, [old.id]);
    expect(((await api.http.get('/api/portal/check-ins').set(bearer(alex.token)).expect(200)).body as CheckIn[]).map((checkIn) => checkIn.id)).toEqual([recent.id]);
    expect((await caseCheckIns(caseId)).map((checkIn) => checkIn.id)).toEqual([recent.id, old.id]);
  });

  it('counts a retried send with the same Idempotency-Key once', async () => {
    const { caseId, alex, sam } = await openCase();
    const first = (await send(alex.token, ratings).set('Idempotency-Key', 'weekly-2026-05-04').expect(201)).body as CheckIn;
    const retry = (await send(alex.token, ratings).set('Idempotency-Key', 'weekly-2026-05-04').expect(201)).body as CheckIn;
    expect(retry).toEqual(first);
    // Keys belong to one participant: the other person's same key is their own check-in.
    const samCheckIn = (await send(sam.token, ratings).set('Idempotency-Key', 'weekly-2026-05-04').expect(201)).body as CheckIn;
    expect(samCheckIn.id).not.toBe(first.id);
    expect(await caseCheckIns(caseId)).toHaveLength(2);

    // Two sends racing with one key (a double tap on a slow phone) still store one.
    const raced = await Promise.all([1, 2].map(() => send(alex.token, ratings).set('Idempotency-Key', 'double-tap').expect(201)));
    expect(raced[0].body.id).toBe(raced[1].body.id);
    expect(await caseCheckIns(caseId)).toHaveLength(3);

    const reused = await send(alex.token, { ...ratings, trust: 9 }).set('Idempotency-Key', 'weekly-2026-05-04').expect(409);
    expect(reused.body.message).toMatch(/already used for a different check-in/);
    const malformed = await send(alex.token, ratings).set('Idempotency-Key', 'has spaces in it').expect(400);
    expect(malformed.body.message).toEqual([expect.stringMatching(/^Idempotency-Key must be 1 to 200/)]);
    await send(alex.token, ratings).set('Idempotency-Key', 'k'.repeat(201)).expect(400);
    expect(await caseCheckIns(caseId)).toHaveLength(3);
  });

  it('refuses ratings outside 0-10, fractions, text and unknown fields, in plain English', async () => {
    const { caseId, alex } = await openCase();
    const wrong = await send(alex.token, { trust: 11, safety: -1, heard: 2.5, closeness: '5', mood: 3 }).expect(400);
    expect(wrong.body.message).toEqual(
      expect.arrayContaining([
        'trust must be a whole number from 0 to 10',
        'safety must be a whole number from 0 to 10',
        'heard must be a whole number from 0 to 10',
        'closeness must be a whole number from 0 to 10',
        'mood is not a field this request accepts',
      ]),
    );
    expect((await send(alex.token, {}).expect(400)).body.message).toEqual(['trust is required', 'safety is required', 'heard is required', 'closeness is required']);
    expect((await send(alex.token, { ...ratings, note: 42 }).expect(400)).body.message).toEqual(['note must be text']);
    expect((await send(alex.token, { ...ratings, note: 'x'.repeat(1001) }).expect(400)).body.message).toEqual(['note must be at most 1000 characters']);
    // Counted as a person counts: 1000 emoji fit.
    await send(alex.token, { ...ratings, note: '🙂'.repeat(1000) }).expect(201);
    expect(await caseCheckIns(caseId)).toHaveLength(1);
  });

  it('lets owners and the case’s clinicians read check-ins; assistants 403; everyone else 404', async () => {
    const { caseId, alex } = await openCase();
    await send(alex.token, ratings).expect(201);
    const refused = await api.http.get(`/api/cases/${caseId}/check-ins`).set(assistant.auth).expect(403);
    expect(refused.body.message).toMatch(/Assistants/);
    await api.http.get(`/api/cases/${caseId}/check-ins`).set(otherClinician.auth).expect(404);
    const rival = await registerPractice(api.http, 'Rival Practice');
    await api.http.get(`/api/cases/${caseId}/check-ins`).set(rival.auth).expect(404);
    await api.http.get('/api/cases/not-a-uuid/check-ins').set(owner.auth).expect(404);
    // A portal token is no dashboard sign-in, and the portal has no way to name a case.
    await api.http.get(`/api/cases/${caseId}/check-ins`).set(bearer(alex.token)).expect(401);
    await api.http.post('/api/portal/check-ins').set(owner.auth).send(ratings).expect(401);
  });

  it('audits sending with the participant as the actor, and each read', async () => {
    const { caseId, alex } = await openCase();
    const checkIn = (await send(alex.token, ratings).expect(201)).body as CheckIn;
    await api.http.get('/api/portal/check-ins').set(bearer(alex.token)).expect(200);
    await caseCheckIns(caseId);
    const page = (await api.http.get(`/api/audit-events?caseId=${caseId}&limit=100`).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    const events = page.items.map((event) => [event.actorType, event.actorId, event.action, event.recordType, event.recordId]);
    expect(events).toEqual(
      expect.arrayContaining([
        ['participant', alex.id, 'check-in.create', 'check-in', checkIn.id],
        ['participant', alex.id, 'check-in.list', 'check-in', null],
        ['user', clinicianId, 'check-in.list', 'check-in', null],
      ]),
    );
  });
});
