import type { AuditEvent, CaseDetail, CaseExport, CreateCaseRequest, NoteSections, Page, SaveNoteRequest, SessionNote, TeamMember, TherapySession } from '@trustwork/contracts';
import type { Client } from 'pg';
import { pdfText } from '../../test/pdf-text';
import { addTeamMember, registerPractice, useTestApp, type SignedIn } from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';
import { TEST_PASSWORD } from '../../test/test-secrets';

const couple = (overrides: Partial<CreateCaseRequest> = {}): CreateCaseRequest => ({
  relationshipType: 'couple',
  presentingConcern: 'Affair disclosed in March.',
  participants: [
    { displayName: 'Alex Rivera', breachRole: 'broke-trust' },
    { displayName: 'Sam Rivera', breachRole: 'was-hurt' },
  ],
  ...overrides,
});

const soap = (subjective: string): NoteSections => ({ subjective, objective: 'Calm, engaged.', assessment: 'Repair under way.', plan: 'Weekly check-ins.' });
const UNREADABLE = /^This note could not be decrypted/;

describe('session notes', () => {
  const api = useTestApp();
  let database: Client;
  let owner: SignedIn;
  let clinician: { member: TeamMember; signedIn: SignedIn };
  let unassigned: SignedIn;
  let assistant: SignedIn;
  let other: SignedIn;
  let caseId: string;
  beforeAll(async () => {
    database = await connect(ownerDatabaseUrl());
    owner = await registerPractice(api.http, 'Notes Practice');
    clinician = await addTeamMember(api.http, owner, 'clinician');
    unassigned = (await addTeamMember(api.http, owner, 'clinician')).signedIn;
    assistant = (await addTeamMember(api.http, owner, 'assistant')).signedIn;
    other = await registerPractice(api.http, 'Elsewhere');
    caseId = (await createCase(owner, couple({ clinicianIds: [clinician.member.id] }))).id;
  });
  afterAll(async () => {
    await database.end();
  });

  async function createCase(as: SignedIn, request: CreateCaseRequest = couple()): Promise<CaseDetail> {
    return (await api.http.post('/api/cases').set(as.auth).send(request).expect(201)).body as CaseDetail;
  }
  async function newSession(as: SignedIn = owner, forCase = caseId, startsAt = '2026-04-02T15:00:00Z'): Promise<TherapySession> {
    const response = await api.http.post(`/api/cases/${forCase}/sessions`).set(as.auth).send({ startsAt, durationMinutes: 50, modality: 'in-person' }).expect(201);
    return response.body as TherapySession;
  }
  const noteUrl = (sessionId: string) => `/api/sessions/${sessionId}/note`;
  const save = (as: SignedIn, sessionId: string, request: SaveNoteRequest) => api.http.put(noteUrl(sessionId)).set(as.auth).send(request);
  async function signedNote(sessionId: string, subjective: string): Promise<SessionNote> {
    await save(clinician.signedIn, sessionId, { template: 'soap', sections: soap(subjective), version: 0 }).expect(200);
    return (await api.http.post(`${noteUrl(sessionId)}/sign`).set(clinician.signedIn.auth).expect(200)).body as SessionNote;
  }
  const noteStateOf = async (sessionId: string) => {
    const sessions = (await api.http.get(`/api/cases/${caseId}/sessions`).set(owner.auth).expect(200)).body as TherapySession[];
    return sessions.find((row) => row.id === sessionId)?.noteState;
  };

  it('saves drafts with versions and refuses a stale one with the current version', async () => {
    const { id } = await newSession();
    // No note yet is an ordinary state, not an error: 200 with null.
    const none = await api.http.get(noteUrl(id)).set(clinician.signedIn.auth).expect(200);
    expect(none.text).toBe('null');
    expect(none.headers['content-type']).toMatch(/^application\/json/);

    const first = (await save(clinician.signedIn, id, { template: 'soap', sections: soap('First draft.'), version: 0 }).expect(200)).body as SessionNote;
    expect(first).toEqual({
      sessionId: id,
      template: 'soap',
      sections: soap('First draft.'),
      status: 'draft',
      aboutParticipantId: null,
      version: 1,
      author: { id: clinician.member.id, name: 'A clinician' },
      updatedAt: expect.any(String),
      signedAt: null,
      signedBy: null,
      addenda: [],
    });
    expect(await noteStateOf(id)).toBe('draft');
    const second = (await save(clinician.signedIn, id, { template: 'soap', sections: soap('Second draft.'), version: 1 }).expect(200)).body as SessionNote;
    expect(second.version).toBe(2);

    // Someone saved version 1 in another tab meanwhile.
    const stale = await save(owner, id, { template: 'soap', sections: soap('Overwrite?'), version: 1 }).expect(409);
    expect(stale.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'This note was changed elsewhere since you opened it. Reload it, then save again.',
      currentVersion: 2,
    });
    const again = await save(owner, id, { template: 'soap', sections: soap('A second note?'), version: 0 }).expect(409);
    expect(again.body).toMatchObject({ message: expect.stringMatching(/already has a note/), currentVersion: 2 });
    const noNote = await save(owner, (await newSession()).id, { template: 'soap', sections: soap('x'), version: 3 }).expect(409);
    expect(noNote.body).toMatchObject({ currentVersion: 0 });

    // The version may come as If-Match instead of (or as well as) the body.
    const { template, sections } = { template: 'soap' as const, sections: soap('Via If-Match.') };
    const viaHeader = await api.http.put(noteUrl(id)).set(owner.auth).set('If-Match', '"2"').send({ template, sections }).expect(200);
    expect(viaHeader.body.version).toBe(3);
    await api.http.put(noteUrl(id)).set(owner.auth).set('If-Match', '3').send({ template, sections, version: 3 }).expect(200);
    const staleHeader = await api.http.put(noteUrl(id)).set(owner.auth).set('If-Match', '"2"').send({ template, sections }).expect(409);
    expect(staleHeader.body.currentVersion).toBe(4);
    const disagree = await api.http.put(noteUrl(id)).set(owner.auth).set('If-Match', '"4"').send({ template, sections, version: 3 }).expect(400);
    expect(disagree.body.message).toEqual(['version and If-Match name different versions; send the version you loaded']);
    const neither = await api.http.put(noteUrl(id)).set(owner.auth).send({ template, sections }).expect(400);
    expect(neither.body.message).toEqual([expect.stringMatching(/^version is required/)]);

    // Changing a draft's template is allowed.
    const free = (await save(owner, id, { template: 'free', sections: { body: 'Now free text.' }, version: 4 }).expect(200)).body as SessionNote;
    expect(free).toMatchObject({ template: 'free', sections: { body: 'Now free text.' }, version: 5, author: { id: clinician.member.id } });
    expect((await api.http.get(noteUrl(id)).set(owner.auth).expect(200)).body).toEqual(free);
  });

  it('accepts exactly the template’s sections, each at most 20,000 characters', async () => {
    const { id } = await newSession();
    const unknown = await save(owner, id, { template: 'dap', sections: { data: 'd', assessment: 'a', plan: 'p', mood: 'tense' }, version: 0 }).expect(400);
    expect(unknown.body.message).toEqual(['sections.mood is not a section of the dap template (it has data, assessment, plan)']);
    const problems = await save(owner, id, { template: 'birp', sections: { behavior: 'x'.repeat(20_001), intervention: 42 as never, response: '' }, version: 0 }).expect(400);
    expect(problems.body.message).toEqual([
      'sections.behavior must be at most 20000 characters',
      'sections.intervention must be text',
      'sections.plan is required (send "" for an empty section)',
    ]);
    const shape = await api.http.put(noteUrl(id)).set(owner.auth).send({ template: 'diary', sections: ['x'], version: -1 }).expect(400);
    expect(shape.body.message).toEqual([
      'template must be one of: soap, dap, birp, free',
      'sections must be an object with one text per section of the template',
      'version must be a whole number: 0 for a new note, else the version you loaded',
    ]);
    const missing = await api.http.put(noteUrl(id)).set(owner.auth).send({ version: 0 }).expect(400);
    expect(missing.body.message).toEqual(['template is required', 'sections is required']);
    // Nothing was saved: the session still has no note.
    expect((await api.http.get(noteUrl(id)).set(owner.auth).expect(200)).body).toBeNull();
    await save(owner, id, { template: 'birp', sections: { behavior: 'x'.repeat(20_000), intervention: '', response: '', plan: '' }, version: 0 }).expect(200);
  });

  it('lets only the author sign, then freezes the note except for addenda', async () => {
    const { id } = await newSession();
    await save(clinician.signedIn, id, { template: 'soap', sections: soap('Ready to sign.'), version: 0 }).expect(200);
    const early = await api.http.post(`${noteUrl(id)}/addenda`).set(owner.auth).send({ body: 'Too early.' }).expect(409);
    expect(early.body.message).toMatch(/still a draft/);

    const notAuthor = await api.http.post(`${noteUrl(id)}/sign`).set(owner.auth).expect(403);
    expect(notAuthor.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Only the author can sign this note.' });
    const signed = (await api.http.post(`${noteUrl(id)}/sign`).set(clinician.signedIn.auth).expect(200)).body as SessionNote;
    expect(signed).toMatchObject({ status: 'signed', version: 1, signedAt: expect.any(String), signedBy: { id: clinician.member.id, name: 'A clinician' } });
    expect(await noteStateOf(id)).toBe('signed');

    const twice = await api.http.post(`${noteUrl(id)}/sign`).set(clinician.signedIn.auth).expect(409);
    expect(twice.body.message).toBe('This note is already signed.');
    const edit = await save(clinician.signedIn, id, { template: 'soap', sections: soap('Changed after signing.'), version: 1 }).expect(409);
    expect(edit.body.message).toBe('This note is signed and can no longer change; add an addendum instead.');
    await save(clinician.signedIn, id, { template: 'soap', sections: soap('Changed after signing.'), version: 0 }).expect(409);

    const addendum = await api.http.post(`${noteUrl(id)}/addenda`).set(owner.auth).send({ body: '  Sam called the next day to add context.  ' }).expect(201);
    await api.http.post(`${noteUrl(id)}/addenda`).set(clinician.signedIn.auth).send({ body: 'Follow-up booked.' }).expect(201);
    const read = (await api.http.get(noteUrl(id)).set(owner.auth).expect(200)).body as SessionNote;
    expect(read.sections).toEqual(soap('Ready to sign.'));
    expect(read.addenda).toEqual([
      { id: expect.any(String), body: 'Sam called the next day to add context.', author: { id: owner.tokens.user.id, name: 'Olive Owner' }, createdAt: expect.any(String) },
      { id: expect.any(String), body: 'Follow-up booked.', author: { id: clinician.member.id, name: 'A clinician' }, createdAt: expect.any(String) },
    ]);
    expect(addendum.body.addenda).toHaveLength(1);
    const empty = await api.http.post(`${noteUrl(id)}/addenda`).set(owner.auth).send({ body: '   ' }).expect(400);
    expect(empty.body.message).toEqual(['body is required']);
    const long = await api.http.post(`${noteUrl(id)}/addenda`).set(owner.auth).send({ body: 'x'.repeat(20_001) }).expect(400);
    expect(long.body.message).toEqual(['body must be at most 20000 characters']);
  });

  it('keeps notes from assistants (403) and from anyone outside the case (404), on every route', async () => {
    const { id } = await newSession(assistant);
    await save(owner, id, { template: 'free', sections: { body: 'Owner’s note.' }, version: 0 }).expect(200);
    const routes = (sessionId: string, as: SignedIn) => [
      api.http.get(noteUrl(sessionId)).set(as.auth),
      api.http.put(noteUrl(sessionId)).set(as.auth).send({ template: 'free', sections: { body: 'x' }, version: 1 }),
      api.http.post(`${noteUrl(sessionId)}/sign`).set(as.auth),
      api.http.post(`${noteUrl(sessionId)}/addenda`).set(as.auth).send({ body: 'x' }),
    ];

    for (const request of routes(id, assistant)) {
      const response = await request.expect(403);
      expect(response.body.message).toBe('Assistants can see schedules and contact details, but not clinical records.');
    }
    for (const request of routes(id, unassigned)) {
      const response = await request.expect(404);
      expect(response.body.message).toBe('No session with that id in your caseload.');
    }
    for (const request of routes(id, other)) await request.expect(404);
    for (const request of routes('not-a-uuid', owner)) await request.expect(404);
    for (const request of routes('00000000-0000-4000-8000-000000000000', owner)) await request.expect(404);

    // The case's assigned clinician may read and continue the owner's draft.
    const read = (await api.http.get(noteUrl(id)).set(clinician.signedIn.auth).expect(200)).body as SessionNote;
    expect(read).toMatchObject({ version: 1, sections: { body: 'Owner’s note.' } });
    // Assistants still see that a note exists (scheduling), never what it says.
    const sessions = (await api.http.get(`/api/cases/${caseId}/sessions`).set(assistant.auth).expect(200)).body as TherapySession[];
    expect(sessions.find((row) => row.id === id)?.noteState).toBe('draft');
  });

  it('stores no plaintext: notes and addenda are AES-GCM ciphertext under a named key', async () => {
    const { id } = await newSession();
    await signedNote(id, 'Sam found the hidden phone bill on the kitchen table.');
    await api.http.post(`${noteUrl(id)}/addenda`).set(owner.auth).send({ body: 'Alex disclosed a second account in the car park.' }).expect(201);

    const notes = await database.query('SELECT body_encrypted, key_id, template FROM notes WHERE session_id = $1', [id]);
    const addenda = await database.query('SELECT body_encrypted, key_id FROM note_addenda WHERE session_id = $1', [id]);
    expect(notes.rows).toHaveLength(1);
    expect(addenda.rows).toHaveLength(1);
    for (const row of [...notes.rows, ...addenda.rows] as { body_encrypted: Buffer; key_id: string }[]) {
      expect(row.key_id).toBe('test');
      expect(row.body_encrypted[0]).toBe(1);
      expect(row.body_encrypted.length).toBeGreaterThan(1 + 12 + 16);
      for (const phrase of ['hidden phone bill', 'second account', 'subjective', 'Weekly check-ins']) {
        expect(row.body_encrypted.includes(Buffer.from(phrase, 'utf8'))).toBe(false);
      }
    }
    // Nor anywhere else in the database.
    const anywhere = await database.query(
      `SELECT count(*)::int AS found FROM notes n JOIN note_addenda d ON d.session_id = n.session_id
       WHERE position(convert_to('hidden phone bill', 'UTF8') IN n.body_encrypted) > 0
          OR position(convert_to('second account', 'UTF8') IN d.body_encrypted) > 0`,
    );
    expect(anywhere.rows[0].found).toBe(0);
  });

  it('refuses tampered, moved or relabelled ciphertext with a clear 422 that shows nothing', async () => {
    const tampered = (await newSession()).id;
    await signedNote(tampered, 'Tampered-with text.');
    await database.query(`UPDATE notes SET body_encrypted = set_byte(body_encrypted, 20, get_byte(body_encrypted, 20) # 1) WHERE session_id = $1`, [tampered]);
    const response = await api.http.get(noteUrl(tampered)).set(owner.auth).expect(422);
    expect(response.body).toEqual({ statusCode: 422, error: 'Unprocessable Entity', message: expect.stringMatching(UNREADABLE) });
    expect(JSON.stringify(response.body)).not.toMatch(/Tampered-with/);
    // An addendum cannot be added to (and so reveal) an unreadable note either; nothing is written.
    await api.http.post(`${noteUrl(tampered)}/addenda`).set(owner.auth).send({ body: 'x' }).expect(422);
    expect((await database.query('SELECT count(*)::int AS n FROM note_addenda WHERE session_id = $1', [tampered])).rows[0].n).toBe(0);

    // A valid ciphertext copied onto another session's note does not decrypt there.
    const source = (await newSession()).id;
    const target = (await newSession()).id;
    await signedNote(source, 'Belongs to the source session.');
    await signedNote(target, 'Belongs to the target session.');
    await database.query(`UPDATE notes SET body_encrypted = (SELECT body_encrypted FROM notes WHERE session_id = $1) WHERE session_id = $2`, [source, target]);
    const moved = await api.http.get(noteUrl(target)).set(owner.auth).expect(422);
    expect(JSON.stringify(moved.body)).not.toMatch(/source session/);
    await api.http.get(noteUrl(source)).set(owner.auth).expect(200);

    // Relabelling the template, or naming a key the server does not have, fails the same way.
    await database.query(`UPDATE notes SET template = 'dap' WHERE session_id = $1`, [source]);
    await api.http.get(noteUrl(source)).set(owner.auth).expect(422);
    await database.query(`UPDATE notes SET template = 'soap', key_id = 'retired' WHERE session_id = $1`, [source]);
    await api.http.get(noteUrl(source)).set(owner.auth).expect(422);
    await database.query(`UPDATE notes SET key_id = 'test' WHERE session_id = $1`, [source]);
    await api.http.get(noteUrl(source)).set(owner.auth).expect(200);

    // A tampered addendum too.
    await api.http.post(`${noteUrl(source)}/addenda`).set(owner.auth).send({ body: 'An addendum.' }).expect(201);
    await database.query(`UPDATE note_addenda SET body_encrypted = set_byte(body_encrypted, 5, get_byte(body_encrypted, 5) # 1) WHERE session_id = $1`, [source]);
    const addendum = await api.http.get(noteUrl(source)).set(owner.auth).expect(422);
    expect(addendum.body.message).toMatch(UNREADABLE);
  });

  describe('case export', () => {
    let exportCase: CaseDetail;
    let signedSession: string;
    let draftSession: string;
    beforeAll(async () => {
      exportCase = await createCase(owner, couple({ clinicianIds: [clinician.member.id] }));
      await api.http
        .post(`/api/cases/${exportCase.id}/events`)
        .set(owner.auth)
        .send({ kind: 'breach', occurredOn: '2026-03-02', title: 'Affair disclosed' })
        .expect(201);
      signedSession = (await newSession(owner, exportCase.id, '2026-04-02T15:00:00Z')).id;
      draftSession = (await newSession(owner, exportCase.id, '2026-04-09T15:00:00Z')).id;
      await signedNote(signedSession, 'Signed and part of the record.');
      await api.http.post(`${noteUrl(signedSession)}/addenda`).set(owner.auth).send({ body: 'Addendum for the record.' }).expect(201);
      await save(clinician.signedIn, draftSession, { template: 'free', sections: { body: 'Unfinished draft thoughts.' }, version: 0 }).expect(200);
    });

    it('exports the whole case with signed notes and their addenda, never drafts', async () => {
      const response = await api.http.get(`/api/cases/${exportCase.id}/export`).set(clinician.signedIn.auth).expect(200);
      expect(response.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="trustwork-case-${exportCase.id}-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
      expect(response.headers['cache-control']).toBe('no-store');
      const document = response.body as CaseExport;
      expect(document).toMatchObject({
        format: 'trustwork.case-export',
        formatVersion: 1,
        exportedAt: expect.any(String),
        exportedBy: { id: clinician.member.id, name: 'A clinician' },
        case: {
          id: exportCase.id,
          relationshipType: 'couple',
          presentingConcern: 'Affair disclosed in March.',
          clinicians: [{ id: clinician.member.id, name: 'A clinician' }],
          phaseHistory: [{ phase: 1 }],
          closedAt: null,
        },
        participants: exportCase.participants,
        events: [{ kind: 'breach', occurredOn: '2026-03-02', title: 'Affair disclosed' }],
        draftNotesExcluded: 1,
      });
      expect(document.sessions.map((row) => [row.id, row.noteState])).toEqual([
        [signedSession, 'signed'],
        [draftSession, 'draft'],
      ]);
      expect(document.notes).toHaveLength(1);
      expect(document.notes[0]).toMatchObject({
        sessionId: signedSession,
        status: 'signed',
        sections: soap('Signed and part of the record.'),
        addenda: [{ body: 'Addendum for the record.', author: { name: 'Olive Owner' } }],
      });
      expect(JSON.stringify(document)).not.toMatch(/Unfinished draft/);
    });

    it('is for owners and the case’s clinicians only', async () => {
      await api.http.get(`/api/cases/${exportCase.id}/export`).set(owner.auth).expect(200);
      const byAssistant = await api.http.get(`/api/cases/${exportCase.id}/export`).set(assistant.auth).expect(403);
      expect(byAssistant.body.message).toMatch(/not clinical records/);
      await api.http.get(`/api/cases/${exportCase.id}/export`).set(unassigned.auth).expect(404);
      await api.http.get(`/api/cases/${exportCase.id}/export`).set(other.auth).expect(404);
      await api.http.get('/api/cases/not-a-uuid/export').set(owner.auth).expect(404);
    });

    it('leaves an audit trail of every note and session read and write', async () => {
      await api.http.get(noteUrl(signedSession)).set(owner.auth).expect(200);
      const page = (await api.http.get(`/api/audit-events?caseId=${exportCase.id}&limit=100`).set(owner.auth).expect(200)).body as Page<AuditEvent>;
      const actions = page.items.map((event) => event.action);
      expect(actions).toEqual(expect.arrayContaining(['note.read', 'note.save', 'note.sign', 'note.addendum', 'session.create', 'case.export']));
      expect(actions.filter((action) => action === 'case.export')).toHaveLength(2);
      expect(actions.filter((action) => action === 'note.save')).toHaveLength(2);
      const sign = page.items.find((event) => event.action === 'note.sign');
      expect(sign).toMatchObject({ recordType: 'note', recordId: signedSession, caseId: exportCase.id, actorId: clinician.member.id });
      const exported = page.items.find((event) => event.action === 'case.export');
      expect(exported).toMatchObject({ recordType: 'case', recordId: exportCase.id, actorId: owner.tokens.user.id });
      // Refused requests write nothing: the assistant's 403 left no case.export row.
      expect(page.items.filter((event) => event.actorId === assistant.tokens.user.id)).toEqual([]);
    });

    it('lays the same record out as a PDF a person can read', async () => {
      const response = await api.http.get(`/api/cases/${exportCase.id}/export`).query({ format: 'pdf' }).set(clinician.signedIn.auth).responseType('blob').expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="trustwork-case-${exportCase.id}-\\d{4}-\\d{2}-\\d{2}\\.pdf"$`));
      expect(response.headers['cache-control']).toBe('no-store');
      const { text } = await pdfText(response.body as Buffer);
      expect(text).toContain('Case record');
      expect(text).toContain('Signed and part of the record.');
      expect(text).toContain('Addendum for the record.');
      expect(text).toContain('Affair disclosed in March.');
      expect(text).toContain('Exported: ');
      expect(text).toContain('by A clinician');
      expect(text).toMatch(/Notes Practice · Exported \d{1,2} \w+ \d{4} · Page 1 of \d/);
      expect(text).not.toContain('Unfinished draft');
      expect(text).toContain('1 note still in draft was left out');
    });

    it('answers json by default and refuses a format it does not write', async () => {
      const json = await api.http.get(`/api/cases/${exportCase.id}/export`).query({ format: 'json' }).set(owner.auth).expect(200);
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      const refused = await api.http.get(`/api/cases/${exportCase.id}/export`).query({ format: 'xml' }).set(owner.auth).expect(400);
      expect(refused.body.message).toEqual(['format must be one of: json, pdf']);
    });

    it('keeps the export’s rules for the PDF: a recent step-up, the case’s clinicians and owners only, audited', async () => {
      const pdfBy = (as: SignedIn) => api.http.get(`/api/cases/${exportCase.id}/export`).query({ format: 'pdf' }).set(as.auth);
      const sessionId = JSON.parse(Buffer.from(owner.tokens.accessToken.split('.')[1], 'base64url').toString()).sid as string;
      await database.query(`UPDATE sign_in_sessions SET verified_at = verified_at - interval '6 minutes' WHERE id = $1`, [sessionId]);
      expect((await pdfBy(owner).expect(403)).body.code).toBe('step-up-required');
      await api.http.post('/api/me/step-up').set(owner.auth).send({ password: TEST_PASSWORD }).expect(200);
      await pdfBy(owner).expect(200);
      const exported = (await api.http.get('/api/audit-events').query({ caseId: exportCase.id, limit: 1 }).set(owner.auth).expect(200)).body as Page<AuditEvent>;
      expect(exported.items[0]).toMatchObject({ action: 'case.export', recordType: 'case', recordId: exportCase.id, actorId: owner.tokens.user.id });

      expect((await pdfBy(assistant).expect(403)).body.message).toMatch(/not clinical records/);
      await pdfBy(unassigned).expect(404);
      await pdfBy(other).expect(404);
    });
  });
});
