import type { Client } from 'pg';
import { addTeamMember, registerPractice, useTestApp, TEST_PASSWORD, uniqueEmail } from '../../test/test-app';
import { connect, ownerDatabaseUrl } from '../../test/test-database';

describe('practice settings (/api/practice)', () => {
  const api = useTestApp();
  let database: Client;
  beforeAll(async () => {
    database = await connect(ownerDatabaseUrl());
  });
  afterAll(() => database.end());

  it('keeps the time zone given at registration, or UTC', async () => {
    const registered = await api.http
      .post('/api/auth/register')
      .send({ practiceName: 'Zoned', name: 'Zed', email: uniqueEmail(), password: TEST_PASSWORD, timeZone: 'America/Chicago' })
      .expect(201);
    expect(registered.body.user.practice).toMatchObject({ name: 'Zoned', timeZone: 'America/Chicago' });
    const plain = await registerPractice(api.http);
    expect(plain.tokens.user.practice.timeZone).toBe('UTC');
    await api.http
      .post('/api/auth/register')
      .send({ practiceName: 'Nowhere', name: 'N', email: uniqueEmail(), password: TEST_PASSWORD, timeZone: 'Mars/Olympus' })
      .expect(400);
  });

  it("takes a registering browser's zone, and refuses abbreviations that name no place", async () => {
    const register = (timeZone: string) =>
      api.http.post('/api/auth/register').send({ practiceName: 'Lower East Side Therapy', name: 'Nia', email: uniqueEmail(), password: TEST_PASSWORD, timeZone });
    const registered = await register('America/New_York').expect(201);
    expect(registered.body.user.practice.timeZone).toBe('America/New_York');
    const read = await api.http.get('/api/practice').set({ Authorization: `Bearer ${registered.body.accessToken}` }).expect(200);
    expect(read.body.timeZone).toBe('America/New_York');
    // The runtime reads "EST" as Panama (no daylight saving): a practice in New York would be an hour off all summer.
    for (const abbreviation of ['EST', 'CET', 'GMT+1']) {
      const refused = await register(abbreviation).expect(400);
      expect(refused.body.message).toEqual(['timeZone must be a time zone name such as Europe/London']);
    }
  });

  it('lets the owner rename the practice and change its time zone', async () => {
    const owner = await registerPractice(api.http);
    const updated = await api.http.patch('/api/practice').set(owner.auth).send({ name: 'Renamed', timeZone: 'Europe/London' }).expect(200);
    expect(updated.body).toEqual({
      id: owner.tokens.user.practice.id,
      name: 'Renamed',
      timeZone: 'Europe/London',
      idleTimeoutMinutes: 15,
      requireTwoFactor: false,
      reminderLeadHours: 24,
      cancellationNoticeHours: 24,
      officeAddress: null,
    });
    const read = await api.http.get('/api/practice').set(owner.auth).expect(200);
    expect(read.body.timeZone).toBe('Europe/London');
    const bad = await api.http.patch('/api/practice').set(owner.auth).send({ timeZone: 'Europe/Atlantis' }).expect(400);
    expect(bad.body.message).toEqual(['timeZone must be a time zone name such as Europe/London']);
  });

  it('sets the automatic sign-out from 5 to 60 whole minutes, and says the range when refused', async () => {
    const owner = await registerPractice(api.http);
    expect(owner.tokens.user.practice).toMatchObject({ idleTimeoutMinutes: 15, requireTwoFactor: false });
    const updated = await api.http.patch('/api/practice').set(owner.auth).send({ idleTimeoutMinutes: 30 }).expect(200);
    expect(updated.body.idleTimeoutMinutes).toBe(30);
    for (const idleTimeoutMinutes of [4, 61, 7.5, '10', null]) {
      const refused = await api.http.patch('/api/practice').set(owner.auth).send({ idleTimeoutMinutes }).expect(400);
      expect(refused.body.message).toEqual(['idleTimeoutMinutes must be a whole number of minutes from 5 to 60']);
    }
    const read = await api.http.get('/api/practice').set(owner.auth).expect(200);
    expect(read.body.idleTimeoutMinutes).toBe(30);
  });

  it('records each change of the settings in the audit log, under the practice', async () => {
    const owner = await registerPractice(api.http);
    const practiceId = owner.tokens.user.practice.id;
    const response = await api.http.patch('/api/practice').set(owner.auth).send({ idleTimeoutMinutes: 20 }).expect(200);
    const { rows } = await database.query('SELECT action, record_type, record_id, actor_id FROM audit_events WHERE request_id = $1', [response.headers['x-request-id']]);
    expect(rows).toEqual([{ action: 'practice.update', record_type: 'practice', record_id: practiceId, actor_id: owner.tokens.user.id }]);
  });

  describe('requiring two-factor of every member', () => {
    it('is refused until the owner has two-factor on, so they are not locked out', async () => {
      const owner = await registerPractice(api.http);
      const refused = await api.http.patch('/api/practice').set(owner.auth).send({ requireTwoFactor: true, name: 'Not renamed' }).expect(409);
      expect(refused.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        message: 'Turn on two-factor for your own account first, so you are not locked out.',
      });
      const unchanged = await api.http.get('/api/practice').set(owner.auth).expect(200);
      expect(unchanged.body).toMatchObject({ requireTwoFactor: false, name: 'Test Practice' });
      // Leaving it off needs nothing.
      await api.http.patch('/api/practice').set(owner.auth).send({ requireTwoFactor: false }).expect(200);
    });

    it('is accepted once the owner has two-factor, and can be turned off again', async () => {
      const owner = await registerPractice(api.http);
      // Two-factor's own enrolment is tested with it; here only its outcome matters.
      await database.query("UPDATE users SET two_factor_secret = 'enrolled', two_factor_enabled_at = now() WHERE id = $1", [owner.tokens.user.id]);
      const required = await api.http.patch('/api/practice').set(owner.auth).send({ requireTwoFactor: true }).expect(200);
      expect(required.body.requireTwoFactor).toBe(true);
      const read = await api.http.get('/api/practice').set(owner.auth).expect(200);
      expect(read.body.requireTwoFactor).toBe(true);
      const off = await api.http.patch('/api/practice').set(owner.auth).send({ requireTwoFactor: false }).expect(200);
      expect(off.body.requireTwoFactor).toBe(false);
      await api.http.patch('/api/practice').set(owner.auth).send({ requireTwoFactor: 'yes' }).expect(400);
    });
  });

  it('keeps settings to owners', async () => {
    const owner = await registerPractice(api.http);
    const { signedIn: clinician } = await addTeamMember(api.http, owner, 'clinician');
    await api.http.get('/api/practice').set(clinician.auth).expect(200);
    await api.http.patch('/api/practice').set(clinician.auth).send({ timeZone: 'Europe/Paris' }).expect(403);
  });
});
