import {
  ApiErrorCode,
  REFRESH_COOKIE_NAME,
  RECOVERY_CODE_COUNT,
  TWO_FACTOR_CHALLENGE_MINUTES,
  type AuditEvent,
  type AuthTokens,
  type Page,
  type TeamMember,
  type TwoFactorChallenge,
  type TwoFactorEnrolment,
  type TwoFactorStatus,
} from '@trustwork/contracts';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import {
  addTeamMember,
  enrolTwoFactor,
  MEMBER_PASSWORD,
  registerPractice,
  TEST_PASSWORD,
  twoFactorCode,
  useTestApp,
  type SignedIn,
} from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';

const WRONG_SIGN_IN_CODE = "That code didn't work. Check the time on your phone and try the newest code.";
const SIGN_IN_EXPIRED = 'This sign-in has expired. Please enter your password again.';
const WRONG_CODE = 'code is not right, or was already used: check the time on your phone and try the newest code.';
const RECOVERY_CODE = /^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$/;
/** Six digits that are none of the codes the app shows around now (one more than the next one). */
const aWrongCode = (secret: string) => String((Number(twoFactorCode(secret, 1)) + 1) % 1_000_000).padStart(6, '0');

describe('two-factor sign-in', () => {
  const api = useTestApp();
  let database: Client;

  beforeAll(async () => {
    database = await connect(ownerDatabaseUrl());
  });
  afterAll(() => database.end());
  afterEach(() => jest.restoreAllMocks());

  const statusOf = async (person: SignedIn) => (await api.http.get('/api/me/two-factor').set(person.auth).expect(200)).body as TwoFactorStatus;
  const passwordStep = (email: string, password = TEST_PASSWORD) => api.http.post('/api/auth/login').send({ email, password });
  const challengeFor = async (email: string, password = TEST_PASSWORD) => ((await passwordStep(email, password).expect(200)).body as TwoFactorChallenge).challengeToken;
  const codeStep = (challengeToken: string, proof: { code: string } | { recoveryCode: string }) =>
    api.http.post('/api/auth/login/two-factor').send({ challengeToken, ...proof });
  const refreshCookieOf = (response: { headers: Record<string, unknown> }) =>
    ([] as string[]).concat((response.headers['set-cookie'] as string[] | undefined) ?? []).find((cookie) => cookie.startsWith(`${REFRESH_COOKIE_NAME}=`));
  /** The person comes back a minute later: the API's clock and their phone's both move on two steps. */
  const aMinuteLater = () => {
    const now = Date.now();
    const started = performance.now();
    jest.spyOn(Date, 'now').mockImplementation(() => now + 60_000 + (performance.now() - started));
  };
  /** Their last code or password on this device was ten minutes ago: the most sensitive actions ask again. */
  const stepUpLapses = (userId: string) => database.query(`UPDATE sign_in_sessions SET verified_at = now() - interval '10 minutes' WHERE user_id = $1`, [userId]);

  it('sets up with a secret (text and QR address) kept encrypted, and turns on only when a first code confirms it', async () => {
    const owner = await registerPractice(api.http);
    const ownerId = owner.tokens.user.id;
    expect(await statusOf(owner)).toEqual({ enabled: false, recoveryCodesLeft: 0, requiredByPractice: false });

    const enrolment = (await api.http.post('/api/me/two-factor/enrolment').set(owner.auth).expect(201)).body as TwoFactorEnrolment;
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    const address = new URL(enrolment.otpauthUrl);
    expect(`${address.protocol}//${address.host}${decodeURIComponent(address.pathname)}`).toBe(`otpauth://totp/Trustwork:${owner.email}`);
    expect(address.searchParams.get('secret')).toBe(enrolment.secret);
    expect(address.searchParams.get('issuer')).toBe('Trustwork');

    const pending = await database.query('SELECT two_factor_secret, two_factor_pending_secret FROM users WHERE id = $1', [ownerId]);
    expect(pending.rows[0].two_factor_secret).toBeNull();
    expect(pending.rows[0].two_factor_pending_secret).toMatch(/^test:[A-Za-z0-9+/]+=*$/);
    expect(pending.rows[0].two_factor_pending_secret).not.toContain(enrolment.secret);
    // Not on until confirmed: the password alone still signs in.
    expect((await passwordStep(owner.email).expect(200)).body).toHaveProperty('accessToken');

    expect((await api.http.post('/api/me/two-factor').set(owner.auth).send({ code: aWrongCode(enrolment.secret) }).expect(400)).body.message).toEqual([WRONG_CODE]);
    expect((await statusOf(owner)).enabled).toBe(false);

    const confirmed = await api.http.post('/api/me/two-factor').set(owner.auth).send({ code: twoFactorCode(enrolment.secret) }).expect(201);
    const { recoveryCodes } = confirmed.body as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    for (const code of recoveryCodes) expect(code).toMatch(RECOVERY_CODE);
    expect(new Set(recoveryCodes).size).toBe(RECOVERY_CODE_COUNT);
    expect(await statusOf(owner)).toEqual({ enabled: true, recoveryCodesLeft: RECOVERY_CODE_COUNT, requiredByPractice: false });

    const stored = await database.query('SELECT two_factor_secret, two_factor_pending_secret, two_factor_enabled_at FROM users WHERE id = $1', [ownerId]);
    expect(stored.rows[0]).toMatchObject({ two_factor_secret: pending.rows[0].two_factor_pending_secret, two_factor_pending_secret: null });
    expect(stored.rows[0].two_factor_enabled_at).toBeInstanceOf(Date);
    const hashes = await database.query('SELECT code_hash FROM recovery_codes WHERE user_id = $1', [ownerId]);
    expect(hashes.rows).toHaveLength(RECOVERY_CODE_COUNT);
    for (const { code_hash: hash } of hashes.rows) expect(recoveryCodes.some((code) => hash.includes(code.replace(/-/g, '')))).toBe(false);

    const conflict = { statusCode: 409, error: 'Conflict', message: 'Two-factor sign-in is already on. Turn it off first to move it to another phone.' };
    expect((await api.http.post('/api/me/two-factor').set(owner.auth).send({ code: twoFactorCode(enrolment.secret, 1) }).expect(409)).body).toEqual(conflict);
    expect((await api.http.post('/api/me/two-factor/enrolment').set(owner.auth).expect(409)).body).toEqual(conflict);
    const team = (await api.http.get('/api/users').set(owner.auth).expect(200)).body as TeamMember[];
    expect(team.find((member) => member.id === ownerId)?.twoFactorEnabled).toBe(true);
  });

  it('answers the password with a challenge and no tokens; a code completes it once, and a wrong or replayed code is refused', async () => {
    const owner = await registerPractice(api.http);
    const { secret } = await enrolTwoFactor(api.http, owner);

    const password = await passwordStep(owner.email).expect(200);
    expect(password.body).toEqual({ twoFactorRequired: true, challengeToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), expiresIn: TWO_FACTOR_CHALLENGE_MINUTES * 60 });
    expect(refreshCookieOf(password)).toBeUndefined();
    const { challengeToken } = password.body as TwoFactorChallenge;

    // The enrolment used this step's code, so the app's next one signs in.
    const code = twoFactorCode(secret, 1);
    expect((await codeStep(challengeToken, { code: aWrongCode(secret) }).expect(401)).body.message).toBe(WRONG_SIGN_IN_CODE);
    const signedIn = await codeStep(challengeToken, { code }).expect(200);
    expect(refreshCookieOf(signedIn)).toBeDefined();
    const tokens = signedIn.body as AuthTokens;
    expect((await api.http.get('/api/me').set({ Authorization: `Bearer ${tokens.accessToken}` }).expect(200)).body).toMatchObject({ id: owner.tokens.user.id, twoFactorEnabled: true });

    // The same code again, even with a new password step, is a replay.
    expect((await codeStep(await challengeFor(owner.email), { code }).expect(401)).body.message).toBe(WRONG_SIGN_IN_CODE);
    // A challenge is good once; an unknown one is no challenge.
    expect((await codeStep(challengeToken, { code: twoFactorCode(secret, 1) }).expect(401)).body.message).toBe(SIGN_IN_EXPIRED);
    expect((await codeStep('not-a-challenge', { code }).expect(401)).body.message).toBe(SIGN_IN_EXPIRED);
  });

  it('lets a recovery code sign in once, however it is typed, and audits its use', async () => {
    const owner = await registerPractice(api.http);
    const ownerId = owner.tokens.user.id;
    const { recoveryCodes } = await enrolTwoFactor(api.http, owner);

    const typed = recoveryCodes[3].replace(/-/g, ' ').toUpperCase();
    const signedIn = (await codeStep(await challengeFor(owner.email), { recoveryCode: typed }).expect(200)).body as AuthTokens;
    const auth = { Authorization: `Bearer ${signedIn.accessToken}` };
    expect((await api.http.get('/api/me/two-factor').set(auth).expect(200)).body).toMatchObject({ enabled: true, recoveryCodesLeft: RECOVERY_CODE_COUNT - 1 });

    const again = await codeStep(await challengeFor(owner.email), { recoveryCode: recoveryCodes[3] }).expect(401);
    expect(again.body.message).toBe("That recovery code didn't work. Each one works only once: check it, or try another from your list.");

    const log = (await api.http.get('/api/audit-events').query({ recordId: ownerId }).set(owner.auth).expect(200)).body as Page<AuditEvent>;
    const uses = log.items.filter((event) => event.action === 'user.recovery-code-use');
    expect(uses).toEqual([expect.objectContaining({ actorType: 'user', actorId: ownerId, recordType: 'user', recordId: ownerId })]);
  });

  it('says plainly when the stored secret no longer decrypts, and still takes a recovery code', async () => {
    const owner = await registerPractice(api.http);
    const { secret, recoveryCodes } = await enrolTwoFactor(api.http, owner);
    // As if the key that encrypted it had been dropped from NOTES_ENCRYPTION_KEY.
    await database.query(`UPDATE users SET two_factor_secret = 'retired' || substr(two_factor_secret, strpos(two_factor_secret, ':')) WHERE id = $1`, [owner.tokens.user.id]);
    const refused = await codeStep(await challengeFor(owner.email), { code: twoFactorCode(secret, 1) }).expect(409);
    expect(refused.body.message).toBe(
      'Your two-factor set-up can no longer be read. Sign in with a recovery code, or ask your practice owner to reset your two-factor sign-in.',
    );
    await codeStep(await challengeFor(owner.email), { recoveryCode: recoveryCodes[0] }).expect(200);
  });

  it('voids a challenge after five wrong codes: the password is asked again', async () => {
    const owner = await registerPractice(api.http);
    const { secret, recoveryCodes } = await enrolTwoFactor(api.http, owner);
    const challengeToken = await challengeFor(owner.email);
    for (let attempt = 0; attempt < 5; attempt++) expect((await codeStep(challengeToken, { code: aWrongCode(secret) }).expect(401)).body.message).toBe(WRONG_SIGN_IN_CODE);
    const voided = await codeStep(challengeToken, { recoveryCode: recoveryCodes[0] }).expect(401);
    // The dashboard goes back to the password step on this code, not on a wrong code.
    expect(voided.body).toMatchObject({ message: SIGN_IN_EXPIRED, code: ApiErrorCode.SignInExpired });
    await codeStep(await challengeFor(owner.email), { recoveryCode: recoveryCodes[0] }).expect(200);
  });

  it('refuses the code step of a member deactivated after the password step', async () => {
    const owner = await registerPractice(api.http);
    const { member, signedIn: clinician } = await addTeamMember(api.http, owner, 'clinician');
    const { secret, recoveryCodes } = await enrolTwoFactor(api.http, clinician);
    const [forCode, forRecoveryCode] = [await challengeFor(clinician.email, MEMBER_PASSWORD), await challengeFor(clinician.email, MEMBER_PASSWORD)];
    await api.http.patch(`/api/users/${member.id}`).set(owner.auth).send({ active: false }).expect(200);

    expect((await codeStep(forCode, { code: twoFactorCode(secret, 1) }).expect(401)).body.message).toBe(SIGN_IN_EXPIRED);
    expect((await codeStep(forRecoveryCode, { recoveryCode: recoveryCodes[0] }).expect(401)).body.message).toBe(SIGN_IN_EXPIRED);
    const sessions = await database.query('SELECT count(*)::int AS open FROM sign_in_sessions WHERE user_id = $1 AND ended_at IS NULL', [member.id]);
    expect(sessions.rows[0].open).toBe(0);
  });

  it('accepts one code once when several sign-ins bring it at the same moment', async () => {
    const owner = await registerPractice(api.http);
    const { secret } = await enrolTwoFactor(api.http, owner);
    const challenges = await Promise.all([1, 2, 3, 4].map(() => challengeFor(owner.email)));
    const code = twoFactorCode(secret, 1);
    const answers = await Promise.all(challenges.map((challengeToken) => codeStep(challengeToken, { code })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401, 401, 401]);
  });

  it('turns off only with a code, which is its own step-up, and stays on while the practice requires it', async () => {
    const owner = await registerPractice(api.http);
    const { member, signedIn: clinician } = await addTeamMember(api.http, owner, 'clinician');
    const { secret } = await enrolTwoFactor(api.http, clinician);
    const disable = (code: string) => api.http.post('/api/me/two-factor/disable').set(clinician.auth).send({ code });

    expect((await disable(aWrongCode(secret)).expect(400)).body.message).toEqual([WRONG_CODE]);
    expect((await statusOf(clinician)).enabled).toBe(true);

    // Long after the sign-in, the code in the request proves presence by itself: no second code for a step-up.
    await stepUpLapses(member.id);
    await disable(twoFactorCode(secret, 1)).expect(204);
    expect(await statusOf(clinician)).toEqual({ enabled: false, recoveryCodesLeft: 0, requiredByPractice: false });
    const stored = await database.query(
      'SELECT two_factor_secret, two_factor_enabled_at, (SELECT count(*)::int FROM recovery_codes WHERE user_id = $1) AS codes FROM users WHERE id = $1',
      [member.id],
    );
    expect(stored.rows[0]).toEqual({ two_factor_secret: null, two_factor_enabled_at: null, codes: 0 });
    expect((await passwordStep(clinician.email, MEMBER_PASSWORD).expect(200)).body).toHaveProperty('accessToken');

    // The owner requires it for everyone (having it first): then it cannot be turned off.
    const ownerTwoFactor = await enrolTwoFactor(api.http, owner);
    await api.http.patch('/api/practice').set(owner.auth).send({ requireTwoFactor: true }).expect(200);
    expect(await statusOf(owner)).toEqual({ enabled: true, recoveryCodesLeft: RECOVERY_CODE_COUNT, requiredByPractice: true });
    const refused = await api.http.post('/api/me/two-factor/disable').set(owner.auth).send({ code: twoFactorCode(ownerTwoFactor.secret, 1) }).expect(409);
    expect(refused.body.message).toBe('Your practice requires two-factor sign-in, so it cannot be turned off. For a new phone, ask your practice owner to reset it.');
  });

  it('takes a member of a practice that requires it to set-up, and nowhere else, until it is on', async () => {
    const owner = await registerPractice(api.http);
    await enrolTwoFactor(api.http, owner);
    await api.http.patch('/api/practice').set(owner.auth).send({ requireTwoFactor: true }).expect(200);
    const { signedIn: clinician } = await addTeamMember(api.http, owner, 'clinician');

    expect((await api.http.get('/api/cases').set(clinician.auth).expect(403)).body.code).toBe(ApiErrorCode.AccountActionRequired);
    expect((await statusOf(clinician)).requiredByPractice).toBe(true);
    await enrolTwoFactor(api.http, clinician);
    await api.http.get('/api/cases').set(clinician.auth).expect(200);
  });

  it('makes new recovery codes with a code; the old ones stop working', async () => {
    const owner = await registerPractice(api.http);
    const { secret, recoveryCodes: first } = await enrolTwoFactor(api.http, owner);
    await api.http.post('/api/me/two-factor/recovery-codes').set(owner.auth).send({ code: '12345' }).expect(400);

    // Kept, so the replay below is this very code even when the clock has moved on a step since.
    const renewalCode = twoFactorCode(secret, 1);
    const renewed = await api.http.post('/api/me/two-factor/recovery-codes').set(owner.auth).send({ code: renewalCode }).expect(201);
    const second = (renewed.body as { recoveryCodes: string[] }).recoveryCodes;
    expect(second).toHaveLength(RECOVERY_CODE_COUNT);
    expect(second.filter((code) => first.includes(code))).toEqual([]);
    await codeStep(await challengeFor(owner.email), { recoveryCode: first[0] }).expect(401);
    await codeStep(await challengeFor(owner.email), { recoveryCode: second[0] }).expect(200);

    // A used code is refused even long after the sign-in; the next one is enough without a separate step-up.
    await stepUpLapses(owner.tokens.user.id);
    await api.http.post('/api/me/two-factor/recovery-codes').set(owner.auth).send({ code: renewalCode }).expect(400);
    aMinuteLater();
    await api.http.post('/api/me/two-factor/recovery-codes').set(owner.auth).send({ code: twoFactorCode(secret, 1) }).expect(201);
  });

  it("lets the owner reset a member's two-factor: the member is signed out and signs in with the password alone", async () => {
    const owner = await registerPractice(api.http);
    const { member, signedIn: clinician } = await addTeamMember(api.http, owner, 'clinician');
    const { signedIn: colleague } = await addTeamMember(api.http, owner, 'clinician');
    const stranger = await registerPractice(api.http);
    await enrolTwoFactor(api.http, clinician);
    const reset = (as: SignedIn, id: string) => api.http.delete(`/api/users/${id}/two-factor`).set(as.auth);

    expect((await reset(stranger, member.id).expect(404)).body.message).toBe('No team member with that id in your practice.');
    await reset(owner, randomUUID()).expect(404);
    await reset(colleague, member.id).expect(403);
    expect((await reset(owner, owner.tokens.user.id).expect(409)).body.message).toBe('To change your own two-factor sign-in, use Your settings.');
    expect((await statusOf(clinician)).enabled).toBe(true);

    await reset(owner, member.id).expect(204);
    await api.http.get('/api/me').set(clinician.auth).expect(401);
    const team = (await api.http.get('/api/users').set(owner.auth).expect(200)).body as TeamMember[];
    expect(team.find((person) => person.id === member.id)?.twoFactorEnabled).toBe(false);
    const codes = await database.query('SELECT count(*)::int AS n FROM recovery_codes WHERE user_id = $1', [member.id]);
    expect(codes.rows[0].n).toBe(0);

    const again = (await passwordStep(clinician.email, MEMBER_PASSWORD).expect(200)).body as AuthTokens;
    expect(again.user.twoFactorEnabled).toBe(false);
  });
});

// Its own app, with a low limit: the suite above signs in far more often.
describe('wrong sign-in codes', () => {
  const limited = useTestApp({ LOGIN_LIMIT_PER_EMAIL: '3', LOGIN_LIMIT_WINDOW_SECONDS: '600' });

  it('count against the account like wrong passwords, whichever challenge and address they come with', async () => {
    const owner = await registerPractice(limited.http);
    const { secret } = await enrolTwoFactor(limited.http, owner);
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    const challengeFrom = async (address: string) =>
      ((await limited.http.post('/api/auth/login').set(from(address)).send({ email: owner.email, password: TEST_PASSWORD }).expect(200)).body as TwoFactorChallenge).challengeToken;
    const codeStep = (address: string, challengeToken: string, code: string) =>
      limited.http.post('/api/auth/login/two-factor').set(from(address)).send({ challengeToken, code });

    // A thief with the password: a fresh challenge and a fresh address for every guess.
    for (let guess = 1; guess <= 3; guess++) {
      const address = `198.51.100.${guess}`;
      await codeStep(address, await challengeFrom(address), aWrongCode(secret)).expect(401);
    }
    const blocked = await codeStep('198.51.100.9', await challengeFrom('198.51.100.9'), twoFactorCode(secret, 1)).expect(429);
    expect(blocked.body.message).toBe('Too many wrong codes were tried for this account. Please wait 10 minutes and try again.');
  });
});
