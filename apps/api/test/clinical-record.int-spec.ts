import type { AuditEvent, CaseDetail, CaseExport, Page, SessionNote, TherapySession } from '@trustwork/contracts';
import { addTeamMember, registerPractice, useTestApp } from './test-app';
import { connect, ownerDatabaseUrl } from './test-database';

/** The clinical-records journey, through the API alone, as a clinician works and an owner reviews it. */
describe('a clinical record from first session to export', () => {
  const api = useTestApp();

  it('schedules, writes, signs, amends and exports, and the owner sees every step', async () => {
    const owner = await registerPractice(api.http, 'Journey Practice');
    const { member, signedIn: clinician } = await addTeamMember(api.http, owner, 'clinician');
    const as = clinician.auth;

    const created = (
      await api.http
        .post('/api/cases')
        .set(as)
        .send({
          relationshipType: 'couple',
          presentingConcern: 'Repair after a hidden relationship.',
          participants: [
            { displayName: 'Robin Hale', email: 'robin@example.test', breachRole: 'broke-trust' },
            { displayName: 'Kit Hale', breachRole: 'was-hurt' },
          ],
        })
        .expect(201)
    ).body as CaseDetail;
    const session = (
      await api.http.post(`/api/cases/${created.id}/sessions`).set(as).send({ startsAt: '2026-05-04T09:00:00Z', durationMinutes: 50, modality: 'video' }).expect(201)
    ).body as TherapySession;
    await api.http.patch(`/api/sessions/${session.id}`).set(as).send({ status: 'completed' }).expect(200);

    const note = `/api/sessions/${session.id}/note`;
    const plan = 'A private phrase that must never be stored in clear';
    const sections = { subjective: 'Both attended.', objective: 'Tense, then softer.', assessment: 'Early repair.', plan };
    const first = (await api.http.put(note).set(as).send({ template: 'soap', sections, version: 0 }).expect(200)).body as SessionNote;
    const second = (
      await api.http.put(note).set(as).set('If-Match', `"${first.version}"`).send({ template: 'soap', sections: { ...sections, objective: 'Tense at first.' } }).expect(200)
    ).body as SessionNote;
    expect([first.version, second.version]).toEqual([1, 2]);
    const stale = await api.http.put(note).set(as).send({ template: 'soap', sections, version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ statusCode: 409, currentVersion: 2 });

    const signed = (await api.http.post(`${note}/sign`).set(as).expect(200)).body as SessionNote;
    expect(signed).toMatchObject({ status: 'signed', signedBy: { id: member.id }, sections: { ...sections, objective: 'Tense at first.' } });
    const frozen = await api.http.put(note).set(as).send({ template: 'soap', sections, version: 2 }).expect(409);
    expect(frozen.body.message).toBe('This note is signed and can no longer change; add an addendum instead.');
    const amended = (await api.http.post(`${note}/addenda`).set(as).send({ body: 'Kit phoned to add context.' }).expect(201)).body as SessionNote;
    expect(amended.addenda.map((addendum) => addendum.body)).toEqual(['Kit phoned to add context.']);

    const exported = (await api.http.get(`/api/cases/${created.id}/export`).set(as).expect(200)).body as CaseExport;
    expect(exported.notes).toEqual([expect.objectContaining({ sessionId: session.id, status: 'signed', addenda: [expect.objectContaining({ body: 'Kit phoned to add context.' })] })]);

    // The owner sees each step, the clinician's, in order.
    const audit = (await api.http.get(`/api/audit-events?caseId=${created.id}&limit=100`).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    const steps = audit.items.filter((event) => event.actorId === member.id).map((event) => event.action).reverse();
    expect(steps).toEqual(['case.create', 'session.create', 'session.update', 'note.save', 'note.save', 'note.sign', 'note.addendum', 'case.export']);

    // Underneath: no note text in clear anywhere in the notes tables.
    const database = await connect(ownerDatabaseUrl());
    try {
      const { rows } = await database.query(
        `SELECT n.body_encrypted::text AS note, a.body_encrypted::text AS addendum FROM notes n JOIN note_addenda a ON a.session_id = n.session_id WHERE n.session_id = $1`,
        [session.id],
      );
      expect(rows).toHaveLength(1);
      const stored = `${rows[0].note} ${rows[0].addendum} ${Buffer.from(rows[0].note.slice(2), 'hex').toString('latin1')}`;
      expect(stored).not.toContain('private phrase');
      expect(stored).not.toContain('Kit phoned');
    } finally {
      await database.end();
    }
  });
});
