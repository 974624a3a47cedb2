import { REFRESH_COOKIE_NAME, REFRESH_REQUEST_HEADER, type AuthTokens } from '@trustwork/contracts';
import { addTeamMember, MEMBER_PASSWORD, refreshTokenOf, refreshWith, registerPractice, useTestApp, TEST_PASSWORD, uniqueEmail } from '../../test/test-app';

describe('auth', () => {
  const api = useTestApp();

  describe('register', () => {
    it('creates a practice and its owner, signed in', async () => {
      const owner = await registerPractice(api.http, 'Riverbend Couples Therapy');
      expect(owner.tokens.user).toMatchObject({ role: 'owner', name: 'Olive Owner', email: owner.email });
      expect(owner.tokens.user.practice.name).toBe('Riverbend Couples Therapy');
      expect(owner.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(owner.tokens).not.toHaveProperty('refreshToken');

      const me = await api.http.get('/api/me').set(owner.auth).expect(200);
      expect(me.body).toEqual(owner.tokens.user);
    });

    it('refuses an e-mail that exists in any letter case', async () => {
      const owner = await registerPractice(api.http);
      const response = await api.http
        .post('/api/auth/register')
        .send({ practiceName: 'Copycat', name: 'Someone', email: owner.email.toUpperCase(), password: TEST_PASSWORD })
        .expect(409);
      expect(response.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'An account with this e-mail address already exists.' });
    });

    it('explains each invalid field', async () => {
      const response = await api.http
        .post('/api/auth/register')
        .send({ practiceName: '', name: 'Ana', email: 'not-an-email', password: 'short' })
        .expect(400);
      expect(response.body.message).toEqual(
        expect.arrayContaining(['practiceName is required', 'email must be a valid e-mail address', 'password must be at least 10 characters']),
      );
    });

    it('refuses a common or easily guessed password, saying why and what works', async () => {
      const register = (password: string, email = uniqueEmail()) =>
        api.http.post('/api/auth/register').send({ practiceName: 'Riverbend Couples Therapy', name: 'Ana Ruiz', email, password });
      const digits = await register('1234567890').expect(400);
      expect(digits.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: [
          'password is too common or easy to guess: it is, or is built on, a commonly used or leaked password. Try a longer phrase of several unrelated words.',
        ],
      });
      for (const weak of ['password123', 'aaaaaaaaaaaa', 'Riverbend2024', 'ana.ruiz.therapy']) {
        const refused = await register(weak, 'ana.ruiz@example.test').expect(400);
        expect(refused.body.message).toEqual([expect.stringMatching(/^password is too common or easy to guess: /)]);
      }
      // The length rule still comes first.
      expect((await register('short').expect(400)).body.message).toEqual(['password must be at least 10 characters']);
      await register('maple cloud river stone').expect(201);
    });
  });

  describe('login', () => {
    it('signs in with the e-mail in any case', async () => {
      const owner = await registerPractice(api.http);
      const response = await api.http.post('/api/auth/login').send({ email: owner.email.toUpperCase(), password: TEST_PASSWORD }).expect(200);
      expect(response.body.user.id).toBe(owner.tokens.user.id);
      expect(response.body.accessToken).toEqual(expect.any(String));
    });

    it('answers a wrong password and an unknown e-mail the same way', async () => {
      const owner = await registerPractice(api.http);
      const wrongPassword = await api.http.post('/api/auth/login').send({ email: owner.email, password: 'not the password' }).expect(401);
      const unknownEmail = await api.http.post('/api/auth/login').send({ email: uniqueEmail(), password: TEST_PASSWORD }).expect(401);
      expect(wrongPassword.body).toEqual(unknownEmail.body);
      expect(wrongPassword.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Incorrect e-mail or password.' });
    });
  });

  describe('refresh', () => {
    it('sets the refresh token only as an HttpOnly, SameSite=Strict cookie scoped to the refresh route', async () => {
      const owner = await registerPractice(api.http);
      const login = await api.http.post('/api/auth/login').send({ email: owner.email, password: TEST_PASSWORD }).expect(200);
      const [cookie] = ([] as string[]).concat(login.headers['set-cookie']);
      const attributes = cookie.split('; ').slice(1);
      expect(cookie.startsWith(`${REFRESH_COOKIE_NAME}=`)).toBe(true);
      // Secure everywhere but plain-HTTP development; Max-Age is REFRESH_TOKEN_TTL_DAYS (30 by default).
      expect(attributes.sort()).toEqual(['HttpOnly', 'Max-Age=2592000', 'Path=/api/auth/refresh', 'SameSite=Strict', 'Secure']);
      expect(login.body).not.toHaveProperty('refreshToken');
      expect(login.text).not.toContain(refreshTokenOf(login));
    });

    it('refuses a refresh without the dashboard’s header, which a cross-site form or image cannot send', async () => {
      const owner = await registerPractice(api.http);
      const refused = await api.http.post('/api/auth/refresh').set('Cookie', `${REFRESH_COOKIE_NAME}=${owner.refreshToken}`).expect(403);
      expect(refused.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'This request must come from the Trustwork dashboard. Reload the page and try again.' });
      // The token was not spent by the refused request.
      await refreshWith(api.http, owner.refreshToken).expect(200);
    });

    it('reads the token only from the cookie', async () => {
      const owner = await registerPractice(api.http);
      await api.http.post('/api/auth/refresh').set(REFRESH_REQUEST_HEADER, '1').send({ refreshToken: owner.refreshToken }).expect(401);
      await api.http.post('/api/auth/refresh').set(REFRESH_REQUEST_HEADER, '1').set({ Authorization: `Bearer ${owner.refreshToken}` }).expect(401);
    });

    it('rotates the cookie and refuses the old one', async () => {
      const owner = await registerPractice(api.http);
      const rotated = await refreshWith(api.http, owner.refreshToken).expect(200);
      const next = rotated.body as AuthTokens;
      expect(refreshTokenOf(rotated)).not.toBe(owner.refreshToken);
      expect(next.user.id).toBe(owner.tokens.user.id);
      await api.http.get('/api/me').set({ Authorization: `Bearer ${next.accessToken}` }).expect(200);
      await refreshWith(api.http, owner.refreshToken).expect(401);
    });

    it('ends the whole session when a rotated cookie is reused', async () => {
      const owner = await registerPractice(api.http);
      const first = await refreshWith(api.http, owner.refreshToken).expect(200);
      // Someone replays the original token: the legitimate newer one dies too, and so does the access token.
      await refreshWith(api.http, owner.refreshToken).expect(401);
      await refreshWith(api.http, refreshTokenOf(first)).expect(401);
      await api.http.get('/api/me').set({ Authorization: `Bearer ${(first.body as AuthTokens).accessToken}` }).expect(401);
      // Another sign-in of the same person is a different session and still works.
      const other = await api.http.post('/api/auth/login').send({ email: owner.email, password: TEST_PASSWORD }).expect(200);
      await refreshWith(api.http, refreshTokenOf(other)).expect(200);
    });

    it('refuses unknown tokens and signed-out sessions', async () => {
      await refreshWith(api.http, 'x'.repeat(43)).expect(401);
      const owner = await registerPractice(api.http);
      await api.http.post('/api/auth/refresh').set(REFRESH_REQUEST_HEADER, '1').expect(401);
      await api.http.post('/api/auth/logout').set(owner.auth).expect(204);
      await refreshWith(api.http, owner.refreshToken).expect(401);
    });
  });

  describe('logout', () => {
    it('ends this session, clears the cookie, and needs the access token', async () => {
      const owner = await registerPractice(api.http);
      await api.http.post('/api/auth/logout').expect(401);
      const other = await api.http.post('/api/auth/login').send({ email: owner.email, password: TEST_PASSWORD }).expect(200);

      const logout = await api.http.post('/api/auth/logout').set(owner.auth).expect(204);
      const [cleared] = ([] as string[]).concat(logout.headers['set-cookie']);
      expect(cleared).toMatch(new RegExp(`^${REFRESH_COOKIE_NAME}=;`));
      expect(cleared).toContain('Max-Age=0');
      expect(cleared).toContain('Path=/api/auth/refresh');
      await api.http.get('/api/me').set(owner.auth).expect(401);
      // Only this device: the other sign-in goes on.
      await api.http.get('/api/me').set({ Authorization: `Bearer ${other.body.accessToken}` }).expect(200);
    });
  });

  describe('access tokens', () => {
    it('refuses a missing, malformed or tampered token', async () => {
      const owner = await registerPractice(api.http);
      await api.http.get('/api/me').expect(401);
      await api.http.get('/api/me').set({ Authorization: 'Bearer not-a-jwt' }).expect(401);
      const [header, payload, signature] = owner.tokens.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...claims, sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
      await api.http.get('/api/me').set({ Authorization: `Bearer ${header}.${forged}.${signature}` }).expect(401);
    });
  });

  describe('deactivated members', () => {
    it('can no longer sign in, refresh, or use a token they already hold', async () => {
      const owner = await registerPractice(api.http);
      const { member, signedIn } = await addTeamMember(api.http, owner, 'clinician');
      await api.http.patch(`/api/users/${member.id}`).set(owner.auth).send({ active: false }).expect(200);

      await api.http.get('/api/me').set(signedIn.auth).expect(401);
      await refreshWith(api.http, signedIn.refreshToken).expect(401);
      const login = await api.http.post('/api/auth/login').send({ email: signedIn.email, password: MEMBER_PASSWORD }).expect(403);
      expect(login.body.message).toMatch(/deactivated/);

      await api.http.patch(`/api/users/${member.id}`).set(owner.auth).send({ active: true }).expect(200);
      await api.http.post('/api/auth/login').send({ email: signedIn.email, password: MEMBER_PASSWORD }).expect(200);
      // Reactivation does not bring back the sessions deactivation ended.
      await refreshWith(api.http, signedIn.refreshToken).expect(401);
      await api.http.get('/api/me').set(signedIn.auth).expect(401);
    });
  });
});

describe('login throttling', () => {
  const api = useTestApp({ LOGIN_LIMIT_PER_EMAIL: '3', LOGIN_LIMIT_PER_ADDRESS: '6', LOGIN_LIMIT_WINDOW_SECONDS: '600' });

  it('limits attempts per e-mail address, whichever client sends them', async () => {
    const email = uniqueEmail();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await api.http.post('/api/auth/login').set('X-Forwarded-For', `10.0.1.${attempt}`).send({ email, password: 'wrong password' }).expect(401);
    }
    const blocked = await api.http.post('/api/auth/login').set('X-Forwarded-For', '10.0.1.9').send({ email, password: 'wrong password' }).expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(blocked.body.message).toMatch(/Too many sign-in attempts/);
  });

  it('limits attempts per client address, whichever e-mail they name', async () => {
    for (let attempt = 1; attempt <= 6; attempt++) {
      await api.http.post('/api/auth/login').set('X-Forwarded-For', '10.0.2.1').send({ email: uniqueEmail(), password: 'wrong password' }).expect(401);
    }
    await api.http.post('/api/auth/login').set('X-Forwarded-For', '10.0.2.1').send({ email: uniqueEmail(), password: 'wrong password' }).expect(429);
    // Another client is not affected.
    await api.http.post('/api/auth/login').set('X-Forwarded-For', '10.0.2.2').send({ email: uniqueEmail(), password: 'wrong password' }).expect(401);
  });

  it('counts only failed sign-ins, so signing in and out on a shared computer never locks anyone out', async () => {
    const owner = await registerPractice(api.http);
    const signIn = (password: string) => api.http.post('/api/auth/login').set('X-Forwarded-For', '10.0.3.1').send({ email: owner.email, password });
    // More successes than either limit (3 per e-mail, 6 per address), one after another.
    for (let visit = 1; visit <= 8; visit++) {
      const tokens = (await signIn(TEST_PASSWORD).expect(200)).body as AuthTokens;
      await api.http.post('/api/auth/logout').set({ Authorization: `Bearer ${tokens.accessToken}` }).expect(204);
    }
    for (let attempt = 1; attempt <= 3; attempt++) await signIn('wrong password').expect(401);
    // The limit is reached by failures alone: now even the right password waits.
    await signIn(TEST_PASSWORD).expect(429);
  });

  it('keeps earlier failures counted after a success', async () => {
    const owner = await registerPractice(api.http);
    const signIn = (password: string) => api.http.post('/api/auth/login').set('X-Forwarded-For', '10.0.4.1').send({ email: owner.email, password });
    await signIn('wrong password').expect(401);
    await signIn('wrong password').expect(401);
    await signIn(TEST_PASSWORD).expect(200);
    await signIn('wrong password').expect(401);
    await signIn('wrong password').expect(429);
  });
});
