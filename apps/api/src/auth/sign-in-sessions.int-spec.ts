import type { AuthTokens, CaseDetail, SignInSession } from '@trustwork/contracts';
import type { Client } from 'pg';
import { addTeamMember, enrolTwoFactor, refreshTokenOf, refreshWith, registerPractice, twoFactorCode, useTestApp, TEST_PASSWORD, type SignedIn } from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';

const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0';
const SAFARI_ON_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1';

/** The sign-in session an access token belongs to (its `sid` claim). */
const sessionOf = (signedIn: Pick<SignedIn, 'tokens'>): string =>
  JSON.parse(Buffer.from(signedIn.tokens.accessToken.split('.')[1], 'base64url').toString()).sid;

describe('sign-in sessions', () => {
  const api = useTestApp();
  let database: Client;
  beforeAll(async () => {
    database = await connect(ownerDatabaseUrl());
  });
  afterAll(() => database?.end());

  /** Another sign-in of the same person, from another device. */
  const signInAgain = async (person: SignedIn, userAgent = FIREFOX_ON_WINDOWS, address = '203.0.113.7'): Promise<SignedIn> => {
    const response = await api.http
      .post('/api/auth/login')
      .set('User-Agent', userAgent)
      .set('X-Forwarded-For', address)
      .send({ email: person.email, password: TEST_PASSWORD })
      .expect(200);
    const tokens = response.body as AuthTokens;
    return { tokens, auth: { Authorization: `Bearer ${tokens.accessToken}` }, email: person.email, refreshToken: refreshTokenOf(response) };
  };
  /** Moves a session's times back, as if that long had passed. */
  const ageSession = (sessionId: string, column: 'last_active_at' | 'created_at' | 'verified_at', minutes: number) =>
    database.query(`UPDATE sign_in_sessions SET ${column} = ${column} - make_interval(mins => $2) WHERE id = $1`, [sessionId, minutes]);
  const lastActiveOf = async (sessionId: string): Promise<Date> =>
    (await database.query('SELECT last_active_at FROM sign_in_sessions WHERE id = $1', [sessionId])).rows[0].last_active_at;
  const sessionsOf = async (person: SignedIn) => (await api.http.get('/api/me/sessions').set(person.auth).expect(200)).body as SignInSession[];

  it('lists the person’s signed-in devices, most recently active first, naming the browser and the current one', async () => {
    const owner = await registerPractice(api.http);
    const phone = await signInAgain(owner, SAFARI_ON_IPHONE, '198.51.100.4');
    const laptop = await signInAgain(owner, FIREFOX_ON_WINDOWS, '203.0.113.7');
    await ageSession(sessionOf(owner), 'last_active_at', 3);
    await ageSession(sessionOf(phone), 'last_active_at', 2);

    const listed = await sessionsOf(laptop);
    expect(listed.map((session) => session.id)).toEqual([sessionOf(laptop), sessionOf(phone), sessionOf(owner)]);
    expect(listed[0]).toEqual({
      id: sessionOf(laptop),
      browser: 'Firefox on Windows',
      ipAddress: '203.0.113.7',
      signedInAt: expect.any(String),
      lastActiveAt: expect.any(String),
      current: true,
    });
    expect(listed[1]).toMatchObject({ browser: 'Safari on iOS', ipAddress: '198.51.100.4', current: false });
    expect(listed[2].browser).toBe('Unknown browser');
    // Nobody else's sessions.
    const other = await registerPractice(api.http);
    expect((await sessionsOf(other)).map((session) => session.id)).toEqual([sessionOf(other)]);
  });

  it('refuses a refresh and the access token after the practice’s idle limit, and leaves the session out of the list', async () => {
    const owner = await registerPractice(api.http);
    const idle = await signInAgain(owner);
    await database.query('UPDATE practices SET idle_timeout_minutes = 5 WHERE id = $1', [owner.tokens.user.practice.id]);
    await ageSession(sessionOf(idle), 'last_active_at', 4);
    // Four minutes idle is within five: the refresh works, and is no activity of its own.
    const refreshed = await refreshWith(api.http, idle.refreshToken).expect(200);
    await ageSession(sessionOf(idle), 'last_active_at', 2);

    const refused = await refreshWith(api.http, refreshTokenOf(refreshed)).expect(401);
    expect(refused.body.message).toBe('Your session has ended. Please sign in again.');
    await api.http.get('/api/me').set(idle.auth).expect(401);
    expect((await sessionsOf(owner)).map((session) => session.id)).toEqual([sessionOf(owner)]);
  });

  it('ends a session 12 hours after sign-in, however active it is', async () => {
    const owner = await registerPractice(api.http);
    await ageSession(sessionOf(owner), 'created_at', 11 * 60 + 59);
    const refreshed = await refreshWith(api.http, owner.refreshToken).expect(200);
    await ageSession(sessionOf(owner), 'created_at', 2);
    await refreshWith(api.http, refreshTokenOf(refreshed)).expect(401);
    await api.http.get('/api/me').set(owner.auth).expect(401);
  });

  it('counts real requests as activity, not background ones, and writes at most every 30 seconds', async () => {
    const owner = await registerPractice(api.http);
    const session = sessionOf(owner);
    await ageSession(session, 'last_active_at', 3);
    const before = await lastActiveOf(session);
    await api.http.get('/api/attention').set(owner.auth).set('x-trustwork-background', '1').expect(200);
    expect(await lastActiveOf(session)).toEqual(before);

    await api.http.get('/api/attention').set(owner.auth).expect(200);
    const touched = await lastActiveOf(session);
    expect(touched.getTime()).toBeGreaterThan(before.getTime() + 2 * 60_000);
    await api.http.get('/api/me').set(owner.auth).expect(200);
    expect(await lastActiveOf(session)).toEqual(touched);
  });

  it('signs one device out: its refresh fails and its access token is refused at once', async () => {
    const owner = await registerPractice(api.http);
    const lost = await signInAgain(owner);
    await api.http.delete(`/api/me/sessions/${sessionOf(lost)}`).set(owner.auth).expect(204);
    await refreshWith(api.http, lost.refreshToken).expect(401);
    await api.http.get('/api/me').set(lost.auth).expect(401);
    await api.http.get('/api/me').set(owner.auth).expect(200);
    // Already ended, someone else's, unknown or malformed: not found.
    await api.http.delete(`/api/me/sessions/${sessionOf(lost)}`).set(owner.auth).expect(404);
    const other = await registerPractice(api.http);
    const notTheirs = await api.http.delete(`/api/me/sessions/${sessionOf(other)}`).set(owner.auth).expect(404);
    expect(notTheirs.body.message).toBe('That signed-in device was not found. It may already be signed out.');
    await api.http.delete('/api/me/sessions/not-a-session').set(owner.auth).expect(404);
    await api.http.get('/api/me').set(other.auth).expect(200);
    // A colleague's device is theirs to end (the owner has "sign out everywhere" for that), even in the same practice.
    const { signedIn: colleague } = await addTeamMember(api.http, owner, 'clinician');
    await api.http.delete(`/api/me/sessions/${sessionOf(colleague)}`).set(owner.auth).expect(404);
    await api.http.delete(`/api/me/sessions/${sessionOf(owner)}`).set(colleague.auth).expect(404);
    await api.http.get('/api/me').set(colleague.auth).expect(200);
    await api.http.get('/api/me').set(owner.auth).expect(200);
  });

  it('signs out every other device, keeping this one', async () => {
    const owner = await registerPractice(api.http);
    const [phone, laptop] = [await signInAgain(owner), await signInAgain(owner)];
    await api.http.post('/api/me/sessions/sign-out-others').set(laptop.auth).expect(204);
    for (const ended of [owner, phone]) {
      await api.http.get('/api/me').set(ended.auth).expect(401);
      await refreshWith(api.http, ended.refreshToken).expect(401);
    }
    await refreshWith(api.http, laptop.refreshToken).expect(200);
    expect((await sessionsOf(laptop)).map((session) => session.id)).toEqual([sessionOf(laptop)]);
  });

  it('lets the owner sign a member out everywhere, and no one else', async () => {
    const owner = await registerPractice(api.http);
    const { member, signedIn: clinician } = await addTeamMember(api.http, owner, 'clinician');
    const { member: assistant, signedIn: assistantSignedIn } = await addTeamMember(api.http, owner, 'assistant');
    const refused = await api.http.post(`/api/users/${assistant.id}/sign-out`).set(clinician.auth).expect(403);
    expect(refused.body.message).toBe('Your role does not allow this.');
    await api.http.get('/api/me').set(assistantSignedIn.auth).expect(200);

    await api.http.post(`/api/users/${member.id}/sign-out`).set(owner.auth).expect(204);
    await api.http.get('/api/me').set(clinician.auth).expect(401);
    await refreshWith(api.http, clinician.refreshToken).expect(401);
    // Another practice's member is unknown here.
    const other = await registerPractice(api.http);
    await api.http.post(`/api/users/${other.tokens.user.id}/sign-out`).set(owner.auth).expect(404);
    await api.http.get('/api/me').set(other.auth).expect(200);
  });

  describe('step-up', () => {
    const openCase = async (owner: SignedIn) =>
      (
        await api.http
          .post('/api/cases')
          .set(owner.auth)
          .send({ relationshipType: 'couple', participants: [{ displayName: 'Alex Rivera', breachRole: 'broke-trust' }, { displayName: 'Sam Rivera', breachRole: 'was-hurt' }] })
          .expect(201)
      ).body as CaseDetail;

    it('counts the sign-in, then asks again after five minutes before an export', async () => {
      const owner = await registerPractice(api.http);
      const { id } = await openCase(owner);
      await api.http.get(`/api/cases/${id}/export`).set(owner.auth).expect(200);

      await ageSession(sessionOf(owner), 'verified_at', 6);
      const refused = await api.http.get(`/api/cases/${id}/export`).set(owner.auth).expect(403);
      expect(refused.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        code: 'step-up-required',
        message: "For your security, confirm it's you: enter a code from your authenticator app (or your password) and try again.",
      });

      const wrong = await api.http.post('/api/me/step-up').set(owner.auth).send({ password: 'not the password' }).expect(400);
      expect(wrong.body.message).toEqual(['password is not right']);
      expect((await api.http.post('/api/me/step-up').set(owner.auth).send({}).expect(400)).body.message).toEqual(['password is required']);
      // Without two-factor, a code proves nothing.
      await api.http.post('/api/me/step-up').set(owner.auth).send({ code: '123456' }).expect(400);
      await api.http.get(`/api/cases/${id}/export`).set(owner.auth).expect(403);

      const stepped = await api.http.post('/api/me/step-up').set(owner.auth).send({ password: TEST_PASSWORD }).expect(200);
      const until = new Date(stepped.body.verifiedUntil).getTime();
      expect(until).toBeGreaterThan(Date.now() + 4 * 60_000);
      expect(until).toBeLessThanOrEqual(Date.now() + 5 * 60_000);
      await api.http.get(`/api/cases/${id}/export`).set(owner.auth).expect(200);
    });

    it('asks a person with two-factor for a code, not the password', async () => {
      const owner = await registerPractice(api.http);
      const { secret } = await enrolTwoFactor(api.http, owner);
      await ageSession(sessionOf(owner), 'verified_at', 6);
      const passwordOnly = await api.http.post('/api/me/step-up').set(owner.auth).send({ password: TEST_PASSWORD }).expect(400);
      expect(passwordOnly.body.message).toEqual(['code is required: enter the 6-digit code your authenticator app shows']);
      // The code that turned two-factor on was this step's: the next step's is new.
      const code = twoFactorCode(secret, 1);
      await api.http.post('/api/me/step-up').set(owner.auth).send({ code }).expect(200);
      const replayed = await api.http.post('/api/me/step-up').set(owner.auth).send({ code }).expect(400);
      expect(replayed.body.message).toEqual(['code is not right, or was already used: enter the code your authenticator app shows now']);
    });

    it('proves presence on this device only', async () => {
      const owner = await registerPractice(api.http);
      const { id } = await openCase(owner);
      const other = await signInAgain(owner);
      await ageSession(sessionOf(owner), 'verified_at', 6);
      await ageSession(sessionOf(other), 'verified_at', 6);
      await api.http.post('/api/me/step-up').set(other.auth).send({ password: TEST_PASSWORD }).expect(200);
      await api.http.get(`/api/cases/${id}/export`).set(other.auth).expect(200);
      await api.http.get(`/api/cases/${id}/export`).set(owner.auth).expect(403);
    });
  });

  describe('a required step', () => {
    it('closes every route but the step, who-am-I, step-up and sign-out', async () => {
      const owner = await registerPractice(api.http);
      await database.query('UPDATE users SET must_choose_password = true WHERE id = $1', [owner.tokens.user.id]);

      const refused = await api.http.get('/api/cases').set(owner.auth).expect(403);
      expect(refused.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        code: 'account-action-required',
        message: 'Choose your own password before you continue: you signed in with a temporary one.',
      });
      await api.http.get('/api/me/sessions').set(owner.auth).expect(403);
      const me = await api.http.get('/api/me').set(owner.auth).expect(200);
      expect(me.body.requiredAction).toBe('choose-password');
      await api.http.post('/api/me/step-up').set(owner.auth).send({ password: TEST_PASSWORD }).expect(200);
      await api.http.post('/api/auth/logout').set(owner.auth).expect(204);
    });

    it('sends a member whose practice requires two-factor to set it up first', async () => {
      const owner = await registerPractice(api.http);
      await database.query('UPDATE practices SET require_two_factor = true WHERE id = $1', [owner.tokens.user.practice.id]);
      const refused = await api.http.get('/api/users').set(owner.auth).expect(403);
      expect(refused.body.code).toBe('account-action-required');
      expect(refused.body.message).toMatch(/requires two-factor sign-in/);
      expect((await api.http.get('/api/me').set(owner.auth).expect(200)).body.requiredAction).toBe('enrol-two-factor');
    });
  });

  describe('your own settings', () => {
    it('changes your name and digest choice, and audits it', async () => {
      const owner = await registerPractice(api.http);
      const changed = await api.http.patch('/api/me').set(owner.auth).send({ name: '  Olive Okafor ' }).expect(200);
      expect(changed.body).toMatchObject({ name: 'Olive Okafor', weeklyDigest: false, twoFactorEnabled: false, requiredAction: null, pendingEmail: null });
      expect((await api.http.patch('/api/me').set(owner.auth).send({ name: '' }).expect(400)).body.message).toEqual(['name is required']);
      const { rows } = await database.query("SELECT record_id FROM audit_events WHERE action = 'user.update' AND actor_id = $1", [owner.tokens.user.id]);
      expect(rows).toEqual([{ record_id: owner.tokens.user.id }]);
    });
  });
});

describe('step-up throttling', () => {
  const api = useTestApp({ LOGIN_LIMIT_PER_EMAIL: '3', LOGIN_LIMIT_PER_ADDRESS: '3', LOGIN_LIMIT_WINDOW_SECONDS: '600' });

  it('limits wrong passwords like sign-ins, counting only failures', async () => {
    const owner = await registerPractice(api.http);
    const stepUp = (password: string) => api.http.post('/api/me/step-up').set(owner.auth).set('X-Forwarded-For', '10.0.5.1').send({ password });
    for (let visit = 1; visit <= 4; visit++) await stepUp(TEST_PASSWORD).expect(200);
    for (let attempt = 1; attempt <= 3; attempt++) await stepUp('not the password').expect(400);
    const blocked = await stepUp(TEST_PASSWORD).expect(429);
    expect(blocked.body.message).toMatch(/Too many sign-in attempts/);
  });

  it('counts wrong passwords against the person, from whichever address they come', async () => {
    const owner = await registerPractice(api.http);
    const stepUpFrom = (address: string, password: string) => api.http.post('/api/me/step-up').set(owner.auth).set('X-Forwarded-For', address).send({ password });
    for (let attempt = 1; attempt <= 3; attempt++) await stepUpFrom(`10.0.6.${attempt}`, 'not the password').expect(400);
    expect((await stepUpFrom('10.0.6.9', 'not the password').expect(429)).body.message).toMatch(/Too many sign-in attempts/);
  });
});
