import { addTeamMember, registerPractice, useTestApp, TEST_PASSWORD, uniqueEmail } from '../../test/test-app';

describe('practice settings (/api/practice)', () => {
  const api = useTestApp();

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
    expect(updated.body).toEqual({ id: owner.tokens.user.practice.id, name: 'Renamed', timeZone: 'Europe/London' });
    const read = await api.http.get('/api/practice').set(owner.auth).expect(200);
    expect(read.body.timeZone).toBe('Europe/London');
    const bad = await api.http.patch('/api/practice').set(owner.auth).send({ timeZone: 'Europe/Atlantis' }).expect(400);
    expect(bad.body.message).toEqual(['timeZone must be a time zone name such as Europe/London']);
  });

  it('keeps settings to owners', async () => {
    const owner = await registerPractice(api.http);
    const { signedIn: clinician } = await addTeamMember(api.http, owner, 'clinician');
    await api.http.get('/api/practice').set(clinician.auth).expect(200);
    await api.http.patch('/api/practice').set(clinician.auth).send({ timeZone: 'Europe/Paris' }).expect(403);
  });
});
