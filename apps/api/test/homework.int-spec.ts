import type { Assignment, CaseDetail, CaseSummary, ExerciseDetail, ExercisePrompt, Page, SafetyReport, SharedAnswer } from '@trustwork/contracts';
import { addTeamMember, answersFor, openCoupleWithLinks, registerPractice, useTestApp } from './test-app';

/** The homework journey of the acceptance list, through the API alone. */
describe('homework from assignment to the portal and back', () => {
  const api = useTestApp();

  it('keeps private answers and safety reports to the therapist, and shares only what was shared', async () => {
    const owner = await registerPractice(api.http, 'Homework Journey');
    const { member, signedIn: clinician } = await addTeamMember(api.http, owner, 'clinician');
    const { caseId, alex, sam } = await openCoupleWithLinks(api.http, owner, member.id);

    const exercise = (await api.http.get('/api/exercises/builtin:weekly-trust-check-in').set(clinician.auth).expect(200)).body as ExerciseDetail;
    const today = new Date().toISOString().slice(0, 10);
    const inFourWeeks = new Date(Date.now() + 28 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const assigned = (
      await api.http
        .post(`/api/cases/${caseId}/assignments`)
        .set(clinician.auth)
        .send({
          exerciseId: exercise.id,
          assignTo: 'each',
          recurrence: { frequency: 'weekly', daysOfWeek: [new Date().getUTCDay()], startsOn: today, endsOn: inFourWeeks },
        })
        .expect(201)
    ).body as Assignment[];
    expect(assigned.map((assignment) => assignment.participantId).sort()).toEqual([alex.id, sam.id].sort());

    const sheetOf = async (person: typeof alex) => {
      const [own] = (await api.http.get('/api/portal/assignments').set(person.auth).expect(200)).body as { id: string; prompts: ExercisePrompt[] }[];
      return own;
    };
    const alexSheet = await sheetOf(alex);
    const samSheet = await sheetOf(sam);
    expect(alexSheet.id).not.toBe(samSheet.id);
    const alexPrivate = 'Alex wrote this for the therapist only';
    const samShared = 'Sam chose to share this';
    await api.http
      .post(`/api/portal/assignments/${alexSheet.id}/submissions`)
      .set(alex.auth)
      .send({ answers: answersFor(alexSheet.prompts, alexPrivate), shared: false })
      .expect(201);
    await api.http
      .post(`/api/portal/assignments/${samSheet.id}/submissions`)
      .set(sam.auth)
      .send({ answers: answersFor(samSheet.prompts, samShared), shared: true })
      .expect(201);

    // A sees B's shared answer; B does not see A's private one.
    const sharedWithAlex = (await api.http.get('/api/portal/shared').set(alex.auth).expect(200)).body as SharedAnswer[];
    expect(JSON.stringify(sharedWithAlex)).toContain(samShared);
    const sharedWithSam = (await api.http.get('/api/portal/shared').set(sam.auth).expect(200)).body as SharedAnswer[];
    expect(sharedWithSam).toEqual([]);

    // A's safety report reaches the clinician and raises the case's alert count at once.
    const report = 'Alex is frightened and wants a call';
    await api.http.post('/api/portal/safety-reports').set(alex.auth).send({ message: report, urgency: 'urgent' }).expect(201);
    const reports = (await api.http.get(`/api/cases/${caseId}/safety-reports`).set(clinician.auth).expect(200)).body as SafetyReport[];
    expect(reports.map((entry) => entry.message)).toEqual([report]);
    expect(((await api.http.get(`/api/cases/${caseId}`).set(clinician.auth).expect(200)).body as CaseDetail).openAlertCount).toBe(1);
    const caseload = (await api.http.get('/api/cases').set(clinician.auth).expect(200)).body as Page<CaseSummary>;
    expect(caseload.items.find((row) => row.id === caseId)?.openAlertCount).toBe(1);

    // Nothing of A's private answer or report anywhere B's link can read.
    for (const path of ['/api/portal/me', '/api/portal/assignments', '/api/portal/shared', '/api/portal/check-ins']) {
      const seen = JSON.stringify((await api.http.get(path).set(sam.auth).expect(200)).body);
      expect(seen).not.toContain(alexPrivate);
      expect(seen).not.toContain(report);
    }

    // A revoked link answers 401.
    await api.http.delete(`/api/cases/${caseId}/participants/${sam.id}/portal-link`).set(clinician.auth).expect(204);
    await api.http.get('/api/portal/me').set(sam.auth).expect(401);
  });
});
