import type { AuditEvent, CaseDetail, CaseSummary, Page, TherapySession } from '@trustwork/contracts';
import { practiceWithTeam, registerPractice, useTestApp, type SignedIn } from '../../test/test-app';

describe('audit log: list reads', () => {
  const api = useTestApp();
  let owner: SignedIn;
  let clinician: SignedIn;
  let rivera: CaseDetail;
  let okafor: CaseDetail;
  const sessions: TherapySession[] = [];
  const WEEK = 'from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z';

  const openCase = async (names: [string, string], clinicianId: string) =>
    (
      await api.http
        .post('/api/cases')
        .set(owner.auth)
        .send({
          relationshipType: 'couple',
          participants: [
            { displayName: names[0], breachRole: 'broke-trust' },
            { displayName: names[1], breachRole: 'was-hurt' },
          ],
          clinicianIds: [clinicianId],
        })
        .expect(201)
    ).body as CaseDetail;
  const schedule = async (caseId: string, startsAt: string) =>
    (await api.http.post(`/api/cases/${caseId}/sessions`).set(owner.auth).send({ startsAt, durationMinutes: 50, modality: 'video' }).expect(201)).body as TherapySession;
  const auditLog = async (query: string) => ((await api.http.get(`/api/audit-events?${query}`).set(owner.auth).expect(200)).body as Page<AuditEvent>).items;
  const ofRequest = async (requestId: string) => (await auditLog('limit=100')).filter((event) => event.requestId === requestId);

  beforeAll(async () => {
    const team = await practiceWithTeam(api.http, 'List Reads Practice');
    ({ owner, clinician } = team);
    rivera = await openCase(['Alex Rivera', 'Sam Rivera'], team.clinicianId);
    okafor = await openCase(['Dana Okafor', 'Robin Okafor'], team.clinicianId);
    sessions.push(await schedule(rivera.id, '2027-03-02T09:00:00Z'), await schedule(okafor.id, '2027-03-03T09:00:00Z'), await schedule(rivera.id, '2027-03-04T09:00:00Z'));
  });

  it('writes one row for the agenda, naming every session shown and their cases', async () => {
    const response = await api.http.get(`/api/sessions?${WEEK}`).set(clinician.auth).expect(200);
    const events = await ofRequest(response.headers['x-request-id']);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'session.list',
      recordType: 'session',
      recordId: null,
      recordIds: sessions.map((session) => session.id),
      caseId: null,
    });
    // The owner's log names each case by its people, without opening the case.
    expect(events[0].cases).toEqual([
      { id: rivera.id, participantNames: ['Alex Rivera', 'Sam Rivera'] },
      { id: okafor.id, participantNames: ['Dana Okafor', 'Robin Okafor'] },
    ]);
  });

  it('writes one row for the caseload, naming each case shown', async () => {
    const response = await api.http.get('/api/cases').set(clinician.auth).expect(200);
    const shown = (response.body as Page<CaseSummary>).items.map((summary) => summary.id);
    const events = await ofRequest(response.headers['x-request-id']);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'case.list', recordType: 'case', recordId: null, recordIds: shown, caseId: null });
    expect(events[0].cases.map((shownCase) => shownCase.id)).toEqual(shown);
  });

  it('writes one row for a case’s own list, with that case and the records it showed', async () => {
    const response = await api.http.get(`/api/cases/${rivera.id}/sessions`).set(clinician.auth).expect(200);
    const events = await ofRequest(response.headers['x-request-id']);
    expect(events).toEqual([
      expect.objectContaining({
        action: 'session.list',
        recordType: 'session',
        recordIds: [sessions[2].id, sessions[0].id],
        caseId: rivera.id,
        cases: [{ id: rivera.id, participantNames: ['Alex Rivera', 'Sam Rivera'] }],
      }),
    ]);
  });

  it('finds a list read by any record or case it showed', async () => {
    await api.http.get(`/api/sessions?${WEEK}`).set(clinician.auth).expect(200);
    expect((await auditLog(`recordId=${sessions[1].id}`)).map((event) => event.action)).toContain('session.list');
    const onOkafor = await auditLog(`caseId=${okafor.id}&recordType=session`);
    expect(onOkafor.map((event) => [event.action, event.recordId])).toEqual(expect.arrayContaining([['session.list', null], ['session.create', sessions[1].id]]));
  });

  it('leaves reads out when the owner asks for changes only', async () => {
    await api.http.get(`/api/cases/${okafor.id}`).set(owner.auth).expect(200);
    const everything = await auditLog(`caseId=${okafor.id}`);
    expect(everything.map((event) => event.action)).toEqual(expect.arrayContaining(['case.read', 'session.list', 'case.list', 'case.create']));
    const changes = await auditLog(`caseId=${okafor.id}&changesOnly=true`);
    expect(changes.map((event) => event.action)).toEqual(['session.create', 'case.create']);
    expect(await auditLog(`caseId=${okafor.id}&changesOnly=false`)).toEqual(everything);

    const bad = await api.http.get('/api/audit-events?changesOnly=maybe').set(owner.auth).expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: ['changesOnly must be true or false'] });
  });

  it('names no case of another practice', async () => {
    const other = await registerPractice(api.http, 'Elsewhere');
    expect(((await api.http.get(`/api/audit-events?caseId=${rivera.id}`).set(other.auth).expect(200)).body as Page<AuditEvent>).items).toEqual([]);
  });
});
