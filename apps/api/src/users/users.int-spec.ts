import type { TeamMember } from '@trustwork/contracts';
import { addTeamMember, registerPractice, useTestApp, TEST_PASSWORD, uniqueEmail } from '../../test/test-app';

describe('team (/api/users)', () => {
  const api = useTestApp();

  it('lets the owner add a colleague who can then sign in with the temporary password', async () => {
    const owner = await registerPractice(api.http);
    const email = uniqueEmail('colleague');
    const added = await api.http
      .post('/api/users')
      .set(owner.auth)
      .send({ name: 'Casey Clinician', email, role: 'clinician', temporaryPassword: TEST_PASSWORD })
      .expect(201);
    expect(added.body).toEqual({
      id: expect.any(String),
      name: 'Casey Clinician',
      email: email.toLowerCase(),
      role: 'clinician',
      active: true,
      createdAt: expect.any(String),
      twoFactorEnabled: false,
      mustChoosePassword: true,
    });
    // Whether they still must choose one is shown; the password and its hash never are.
    expect(JSON.stringify(added.body)).not.toMatch(new RegExp(`${TEST_PASSWORD}|argon2`, 'i'));

    const team = await api.http.get('/api/users').set(owner.auth).expect(200);
    expect((team.body as TeamMember[]).map((member) => member.name)).toEqual(['Olive Owner', 'Casey Clinician']);

    const login = await api.http.post('/api/auth/login').send({ email, password: TEST_PASSWORD }).expect(200);
    expect(login.body.user).toMatchObject({ role: 'clinician', practice: owner.tokens.user.practice });
  });

  it('lets the owner change a role, and the change applies at once', async () => {
    const owner = await registerPractice(api.http);
    const { member, signedIn } = await addTeamMember(api.http, owner, 'assistant');
    await api.http.post('/api/users').set(signedIn.auth).send({ name: 'X', email: uniqueEmail(), role: 'clinician', temporaryPassword: TEST_PASSWORD }).expect(403);

    const promoted = await api.http.patch(`/api/users/${member.id}`).set(owner.auth).send({ role: 'owner' }).expect(200);
    expect(promoted.body.role).toBe('owner');
    // The same access token now carries owner rights, because roles are read per request.
    await api.http.post('/api/users').set(signedIn.auth).send({ name: 'New Person', email: uniqueEmail(), role: 'clinician', temporaryPassword: TEST_PASSWORD }).expect(201);
  });

  it('keeps clinicians and assistants to reading the team', async () => {
    const owner = await registerPractice(api.http);
    const { signedIn: clinician } = await addTeamMember(api.http, owner, 'clinician');
    const { member: assistant } = await addTeamMember(api.http, owner, 'assistant');

    await api.http.get('/api/users').set(clinician.auth).expect(200);
    const refused = await api.http.patch(`/api/users/${assistant.id}`).set(clinician.auth).send({ role: 'owner' }).expect(403);
    expect(refused.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'Your role does not allow this.' });
  });

  it('answers 404 for a member of another practice, and changes nothing there', async () => {
    const ours = await registerPractice(api.http, 'Ours');
    const theirs = await registerPractice(api.http, 'Theirs');
    const { member: theirClinician } = await addTeamMember(api.http, theirs, 'clinician');

    const response = await api.http.patch(`/api/users/${theirClinician.id}`).set(ours.auth).send({ active: false }).expect(404);
    expect(response.body).toEqual({ statusCode: 404, error: 'Not Found', message: 'No team member with that id in your practice.' });
    const ourTeam = await api.http.get('/api/users').set(ours.auth).expect(200);
    expect((ourTeam.body as TeamMember[]).map((member) => member.id)).not.toContain(theirClinician.id);

    const theirTeam = await api.http.get('/api/users').set(theirs.auth).expect(200);
    expect((theirTeam.body as TeamMember[]).find((member) => member.id === theirClinician.id)?.active).toBe(true);
  });

  it('answers 404 for an id that is not a UUID', async () => {
    const owner = await registerPractice(api.http);
    await api.http.patch('/api/users/not-a-uuid').set(owner.auth).send({ role: 'owner' }).expect(404);
  });

  it('does not let the owner lock themselves out', async () => {
    const owner = await registerPractice(api.http);
    const response = await api.http.patch(`/api/users/${owner.tokens.user.id}`).set(owner.auth).send({ active: false }).expect(409);
    expect(response.body.message).toMatch(/cannot deactivate yourself/);
    await api.http.patch(`/api/users/${owner.tokens.user.id}`).set(owner.auth).send({ role: 'assistant' }).expect(409);
    await api.http.patch(`/api/users/${owner.tokens.user.id}`).set(owner.auth).send({ name: 'Olive O. Owner' }).expect(200);
  });

  it('refuses a colleague whose e-mail is already in use, and a weak temporary password', async () => {
    const owner = await registerPractice(api.http);
    await api.http.post('/api/users').set(owner.auth).send({ name: 'Dup', email: owner.email, role: 'clinician', temporaryPassword: TEST_PASSWORD }).expect(409);
    const weak = await api.http.post('/api/users').set(owner.auth).send({ name: 'Weak', email: uniqueEmail(), role: 'clinician', temporaryPassword: 'short' }).expect(400);
    expect(weak.body.message).toEqual(['temporaryPassword must be at least 10 characters']);
    const badRole = await api.http.post('/api/users').set(owner.auth).send({ name: 'Role', email: uniqueEmail(), role: 'admin', temporaryPassword: TEST_PASSWORD }).expect(400);
    expect(badRole.body.message).toEqual(['role must be one of: owner, clinician, assistant']);
    const team = await api.http.get('/api/users').set(owner.auth).expect(200);
    expect(team.body).toHaveLength(1);
  });

  it('refuses a temporary password that is common or built from their name, e-mail or the practice name', async () => {
    const owner = await registerPractice(api.http, 'Harbour Lane Counselling');
    const add = (name: string, email: string, temporaryPassword: string) =>
      api.http.post('/api/users').set(owner.auth).send({ name, email, role: 'clinician', temporaryPassword });
    const common = await add('Casey Clinician', uniqueEmail(), 'qwertyuiop').expect(400);
    expect(common.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: [expect.stringMatching(/^temporaryPassword is too common or easy to guess: .*Try a longer phrase of several unrelated words\.$/)],
    });
    const email = uniqueEmail('casey.morgan');
    for (const personal of ['casey morgan 1', email, 'harbour lane counselling']) {
      const refused = await add('Casey Morgan', email, personal).expect(400);
      expect(refused.body.message).toEqual([expect.stringContaining("the person's name, e-mail address or the practice's name")]);
    }
    const team = await api.http.get('/api/users').set(owner.auth).expect(200);
    expect(team.body).toHaveLength(1);
  });
});
