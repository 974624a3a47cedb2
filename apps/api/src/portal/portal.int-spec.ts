import {
  PORTAL_LINK_INVALID_MESSAGE,
  type AuditEvent,
  type CaseDetail,
  type CreateCaseRequest,
  type Page,
  type PortalLinkCreated,
  type PortalLinkStatus,
  type PortalWelcome,
  type TeamMember,
} from '@trustwork/contracts';
import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { addTeamMember, portalTokenOf, registerPractice, signAgreement, useTestApp, type PortalPerson, type SignedIn } from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';

const couple = (clinicianIds?: string[]): CreateCaseRequest => ({
  relationshipType: 'couple',
  participants: [
    { displayName: 'Alex Rivera', breachRole: 'broke-trust', email: 'alex@example.test' },
    { displayName: '  Sam  Rivera-Lopez', breachRole: 'was-hurt' },
  ],
  clinicianIds,
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const DAY_MS = 24 * 60 * 60 * 1000;

describe('portal links', () => {
  const api = useTestApp();
  let asOwner: Client;
  let owner: SignedIn;
  let clinician: { member: TeamMember; signedIn: SignedIn };
  let otherClinician: SignedIn;
  let assistant: SignedIn;
  beforeAll(async () => {
    asOwner = await connect(ownerDatabaseUrl());
    owner = await registerPractice(api.http, 'Harbour Counselling');
    clinician = await addTeamMember(api.http, owner, 'clinician');
    otherClinician = (await addTeamMember(api.http, owner, 'clinician')).signedIn;
    assistant = (await addTeamMember(api.http, owner, 'assistant')).signedIn;
  });
  afterAll(async () => {
    await asOwner.end();
  });

  const createCase = async (as: SignedIn = owner, clinicianIds?: string[]) =>
    (await api.http.post('/api/cases').set(as.auth).send(couple(clinicianIds)).expect(201)).body as CaseDetail;
  const linkPath = (caseId: string, participantId: string) => `/api/cases/${caseId}/participants/${participantId}/portal-link`;
  const issue = async (caseId: string, participantId: string, as: SignedIn = owner) =>
    (await api.http.post(linkPath(caseId, participantId)).set(as.auth).expect(201)).body as PortalLinkCreated;
  const welcome = async (token: string) => (await api.http.get('/api/portal/me').set(bearer(token)).expect(200)).body as PortalWelcome;
  const expectRefused = async (token: string) => {
    const refused = await api.http.get('/api/portal/me').set(bearer(token)).expect(401);
    expect(refused.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: PORTAL_LINK_INVALID_MESSAGE });
  };

  it('returns the link once, with its token after # and only a 32-byte hash stored', async () => {
    const created = await createCase(owner, [clinician.member.id]);
    const [alex] = created.participants;
    const before = Date.now();
    const link = await issue(created.id, alex.id);

    expect(link.url).toMatch(/^http:\/\/localhost:3000\/p\/#[A-Za-z0-9_-]{43}$/);
    const token = portalTokenOf(link);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(new Date(link.expiresAt).getTime()).toBeGreaterThanOrEqual(before + 90 * DAY_MS);
    expect(new Date(link.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 90 * DAY_MS);

    const { rows } = await asOwner.query(`SELECT token_sha256, row_to_json(l)::text AS whole FROM portal_links l WHERE participant_id = $1`, [alex.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_sha256).toEqual(createHash('sha256').update(token).digest());
    expect(rows[0].whole).not.toContain(token);
  });

  it('opens each participant’s own portal with first names, the therapist and the practice', async () => {
    const created = await createCase(owner, [clinician.member.id]);
    const [alex, sam] = created.participants;
    const alexLink = await issue(created.id, alex.id);
    const samLink = await issue(created.id, sam.id, clinician.signedIn);

    expect(await welcome(portalTokenOf(alexLink))).toEqual({
      participant: { firstName: 'Alex' },
      otherParticipant: { firstName: 'Sam', pronouns: null },
      therapist: { name: 'A clinician' },
      practice: { name: 'Harbour Counselling' },
      privateReaders: { therapists: [{ name: 'A clinician' }], practiceOwners: [{ name: 'Olive Owner' }] },
      expiresAt: alexLink.expiresAt,
      reminders: { email: true, homework: true, sessions: true },
      // No policy chosen yet; the informed consent every new case asks for.
      confidentialityPolicy: null,
      agreementsToSign: 1,
    });
    const samView = await welcome(portalTokenOf(samLink));
    expect(samView.participant).toEqual({ firstName: 'Sam' });
    expect(samView.otherParticipant).toEqual({ firstName: 'Alex', pronouns: null });
    expect(JSON.stringify(samView)).not.toMatch(/Rivera|alex@example/);
  });

  it('gives the other participant’s recorded pronouns, never one’s own', async () => {
    const withPronouns = couple();
    withPronouns.participants[0].pronouns = 'he/him';
    withPronouns.participants[1].pronouns = '  she/they ';
    const created = (await api.http.post('/api/cases').set(owner.auth).send(withPronouns).expect(201)).body as CaseDetail;
    const [alex, sam] = created.participants;
    const alexView = await welcome(portalTokenOf(await issue(created.id, alex.id)));
    const samView = await welcome(portalTokenOf(await issue(created.id, sam.id)));
    expect(alexView.otherParticipant).toEqual({ firstName: 'Sam', pronouns: 'she/they' });
    expect(samView.otherParticipant).toEqual({ firstName: 'Alex', pronouns: 'he/him' });
    expect(alexView.participant).toEqual({ firstName: 'Alex' });
  });

  it('names everyone who may read a private message: the case’s clinicians and the owners, never assistants', async () => {
    const practice = await registerPractice(api.http, 'Willow Practice');
    const member = async (role: 'owner' | 'clinician' | 'assistant', name: string) => {
      const added = await addTeamMember(api.http, practice, role);
      await api.http.patch(`/api/users/${added.member.id}`).set(practice.auth).send({ name }).expect(200);
      return added.member.id;
    };
    const secondOwner = await member('owner', 'Pat Second');
    const mira = await member('clinician', 'Mira Okafor');
    const demoted = await member('clinician', 'Tom Reed');
    const departed = await member('clinician', 'Vic Former');
    await member('clinician', 'Una Elsewhere');
    await member('assistant', 'Ann Assistant');
    const created = (await api.http.post('/api/cases').set(practice.auth).send(couple([mira, demoted, departed])).expect(201)).body as CaseDetail;
    // Assigned once, but an assistant now (no clinical records) or gone: neither reads reports.
    await api.http.patch(`/api/users/${demoted}`).set(practice.auth).send({ role: 'assistant' }).expect(200);
    await api.http.patch(`/api/users/${departed}`).set(practice.auth).send({ active: false }).expect(200);
    const [alex, sam] = created.participants;
    const alexToken = portalTokenOf(await issue(created.id, alex.id, practice));
    const samToken = portalTokenOf(await issue(created.id, sam.id, practice));

    const alexBefore = await welcome(alexToken);
    const samBefore = await welcome(samToken);
    expect(alexBefore.privateReaders).toEqual({
      therapists: [{ name: 'Mira Okafor' }],
      practiceOwners: [{ name: 'Olive Owner' }, { name: 'Pat Second' }],
    });
    expect(samBefore.privateReaders).toEqual(alexBefore.privateReaders);

    // Sending a report changes nothing either of them is shown.
    await api.http.post('/api/portal/safety-reports').set(bearer(alexToken)).send({ message: 'I need to talk.', urgency: 'urgent' }).expect(201);
    expect(await welcome(samToken)).toEqual(samBefore);
    expect(await welcome(alexToken)).toEqual(alexBefore);

    // An owner who is one of the case's clinicians is named once, as a therapist.
    const ownersCase = (await api.http.post('/api/cases').set(practice.auth).send(couple([mira, secondOwner])).expect(201)).body as CaseDetail;
    const ownersView = await welcome(portalTokenOf(await issue(ownersCase.id, ownersCase.participants[0].id, practice)));
    expect(ownersView.privateReaders).toEqual({
      therapists: [{ name: 'Mira Okafor' }, { name: 'Pat Second' }],
      practiceOwners: [{ name: 'Olive Owner' }],
    });
  });

  it('states the case’s policy before anyone writes privately, and counts what this person has still to sign', async () => {
    const request = { ...couple([clinician.member.id]), confidentialityPolicyId: 'builtin:limited-secrets' };
    const created = (await api.http.post('/api/cases').set(owner.auth).send(request).expect(201)).body as CaseDetail;
    const alexId = created.participants[0].id;
    const token = portalTokenOf(await issue(created.id, alexId));
    const alex: PortalPerson = { id: alexId, token, auth: bearer(token) };

    const before = await welcome(token);
    expect(before.confidentialityPolicy).toEqual({ name: 'Limited-secrets policy', privateLineSentence: expect.stringMatching(/^Under this case's limited-secrets policy, /) });
    // The informed consent and the policy itself.
    expect(before.agreementsToSign).toBe(2);
    await signAgreement(api.http, alex, 'builtin:informed-consent', 'Alex Rivera');
    expect((await welcome(token)).agreementsToSign).toBe(1);
    await signAgreement(api.http, alex, 'builtin:limited-secrets', 'Alex Rivera');
    expect((await welcome(token)).agreementsToSign).toBe(0);

    // A new policy is a new text to sign, for everything that names it.
    await api.http
      .put(`/api/cases/${created.id}/confidentiality-policy`)
      .set(owner.auth)
      .send({ agreementId: 'builtin:no-secrets', reason: 'Agreed together in the second session.' })
      .expect(200);
    const after = await welcome(token);
    expect(after.confidentialityPolicy).toEqual({
      name: 'No-secrets policy',
      privateLineSentence: "Under this case's no-secrets policy, what you write here may be brought into a joint session.",
    });
    expect(after.agreementsToSign).toBe(2);
  });

  it('names no therapist when the case has no clinician', async () => {
    const created = await createCase(owner, []);
    const link = await issue(created.id, created.participants[0].id);
    const view = await welcome(portalTokenOf(link));
    expect(view.therapist).toBeNull();
    expect(view.privateReaders).toEqual({ therapists: [], practiceOwners: [{ name: 'Olive Owner' }] });
  });

  it('revokes the old link when a new one is issued, and on DELETE', async () => {
    const created = await createCase();
    const [alex, sam] = created.participants;
    const first = await issue(created.id, alex.id);
    const samLink = await issue(created.id, sam.id);
    const second = await issue(created.id, alex.id);
    await expectRefused(portalTokenOf(first));
    await welcome(portalTokenOf(second));

    await api.http.delete(linkPath(created.id, alex.id)).set(owner.auth).expect(204);
    await expectRefused(portalTokenOf(second));
    await welcome(portalTokenOf(samLink));
    const again = await api.http.delete(linkPath(created.id, alex.id)).set(owner.auth).expect(404);
    expect(again.body.message).toBe('This participant has no portal link that still works.');
  });

  it('refuses an expired link with the same message, and DELETE finds nothing to revoke', async () => {
    const created = await createCase();
    const [alex] = created.participants;
    const link = await issue(created.id, alex.id);
    await asOwner.query(`UPDATE portal_links SET created_at = now() - interval '91 days', expires_at = now() - interval '1 day' WHERE participant_id = $1`, [
      alex.id,
    ]);
    await expectRefused(portalTokenOf(link));
    await api.http.delete(linkPath(created.id, alex.id)).set(owner.auth).expect(404);
    const [status] = (await api.http.get(`/api/cases/${created.id}/portal-links`).set(owner.auth).expect(200)).body as PortalLinkStatus[];
    expect(status).toMatchObject({ live: false, revokedAt: null });
    // A new link still works after an expired one.
    await welcome(portalTokenOf(await issue(created.id, alex.id)));
  });

  it('refuses a tampered, missing or malformed token, and a dashboard sign-in', async () => {
    const created = await createCase();
    const token = portalTokenOf(await issue(created.id, created.participants[0].id));
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    await expectRefused(tampered);
    await expectRefused(`${token}x`);
    await expectRefused(owner.tokens.accessToken);
    const missing = await api.http.get('/api/portal/me').expect(401);
    expect(missing.body.message).toBe(PORTAL_LINK_INVALID_MESSAGE);
    const notBearer = await api.http.get('/api/portal/me').set('Authorization', `Basic ${token}`).expect(401);
    expect(notBearer.body.message).toBe(PORTAL_LINK_INVALID_MESSAGE);
  });

  it('does not let a portal token reach the dashboard’s routes', async () => {
    const created = await createCase();
    const token = portalTokenOf(await issue(created.id, created.participants[0].id));
    await api.http.get('/api/cases').set(bearer(token)).expect(401);
    await api.http.get(`/api/cases/${created.id}`).set(bearer(token)).expect(401);
    await api.http.get(`/api/cases/${created.id}/portal-links`).set(bearer(token)).expect(401);
  });

  it('lists each participant’s link without its token, with when it was last opened', async () => {
    const created = await createCase();
    const [alex, sam] = created.participants;
    const link = await issue(created.id, alex.id);
    const fresh = (await api.http.get(`/api/cases/${created.id}/portal-links`).set(owner.auth).expect(200)).body as PortalLinkStatus[];
    expect(fresh).toEqual([
      { participantId: alex.id, live: true, createdAt: expect.any(String), expiresAt: link.expiresAt, revokedAt: null, lastUsedAt: null },
      { participantId: sam.id, live: false, createdAt: null, expiresAt: null, revokedAt: null, lastUsedAt: null },
    ]);

    await welcome(portalTokenOf(link));
    const opened = (await api.http.get(`/api/cases/${created.id}/portal-links`).set(owner.auth).expect(200)).body as PortalLinkStatus[];
    expect(Date.now() - new Date(opened[0].lastUsedAt ?? 0).getTime()).toBeLessThan(60_000);
    expect(JSON.stringify(opened)).not.toContain(portalTokenOf(link));

    await api.http.delete(linkPath(created.id, alex.id)).set(owner.auth).expect(204);
    const revoked = (await api.http.get(`/api/cases/${created.id}/portal-links`).set(owner.auth).expect(200)).body as PortalLinkStatus[];
    expect(revoked[0]).toMatchObject({ live: false, revokedAt: expect.any(String), lastUsedAt: opened[0].lastUsedAt });
  });

  it('answers 404 for another case’s participant, another practice’s case and ids that are not ids', async () => {
    const created = await createCase();
    const elsewhere = await createCase();
    const stranger = elsewhere.participants[0];
    await api.http.post(linkPath(created.id, stranger.id)).set(owner.auth).expect(404);
    await api.http.delete(linkPath(created.id, stranger.id)).set(owner.auth).expect(404);
    await api.http.post(linkPath(created.id, 'not-a-uuid')).set(owner.auth).expect(404);
    await api.http.post(linkPath('not-a-uuid', stranger.id)).set(owner.auth).expect(404);

    const rival = await registerPractice(api.http, 'Rival Practice');
    const participant = created.participants[0];
    await api.http.post(linkPath(created.id, participant.id)).set(rival.auth).expect(404);
    await api.http.delete(linkPath(created.id, participant.id)).set(rival.auth).expect(404);
    await api.http.get(`/api/cases/${created.id}/portal-links`).set(rival.auth).expect(404);
    const { rows } = await asOwner.query('SELECT count(*)::int AS count FROM portal_links WHERE case_id = ANY($1)', [[created.id, elsewhere.id]]);
    expect(rows[0].count).toBe(0);
  });

  it('lets owners and the case’s clinicians create links; assistants may only list and revoke', async () => {
    const created = await createCase(owner, [clinician.member.id]);
    const [alex, sam] = created.participants;
    await issue(created.id, alex.id, owner);
    await issue(created.id, sam.id, clinician.signedIn);
    await api.http.post(linkPath(created.id, alex.id)).set(otherClinician.auth).expect(404);
    await api.http.get(`/api/cases/${created.id}/portal-links`).set(otherClinician.auth).expect(404);
    await api.http.delete(linkPath(created.id, alex.id)).set(otherClinician.auth).expect(404);

    const refused = await api.http.post(linkPath(created.id, alex.id)).set(assistant.auth).expect(403);
    expect(refused.body.message).toMatch(/Assistants/);
    await api.http.get(`/api/cases/${created.id}/portal-links`).set(assistant.auth).expect(200);
    await api.http.delete(linkPath(created.id, alex.id)).set(assistant.auth).expect(204);
  });

  it('audits link changes, and portal reads with the participant as the actor', async () => {
    const created = await createCase();
    const [alex] = created.participants;
    await issue(created.id, alex.id);
    const link = await issue(created.id, alex.id);
    await welcome(portalTokenOf(link));

    const page = (await api.http.get(`/api/audit-events?caseId=${created.id}&limit=100`).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    const events = page.items.map((event) => [event.actorType, event.actorId, event.action, event.recordType]);
    expect(events).toEqual(
      expect.arrayContaining([
        ['user', owner.tokens.user.id, 'portal-link.create', 'portal-link'],
        ['user', owner.tokens.user.id, 'portal-link.revoke', 'portal-link'],
        ['participant', alex.id, 'participant.read', 'participant'],
      ]),
    );
    const read = page.items.find((event) => event.actorType === 'participant');
    expect(read).toMatchObject({ recordId: alex.id, caseId: created.id, ipAddress: expect.any(String) });
  });
});

describe('portal rate limits', () => {
  const api = useTestApp({ PORTAL_LIMIT_PER_LINK: '3', PORTAL_LIMIT_PER_ADDRESS: '5' });
  let owner: SignedIn;
  beforeAll(async () => {
    owner = await registerPractice(api.http);
  });

  const issueToken = async (caseId: string, participantId: string) =>
    portalTokenOf((await api.http.post(`/api/cases/${caseId}/participants/${participantId}/portal-link`).set(owner.auth).expect(201)).body);

  it('limits requests per link and per address, with Retry-After', async () => {
    const created = (await api.http.post('/api/cases').set(owner.auth).send(couple()).expect(201)).body as CaseDetail;
    const alex = await issueToken(created.id, created.participants[0].id);
    const sam = await issueToken(created.id, created.participants[1].id);

    for (const address of ['10.0.3.1', '10.0.3.2', '10.0.3.3']) {
      await api.http.get('/api/portal/me').set(bearer(alex)).set('X-Forwarded-For', address).expect(200);
    }
    const perLink = await api.http.get('/api/portal/me').set(bearer(alex)).set('X-Forwarded-For', '10.0.3.4').expect(429);
    expect(Number(perLink.headers['retry-after'])).toBeGreaterThan(0);
    expect(perLink.body.message).toMatch(/^Too many requests\. Please wait \d+ seconds/);
    await api.http.get('/api/portal/me').set(bearer(sam)).set('X-Forwarded-For', '10.0.3.4').expect(200);

    // Guessing tokens from one address: refused, then throttled before any lookup.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await api.http.get('/api/portal/me').set(bearer(`${'A'.repeat(42)}${attempt}`)).set('X-Forwarded-For', '10.0.4.1').expect(401);
    }
    const perAddress = await api.http.get('/api/portal/me').set(bearer(sam)).set('X-Forwarded-For', '10.0.4.1').expect(429);
    expect(perAddress.headers['retry-after']).toBeDefined();
  });
});
