import type { AuditEvent, CaseDetail, Page, ParticipantDiagnoses } from '@trustwork/contracts';
import { practiceWithTeam, registerPractice, useTestApp, type SignedIn } from '../../test/test-app';

describe('diagnosis codes', () => {
  const api = useTestApp();
  let team: Awaited<ReturnType<typeof practiceWithTeam>>;
  let created: CaseDetail;
  let alexId: string;
  beforeAll(async () => {
    team = await practiceWithTeam(api.http, 'Diagnoses Practice');
    created = (
      await api.http
        .post('/api/cases')
        .set(team.clinician.auth)
        .send({ relationshipType: 'couple', participants: [{ displayName: 'Alex Rivera', breachRole: 'broke-trust' }, { displayName: 'Sam Rivera', breachRole: 'was-hurt' }] })
        .expect(201)
    ).body as CaseDetail;
    alexId = created.participants[0].id;
  });

  const path = (participantId: string) => `/api/participants/${participantId}/diagnoses`;
  const put = (as: SignedIn, participantId: string, codes: unknown) => api.http.put(path(participantId)).set(as.auth).send({ codes });

  it('is empty until the clinician enters codes, then reads them back trimmed and upper-cased', async () => {
    const empty = await api.http.get(path(alexId)).set(team.clinician.auth).expect(200);
    expect(empty.body).toEqual({ participantId: alexId, codes: [], updatedAt: null });

    const saved = (await put(team.clinician, alexId, [{ code: ' z63.0 ', description: ' Relationship distress with spouse ' }, { code: 'F43.23', description: '' }]).expect(200))
      .body as ParticipantDiagnoses;
    expect(saved).toEqual({
      participantId: alexId,
      codes: [
        { code: 'Z63.0', description: 'Relationship distress with spouse' },
        { code: 'F43.23', description: null },
      ],
      updatedAt: expect.any(String),
    });
    expect((await api.http.get(path(alexId)).set(team.owner.auth).expect(200)).body).toEqual(saved);
    // The other person of the case has codes of their own.
    expect((await api.http.get(path(created.participants[1].id)).set(team.clinician.auth).expect(200)).body.codes).toEqual([]);

    const events = (await api.http.get('/api/audit-events').query({ caseId: created.id }).set(team.owner.auth).expect(200)).body as Page<AuditEvent>;
    const actions = events.items.filter((event) => event.recordType === 'diagnosis').map((event) => [event.action, event.recordId]);
    expect(actions).toEqual(expect.arrayContaining([['diagnosis.update', alexId], ['diagnosis.read', alexId]]));
  });

  it('names each code that is wrong, repeated or too long, in words a person understands', async () => {
    const bad = await put(team.clinician, alexId, [{ code: 'Z63.0' }, { code: '43.2' }, { code: 'z63.0' }, { code: 'U07.1' }, { code: 'F41.1', description: 'x'.repeat(301) }]).expect(400);
    expect(bad.body.message).toEqual([
      expect.stringMatching(/^codes\[1\]\.code: “43\.2” is not an ICD-10-CM code/),
      expect.stringMatching(/^codes\[2\]\.code: “Z63\.0” is already in the list/),
      expect.stringMatching(/^codes\[3\]\.code: “U07\.1” is not an ICD-10-CM code/),
      'codes[4].description: must be at most 300 characters.',
    ]);
    const tooMany = Array.from({ length: 13 }, (_, index) => ({ code: `F4${index % 10}.${index}` }));
    expect((await put(team.clinician, alexId, tooMany).expect(400)).body.message).toEqual([expect.stringMatching(/^codes: a person can have at most 12 diagnosis codes/)]);
    expect((await api.http.put(path(alexId)).set(team.clinician.auth).send({}).expect(400)).body.message).toEqual(['codes must be a list']);
    expect((await put(team.clinician, alexId, [{ code: 42 }]).expect(400)).body.message).toEqual(['codes.0.code must be text']);
    expect((await put(team.clinician, alexId, ['Z63.0']).expect(400)).body.message).toEqual(['codes must be a list of entries, each with a code and an optional description']);
  });

  it('lets an assistant read the codes for billing but not change them', async () => {
    await api.http.get(path(alexId)).set(team.assistant.auth).expect(200);
    await put(team.assistant, alexId, [{ code: 'Z63.0' }]).expect(403);
  });

  it('answers 404 to a clinician not on the case, and for another practice’s person or a made-up id', async () => {
    await api.http.get(path(alexId)).set(team.otherClinician.auth).expect(404);
    await put(team.otherClinician, alexId, [{ code: 'Z63.0' }]).expect(404);
    const stranger = await registerPractice(api.http, 'Other Diagnoses Practice');
    await api.http.get(path(alexId)).set(stranger.auth).expect(404);
    await put(stranger, alexId, [{ code: 'Z63.0' }]).expect(404);
    await api.http.get(path('not-an-id')).set(team.owner.auth).expect(404);
    await api.http.get(path('00000000-0000-4000-8000-000000000000')).set(team.owner.auth).expect(404);
  });
});
