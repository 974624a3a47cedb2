import { randomUUID } from 'node:crypto';
import { walkTemplate } from '../../test/boundary-probes';
import { registerPractice, useTestApp, type SignedIn } from '../../test/test-app';

/** Bad requests answer a clear 4xx in the one error shape, never a 500. */
describe('request errors', () => {
  const api = useTestApp({ BODY_LIMIT_BYTES: '2048' });

  const login = () => api.http.post('/api/auth/login').set('Content-Type', 'application/json');

  it('answers malformed JSON with 400', async () => {
    const response = await login().send('{"email": "a@b.test",').expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: [expect.stringMatching(/JSON/)] });
  });

  it('answers an unknown field with 400 naming it', async () => {
    const response = await login().send({ email: 'a@b.test', password: 'whatever12', isAdmin: true }).expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: ['isAdmin is not a field this request accepts'] });
  });

  it('answers a missing field with 400 naming it', async () => {
    const response = await login().send({ email: 'a@b.test' }).expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: ['password is required'] });
  });

  it('answers a wrong type with 400 naming it', async () => {
    const response = await login().send({ email: 42, password: ['x'] }).expect(400);
    expect(response.body.message).toEqual(['email must be text', 'password must be text']);
  });

  it('answers an empty or non-object body with 400', async () => {
    await api.http.post('/api/auth/login').expect(400);
    const response = await login().send('[1,2]').expect(400);
    expect(response.body.statusCode).toBe(400);
  });

  it('answers a body over the limit with 413', async () => {
    const response = await login().send({ email: 'a@b.test', password: 'x'.repeat(4000) }).expect(413);
    expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('answers an unknown API route with 404 in the error shape', async () => {
    const response = await api.http.get('/api/no-such-thing').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('sets security headers and serves the OpenAPI document', async () => {
    const health = await api.http.get('/api/health').expect(200);
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['referrer-policy']).toBe('no-referrer');
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
    const document = await api.http.get('/api/docs-json').expect(200);
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users', '/api/users/{id}', '/api/me']));
  });

  it('allows listed origins only', async () => {
    const allowed = await api.http.options('/api/health').set('Origin', 'http://localhost:4200').set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:4200');
    const refused = await api.http.options('/api/health').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });
});

/** Input that is well-formed JSON or a well-formed address, yet cannot be stored or walked as sent. */
describe('hostile input', () => {
  const api = useTestApp();
  let owner: SignedIn;
  beforeAll(async () => {
    owner = await registerPractice(api.http, 'Hostile Input Counselling');
  });

  const BROKEN_TEXT = 'must be valid Unicode text (it holds a broken character, such as half of a UTF-16 surrogate pair)';
  const TOO_DEEP = 'The request body is nested too deeply: at most 32 levels of objects and lists.';
  const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('refuses a forged cursor with 400 on every kind of sort key, before the database sees it', async () => {
    const forgeries = [
      ['/api/cases', forge(['2026-02-30 10:00:00+00', randomUUID()])],
      ['/api/cases?sort=next-session', forge(['yesterday', randomUUID()])],
      ['/api/cases?sort=name', forge(['alex', '-'.repeat(36)])],
      ['/api/audit-events', forge(['2026-03-14 25:00:00+00', randomUUID()])],
      ['/api/audit-events', forge(['2026-03-14 10:00:00+00', randomUUID(), 'extra'])],
    ];
    for (const [path, cursor] of forgeries) {
      const response = await api.http.get(`${path}${path.includes('?') ? '&' : '?'}cursor=${cursor}`).set(owner.auth);
      expect({ path, cursor, status: response.status, body: response.body }).toEqual({
        path,
        cursor,
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: ['cursor is not valid: start again from the first page'] },
      });
    }
  });

  it('refuses half of a surrogate pair in a text column, naming the field, rather than storing a replacement character', async () => {
    // Sent as JSON text, as a client would: the escape is the only way JSON carries half a pair.
    const response = await api.http.patch('/api/practice').set(owner.auth).set('Content-Type', 'application/json').send('{"name":"Harbour \\ud800 Lane"}').expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: [`name ${BROKEN_TEXT}`] });
    const practice = await api.http.get('/api/practice').set(owner.auth).expect(200);
    expect(practice.body.name).toBe('Hostile Input Counselling');
  });

  it('refuses half of a surrogate pair deep in a JSON column with 400, not 500', async () => {
    const exercise = {
      ...walkTemplate('Once both feel safe.'),
      prompts: [{ type: 'text', key: 'moment', label: 'A moment \udc00 you noticed', required: true, maxLength: 500, multiline: true }],
    };
    const response = await api.http.post('/api/exercises').set(owner.auth).send(exercise).expect(400);
    expect(response.body.message).toEqual([`prompts.0.label ${BROKEN_TEXT}`]);
  });

  it('refuses a query value whose percent-encoding is not UTF-8 (a lone surrogate), naming the parameter', async () => {
    const response = await api.http.get('/api/cases?search=Al%ED%A0%80ex').set(owner.auth).expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: [`search ${BROKEN_TEXT}`] });
  });

  it('refuses a path whose percent-encoding is not UTF-8 in the one error shape', async () => {
    const response = await api.http.get('/api/cases/%ED%A0%80').set(owner.auth).expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: [`the address part %ED%A0%80 ${BROKEN_TEXT}`] });
  });

  it('refuses a body that is not UTF-8 rather than reading it with replacement characters', async () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"Harbour '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(' Lane"}')]);
    const response = await api.http.patch('/api/practice').set(owner.auth).set('Content-Type', 'application/json').serialize((raw: Buffer) => raw as unknown as string).send(bytes).expect(400);
    expect(response.body).toEqual({ statusCode: 400, error: 'Bad Request', message: ['The request body is not valid UTF-8 text.'] });
  });

  it('refuses JSON nested thousands of levels deep with 400 before signing in or validating', async () => {
    for (const nested of [`${'['.repeat(5000)}${']'.repeat(5000)}`, `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`]) {
      const login = await api.http.post('/api/auth/login').set('Content-Type', 'application/json').send(`{"email":"a@b.test","password":"whatever12","extra":${nested}}`);
      expect(login.status).toBe(400);
      expect(login.body).toEqual({ statusCode: 400, error: 'Bad Request', message: [TOO_DEEP] });
      const portal = await api.http.post('/api/portal/check-ins').set('Content-Type', 'application/json').send(`{"note":${nested}}`);
      expect(portal.body).toEqual({ statusCode: 400, error: 'Bad Request', message: [TOO_DEEP] });
    }
  });

  it('reads a body nested as deep as the limit, and brackets inside text do not count', async () => {
    const atLimit = `${'['.repeat(31)}${']'.repeat(31)}`;
    const response = await api.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(`{"email":"a@b.test","password":"${'[{'.repeat(100)}","extra":${atLimit}}`)
      .expect(400);
    expect(response.body.message).toEqual(['extra is not a field this request accepts']);
  });
});
