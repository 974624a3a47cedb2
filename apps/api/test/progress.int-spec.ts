import type { Assignment, CaseAlert, CaseProgress, CaseSummary, CheckIn, Page } from '@trustwork/contracts';
import { answersWithScore, CSI_4 } from '@trustwork/trust-program';
import type { Client } from 'pg';
import { addTeamMember, openCoupleWithLinks, registerPractice, useTestApp, type PortalPerson } from './test-app';
import { connect, ownerDatabaseUrl } from './test-database';

/** The progress journey of the acceptance list, through the API alone. */
describe('progress, alerts and the couple measure', () => {
  const api = useTestApp();
  let asOwner: Client;
  beforeAll(async () => {
    asOwner = await connect(ownerDatabaseUrl());
  });
  afterAll(async () => {
    await asOwner.end();
  });

  it('raises an alert for a fall in trust, clears it once acknowledged, and charts both people with their CSI-4 scores', async () => {
    const owner = await registerPractice(api.http, 'Harbour Counselling');
    const { member, signedIn: clinician } = await addTeamMember(api.http, owner, 'clinician');
    const { caseId, alex, sam } = await openCoupleWithLinks(api.http, owner, member.id);
    const caseloadRow = async () =>
      ((await api.http.get('/api/cases').set(clinician.auth).expect(200)).body as Page<CaseSummary>).items.find((row) => row.id === caseId);

    // Three weekly check-ins from Alex, then one with trust down by 4; Sam's stay steady.
    const weekly = async (person: PortalPerson, trust: number, weeksAgo: number) => {
      const sent = (await api.http.post('/api/portal/check-ins').set(person.auth).send({ trust, safety: 6, heard: 5, closeness: 5 }).expect(201)).body as CheckIn;
      await asOwner.query(`UPDATE check_ins SET submitted_at = now() - make_interval(weeks => $2) WHERE id = $1`, [sent.id, weeksAgo]);
    };
    for (const [weeksAgo, trust] of [[3, 7], [2, 8], [1, 9]]) {
      await weekly(alex, trust, weeksAgo);
      await weekly(sam, 5, weeksAgo);
    }
    expect(await caseloadRow()).toMatchObject({ openAlertCount: 0, alertKinds: [] });
    await weekly(alex, 4, 0);
    await weekly(sam, 5, 0);

    expect(await caseloadRow()).toMatchObject({ openAlertCount: 1, alertKinds: ['rating-drop'] });
    const [alert] = (await api.http.get(`/api/cases/${caseId}/alerts`).set(clinician.auth).expect(200)).body as CaseAlert[];
    expect(alert).toMatchObject({ kind: 'rating-drop', participant: { id: alex.id }, summary: 'Trust 4, down from an average of 8 (previous 3 check-ins)' });
    await api.http.post(`/api/alerts/${alert.id}/acknowledge`).set(clinician.auth).send({ note: 'Called Alex; a hard conversation at home.' }).expect(200);
    expect(await caseloadRow()).toMatchObject({ openAlertCount: 0, alertKinds: [] });

    // The CSI-4 for each partner, scored on the server: 12 is below the 13.5 cut-off, 17 is not.
    const assigned = (
      await api.http
        .post(`/api/cases/${caseId}/assignments`)
        .set(clinician.auth)
        .send({ exerciseId: 'measure:csi-4', assignTo: 'each', dueOn: new Date().toISOString().slice(0, 10) })
        .expect(201)
    ).body as Assignment[];
    const scoreOf = { [alex.id]: 12, [sam.id]: 17 };
    for (const assignment of assigned) {
      const person = assignment.participantId === alex.id ? alex : sam;
      await api.http
        .post(`/api/portal/assignments/${assignment.id}/submissions`)
        .set(person.auth)
        .send({ answers: answersWithScore(CSI_4, scoreOf[person.id]), shared: false })
        .expect(201);
    }
    expect(await caseloadRow()).toMatchObject({ openAlertCount: 1, alertKinds: ['measure-below-cutoff'] });

    const progress = (await api.http.get(`/api/cases/${caseId}/progress`).set(clinician.auth).expect(200)).body as CaseProgress;
    expect(progress.granularity).toBe('check-in');
    expect(progress.participants.map((series) => [series.displayName, series.checkIns.map((point) => point.trust)])).toEqual([
      ['Alex Rivera', [7, 8, 9, 4]],
      ['Sam Rivera', [5, 5, 5, 5]],
    ]);
    expect(progress.participants.map((series) => series.measures.map((score) => [score.measureKey, score.score, score.belowCutoff]))).toEqual([
      [['csi-4', 12, true]],
      [['csi-4', 17, false]],
    ]);
    expect(progress.measures).toEqual([expect.objectContaining({ key: 'csi-4', cutoff: 13.5, minScore: 0, maxScore: 21 })]);
  });
});
