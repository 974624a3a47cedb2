import type { AuditEvent, CaseExport, ExercisePrompt, Page, SaveNoteRequest, SessionNote, TherapySession } from '@trustwork/contracts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { pdfText, withoutSpaces } from '../../test/pdf-text';
import { addTeamMember, answersFor, openCoupleWithLinks, registerPractice, signAgreement, useTestApp, type PortalPerson, type SignedIn } from '../../test/test-app';

/** Each record carries its own marker, so an export that shows it can be caught in its text. */
const marker = (what: string) => `${what}-${randomBytes(4).toString('hex')}`;
const free = (body: string): SaveNoteRequest['sections'] => ({ body });

describe('joint and confidential notes, and a participant’s records request', () => {
  const api = useTestApp();
  let owner: SignedIn;
  let clinician: SignedIn;
  let clinicianId: string;
  let assistant: SignedIn;
  let stranger: SignedIn;
  beforeAll(async () => {
    owner = await registerPractice(api.http, 'Confidential Practice');
    const added = await addTeamMember(api.http, owner, 'clinician');
    clinician = added.signedIn;
    clinicianId = added.member.id;
    assistant = (await addTeamMember(api.http, owner, 'assistant')).signedIn;
    stranger = await registerPractice(api.http, 'Another Practice');
  });

  const openCase = () => openCoupleWithLinks(api.http, owner, clinicianId);
  const noteUrl = (sessionId: string) => `/api/sessions/${sessionId}/note`;
  const save = (sessionId: string, request: SaveNoteRequest) => api.http.put(noteUrl(sessionId)).set(clinician.auth).send(request);
  async function newSession(caseId: string, attendeeIds?: string[], startsAt = '2026-04-02T15:00:00Z'): Promise<string> {
    const response = await api.http.post(`/api/cases/${caseId}/sessions`).set(clinician.auth).send({ startsAt, durationMinutes: 50, modality: 'video', attendeeIds }).expect(201);
    return (response.body as TherapySession).id;
  }
  async function signedNote(sessionId: string, body: string, aboutParticipantId: string | null, addendum: string): Promise<void> {
    await save(sessionId, { template: 'free', sections: free(body), aboutParticipantId, version: 0 }).expect(200);
    await api.http.post(`${noteUrl(sessionId)}/sign`).set(clinician.auth).expect(200);
    await api.http.post(`${noteUrl(sessionId)}/addenda`).set(clinician.auth).send({ body: addendum }).expect(201);
  }

  describe('whom a note is about', () => {
    it('is joint unless chosen, may change while a draft, and is fixed once signed', async () => {
      const { caseId, alex, sam } = await openCase();
      const sessionId = await newSession(caseId, [alex.id]);

      const created = (await save(sessionId, { template: 'free', sections: free('First thoughts.'), version: 0 }).expect(200)).body as SessionNote;
      expect(created.aboutParticipantId).toBeNull();
      const aboutAlex = (await save(sessionId, { template: 'free', sections: free('About Alex.'), aboutParticipantId: alex.id, version: 1 }).expect(200)).body as SessionNote;
      expect(aboutAlex.aboutParticipantId).toBe(alex.id);
      // A save that leaves the field out keeps the choice.
      const kept = (await save(sessionId, { template: 'free', sections: free('Still about Alex.'), version: 2 }).expect(200)).body as SessionNote;
      expect(kept.aboutParticipantId).toBe(alex.id);
      const read = (await api.http.get(noteUrl(sessionId)).set(clinician.auth).expect(200)).body as SessionNote;
      expect(read).toMatchObject({ aboutParticipantId: alex.id, version: 3 });
      const joint = (await save(sessionId, { template: 'free', sections: free('About both after all.'), aboutParticipantId: null, version: 3 }).expect(200)).body as SessionNote;
      expect(joint.aboutParticipantId).toBeNull();

      await save(sessionId, { template: 'free', sections: free('About Sam.'), aboutParticipantId: sam.id, version: 4 }).expect(200);
      const signed = (await api.http.post(`${noteUrl(sessionId)}/sign`).set(clinician.auth).expect(200)).body as SessionNote;
      expect(signed).toMatchObject({ status: 'signed', aboutParticipantId: sam.id });
      const refused = await save(sessionId, { template: 'free', sections: free('About Sam.'), aboutParticipantId: null, version: 5 }).expect(409);
      expect(refused.body.message).toMatch(/signed/);
      expect(((await api.http.get(noteUrl(sessionId)).set(clinician.auth).expect(200)).body as SessionNote).aboutParticipantId).toBe(sam.id);
      // The sessions list marks it, so a confidential note shows as one before it is opened.
      const listed = (await api.http.get(`/api/cases/${caseId}/sessions`).set(clinician.auth).expect(200)).body as TherapySession[];
      expect(listed.map((session) => [session.id, session.noteState, session.noteAboutParticipantId])).toEqual([[sessionId, 'signed', sam.id]]);
    });

    it('must be one of the case’s own participants', async () => {
      const { caseId } = await openCase();
      const elsewhere = await openCase();
      const sessionId = await newSession(caseId);
      for (const aboutParticipantId of [elsewhere.alex.id, randomUUID()]) {
        const response = await save(sessionId, { template: 'free', sections: free('Who?'), aboutParticipantId, version: 0 }).expect(400);
        expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: ['aboutParticipantId must be one of this case’s participants, or null for a joint note'] });
      }
      const malformed = await save(sessionId, { template: 'free', sections: free('Who?'), aboutParticipantId: 'alex', version: 0 }).expect(400);
      expect(JSON.stringify(malformed.body.message)).toMatch(/aboutParticipantId/);
      // Nothing was saved: the session still has no note.
      expect((await api.http.get(noteUrl(sessionId)).set(clinician.auth).expect(200)).body).toBeNull();
    });
  });

  describe('the export for one participant’s records request', () => {
    const text = {
      caseEvent: marker('EVENT-CASE'),
      alexEvent: marker('EVENT-ALEX'),
      samEvent: marker('EVENT-SAM'),
      jointNote: marker('NOTE-JOINT'),
      jointAddendum: marker('ADDENDUM-JOINT'),
      alexNote: marker('NOTE-ALEX'),
      alexAddendum: marker('ADDENDUM-ALEX'),
      samNote: marker('NOTE-SAM'),
      samAddendum: marker('ADDENDUM-SAM'),
      draftNote: marker('NOTE-DRAFT'),
      alexPrivateAnswer: marker('ANSWER-ALEX-PRIVATE'),
      alexSharedAnswer: marker('ANSWER-ALEX-SHARED'),
      samPrivateAnswer: marker('ANSWER-SAM-PRIVATE'),
      samSharedAnswer: marker('ANSWER-SAM-SHARED'),
      alexCheckIn: marker('CHECKIN-ALEX'),
      samCheckIn: marker('CHECKIN-SAM'),
      alexSafetyReport: marker('SAFETY-ALEX'),
      samSafetyReport: marker('SAFETY-SAM'),
      alexSignature: marker('SIGNED-ALEX'),
      samSignature: marker('SIGNED-SAM'),
      alexEmail: `alex-${randomBytes(4).toString('hex')}@example.test`,
      samEmail: `sam-${randomBytes(4).toString('hex')}@example.test`,
    };
    /** What only Alex's records hold, what only Sam's do, what both do, and what neither does. */
    const alexOnly = [text.alexEvent, text.alexNote, text.alexAddendum, text.alexPrivateAnswer, text.alexSharedAnswer, text.alexCheckIn, text.alexSafetyReport, text.alexEmail, text.alexSignature];
    const samOnly = [text.samEvent, text.samNote, text.samAddendum, text.samPrivateAnswer, text.samSharedAnswer, text.samCheckIn, text.samSafetyReport, text.samEmail, text.samSignature];
    const both = [text.caseEvent, text.jointNote, text.jointAddendum];

    let caseId: string;
    let alex: PortalPerson;
    let sam: PortalPerson;
    let sessions: { joint: string; alexAlone: string; samAlone: string; draft: string };
    const exportFor = (participant: string, as: SignedIn = clinician) => api.http.get(`/api/cases/${caseId}/export`).query({ participant }).set(as.auth);

    beforeAll(async () => {
      ({ caseId, alex, sam } = await openCase());
      await api.http
        .patch(`/api/cases/${caseId}`)
        .set(clinician.auth)
        .send({ participants: [{ id: alex.id, email: text.alexEmail }, { id: sam.id, email: text.samEmail }] })
        .expect(200);
      const event = (title: string, participantId?: string) =>
        api.http.post(`/api/cases/${caseId}/events`).set(clinician.auth).send({ kind: 'milestone', occurredOn: '2026-03-01', title, participantId }).expect(201);
      await event(text.caseEvent);
      await event(text.alexEvent, alex.id);
      await event(text.samEvent, sam.id);

      sessions = {
        joint: await newSession(caseId, undefined, '2026-04-02T15:00:00Z'),
        alexAlone: await newSession(caseId, [alex.id], '2026-04-09T15:00:00Z'),
        samAlone: await newSession(caseId, [sam.id], '2026-04-16T15:00:00Z'),
        draft: await newSession(caseId, undefined, '2026-04-23T15:00:00Z'),
      };
      await signedNote(sessions.joint, text.jointNote, null, text.jointAddendum);
      await signedNote(sessions.alexAlone, text.alexNote, alex.id, text.alexAddendum);
      await signedNote(sessions.samAlone, text.samNote, sam.id, text.samAddendum);
      await save(sessions.draft, { template: 'free', sections: free(text.draftNote), version: 0 }).expect(200);

      // Two sheets each: one answer kept private, one shared with the other participant.
      const today = new Date().toISOString().slice(0, 10);
      for (let sheet = 0; sheet < 2; sheet += 1) {
        await api.http.post(`/api/cases/${caseId}/assignments`).set(clinician.auth).send({ exerciseId: 'builtin:weekly-trust-check-in', assignTo: 'each', dueOn: today }).expect(201);
      }
      const answer = async (person: PortalPerson, privateText: string, sharedText: string) => {
        const sheets = (await api.http.get('/api/portal/assignments').set(person.auth).expect(200)).body as { id: string; prompts: ExercisePrompt[] }[];
        expect(sheets).toHaveLength(2);
        const [first, second] = sheets;
        await api.http.post(`/api/portal/assignments/${first.id}/submissions`).set(person.auth).send({ answers: answersFor(first.prompts, privateText), shared: false }).expect(201);
        await api.http.post(`/api/portal/assignments/${second.id}/submissions`).set(person.auth).send({ answers: answersFor(second.prompts, sharedText), shared: true }).expect(201);
      };
      await answer(alex, text.alexPrivateAnswer, text.alexSharedAnswer);
      await answer(sam, text.samPrivateAnswer, text.samSharedAnswer);

      const checkIn = (person: PortalPerson, note: string) =>
        api.http.post('/api/portal/check-ins').set(person.auth).send({ trust: 5, safety: 6, heard: 5, closeness: 4, note }).expect(201);
      await checkIn(alex, text.alexCheckIn);
      await checkIn(sam, text.samCheckIn);
      const report = (person: PortalPerson, message: string) => api.http.post('/api/portal/safety-reports').set(person.auth).send({ message, urgency: 'concern' }).expect(201);
      await report(alex, text.alexSafetyReport);
      await report(sam, text.samSafetyReport);
      // Each signs their own copy of the informed consent every new case asks for.
      await signAgreement(api.http, alex, 'builtin:informed-consent', text.alexSignature);
      await signAgreement(api.http, sam, 'builtin:informed-consent', text.samSignature);
    });

    const missing = (document: string, expected: string[]) => expected.filter((value) => !document.includes(value));
    const present = (document: string, forbidden: string[]) => forbidden.filter((value) => document.includes(value));
    /** The readable export's text, white space removed so a marker a line break split is still found. */
    const pdfFor = async (participant: string): Promise<string> => {
      const response = await exportFor(participant).query({ format: 'pdf' }).responseType('blob').expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="trustwork-case-${caseId}-participant-${participant}-\\d{4}-\\d{2}-\\d{2}\\.pdf"$`));
      expect(response.headers['cache-control']).toBe('no-store');
      return withoutSpaces((await pdfText(response.body as Buffer)).text);
    };

    it('holds everything of Alex’s and the joint record, and nothing private to Sam', async () => {
      const response = await exportFor(alex.id).expect(200);
      expect(response.headers['content-disposition']).toMatch(new RegExp(`^attachment; filename="trustwork-case-${caseId}-participant-${alex.id}-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
      expect(response.headers['cache-control']).toBe('no-store');
      expect(missing(response.text, [...alexOnly, ...both])).toEqual([]);
      expect(present(response.text, [...samOnly, text.draftNote])).toEqual([]);

      const document = response.body as CaseExport;
      expect(document.forParticipant).toEqual({ id: alex.id, displayName: 'Alex Rivera' });
      expect(document.participants).toEqual([
        expect.objectContaining({ id: alex.id, email: text.alexEmail }),
        expect.objectContaining({ id: sam.id, displayName: 'Sam Rivera', email: null, phone: null }),
      ]);
      expect(document.notes.map((note) => [note.sessionId, note.aboutParticipantId])).toEqual([
        [sessions.joint, null],
        [sessions.alexAlone, alex.id],
      ]);
      expect(document.sessions.map((session) => session.id)).toEqual([sessions.joint, sessions.alexAlone, sessions.draft]);
      expect(document.draftNotesExcluded).toBe(1);
      expect(document.submissions?.map((submission) => [submission.participant.id, submission.shared])).toEqual([
        [alex.id, false],
        [alex.id, true],
      ]);
      expect(document.submissions?.[0]).toMatchObject({ title: expect.any(String), prompts: expect.any(Array) });
      expect(document.checkIns?.map((checkIn) => checkIn.participantId)).toEqual([alex.id]);
      expect(document.safetyReports?.map((report) => report.participantId)).toEqual([alex.id]);
      expect(document.signatures.map((signature) => [signature.participantId, signature.agreementId, signature.typedName])).toEqual([
        [alex.id, 'builtin:informed-consent', text.alexSignature],
      ]);
      // The exact text signed travels with the signature: its SHA-256 is the one stored.
      const [signed] = document.signatures;
      expect(signed.text).toContain('Alex Rivera');
      expect(createHash('sha256').update(signed.text, 'utf8').digest('hex')).toBe(signed.documentHash);
    });

    it('holds everything of Sam’s and the joint record, and nothing private to Alex', async () => {
      const response = await exportFor(sam.id).expect(200);
      expect(missing(response.text, [...samOnly, ...both])).toEqual([]);
      // Alex's shared answers too stay out: they are Alex's record, which the portal already shows Sam.
      expect(present(response.text, [...alexOnly, text.draftNote])).toEqual([]);
      expect((response.body as CaseExport).sessions.map((session) => session.id)).toEqual([sessions.joint, sessions.samAlone, sessions.draft]);
    });

    it('reads the same in the PDF: each person’s own and the joint record, nothing the JSON leaves out', async () => {
      const forSam = await pdfFor(sam.id);
      expect(forSam).toContain('RecordsofSamRivera');
      expect(missing(forSam, [...samOnly, ...both])).toEqual([]);
      expect(present(forSam, [...alexOnly, text.draftNote])).toEqual([]);
      expect(forSam).toContain('1notestillindraftwasleftout');

      const forAlex = await pdfFor(alex.id);
      expect(missing(forAlex, [...alexOnly, ...both])).toEqual([]);
      expect(present(forAlex, [...samOnly, text.draftNote])).toEqual([]);
      // The signature with the text as signed, and the fingerprint that proves it.
      const [signed] = ((await exportFor(alex.id).expect(200)).body as CaseExport).signatures;
      expect(forAlex).toContain(signed.documentHash);
      const paragraph = signed.text.split('\n').find((line) => line.length > 40);
      expect(paragraph).toBeDefined();
      expect(forAlex).toContain(withoutSpaces(paragraph ?? ''));
    });

    it('still exports the whole case, for a transfer of care, without a participant', async () => {
      const response = await api.http.get(`/api/cases/${caseId}/export`).set(clinician.auth).expect(200);
      expect(missing(response.text, [text.caseEvent, text.alexEvent, text.samEvent, text.jointNote, text.alexNote, text.samNote, text.alexEmail, text.samEmail])).toEqual([]);
      expect(present(response.text, [text.draftNote])).toEqual([]);
      const document = response.body as CaseExport;
      expect(document.forParticipant).toBeUndefined();
      expect(document.signatures.map((signature) => [signature.participantId, signature.typedName])).toEqual([
        [alex.id, text.alexSignature],
        [sam.id, text.samSignature],
      ]);
      expect(document.submissions).toBeUndefined();
      expect(document.checkIns).toBeUndefined();
      expect(document.safetyReports).toBeUndefined();
    });

    it('names only a participant of this case, and keeps the export’s own access rules', async () => {
      const elsewhere = await openCase();
      for (const participant of [elsewhere.alex.id, randomUUID()]) {
        const response = await exportFor(participant).expect(404);
        expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'This case has no participant with that id.' });
      }
      const malformed = await exportFor('alex').expect(400);
      expect(JSON.stringify(malformed.body.message)).toMatch(/participant must be the id/);
      await exportFor(alex.id, owner).expect(200);
      await exportFor(alex.id, assistant).expect(403);
      await exportFor(alex.id, stranger).expect(404);
    });

    it('is audited as an export naming the participant', async () => {
      await exportFor(sam.id).expect(200);
      const page = (await api.http.get('/api/audit-events').query({ caseId, recordId: sam.id, limit: 100 }).set(owner.auth).expect(200)).body as Page<AuditEvent>;
      expect(page.items.filter((event) => event.action === 'case.export')[0]).toMatchObject({ recordType: 'participant', recordId: sam.id, caseId, actorId: clinicianId });
    });
  });
});
