import type { AuditEvent, Page, PortalSession, ScheduleSessionRequest, TherapySession } from '@trustwork/contracts';
import { openCoupleWithLinks, registerPractice, useTestApp, type PortalPerson, type SignedIn } from '../../test/test-app';

const HOUR_MS = 60 * 60 * 1000;
const fromNow = (hours: number) => new Date(Date.now() + hours * HOUR_MS).toISOString();

describe('sessions in the portal', () => {
  const api = useTestApp();
  let owner: SignedIn;
  let caseId: string;
  let alex: PortalPerson;
  let sam: PortalPerson;
  beforeAll(async () => {
    owner = await registerPractice(api.http, 'Portal Sessions Practice');
    await api.http.patch('/api/practice').set(owner.auth).send({ cancellationNoticeHours: 24, officeAddress: '12 Harbour Street, Leeds' }).expect(200);
    ({ caseId, alex, sam } = await openCoupleWithLinks(api.http, owner, owner.tokens.user.id));
  });

  const schedule = async (request: Partial<ScheduleSessionRequest> & { startsAt: string }, as = owner, forCase = caseId) =>
    (await api.http.post(`/api/cases/${forCase}/sessions`).set(as.auth).send({ durationMinutes: 50, modality: 'in-person', ...request }).expect(201)).body as TherapySession;
  const portalList = async (person: PortalPerson) => (await api.http.get('/api/portal/sessions').set(person.auth).expect(200)).body as PortalSession[];
  const teamView = async (sessionId: string, as = owner, forCase = caseId) => {
    const sessions = (await api.http.get(`/api/cases/${forCase}/sessions`).set(as.auth).expect(200)).body as TherapySession[];
    const found = sessions.find((session) => session.id === sessionId);
    if (!found) throw new Error('the team does not see the session');
    return found;
  };
  const confirm = (person: PortalPerson, sessionId: string) => api.http.post(`/api/portal/sessions/${sessionId}/confirm`).set(person.auth);
  const cancel = (person: PortalPerson, sessionId: string, body: object = {}) => api.http.post(`/api/portal/sessions/${sessionId}/cancel`).set(person.auth).send(body);

  it("lists the joint sessions for both people and each person's own only to them", async () => {
    const joint = await schedule({ startsAt: fromNow(100) });
    const alexAlone = await schedule({ startsAt: fromNow(102), attendeeIds: [alex.id] });

    const forAlex = await portalList(alex);
    expect(forAlex.map((session) => session.id)).toEqual(expect.arrayContaining([joint.id, alexAlone.id]));
    expect(forAlex.find((session) => session.id === joint.id)).toEqual({
      id: joint.id,
      startsAt: joint.startsAt,
      durationMinutes: 50,
      kind: 'joint',
      modality: 'in-person',
      address: '12 Harbour Street, Leeds',
      videoUrl: null,
      videoLinkFrom: null,
      status: 'scheduled',
      response: null,
      cancellingIsLate: false,
      therapistName: 'Olive Owner',
    });
    expect(forAlex.find((session) => session.id === alexAlone.id)?.kind).toBe('individual');
    // Earliest first.
    expect(forAlex.map((session) => session.startsAt)).toEqual([...forAlex.map((session) => session.startsAt)].sort());

    const forSam = (await portalList(sam)).map((session) => session.id);
    expect(forSam).toContain(joint.id);
    expect(forSam).not.toContain(alexAlone.id);
    await confirm(sam, alexAlone.id).expect(404);
    await cancel(sam, alexAlone.id).expect(404);
    expect((await teamView(alexAlone.id)).status).toBe('scheduled');
  });

  it('shows a confirmation to the team, and confirming again changes nothing', async () => {
    const joint = await schedule({ startsAt: fromNow(120) });
    const confirmed = (await confirm(alex, joint.id).expect(200)).body as PortalSession;
    expect(confirmed).toMatchObject({ id: joint.id, response: 'confirmed', status: 'scheduled' });
    const seen = await teamView(joint.id);
    expect(seen.attendance).toEqual([
      { participantId: alex.id, response: 'confirmed', respondedAt: expect.any(String) },
      { participantId: sam.id, response: null, respondedAt: null },
    ]);

    const again = (await confirm(alex, joint.id).expect(200)).body as PortalSession;
    expect(again.response).toBe('confirmed');
    expect((await teamView(joint.id)).attendance).toEqual(seen.attendance);
    expect((await portalList(sam)).find((session) => session.id === joint.id)?.response).toBeNull();
  });

  it('cancels outside the notice period as an ordinary cancellation, and the other person sees it is off', async () => {
    const joint = await schedule({ startsAt: fromNow(48) });
    const cancelled = (await cancel(alex, joint.id, { reason: '  Work trip this week.  ' }).expect(200)).body as PortalSession;
    expect(cancelled).toMatchObject({ status: 'cancelled', response: 'cancelled', cancellingIsLate: false });

    const seen = await teamView(joint.id);
    expect(seen.status).toBe('cancelled');
    expect(seen.cancellation).toEqual({ by: { kind: 'participant', participantId: alex.id }, at: expect.any(String), late: false, reason: 'Work trip this week.' });

    expect((await portalList(sam)).find((session) => session.id === joint.id)).toMatchObject({ status: 'cancelled', response: null });
    const refused = await confirm(sam, joint.id).expect(409);
    expect(refused.body.message).toBe('This appointment has been cancelled. To meet after all, contact your therapist.');
    await cancel(sam, joint.id).expect(409);
  });

  it('marks a cancellation inside the notice period late, with the reason for the clinician', async () => {
    const joint = await schedule({ startsAt: fromNow(3) });
    expect((await portalList(sam)).find((session) => session.id === joint.id)?.cancellingIsLate).toBe(true);
    const cancelled = (await cancel(sam, joint.id, { reason: 'Our child is ill.' }).expect(200)).body as PortalSession;
    expect(cancelled.status).toBe('cancelled');
    expect((await teamView(joint.id)).cancellation).toMatchObject({ by: { kind: 'participant', participantId: sam.id }, late: true, reason: 'Our child is ill.' });
  });

  it('never counts a cancellation late where the practice asks for no notice', async () => {
    const other = await registerPractice(api.http, 'No Notice Practice');
    await api.http.patch('/api/practice').set(other.auth).send({ cancellationNoticeHours: 0 }).expect(200);
    const couple = await openCoupleWithLinks(api.http, other, other.tokens.user.id);
    const soon = await schedule({ startsAt: fromNow(1) }, other, couple.caseId);
    expect((await portalList(couple.alex)).find((session) => session.id === soon.id)?.cancellingIsLate).toBe(false);
    await cancel(couple.alex, soon.id).expect(200);
    expect((await teamView(soon.id, other, couple.caseId)).cancellation).toMatchObject({ late: false, reason: null });
  });

  it('shows the video link only from 15 minutes before the start', async () => {
    const videoUrl = 'https://video.example.test/room/4821';
    const later = await schedule({ startsAt: fromNow(2), modality: 'video', videoUrl });
    const soon = await schedule({ startsAt: new Date(Date.now() + 10 * 60_000).toISOString(), modality: 'video', videoUrl, allowClashes: true });
    const listed = await portalList(alex);
    const laterShown = listed.find((session) => session.id === later.id);
    expect(laterShown).toMatchObject({ videoUrl: null, address: null, videoLinkFrom: new Date(Date.parse(later.startsAt) - 15 * 60_000).toISOString() });
    expect(listed.find((session) => session.id === soon.id)).toMatchObject({ videoUrl });
  });

  it('refuses a started session and answers unknown or malformed ids as not found', async () => {
    const started = await schedule({ startsAt: new Date(Date.now() - 10 * 60_000).toISOString(), allowClashes: true });
    expect((await portalList(alex)).map((session) => session.id)).toContain(started.id);
    expect((await confirm(alex, started.id).expect(409)).body.message).toMatch(/already started/);
    await cancel(alex, started.id).expect(409);
    await confirm(alex, 'not-an-id').expect(404);
    await cancel(alex, '00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('refuses a reason longer than the limit, saying so', async () => {
    const joint = await schedule({ startsAt: fromNow(130) });
    const refused = await cancel(alex, joint.id, { reason: 'x'.repeat(1001) }).expect(400);
    expect(refused.body.message).toContain('reason must be at most 1000 characters');
    expect((await teamView(joint.id)).status).toBe('scheduled');
  });

  it("answers another case's portal link with 404", async () => {
    const joint = await schedule({ startsAt: fromNow(140) });
    const otherCouple = await openCoupleWithLinks(api.http, owner, owner.tokens.user.id);
    expect((await portalList(otherCouple.alex)).map((session) => session.id)).not.toContain(joint.id);
    await confirm(otherCouple.alex, joint.id).expect(404);
    await cancel(otherCouple.alex, joint.id).expect(404);
  });

  it('cancels once on a double tap', async () => {
    const joint = await schedule({ startsAt: fromNow(150) });
    const answers = await Promise.all([cancel(alex, joint.id, { reason: 'Away.' }), cancel(alex, joint.id, { reason: 'Away.' })]);
    expect(answers.map((answer) => [answer.status, answer.body.status])).toEqual([
      [200, 'cancelled'],
      [200, 'cancelled'],
    ]);
    const events = (await api.http.get('/api/audit-events').query({ recordId: joint.id }).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    expect(events.items.filter((event) => event.action === 'session.cancel')).toHaveLength(1);
  });
});
