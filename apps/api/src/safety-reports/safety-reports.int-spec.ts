import {
  SAFETY_REPORT_RECEIVED_MESSAGE,
  type AuditEvent,
  type CaseDetail,
  type CaseSummary,
  type Page,
  type SafetyReport,
} from '@trustwork/contracts';
import { openCoupleWithLinks, registerPractice, useTestApp, type SignedIn, practiceWithTeam } from '../../test/test-app';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const MESSAGE = 'He read my phone again last night and I am scared to go home.';

describe('safety reports', () => {
  const api = useTestApp();
  let owner: SignedIn;
  let clinician: SignedIn;
  let otherClinician: SignedIn;
  let assistant: SignedIn;
  let clinicianId: string;
  beforeAll(async () => {
    ({ owner, clinician, clinicianId, otherClinician, assistant } = await practiceWithTeam(api.http, 'Harbour Counselling'));
  });

  /** A couple on the clinician's caseload, with a portal link for each person. */
  const openCase = () => openCoupleWithLinks(api.http, owner, clinicianId, ['was-hurt', 'broke-trust']);
  const report = (token: string, body: object = { message: MESSAGE, urgency: 'urgent' }) =>
    api.http.post('/api/portal/safety-reports').set(bearer(token)).send(body);
  const reportsOf = async (caseId: string, as: SignedIn = clinician) =>
    (await api.http.get(`/api/cases/${caseId}/safety-reports`).set(as.auth).expect(200)).body as SafetyReport[];
  const alertCounts = async (caseId: string) => {
    const caseload = (await api.http.get('/api/cases?limit=100').set(clinician.auth).expect(200)).body as Page<CaseSummary>;
    const detail = (await api.http.get(`/api/cases/${caseId}`).set(clinician.auth).expect(200)).body as CaseDetail;
    return [caseload.items.find((row) => row.id === caseId)?.openAlertCount, detail.openAlertCount];
  };

  it('answers the sender with an acknowledgement only, raises the case’s alert at once, and shows the clinician the report', async () => {
    const { caseId, alex } = await openCase();
    expect(await alertCounts(caseId)).toEqual([0, 0]);

    const received = await report(alex.token).expect(201);
    expect(received.body).toEqual({ received: true, receivedAt: expect.any(String), message: SAFETY_REPORT_RECEIVED_MESSAGE });
    expect(JSON.stringify(received.body)).not.toContain('scared');
    expect(await alertCounts(caseId)).toEqual([1, 1]);

    expect(await reportsOf(caseId)).toEqual([
      { id: expect.any(String), participantId: alex.id, message: MESSAGE, urgency: 'urgent', submittedAt: received.body.receivedAt, acknowledgedAt: null, acknowledgedBy: null },
    ]);
    expect(await reportsOf(caseId, owner)).toHaveLength(1);
  });

  it('leaves no trace for the other person, nor on the sender’s own link, on any portal route', async () => {
    const { caseId, alex, sam } = await openCase();
    await report(alex.token).expect(201);
    const [sent] = await reportsOf(caseId);
    await api.http.post('/api/portal/check-ins').set(bearer(alex.token)).send({ trust: 2, safety: 1, heard: 3, closeness: 2 }).expect(201);

    const document = (await api.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const portalReads = Object.entries(document.paths)
      .filter(([path, operations]) => path.startsWith('/api/portal/') && 'get' in operations && !path.includes('{'))
      .map(([path]) => path);
    expect(portalReads).toEqual(expect.arrayContaining(['/api/portal/me', '/api/portal/check-ins', '/api/portal/assignments', '/api/portal/shared']));
    expect(portalReads).not.toContain('/api/portal/safety-reports');
    for (const token of [sam.token, alex.token]) {
      for (const path of portalReads) {
        const response = await api.http.get(path).set(bearer(token));
        expect([path, response.status]).toEqual([path, 200]);
        const body = JSON.stringify(response.body);
        for (const trace of [sent.id, 'scared', 'urgent']) expect([path, body.includes(trace)]).toEqual([path, false]);
      }
      await api.http.get('/api/portal/safety-reports').set(bearer(token)).expect(404);
    }
  });

  it('drops the alert when acknowledged, and a second acknowledgement keeps the first', async () => {
    const { caseId, alex, sam } = await openCase();
    await report(alex.token).expect(201);
    await report(sam.token, { message: 'I am worried about how angry things got.', urgency: 'concern' }).expect(201);
    expect(await alertCounts(caseId)).toEqual([2, 2]);

    const [fromSam] = await reportsOf(caseId);
    const acknowledged = (await api.http.post(`/api/safety-reports/${fromSam.id}/acknowledge`).set(clinician.auth).expect(200)).body as SafetyReport;
    expect(acknowledged).toMatchObject({ id: fromSam.id, acknowledgedAt: expect.any(String), acknowledgedBy: { id: clinicianId, name: 'A clinician' } });
    expect(await alertCounts(caseId)).toEqual([1, 1]);

    const again = (await api.http.post(`/api/safety-reports/${fromSam.id}/acknowledge`).set(owner.auth).expect(200)).body as SafetyReport;
    expect(again).toEqual(acknowledged);
    // Open reports come first.
    expect((await reportsOf(caseId)).map((item) => [item.participantId, item.acknowledgedAt === null])).toEqual([
      [alex.id, true],
      [sam.id, false],
    ]);
  });

  it('stores a retried report once when it carries the same Idempotency-Key', async () => {
    const { caseId, alex } = await openCase();
    const retry = () => report(alex.token).set('Idempotency-Key', 'report-retry-1');
    const first = await retry().expect(201);
    const second = await retry().expect(201);
    expect(second.body).toEqual(first.body);
    expect(await reportsOf(caseId)).toHaveLength(1);
    const changed = await report(alex.token, { message: 'Something else', urgency: 'concern' }).set('Idempotency-Key', 'report-retry-1').expect(409);
    expect(changed.body.message).toBe('This Idempotency-Key was already used for a different message. Send it again with a new key.');
    await report(alex.token).set('Idempotency-Key', 'has spaces').expect(400);
    expect(await reportsOf(caseId)).toHaveLength(1);
  });

  it('refuses a blank message and an unknown urgency, in plain English', async () => {
    const { caseId, alex } = await openCase();
    const blank = await report(alex.token, { message: '   ', urgency: 'high' }).expect(400);
    expect(blank.body.message).toEqual(['message is required: write a few words for your therapist', 'urgency must be one of: concern, urgent']);
    expect((await report(alex.token, {}).expect(400)).body.message).toEqual(['message is required: write a few words for your therapist', 'urgency is required']);
    expect((await report(alex.token, { message: 'x'.repeat(4001), urgency: 'concern' }).expect(400)).body.message).toEqual(['message must be at most 4000 characters']);
    expect(await alertCounts(caseId)).toEqual([0, 0]);
  });

  it('lets owners and the case’s clinicians read and acknowledge; assistants 403; everyone else 404', async () => {
    const { caseId, alex } = await openCase();
    await report(alex.token).expect(201);
    const [sent] = await reportsOf(caseId);
    const acknowledge = (id: string) => `/api/safety-reports/${id}/acknowledge`;

    expect((await api.http.get(`/api/cases/${caseId}/safety-reports`).set(assistant.auth).expect(403)).body.message).toMatch(/Assistants/);
    await api.http.post(acknowledge(sent.id)).set(assistant.auth).expect(403);
    await api.http.get(`/api/cases/${caseId}/safety-reports`).set(otherClinician.auth).expect(404);
    const hidden = await api.http.post(acknowledge(sent.id)).set(otherClinician.auth).expect(404);
    expect(hidden.body.message).toBe('No safety report with that id in your caseload.');
    const rival = await registerPractice(api.http, 'Rival Practice');
    await api.http.get(`/api/cases/${caseId}/safety-reports`).set(rival.auth).expect(404);
    await api.http.post(acknowledge(sent.id)).set(rival.auth).expect(404);
    await api.http.post(acknowledge('not-a-uuid')).set(owner.auth).expect(404);
    await api.http.post(acknowledge(caseId)).set(owner.auth).expect(404);
    // A portal token opens no therapist route.
    await api.http.get(`/api/cases/${caseId}/safety-reports`).set(bearer(alex.token)).expect(401);
    await api.http.post(acknowledge(sent.id)).set(bearer(alex.token)).expect(401);
    expect(await alertCounts(caseId)).toEqual([1, 1]);
  });

  it('audits the report with the participant as the actor, and each read and acknowledgement', async () => {
    const { caseId, alex } = await openCase();
    await report(alex.token).expect(201);
    const [sent] = await reportsOf(caseId);
    await api.http.post(`/api/safety-reports/${sent.id}/acknowledge`).set(clinician.auth).expect(200);
    const page = (await api.http.get(`/api/audit-events?caseId=${caseId}&limit=100`).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    expect(page.items.map((event) => [event.actorType, event.actorId, event.action, event.recordType, event.recordId])).toEqual(
      expect.arrayContaining([
        ['participant', alex.id, 'safety-report.create', 'safety-report', sent.id],
        ['user', clinicianId, 'safety-report.list', 'safety-report', null],
        ['user', clinicianId, 'safety-report.acknowledge', 'safety-report', sent.id],
      ]),
    );
  });
});
