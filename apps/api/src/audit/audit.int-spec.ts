import type { AuditEvent, CaseDetail, Page } from '@trustwork/contracts';
import { addTeamMember, registerPractice, useTestApp, type SignedIn } from '../../test/test-app';
import { appDatabaseUrl, connect } from '../../test/test-database';

describe('audit log', () => {
  const api = useTestApp();
  let owner: SignedIn;
  let caseId: string;
  beforeAll(async () => {
    owner = await registerPractice(api.http, 'Audited Practice');
    const created = await api.http
      .post('/api/cases')
      .set(owner.auth)
      .set('X-Forwarded-For', '203.0.113.7')
      .send({
        relationshipType: 'parent-child',
        participants: [
          { displayName: 'Dana', breachRole: 'broke-trust' },
          { displayName: 'Robin', breachRole: 'was-hurt' },
        ],
      })
      .expect(201);
    caseId = (created.body as CaseDetail).id;
    await api.http.get(`/api/cases/${caseId}`).set(owner.auth).expect(200);
  });

  it('shows the owner who did what to which record, from where', async () => {
    const page = (await api.http.get(`/api/audit-events?caseId=${caseId}`).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    expect(page.items.map((event) => event.action)).toEqual(['case.read', 'case.create']);
    expect(page.items[1]).toMatchObject({
      actorType: 'user',
      actorId: owner.tokens.user.id,
      actorName: 'Olive Owner',
      recordType: 'case',
      recordId: caseId,
      caseId,
      ipAddress: '203.0.113.7',
      requestId: expect.any(String),
    });
  });

  it('pages and filters', async () => {
    const first = (await api.http.get('/api/audit-events?limit=1').set(owner.auth).expect(200)).body as Page<AuditEvent>;
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await api.http.get(`/api/audit-events?limit=1&cursor=${first.nextCursor}`).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    expect(second.items[0].id).not.toBe(first.items[0].id);

    const byActor = (await api.http.get(`/api/audit-events?actorId=${owner.tokens.user.id}&recordType=case`).set(owner.auth).expect(200)).body;
    expect(byActor.items.length).toBeGreaterThanOrEqual(2);
    const future = (await api.http.get('/api/audit-events?from=2999-01-01').set(owner.auth).expect(200)).body;
    expect(future.items).toEqual([]);
    const bad = await api.http.get('/api/audit-events?from=yesterday&recordType=cake').set(owner.auth).expect(400);
    expect(bad.body.message).toEqual(expect.arrayContaining(['from must be a date such as 2026-01-31', expect.stringMatching(/recordType must be one of/)]));
  });

  it('is for owners only, and only their own practice', async () => {
    const { signedIn: clinician } = await addTeamMember(api.http, owner, 'clinician');
    await api.http.get('/api/audit-events').set(clinician.auth).expect(403);
    const other = await registerPractice(api.http, 'Other');
    const theirs = (await api.http.get(`/api/audit-events?caseId=${caseId}`).set(other.auth).expect(200)).body;
    expect(theirs.items).toEqual([]);
  });

  it('cannot be changed or deleted by the API’s own database role', async () => {
    const client = await connect(appDatabaseUrl());
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.practice_id', $1, true)`, [owner.tokens.user.practice.id]);
      await expect(client.query(`UPDATE audit_events SET action = 'nothing.happened'`)).rejects.toThrow(/permission denied/);
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.practice_id', $1, true)`, [owner.tokens.user.practice.id]);
      await expect(client.query('DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
  });
});
