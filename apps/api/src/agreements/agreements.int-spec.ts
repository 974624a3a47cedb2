import type {
  AgreementDetail,
  AgreementReminderResult,
  AgreementSummary,
  CaseAgreements,
  CaseDetail,
  PortalAgreementDocument,
  PortalAgreementSummary,
  PortalSignature,
  PortalWelcome,
} from '@trustwork/contracts';
import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import type { Response } from 'supertest';
import { partOf, startMailbox } from '../../test/mailbox';
import { pdfText, withoutSpaces } from '../../test/pdf-text';
import { openCoupleWithLinks, practiceWithTeam, signAgreement, useTestApp, type PortalPerson, type SignedIn } from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';

/** Superagent leaves a PDF's body empty unless told to keep the bytes. */
const asBuffer = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};
/** A refusal's message: one line per problem. */
const messageOf = (response: Response): string => ([] as string[]).concat(response.body.message).join('\n');
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const PRACTICE = 'Harbour Lane Counselling';
const ALEX_SIGNS_AS = 'Alex Jordan Rivera';
const SAM_SIGNS_AS = 'Samuel Rivera';

describe('agreements and consent', () => {
  jest.setTimeout(60_000);
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  beforeAll(async () => {
    mailbox = await startMailbox();
  });
  afterAll(() => mailbox.stop());
  const api = useTestApp(() => ({ SMTP_URL: mailbox.url }));
  const http = () => api.http;

  let database: Client;
  let team: Awaited<ReturnType<typeof practiceWithTeam>>;
  let other: Awaited<ReturnType<typeof practiceWithTeam>>;
  let feesId: string;
  let caseId: string;
  let alex: PortalPerson;
  let sam: PortalPerson;
  let otherCase: { caseId: string; alex: PortalPerson; sam: PortalPerson };

  const status = async (as: SignedIn = team.clinician) => (await http().get(`/api/cases/${caseId}/agreements`).set(as.auth).expect(200)).body as CaseAgreements;
  const portalList = async (person: PortalPerson) => (await http().get('/api/portal/agreements').set(person.auth).expect(200)).body as PortalAgreementSummary[];
  const read = async (person: PortalPerson, agreementId: string) =>
    (await http().get(`/api/portal/agreements/${agreementId}`).set(person.auth).expect(200)).body as PortalAgreementDocument;
  const signatureCount = async () => Number((await database.query('SELECT count(*) FROM agreement_signatures WHERE case_id = $1', [caseId])).rows[0].count);
  const statesOf = (agreements: CaseAgreements) => agreements.agreements.map((agreement) => [agreement.agreementId, agreement.signers.map((signer) => signer.state)]);

  beforeAll(async () => {
    database = await connect(ownerDatabaseUrl());
    team = await practiceWithTeam(http(), PRACTICE);
    other = await practiceWithTeam(http(), 'Elsewhere Therapy');
    const fees = await http()
      .post('/api/agreements')
      .set(team.owner.auth)
      .send({ kind: 'other', title: 'Sessions and fees at {{practice}}', body: 'Sessions with {{clinicians}} last fifty minutes.\n\n# Fees\nAgreed with {{practice}}.' })
      .expect(201);
    feesId = (fees.body as AgreementDetail).id;
    ({ caseId, alex, sam } = await openCoupleWithLinks(http(), team.owner, team.clinicianId, undefined, {
      confidentialityPolicyId: 'builtin:limited-secrets',
      agreementIds: ['builtin:informed-consent', feesId],
    }));
    otherCase = await openCoupleWithLinks(http(), other.owner, other.clinicianId, undefined, { confidentialityPolicyId: 'builtin:no-secrets' });
  });
  afterAll(() => database?.end());

  describe('the library', () => {
    it('lists the built-ins first, then the practice’s own; owners alone write them', async () => {
      const list = (await http().get('/api/agreements').set(team.assistant.auth).expect(200)).body as AgreementSummary[];
      expect(list.map((agreement) => agreement.id)).toEqual([
        'builtin:informed-consent',
        'builtin:no-secrets',
        'builtin:limited-secrets',
        'builtin:kept-private',
        'builtin:telehealth',
        'builtin:email-communication',
        feesId,
      ]);
      const policies = (await http().get('/api/agreements').query({ kind: 'confidentiality' }).set(team.clinician.auth).expect(200)).body as AgreementSummary[];
      expect(policies.map((agreement) => agreement.policyKind)).toEqual(['no-secrets', 'limited-secrets', 'kept-private']);
      await http().post('/api/agreements').set(team.clinician.auth).send({ kind: 'other', title: 'Mine', body: 'Text.' }).expect(403);
      // Another practice's agreement is not in this library.
      await http().get(`/api/agreements/${feesId}`).set(other.owner.auth).expect(404);
      await http().get('/api/agreements/not-an-id').set(team.owner.auth).expect(404);
      await http().get('/api/agreements/builtin:no-such-thing').set(team.owner.auth).expect(404);
    });

    it('refuses a field it cannot fill, naming it and the known ones', async () => {
      const refused = await http().post('/api/agreements').set(team.owner.auth).send({ kind: 'other', title: 'Hello', body: 'Dear {{client_name}},' }).expect(400);
      expect(messageOf(refused)).toContain('{{client_name}}');
      expect(messageOf(refused)).toContain('{{practice}}, {{clinicians}}, {{people}}, {{policy}}');
    });

    it('keeps built-ins as written and refuses an edit based on an older version', async () => {
      const builtIn = await http().patch('/api/agreements/builtin:no-secrets').set(team.owner.auth).send({ title: 'Ours' }).expect(409);
      expect(messageOf(builtIn)).toMatch(/practice's own version/);
      const draft = (await http().post('/api/agreements').set(team.owner.auth).send({ kind: 'telehealth', title: 'Video', body: 'One.' }).expect(201))
        .body as AgreementDetail;
      await http().patch(`/api/agreements/${draft.id}`).set(team.owner.auth).send({ body: 'Two.', version: 1 }).expect(200);
      const stale = await http().patch(`/api/agreements/${draft.id}`).set(team.owner.auth).send({ body: 'Three.', version: 1 }).expect(409);
      expect(stale.body.currentVersion).toBe(2);
      const first = (await http().get(`/api/agreements/${draft.id}`).query({ version: 1 }).set(team.owner.auth).expect(200)).body as AgreementDetail;
      expect(first).toMatchObject({ version: 1, currentVersion: 2, body: 'One.' });
      expect(first.versions.map((version) => version.version)).toEqual([2, 1]);
      await http().get(`/api/agreements/${draft.id}`).query({ version: 9 }).set(team.owner.auth).expect(404);
      const archived = (await http().patch(`/api/agreements/${draft.id}`).set(team.owner.auth).send({ archived: true }).expect(200)).body as AgreementDetail;
      expect(archived).toMatchObject({ archived: true, currentVersion: 2 });
      const listed = (await http().get('/api/agreements').set(team.owner.auth).expect(200)).body as AgreementSummary[];
      expect(listed.map((agreement) => agreement.id)).not.toContain(draft.id);
    });
  });

  describe('opening a case', () => {
    const newCase = (extra: object) =>
      http()
        .post('/api/cases')
        .set(team.clinician.auth)
        .send({ relationshipType: 'couple', participants: [{ displayName: 'Kim', breachRole: 'not-stated' }, { displayName: 'Lee', breachRole: 'not-stated' }], ...extra });
    // This practice's cases only: other suites open cases in the same database at the same time.
    const caseCount = async () =>
      Number((await database.query('SELECT count(*) FROM cases WHERE practice_id = $1', [team.clinician.tokens.user.practice.id])).rows[0].count);

    it('gives the case its policy and, unless chosen, informed consent', async () => {
      const created = (await newCase({ confidentialityPolicyId: 'builtin:kept-private' }).expect(201)).body as CaseDetail;
      expect(created.confidentialityPolicy).toMatchObject({ agreementId: 'builtin:kept-private', kind: 'kept-private', name: 'Kept-private policy' });
      expect(created.confidentialityPolicy?.summary).toMatch(/stays between them/);
      const agreements = (await http().get(`/api/cases/${created.id}/agreements`).set(team.clinician.auth).expect(200)).body as CaseAgreements;
      expect(agreements.agreements.map((agreement) => [agreement.agreementId, agreement.fromPolicy])).toEqual([
        ['builtin:informed-consent', false],
        ['builtin:kept-private', true],
      ]);
      expect(agreements.informedConsentComplete).toBe(false);
      const withoutPolicy = (await newCase({ agreementIds: [] }).expect(201)).body as CaseDetail;
      expect(withoutPolicy.confidentialityPolicy).toBeNull();
    });

    it('refuses an id that is not a policy or not an agreement, and opens nothing', async () => {
      const before = await caseCount();
      const notAPolicy = await newCase({ confidentialityPolicyId: 'builtin:informed-consent' }).expect(400);
      expect(messageOf(notAPolicy)).toMatch(/^confidentialityPolicyId must be a confidentiality policy/);
      const aPolicy = await newCase({ agreementIds: ['builtin:no-secrets'] }).expect(400);
      expect(messageOf(aPolicy)).toMatch(/agreementIds\[0\] is a confidentiality policy/);
      await newCase({ agreementIds: [otherCase.caseId] }).expect(400);
      await newCase({ agreementIds: ['builtin:telehealth', 'builtin:telehealth'] }).expect(400);
      const intake = await http()
        .post('/api/intakes')
        .set(team.clinician.auth)
        .send({
          relationshipType: 'couple',
          participants: [{ displayName: 'Kim', breachRole: 'not-stated' }, { displayName: 'Lee', breachRole: 'not-stated' }],
          createPortalLinks: false,
          confidentialityPolicyId: 'builtin:nothing',
        })
        .expect(400);
      expect(messageOf(intake)).toMatch(/confidentialityPolicyId/);
      expect(await caseCount()).toBe(before);
    });
  });

  describe('signing (the acceptance, through the API alone)', () => {
    let alexDocument: PortalAgreementDocument;

    it('shows each person their own copy to sign; one signing shows nothing of it to the other', async () => {
      alexDocument = await read(alex, 'builtin:informed-consent');
      expect(alexDocument.text).toMatch(/^# Consent to relational therapy\n\n/);
      expect(alexDocument.text).toContain('Alex Rivera and Sam Rivera');
      expect(alexDocument.text).toContain(PRACTICE);
      expect(alexDocument.text).toContain('Limited-secrets policy');
      expect(alexDocument.text).not.toMatch(/\{\{/);
      expect(alexDocument.documentHash).toBe(sha256(alexDocument.text));
      const policy = await read(alex, 'builtin:limited-secrets');
      expect(policy.text).toMatch(/danger/);
      expect(policy.text).toMatch(/court/);

      for (const agreementId of ['builtin:informed-consent', 'builtin:limited-secrets', feesId]) await signAgreement(http(), alex, agreementId, ALEX_SIGNS_AS);

      expect((await portalList(alex)).map((agreement) => agreement.state)).toEqual(['signed', 'signed', 'signed']);
      const samSees = await http().get('/api/portal/agreements').set(sam.auth).expect(200);
      expect((samSees.body as PortalAgreementSummary[]).map((agreement) => [agreement.agreementId, agreement.state, agreement.signedAt, agreement.appliesToBoth])).toEqual([
        ['builtin:informed-consent', 'to-sign', null, true],
        ['builtin:limited-secrets', 'to-sign', null, true],
        [feesId, 'to-sign', null, true],
      ]);
      expect(samSees.text).not.toContain(ALEX_SIGNS_AS);
      const samDocument = await http().get('/api/portal/agreements/builtin:informed-consent').set(sam.auth).expect(200);
      expect(samDocument.text).not.toContain(ALEX_SIGNS_AS);
      expect((await http().get('/api/portal/me').set(sam.auth).expect(200)).body as PortalWelcome).toMatchObject({ agreementsToSign: 3 });
    });

    it('keeps the hash of the text each person was shown, and shows the practice who signed what', async () => {
      const samDocument = await read(sam, 'builtin:informed-consent');
      const signed = (await http()
        .post('/api/portal/agreements/builtin:informed-consent/signature')
        .set(sam.auth)
        .set('User-Agent', 'Phone browser 1.0')
        .send({ version: samDocument.version, documentHash: samDocument.documentHash, typedName: `  ${SAM_SIGNS_AS}  `, intendToSign: true })
        .expect(201)).body as PortalSignature;
      expect(signed).toMatchObject({ agreementId: 'builtin:informed-consent', typedName: SAM_SIGNS_AS, documentHash: sha256(samDocument.text) });

      const agreements = await status();
      expect(agreements.policy).toMatchObject({ agreementId: 'builtin:limited-secrets', name: 'Limited-secrets policy' });
      expect(agreements.informedConsentComplete).toBe(true);
      expect(statesOf(agreements)).toEqual([
        ['builtin:informed-consent', ['signed', 'signed']],
        ['builtin:limited-secrets', ['signed', 'unsigned']],
        [feesId, ['signed', 'unsigned']],
      ]);
      const [alexSignature, samSignature] = agreements.agreements[0].signers.map((signer) => signer.signature);
      expect(alexSignature).toMatchObject({ typedName: ALEX_SIGNS_AS, documentHash: sha256(alexDocument.text), version: 1 });
      expect(samSignature).toMatchObject({ typedName: SAM_SIGNS_AS, documentHash: sha256(samDocument.text), userAgent: 'Phone browser 1.0' });
      expect(samSignature?.ipAddress).toBeTruthy();
      const stored = await database.query('SELECT document_text, statement FROM agreement_signatures WHERE id = $1', [samSignature?.id]);
      expect(stored.rows[0].document_text).toBe(samDocument.text);
      expect(stored.rows[0].statement).toBe(samDocument.statement);
    });

    it('gives a signed copy as PDF with the typed name and the hash, to the practice and to the signer', async () => {
      const signature = (await status()).agreements[0].signers[1].signature;
      const practiceCopy = await http()
        .get(`/api/cases/${caseId}/agreements/signatures/${signature?.id}/pdf`)
        .set(team.assistant.auth)
        .buffer(true)
        .parse(asBuffer)
        .expect(200);
      expect(practiceCopy.headers['content-type']).toBe('application/pdf');
      expect(practiceCopy.headers['content-disposition']).toMatch(/^attachment; filename="signed-consent-to-relational-therapy-\d{4}-\d{2}-\d{2}\.pdf"$/);
      expect(practiceCopy.headers['cache-control']).toBe('no-store');
      const { text } = await pdfText(practiceCopy.body as Buffer);
      expect(text).toContain(SAM_SIGNS_AS);
      expect(text).toContain('Signed electronically on');
      expect(withoutSpaces(text)).toContain(signature?.documentHash);
      expect(text).toContain('Consent to relational therapy');

      const ownCopy = await http()
        .get('/api/portal/agreements/builtin:informed-consent/pdf')
        .set(sam.auth)
        .buffer(true)
        .parse(asBuffer)
        .expect(200);
      expect((await pdfText(ownCopy.body as Buffer)).text).toContain(SAM_SIGNS_AS);
      // Sam has not signed the fees agreement; Alex's signature of it is not Sam's copy.
      await http().get(`/api/portal/agreements/${feesId}/pdf`).set(sam.auth).expect(404);
      // A signature of this case asked for through another case.
      await http().get(`/api/cases/${otherCase.caseId}/agreements/signatures/${signature?.id}/pdf`).set(other.owner.auth).expect(404);
      const otherTeamCase = await openCoupleWithLinks(http(), team.owner, team.clinicianId);
      await http().get(`/api/cases/${otherTeamCase.caseId}/agreements/signatures/${signature?.id}/pdf`).set(team.owner.auth).expect(404);
    });

    it('refuses a tampered signature and stores nothing', async () => {
      const document = await read(sam, 'builtin:limited-secrets');
      const sign = (agreementId: string, changes: object, person = sam) =>
        http()
          .post(`/api/portal/agreements/${agreementId}/signature`)
          .set(person.auth)
          .send({ version: document.version, documentHash: document.documentHash, typedName: SAM_SIGNS_AS, intendToSign: true, ...changes });
      const before = await signatureCount();

      await sign('builtin:telehealth', {}).expect(404);
      const otherPractice = (await http().post('/api/agreements').set(other.owner.auth).send({ kind: 'other', title: 'Theirs', body: 'Text.' }).expect(201)).body;
      await sign(otherPractice.id, {}).expect(404);
      const stale = await sign('builtin:limited-secrets', { version: document.version + 1 }).expect(409);
      expect(messageOf(stale)).toBe('This agreement has changed since you opened it: read it again, then sign.');
      await sign('builtin:limited-secrets', { documentHash: sha256(`${document.text} `) }).expect(409);
      await sign('builtin:limited-secrets', { intendToSign: false }).expect(400);
      await sign('builtin:limited-secrets', { typedName: '   ' }).expect(400);
      await sign('builtin:limited-secrets', { typedName: 'x'.repeat(121) }).expect(400);
      await sign('builtin:limited-secrets', { participantId: alex.id }).expect(400);
      // Another practice's person, whose case works under another policy: not theirs to sign.
      await sign('builtin:limited-secrets', {}, otherCase.alex).expect(404);
      await sign('builtin:informed-consent', {}, otherCase.alex).expect(409);
      await sign('builtin:informed-consent', { documentHash: (await read(sam, 'builtin:informed-consent')).documentHash }).expect(409);

      expect(await signatureCount()).toBe(before);
      expect(statesOf(await status())[1]).toEqual(['builtin:limited-secrets', ['signed', 'unsigned']]);
    });

    it('refuses a typed name holding half a surrogate pair, naming the field, and stores nothing', async () => {
      const document = await read(sam, 'builtin:limited-secrets');
      const before = await signatureCount();
      // Sent as JSON text, as a client would: the escape is the only way JSON carries half a pair.
      const body = JSON.stringify({ version: document.version, documentHash: document.documentHash, intendToSign: true }).replace(/}$/, ',"typedName":"Sam \\ud800 Rivera"}');
      const refused = await http()
        .post('/api/portal/agreements/builtin:limited-secrets/signature')
        .set(sam.auth)
        .set('Content-Type', 'application/json')
        .send(body)
        .expect(400);
      expect(messageOf(refused)).toMatch(/^typedName /);
      expect(await signatureCount()).toBe(before);
    });

    it('turns away a link of another case in the same practice as if the agreement did not exist', async () => {
      const neighbours = await openCoupleWithLinks(http(), team.owner, team.clinicianId);
      const before = await signatureCount();
      // The fees agreement is this practice's, but not on their case.
      await http().get(`/api/portal/agreements/${feesId}`).set(neighbours.alex.auth).expect(404);
      await http().get(`/api/portal/agreements/${feesId}/pdf`).set(neighbours.alex.auth).expect(404);
      const fees = await read(sam, feesId);
      await http()
        .post(`/api/portal/agreements/${feesId}/signature`)
        .set(neighbours.alex.auth)
        .send({ version: fees.version, documentHash: fees.documentHash, typedName: ALEX_SIGNS_AS, intendToSign: true })
        .expect(404);
      // Informed consent is on their case too; this case's signed copies are not theirs.
      await http().get('/api/portal/agreements/builtin:informed-consent/pdf').set(neighbours.alex.auth).expect(404);
      expect((await http().get('/api/portal/agreements').set(neighbours.alex.auth).expect(200)).text).not.toContain(ALEX_SIGNS_AS);
      expect(await signatureCount()).toBe(before);
    });

    it('asks both to sign again when an agreement of the case gets a new version', async () => {
      await signAgreement(http(), sam, 'builtin:limited-secrets', SAM_SIGNS_AS);
      await signAgreement(http(), sam, feesId, SAM_SIGNS_AS);
      expect(statesOf(await status())[2]).toEqual([feesId, ['signed', 'signed']]);

      await http().patch(`/api/agreements/${feesId}`).set(team.owner.auth).send({ body: 'Sessions last fifty minutes; {{practice}} sets the fees.' }).expect(200);
      const agreements = await status();
      expect(statesOf(agreements)[2]).toEqual([feesId, ['outdated', 'outdated']]);
      expect(agreements.agreements[2].version).toBe(2);
      expect(agreements.agreements[2].signers[0].signature?.version).toBe(1);
      expect((await portalList(sam))[2]).toMatchObject({ state: 'to-sign', version: 2, signedAt: null });
      // The first version stays readable, as it was signed.
      expect(((await http().get(`/api/agreements/${feesId}`).query({ version: 1 }).set(team.clinician.auth).expect(200)).body as AgreementDetail).body).toMatch(
        /fifty minutes/,
      );
    });

    it('asks both to sign everything again when the policy changes, with a reason kept in the history', async () => {
      const change = (body: object, as: SignedIn = team.clinician) => http().put(`/api/cases/${caseId}/confidentiality-policy`).set(as.auth).send(body);
      const noReason = await change({ agreementId: 'builtin:no-secrets' }).expect(400);
      expect(messageOf(noReason)).toMatch(/^reason/);
      await change({ agreementId: 'builtin:limited-secrets', reason: 'Again' }).expect(409);
      await change({ agreementId: 'builtin:telehealth', reason: 'Wrong kind' }).expect(400);
      await change({ agreementId: 'builtin:no-secrets', reason: 'Agreed together in session' }, team.assistant).expect(403);

      const changed = (await change({ agreementId: 'builtin:no-secrets', reason: 'Agreed together in session' }).expect(200)).body as CaseAgreements;
      expect(changed.policy).toMatchObject({ agreementId: 'builtin:no-secrets', kind: 'no-secrets' });
      expect(changed.policyHistory.map((entry) => [entry.policy?.agreementId, entry.previous?.agreementId ?? null, entry.reason])).toEqual([
        ['builtin:limited-secrets', null, null],
        ['builtin:no-secrets', 'builtin:limited-secrets', 'Agreed together in session'],
      ]);
      expect(statesOf(changed)).toEqual([
        ['builtin:informed-consent', ['outdated', 'outdated']],
        ['builtin:no-secrets', ['unsigned', 'unsigned']],
        [feesId, ['outdated', 'outdated']],
      ]);
      expect(changed.informedConsentComplete).toBe(false);
      const welcome = (await http().get('/api/portal/me').set(sam.auth).expect(200)).body as PortalWelcome;
      expect(welcome.confidentialityPolicy?.privateLineSentence).toBe("Under this case's no-secrets policy, what you write here may be brought into a joint session.");
      expect(((await http().get(`/api/cases/${caseId}`).set(team.clinician.auth).expect(200)).body as CaseDetail).confidentialityPolicy?.kind).toBe('no-secrets');
    });

    it('replaces the case’s own agreements, keeping their order and the policy’s', async () => {
      const set = (agreementIds: string[], as: SignedIn = team.clinician) => http().put(`/api/cases/${caseId}/agreements`).set(as.auth).send({ agreementIds });
      await set(['builtin:kept-private']).expect(400);
      await set(['builtin:telehealth'], team.assistant).expect(403);
      const changed = (await set(['builtin:telehealth', 'builtin:informed-consent']).expect(200)).body as CaseAgreements;
      expect(changed.agreements.map((agreement) => agreement.agreementId)).toEqual(['builtin:telehealth', 'builtin:informed-consent', 'builtin:no-secrets']);
      await set(['builtin:informed-consent', feesId]).expect(200);
    });
  });

  describe('who may see and change a case’s agreements', () => {
    it('lets assistants read the status, and turns away anyone not on the case as if it did not exist', async () => {
      await status(team.assistant);
      await http().get(`/api/cases/${caseId}/agreements`).set(team.otherClinician.auth).expect(404);
      await http().get(`/api/cases/${caseId}/agreements`).set(other.owner.auth).expect(404);
      await http().put(`/api/cases/${caseId}/confidentiality-policy`).set(other.owner.auth).send({ agreementId: 'builtin:kept-private', reason: 'x' }).expect(404);
      await http().post(`/api/cases/${caseId}/agreements/reminders`).set(other.owner.auth).send({}).expect(404);
    });
  });

  describe('reminders', () => {
    it('e-mails whoever has something to sign, an address and a live link, with nothing clinical in it', async () => {
      await http()
        .patch(`/api/cases/${caseId}`)
        .set(team.clinician.auth)
        .send({ participants: [{ id: alex.id, email: 'alex.rivera@example.test' }] })
        .expect(200);
      const before = mailbox.messages.length;
      const result = (await http().post(`/api/cases/${caseId}/agreements/reminders`).set(team.assistant.auth).send({}).expect(200)).body as AgreementReminderResult;
      expect(result.sentTo).toEqual([{ participantId: alex.id, displayName: 'Alex Rivera' }]);
      expect(result.skipped).toEqual([{ participantId: sam.id, displayName: 'Sam Rivera', reason: 'no e-mail address' }]);
      const mails = mailbox.messages.slice(before);
      expect(mails.map((mail) => mail.to)).toEqual([['alex.rivera@example.test']]);
      const text = partOf(mails[0], 'text/plain');
      expect(text).toContain(`${PRACTICE} has an agreement for you to read and sign. Open the portal link your therapist gave you and choose Agreements.`);
      for (const part of [text, partOf(mails[0], 'text/html')]) expect(part).not.toMatch(/Rivera|Sam|Alex|secret|policy|consent|fees|therapy/i);

      await http().delete(`/api/cases/${caseId}/participants/${alex.id}/portal-link`).set(team.clinician.auth).expect(204);
      const noLink = (await http().post(`/api/cases/${caseId}/agreements/reminders`).set(team.clinician.auth).send({ participantId: alex.id }).expect(200))
        .body as AgreementReminderResult;
      expect(noLink).toEqual({ sentTo: [], skipped: [{ participantId: alex.id, displayName: 'Alex Rivera', reason: 'no live portal link' }] });
      expect(mailbox.messages.length).toBe(before + 1);
      await http().post(`/api/cases/${caseId}/agreements/reminders`).set(team.clinician.auth).send({ participantId: otherCase.alex.id }).expect(404);
    });

    it('skips a person who has signed everything', async () => {
      const { caseId: signedCase, alex: kim } = await openCoupleWithLinks(http(), team.owner, team.clinicianId, undefined, { agreementIds: ['builtin:telehealth'] });
      await signAgreement(http(), kim, 'builtin:telehealth', 'Kim');
      const result = (await http().post(`/api/cases/${signedCase}/agreements/reminders`).set(team.clinician.auth).send({ participantId: kim.id }).expect(200))
        .body as AgreementReminderResult;
      expect(result.skipped).toEqual([{ participantId: kim.id, displayName: 'Alex Rivera', reason: 'nothing to sign' }]);
    });
  });
});
