import type { Assignment, AuditEvent, CaseDetail, MeasureSummary, Page, PortalAssignment, PortalSubmission } from '@trustwork/contracts';
import { CSI_4 } from '@trustwork/trust-program';
import type { Client } from 'pg';
import { addTeamMember, openCoupleWithLinks, registerPractice, useTestApp, type PortalPerson, type SignedIn } from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';
import { todayIn } from '../common/occurrences';

/** 3 + 3 + 3 + 2: below the 13.5 cut-off. */
const SCORE_11 = { happiness: 'happy', warmth: 'mostly', reward: 'mostly', satisfaction: 'somewhat' };
/** 5 + 3 + 3 + 3: not below it. */
const SCORE_14 = { happiness: 'extremely-happy', warmth: 'mostly', reward: 'mostly', satisfaction: 'mostly' };

describe('measures', () => {
  const api = useTestApp();
  let asOwner: Client;
  let owner: SignedIn;
  let assistant: SignedIn;
  let clinicianId: string;
  beforeAll(async () => {
    asOwner = await connect(ownerDatabaseUrl());
    owner = await registerPractice(api.http, 'Harbour Counselling');
    clinicianId = (await addTeamMember(api.http, owner, 'clinician')).member.id;
    assistant = (await addTeamMember(api.http, owner, 'assistant')).signedIn;
  });
  afterAll(async () => {
    await asOwner.end();
  });

  const assignRequest = (caseId: string, body: object) =>
    api.http
      .post(`/api/cases/${caseId}/assignments`)
      .set(owner.auth)
      .send({ exerciseId: 'measure:csi-4', assignTo: 'each', dueOn: todayIn('UTC'), ...body });
  const submit = (person: PortalPerson, assignmentId: string, answers: object) =>
    api.http.post(`/api/portal/assignments/${assignmentId}/submissions`).set(person.auth).send({ answers, shared: false });

  /** A couple with the CSI-4 assigned to each of them; returns each person's assignment id. */
  const coupleWithCsi = async () => {
    const couple = await openCoupleWithLinks(api.http, owner, clinicianId);
    const assignments = (await assignRequest(couple.caseId, {}).expect(201)).body as Assignment[];
    const assignmentOf = (person: PortalPerson) => assignments.find((assignment) => assignment.participantId === person.id)?.id ?? '';
    return { ...couple, assignments, alexSheet: assignmentOf(couple.alex), samSheet: assignmentOf(couple.sam) };
  };
  const scoresOf = async (caseId: string) =>
    (
      await asOwner.query(
        `SELECT practice_id, case_id, participant_id, assignment_id, submission_id, measure_key, measure_version, score::float AS score,
           below_cutoff, occurrence_on::text, submitted_at FROM measure_scores WHERE case_id = $1 ORDER BY submitted_at`,
        [caseId],
      )
    ).rows;
  const alertsOf = async (caseId: string) =>
    (await asOwner.query(`SELECT kind, status, participant_id, source_key, summary FROM case_alerts WHERE case_id = $1`, [caseId])).rows;

  it('lists the CSI-4 for any signed-in user, not for a portal link', async () => {
    const measures = (await api.http.get('/api/measures').set(assistant.auth).expect(200)).body as MeasureSummary[];
    expect(measures).toContainEqual({
      key: 'csi-4',
      exerciseId: 'measure:csi-4',
      version: 1,
      title: CSI_4.title,
      shortTitle: 'CSI-4',
      purpose: CSI_4.purpose,
      itemCount: 4,
      minScore: 0,
      maxScore: 21,
      cutoff: 13.5,
      cutoffMeaning: CSI_4.cutoffMeaning,
      relationshipTypes: ['couple'],
    });
    await api.http.get('/api/measures').expect(401);
    const { alex } = await openCoupleWithLinks(api.http, owner, clinicianId);
    await api.http.get('/api/measures').set(alex.auth).expect(401);
  });

  it('assigns the CSI-4 to each partner of a couple, and each sees its four items in the portal', async () => {
    const { alex, sam, assignments, alexSheet } = await coupleWithCsi();
    expect(assignments.map((assignment) => assignment.participantId).sort()).toEqual([alex.id, sam.id].sort());
    expect(assignments[0].exercise).toMatchObject({ id: 'measure:csi-4', version: 1, title: CSI_4.title, instructions: CSI_4.intro });

    const [seen] = (await api.http.get('/api/portal/assignments').set(alex.auth).expect(200)).body as PortalAssignment[];
    expect(seen).toMatchObject({ id: alexSheet, title: CSI_4.title, instructions: CSI_4.intro, together: false });
    expect(seen.prompts.map((prompt) => [prompt.key, prompt.type, prompt.required])).toEqual([
      ['happiness', 'choice', true],
      ['warmth', 'choice', true],
      ['reward', 'choice', true],
      ['satisfaction', 'choice', true],
    ]);
    expect(seen.prompts.map((prompt) => (prompt.type === 'choice' ? prompt.options.length : 0))).toEqual([7, 6, 6, 6]);
  });

  it('refuses a case that is not a couple, a sheet for both together, and an unknown measure or version, in plain words', async () => {
    const parentAndChild = (
      await api.http
        .post('/api/cases')
        .set(owner.auth)
        .send({
          relationshipType: 'parent-child',
          participants: [
            { displayName: 'Jo Park', breachRole: 'broke-trust' },
            { displayName: 'Kim Park', breachRole: 'was-hurt' },
          ],
          clinicianIds: [clinicianId],
        })
        .expect(201)
    ).body as CaseDetail;
    const notForCase = await assignRequest(parentAndChild.id, {}).expect(400);
    expect(notForCase.body).toEqual({ statusCode: 400, error: 'Bad Request', message: ['The CSI-4 is for couples: this case is parent and child'] });

    const { caseId } = await openCoupleWithLinks(api.http, owner, clinicianId);
    const together = await assignRequest(caseId, { assignTo: 'together' }).expect(400);
    expect(together.body.message).toEqual([
      'The CSI-4 is answered by each person on their own: assign it to each person or to one of them, not together',
    ]);
    expect((await assignRequest(caseId, { exerciseId: 'measure:csi-32' }).expect(400)).body.message).toEqual(['exerciseId must name an exercise in your library']);
    expect((await assignRequest(caseId, { version: 2 }).expect(400)).body.message).toEqual(['version must be a version this exercise has']);
    expect((await api.http.get(`/api/cases/${caseId}/assignments`).set(owner.auth).expect(200)).body).toEqual([]);
    expect((await api.http.get(`/api/cases/${parentAndChild.id}/assignments`).set(owner.auth).expect(200)).body).toEqual([]);
  });

  it('scores each sheet on the server; below the cut-off raises an alert, 14 and up none', async () => {
    const { caseId, alex, sam, alexSheet, samSheet } = await coupleWithCsi();
    const fromAlex = (await submit(alex, alexSheet, SCORE_11).expect(201)).body as PortalSubmission;
    const fromSam = (await submit(sam, samSheet, SCORE_14).expect(201)).body as PortalSubmission;

    const [alexScore, samScore] = await scoresOf(caseId);
    expect(alexScore).toMatchObject({
      case_id: caseId,
      participant_id: alex.id,
      assignment_id: alexSheet,
      submission_id: fromAlex.id,
      measure_key: 'csi-4',
      measure_version: 1,
      score: 11,
      below_cutoff: true,
      occurrence_on: fromAlex.occurrenceOn,
    });
    expect(new Date(alexScore.submitted_at).toISOString()).toBe(fromAlex.submittedAt);
    expect(samScore).toMatchObject({ participant_id: sam.id, submission_id: fromSam.id, score: 14, below_cutoff: false });

    expect(await alertsOf(caseId)).toEqual([
      { kind: 'measure-below-cutoff', status: 'open', participant_id: alex.id, source_key: fromAlex.id, summary: 'CSI-4 score 11 (cut-off 13.5)' },
    ]);

    const page = (await api.http.get(`/api/audit-events?caseId=${caseId}&recordType=measure-score&limit=100`).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    // Newest first: Sam's sheet was scored last.
    expect(page.items.map((event) => [event.actorType, event.actorId, event.action])).toEqual([
      ['participant', sam.id, 'measure-score.create'],
      ['participant', alex.id, 'measure-score.create'],
    ]);
  });

  it('refuses an unknown option or a missing item, and stores nothing', async () => {
    const { caseId, alex, alexSheet } = await coupleWithCsi();
    const unknown = await submit(alex, alexSheet, { ...SCORE_11, reward: 'hugely' }).expect(400);
    expect(unknown.body.message).toEqual(['How rewarding do you find being in this relationship? needs one of the options listed']);
    const { satisfaction: _left, ...missing } = SCORE_11;
    await submit(alex, alexSheet, missing).expect(400);

    expect(await scoresOf(caseId)).toEqual([]);
    expect(await alertsOf(caseId)).toEqual([]);
    expect((await asOwner.query('SELECT id FROM submissions WHERE assignment_id = $1', [alexSheet])).rows).toEqual([]);
  });
});
