import { REFRESH_COOKIE_NAME, REFRESH_REQUEST_HEADER, type AuthTokens, type TeamMember } from '@trustwork/contracts';
import type { Client } from 'pg';
import { MEMBER_PASSWORD, registerPractice, TEST_PASSWORD, uniqueEmail, useTestApp, type SignedIn } from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';
import type { MailContent } from '../mail/mail-templates';
import { MailService } from '../mail/mail.service';

const DASHBOARD_URL = 'https://dashboard.trustwork.example';
const NEW_PASSWORD = 'lantern orchard quietly seventeen';
const EXPIRED = 'This link has expired or was already used.';

describe('account basics: own password, own e-mail address, forgotten password', () => {
  const api = useTestApp({ DASHBOARD_URL });
  const sent: { to: string; content: MailContent }[] = [];
  let database: Client;
  beforeAll(async () => {
    database = await connect(ownerDatabaseUrl());
    jest.spyOn(api.app.get(MailService), 'send').mockImplementation(async (to, content) => {
      sent.push({ to, content });
    });
  });
  afterAll(() => database.end());

  const mailsTo = (address: string) => sent.filter((mail) => mail.to.toLowerCase() === address.toLowerCase());
  /** The token of the one link of `path` mailed to `address`, the same in both parts of the e-mail. */
  const tokenMailedTo = (address: string, path: string) => {
    const [mail] = mailsTo(address).filter((candidate) => candidate.content.text.includes(`${DASHBOARD_URL}${path}#token=`));
    const pattern = new RegExp(`${DASHBOARD_URL}${path}#token=([A-Za-z0-9_-]{43})`);
    const token = pattern.exec(mail.content.text)?.[1];
    expect(pattern.exec(mail.content.html)?.[1]).toBe(token);
    return token as string;
  };

  /** A sign-in on one more device: its access token and refresh cookie. */
  async function signIn(email: string, password: string) {
    const response = await api.http.post('/api/auth/login').send({ email, password }).expect(200);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).find((header) => header.startsWith(`${REFRESH_COOKIE_NAME}=`));
    return { auth: { Authorization: `Bearer ${(response.body as AuthTokens).accessToken}` }, cookie: (cookie ?? '').split(';')[0] };
  }
  const refresh = (device: { cookie: string }) => api.http.post('/api/auth/refresh').set('Cookie', device.cookie).set(REFRESH_REQUEST_HEADER, '1');
  const auditOf = async (response: { headers: Record<string, string> }) =>
    (await database.query('SELECT action, record_type, record_id, actor_type, actor_id FROM audit_events WHERE request_id = $1', [response.headers['x-request-id']])).rows;

  describe('changing one’s own password', () => {
    it('signs every other device out and keeps this one', async () => {
      const owner = await registerPractice(api.http);
      const here = await signIn(owner.email, TEST_PASSWORD);
      const elsewhere = await signIn(owner.email, TEST_PASSWORD);

      const changed = await api.http.post('/api/me/password').set(here.auth).send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(204);
      expect(await auditOf(changed)).toEqual([{ action: 'user.password-change', record_type: 'user', record_id: owner.tokens.user.id, actor_type: 'user', actor_id: owner.tokens.user.id }]);

      await api.http.get('/api/me').set(elsewhere.auth).expect(401);
      await refresh(elsewhere).expect(401);
      await api.http.get('/api/me').set(here.auth).expect(200);
      await refresh(here).expect(200);
      await api.http.post('/api/auth/login').send({ email: owner.email, password: TEST_PASSWORD }).expect(401);
      await signIn(owner.email, NEW_PASSWORD);
    });

    it('refuses a wrong current password with a 400 naming the field, and changes nothing', async () => {
      const owner = await registerPractice(api.http);
      const wrong = await api.http.post('/api/me/password').set(owner.auth).send({ currentPassword: 'not my password', newPassword: NEW_PASSWORD }).expect(400);
      expect(wrong.body).toEqual({ statusCode: 400, error: 'Bad Request', message: ['currentPassword is not your current password.'] });
      const same = await api.http.post('/api/me/password').set(owner.auth).send({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }).expect(400);
      expect(same.body.message).toEqual(['newPassword must be different from your current password.']);
      const weak = await api.http.post('/api/me/password').set(owner.auth).send({ currentPassword: TEST_PASSWORD, newPassword: 'Olive Owner 1' }).expect(400);
      expect(weak.body.message).toEqual([expect.stringMatching(/^newPassword is too common or easy to guess: /)]);
      const missing = await api.http.post('/api/me/password').set(owner.auth).send({ newPassword: NEW_PASSWORD }).expect(400);
      expect(missing.body.message).toEqual(['currentPassword is required']);
      await signIn(owner.email, TEST_PASSWORD);
    });

    it('needs a sign-in', async () => {
      await api.http.post('/api/me/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(401);
    });
  });

  describe('a member added with a temporary password', () => {
    it('can reach only the password change until they choose their own, and the team list shows it', async () => {
      const owner = await registerPractice(api.http);
      expect(owner.tokens.user.requiredAction).toBeNull();
      const email = uniqueEmail('newcomer');
      const added = await api.http.post('/api/users').set(owner.auth).send({ name: 'Nora Newcomer', email, role: 'clinician', temporaryPassword: TEST_PASSWORD }).expect(201);
      const memberOf = async () => ((await api.http.get('/api/users').set(owner.auth).expect(200)).body as TeamMember[]).find((member) => member.id === added.body.id);
      expect(await memberOf()).toMatchObject({ mustChoosePassword: true, twoFactorEnabled: false });
      const ownerRow = ((await api.http.get('/api/users').set(owner.auth).expect(200)).body as TeamMember[]).find((member) => member.id === owner.tokens.user.id);
      expect(ownerRow).toMatchObject({ mustChoosePassword: false });

      const login = await api.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
      expect((login.body as AuthTokens).user.requiredAction).toBe('choose-password');
      const auth = { Authorization: `Bearer ${(login.body as AuthTokens).accessToken}` };
      const refused = await api.http.get('/api/cases').set(auth).expect(403);
      expect(refused.body.message).toBe('Choose your own password before you continue: you signed in with a temporary one.');
      await api.http.post('/api/me/email').set(auth).send({ email: uniqueEmail(), currentPassword: TEST_PASSWORD }).expect(403);

      await api.http.post('/api/me/password').set(auth).send({ currentPassword: TEST_PASSWORD, newPassword: MEMBER_PASSWORD }).expect(204);
      await api.http.get('/api/cases').set(auth).expect(200);
      expect((await api.http.get('/api/me').set(auth).expect(200)).body.requiredAction).toBeNull();
      expect(await memberOf()).toMatchObject({ mustChoosePassword: false });
    });
  });

  describe('"Forgot password?"', () => {
    async function resetLinkFor(email: string): Promise<string> {
      await api.http.post('/api/auth/password-reset').send({ email }).expect(202);
      return tokenMailedTo(email, '/reset-password');
    }
    const complete = (token: string, newPassword = NEW_PASSWORD) => api.http.post('/api/auth/password-reset/complete').send({ token, newPassword });

    it('gives the same answer whether or not the address has an account, and mails only a real one', async () => {
      const owner = await registerPractice(api.http);
      const unknown = uniqueEmail('nobody');
      const forUnknown = await api.http.post('/api/auth/password-reset').send({ email: unknown }).expect(202);
      const forOwner = await api.http.post('/api/auth/password-reset').send({ email: owner.email.toUpperCase() }).expect(202);
      expect(forUnknown.text).toBe(forOwner.text);
      expect(forUnknown.headers['content-type']).toBe(forOwner.headers['content-type']);
      expect(mailsTo(unknown)).toEqual([]);
      expect(mailsTo(owner.email)).toHaveLength(1);
      expect(mailsTo(owner.email)[0].content.subject).toBe('Choose a new Trustwork password');
      expect(await auditOf(forUnknown)).toEqual([]);
      expect(await auditOf(forOwner)).toEqual([{ action: 'user.password-reset-request', record_type: 'user', record_id: owner.tokens.user.id, actor_type: 'system', actor_id: null }]);
      // Only the hash is stored.
      const token = tokenMailedTo(owner.email, '/reset-password');
      const { rows } = await database.query('SELECT token_hash FROM account_tokens WHERE user_id = $1', [owner.tokens.user.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].token_hash).not.toContain(token);
    });

    it('works once, and ends every session of the person', async () => {
      const owner = await registerPractice(api.http);
      const device = await signIn(owner.email, TEST_PASSWORD);
      const token = await resetLinkFor(owner.email);

      const weak = await complete(token, 'password123').expect(400);
      expect(weak.body.message).toEqual([expect.stringMatching(/^newPassword is too common or easy to guess: /)]);
      const reset = await complete(token).expect(204);
      expect(await auditOf(reset)).toEqual([{ action: 'user.password-reset', record_type: 'user', record_id: owner.tokens.user.id, actor_type: 'user', actor_id: owner.tokens.user.id }]);

      for (const session of [owner, device]) await api.http.get('/api/me').set(session.auth).expect(401);
      await refresh(device).expect(401);
      await api.http.post('/api/auth/login').send({ email: owner.email, password: TEST_PASSWORD }).expect(401);
      await signIn(owner.email, NEW_PASSWORD);

      const again = await complete(token, `${NEW_PASSWORD} again`).expect(400);
      expect(again.body).toEqual({ statusCode: 400, error: 'Bad Request', message: [EXPIRED] });
    });

    it('expires, and a newer link replaces an older one', async () => {
      const owner = await registerPractice(api.http);
      const first = await resetLinkFor(owner.email);
      sent.length = 0;
      const second = await resetLinkFor(owner.email);
      expect((await complete(first).expect(400)).body.message).toEqual([EXPIRED]);

      await database.query("UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND used_at IS NULL", [owner.tokens.user.id]);
      expect((await complete(second).expect(400)).body.message).toEqual([EXPIRED]);
      await signIn(owner.email, TEST_PASSWORD);
    });

    it('lasts 30 minutes', async () => {
      const owner = await registerPractice(api.http);
      await resetLinkFor(owner.email);
      const { rows } = await database.query('SELECT round(extract(epoch FROM expires_at - created_at) / 60)::int AS minutes FROM account_tokens WHERE user_id = $1', [owner.tokens.user.id]);
      expect(rows).toEqual([{ minutes: 30 }]);
    });

    it('refuses a made-up link, and sends nothing to a deactivated account', async () => {
      expect((await complete('a'.repeat(43)).expect(400)).body.message).toEqual([EXPIRED]);
      await complete('').expect(400);

      const owner = await registerPractice(api.http);
      const email = uniqueEmail('leaver');
      const added = await api.http.post('/api/users').set(owner.auth).send({ name: 'Lee Leaver', email, role: 'assistant', temporaryPassword: TEST_PASSWORD }).expect(201);
      await api.http.patch(`/api/users/${added.body.id}`).set(owner.auth).send({ active: false }).expect(200);
      await api.http.post('/api/auth/password-reset').send({ email }).expect(202);
      expect(mailsTo(email)).toEqual([]);
    });

    it('stops working once the member is deactivated', async () => {
      const owner = await registerPractice(api.http);
      const email = uniqueEmail('leaving');
      const added = await api.http.post('/api/users').set(owner.auth).send({ name: 'Lou Leaving', email, role: 'assistant', temporaryPassword: TEST_PASSWORD }).expect(201);
      const token = await resetLinkFor(email);
      await api.http.patch(`/api/users/${added.body.id}`).set(owner.auth).send({ active: false }).expect(200);
      expect((await complete(token).expect(400)).body.message).toEqual([EXPIRED]);
    });

    it('stops working once the account moves to another address, or its password is changed', async () => {
      const owner = await registerPractice(api.http);
      // The old mailbox may be the reason for the move: a link sent there must not open the account.
      const toOldAddress = await resetLinkFor(owner.email);
      const newEmail = uniqueEmail('moved').toLowerCase();
      await api.http.post('/api/me/email').set(owner.auth).send({ email: newEmail, currentPassword: TEST_PASSWORD }).expect(202);
      await api.http.post('/api/auth/email-confirmation').send({ token: tokenMailedTo(newEmail, '/confirm-email') }).expect(204);
      expect((await complete(toOldAddress).expect(400)).body.message).toEqual([EXPIRED]);

      // Someone who asked for a link from a mailbox they should not read loses it when the person changes their password.
      const beforeChange = await resetLinkFor(newEmail);
      await api.http.post('/api/me/password').set(owner.auth).send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }).expect(204);
      expect((await complete(beforeChange, `${NEW_PASSWORD} again`).expect(400)).body.message).toEqual([EXPIRED]);
      await signIn(newEmail, NEW_PASSWORD);
    });
  });

  describe('changing one’s own e-mail address', () => {
    const changeEmail = (who: SignedIn, email: string, currentPassword = TEST_PASSWORD) => api.http.post('/api/me/email').set(who.auth).send({ email, currentPassword });

    it('moves to the new address once the link sent there is opened, and tells the old one', async () => {
      const owner = await registerPractice(api.http);
      const newEmail = uniqueEmail('moved').toLowerCase();
      const requested = await changeEmail(owner, newEmail).expect(202);
      expect(await auditOf(requested)).toEqual([{ action: 'user.email-change-request', record_type: 'user', record_id: owner.tokens.user.id, actor_type: 'user', actor_id: owner.tokens.user.id }]);
      expect(mailsTo(owner.email).map((mail) => mail.content.subject)).toEqual(['Your Trustwork e-mail address is being changed']);
      const token = tokenMailedTo(newEmail, '/confirm-email');
      expect((await api.http.get('/api/me').set(owner.auth).expect(200)).body).toMatchObject({ email: owner.email, pendingEmail: newEmail });
      // Until it is confirmed, the old address still signs in.
      await signIn(owner.email, TEST_PASSWORD);

      const confirmed = await api.http.post('/api/auth/email-confirmation').send({ token }).expect(204);
      expect(await auditOf(confirmed)).toEqual([{ action: 'user.email-change', record_type: 'user', record_id: owner.tokens.user.id, actor_type: 'user', actor_id: owner.tokens.user.id }]);
      expect((await api.http.get('/api/me').set(owner.auth).expect(200)).body).toMatchObject({ email: newEmail, pendingEmail: null });
      await signIn(newEmail, TEST_PASSWORD);
      await api.http.post('/api/auth/login').send({ email: owner.email, password: TEST_PASSWORD }).expect(401);
      expect((await api.http.post('/api/auth/email-confirmation').send({ token }).expect(400)).body.message).toEqual([EXPIRED]);
    });

    it('refuses an address another account uses without saying whose, and a wrong password', async () => {
      const owner = await registerPractice(api.http);
      const elsewhere = await registerPractice(api.http, 'Another Practice');
      const taken = await changeEmail(owner, elsewhere.email).expect(409);
      expect(taken.body).toEqual({ statusCode: 409, error: 'Conflict', message: 'An account with this e-mail address already exists.' });
      expect((await changeEmail(owner, uniqueEmail(), 'not my password').expect(400)).body.message).toEqual(['currentPassword is not your current password.']);
      expect((await changeEmail(owner, owner.email).expect(400)).body.message).toEqual(['email is already the address of your account.']);
      expect((await changeEmail(owner, 'not an address').expect(400)).body.message).toEqual(['email must be a valid e-mail address']);
      expect(sent.filter((mail) => mail.to === owner.email)).toEqual([]);
    });

    it('keeps only the latest request, and refuses a link whose address was taken meanwhile', async () => {
      const owner = await registerPractice(api.http);
      const first = uniqueEmail('first').toLowerCase();
      const second = uniqueEmail('second').toLowerCase();
      await changeEmail(owner, first).expect(202);
      const firstToken = tokenMailedTo(first, '/confirm-email');
      await changeEmail(owner, second).expect(202);
      const secondToken = tokenMailedTo(second, '/confirm-email');
      expect((await api.http.post('/api/auth/email-confirmation').send({ token: firstToken }).expect(400)).body.message).toEqual([EXPIRED]);

      await api.http.post('/api/auth/register').send({ practiceName: 'Quick', name: 'Quinn Quick', email: second, password: TEST_PASSWORD }).expect(201);
      const taken = await api.http.post('/api/auth/email-confirmation').send({ token: secondToken }).expect(409);
      expect(taken.body.message).toBe('An account with this e-mail address already exists.');
      expect((await api.http.get('/api/me').set(owner.auth).expect(200)).body.email).toBe(owner.email);
    });

    it('refuses a made-up link', async () => {
      expect((await api.http.post('/api/auth/email-confirmation').send({ token: 'b'.repeat(43) }).expect(400)).body.message).toEqual([EXPIRED]);
    });
  });
});

// Its own app, started after the one above has closed: closing an app while another of the file still served broke that one's connections.
describe('wrong current passwords count like failed sign-ins', () => {
  const limited = useTestApp({ LOGIN_LIMIT_PER_ADDRESS: '3', LOGIN_LIMIT_PER_EMAIL: '3' });

  it('answers 429 after the limit, and a right one gives its attempt back', async () => {
    const owner = await registerPractice(limited.http);
    // Its own client address, apart from the registration's.
    const change = (currentPassword: string, newPassword: string) =>
      limited.http.post('/api/me/password').set(owner.auth).set('X-Forwarded-For', '203.0.113.40').send({ currentPassword, newPassword });
    await change('wrong guess one', NEW_PASSWORD).expect(400);
    await change('wrong guess two', NEW_PASSWORD).expect(400);
    await change(TEST_PASSWORD, NEW_PASSWORD).expect(204);
    await change('wrong guess three', TEST_PASSWORD).expect(400);
    const blocked = await change(NEW_PASSWORD, `${NEW_PASSWORD} again`).expect(429);
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
  });
});
