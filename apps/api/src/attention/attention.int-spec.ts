import type { Attention, AuditEvent, Page, TherapySession } from '@trustwork/contracts';
import { openCoupleWithLinks, practiceWithTeam, registerPractice, useTestApp, type PortalPerson, type SignedIn } from '../../test/test-app';

const soap = (subjective: string) => ({ subjective, objective: '', assessment: '', plan: '' });

describe('what needs attention', () => {
  const api = useTestApp();
  let owner: SignedIn;
  let clinician: SignedIn;
  let clinicianId: string;
  let otherClinician: SignedIn;
  let assistant: SignedIn;
  let theirs: { caseId: string; alex: PortalPerson; sam: PortalPerson };
  let ownersOwn: { caseId: string; alex: PortalPerson; sam: PortalPerson };
  let urgentReportAlert: string;
  let concernAlert: string;
  const sessions: Record<string, TherapySession> = {};

  const attention = async (as: SignedIn, query = '') => (await api.http.get(`/api/attention${query}`).set(as.auth).expect(200)).body as Attention;
  const report = (person: PortalPerson, urgency: 'concern' | 'urgent') =>
    api.http.post('/api/portal/safety-reports').set(person.auth).send({ message: 'Something happened at home.', urgency }).expect(201);
  const schedule = async (as: SignedIn, caseId: string, hoursFromNow: number) =>
    (
      await api.http
        .post(`/api/cases/${caseId}/sessions`)
        .set(as.auth)
        .send({ startsAt: new Date(Date.now() + hoursFromNow * 60 * 60 * 1000).toISOString(), durationMinutes: 50, modality: 'video' })
        .expect(201)
    ).body as TherapySession;
  const markCompleted = (sessionId: string) => api.http.patch(`/api/sessions/${sessionId}`).set(owner.auth).send({ status: 'completed' }).expect(200);
  const draft = (as: SignedIn, sessionId: string) =>
    api.http.put(`/api/sessions/${sessionId}/note`).set(as.auth).send({ template: 'soap', sections: soap('Draft.'), version: 0 }).expect(200);
  const alertIdsOf = async (caseId: string) =>
    ((await api.http.get(`/api/cases/${caseId}/alerts`).set(owner.auth).expect(200)).body as { id: string; safetyReportId: string | null }[]).map((alert) => alert.id);

  beforeAll(async () => {
    const team = await practiceWithTeam(api.http, 'Attention Practice');
    ({ owner, clinician, clinicianId, assistant } = team);
    otherClinician = team.otherClinician;
    theirs = await openCoupleWithLinks(api.http, owner, clinicianId);
    ownersOwn = await openCoupleWithLinks(api.http, owner, owner.tokens.user.id);

    // The urgent report comes first, the plain concern later: newest-first alone would put the concern on top.
    await report(theirs.sam, 'urgent');
    [urgentReportAlert] = await alertIdsOf(theirs.caseId);
    await report(ownersOwn.alex, 'concern');
    [concernAlert] = await alertIdsOf(ownersOwn.caseId);

    sessions.overdue = await schedule(owner, theirs.caseId, -3); // over, still marked scheduled
    sessions.completedNoNote = await schedule(owner, theirs.caseId, -30);
    await markCompleted(sessions.completedNoNote.id);
    sessions.completedSigned = await schedule(owner, theirs.caseId, -50);
    await markCompleted(sessions.completedSigned.id);
    await draft(clinician, sessions.completedSigned.id);
    await api.http.post(`/api/sessions/${sessions.completedSigned.id}/note/sign`).set(clinician.auth).expect(200);
    sessions.clinicianDraft = await schedule(owner, theirs.caseId, 24); // ahead, but its draft is the clinician's to finish
    await draft(clinician, sessions.clinicianDraft.id);
    sessions.ownersOverdue = await schedule(owner, ownersOwn.caseId, -5);
    sessions.upcoming = await schedule(owner, ownersOwn.caseId, 48);
  });

  it('shows a clinician their own cases: alerts, unsigned notes and sessions to close', async () => {
    const mine = await attention(clinician);
    expect(mine.alerts.map((alert) => [alert.id, alert.kind, alert.urgent])).toEqual([[urgentReportAlert, 'safety-report', true]]);
    expect(mine.alerts[0].case).toEqual({ id: theirs.caseId, participants: [expect.objectContaining({ displayName: 'Alex Rivera' }), expect.objectContaining({ displayName: 'Sam Rivera' })] });
    expect(mine.unsignedNotes.map((session) => [session.id, session.noteState])).toEqual([
      [sessions.completedNoNote.id, 'none'],
      [sessions.clinicianDraft.id, 'draft'],
    ]);
    expect(mine.sessionsToClose.map((session) => session.id)).toEqual([sessions.overdue.id]);
    expect(mine.count).toBe(4);
  });

  it('shows the owner the practice, urgent safety reports first, and narrows to their own cases on request', async () => {
    const practice = await attention(owner);
    expect(practice.alerts.map((alert) => alert.id)).toEqual([urgentReportAlert, concernAlert]);
    expect(practice.alerts.map((alert) => alert.urgent)).toEqual([true, false]);
    // Another's draft is theirs to finish; a completed session without a signed note is everyone's concern.
    expect(practice.unsignedNotes.map((session) => session.id)).toEqual([sessions.completedNoNote.id]);
    expect(practice.sessionsToClose.map((session) => session.id)).toEqual([sessions.ownersOverdue.id, sessions.overdue.id]);
    expect(practice.count).toBe(5);

    const onlyMine = await attention(owner, `?clinicianId=${owner.tokens.user.id}`);
    expect(onlyMine.alerts.map((alert) => alert.id)).toEqual([concernAlert]);
    expect(onlyMine.sessionsToClose.map((session) => session.id)).toEqual([sessions.ownersOverdue.id]);
    expect(onlyMine.count).toBe(2);
  });

  it('gives an assistant the sessions to close and nothing clinical', async () => {
    const theirView = await attention(assistant);
    expect(theirView.alerts).toEqual([]);
    expect(theirView.unsignedNotes).toEqual([]);
    expect(theirView.sessionsToClose.map((session) => session.id)).toEqual([sessions.ownersOverdue.id, sessions.overdue.id]);
    expect(theirView.count).toBe(2);
  });

  it('shows nothing of cases one is not on, nor of another practice', async () => {
    expect(await attention(otherClinician)).toEqual({ alerts: [], unsignedNotes: [], sessionsToClose: [], count: 0 });
    expect(await attention(clinician, `?clinicianId=${owner.tokens.user.id}`)).toEqual({ alerts: [], unsignedNotes: [], sessionsToClose: [], count: 0 });
    const elsewhere = await registerPractice(api.http, 'Attention Elsewhere');
    expect(await attention(elsewhere)).toEqual({ alerts: [], unsignedNotes: [], sessionsToClose: [], count: 0 });
    // Naming this practice's clinician from another practice still reads only one's own practice.
    expect(await attention(elsewhere, `?clinicianId=${clinicianId}`)).toEqual({ alerts: [], unsignedNotes: [], sessionsToClose: [], count: 0 });
  });

  it('drops what was handled: an acknowledged alert leaves, a session marked completed moves to the notes to sign', async () => {
    await api.http.post(`/api/alerts/${concernAlert}/acknowledge`).set(owner.auth).send({ note: 'Called them.' }).expect(200);
    await markCompleted(sessions.ownersOverdue.id);
    const practice = await attention(owner);
    expect(practice.alerts.map((alert) => alert.id)).toEqual([urgentReportAlert]);
    expect(practice.sessionsToClose.map((session) => session.id)).toEqual([sessions.overdue.id]);
    expect(practice.unsignedNotes.map((session) => session.id)).toEqual([sessions.completedNoNote.id, sessions.ownersOverdue.id]);
  });

  it('keeps a held session while its note is a draft, and drops it once the note is signed', async () => {
    const unsignedIds = async () => (await attention(owner)).unsignedNotes.map((session) => session.id);
    await draft(owner, sessions.ownersOverdue.id);
    expect(await unsignedIds()).toEqual([sessions.completedNoNote.id, sessions.ownersOverdue.id]);
    await api.http.post(`/api/sessions/${sessions.ownersOverdue.id}/note/sign`).set(owner.auth).expect(200);
    expect(await unsignedIds()).toEqual([sessions.completedNoNote.id]);
  });

  it('is audited as one read naming each case shown', async () => {
    const response = await api.http.get('/api/attention').set(clinician.auth).expect(200);
    const log = (await api.http.get('/api/audit-events?limit=100').set(owner.auth).expect(200)).body as Page<AuditEvent>;
    expect(log.items.filter((event) => event.requestId === response.headers['x-request-id'])).toEqual([
      expect.objectContaining({ action: 'attention.list', recordType: 'case', recordId: null, recordIds: [theirs.caseId], caseId: theirs.caseId }),
    ]);
  });

  it('refuses a clinician id that is not one, and anyone signed out', async () => {
    const bad = await api.http.get('/api/attention?clinicianId=me').set(owner.auth).expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: ['clinicianId must be a UUID'] });
    await api.http.get('/api/attention').expect(401);
  });
});
