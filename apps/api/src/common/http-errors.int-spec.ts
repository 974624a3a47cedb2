import { startTestApp, type TestApp } from '../../test/test-app';

/** Bad requests answer a clear 4xx in the one error shape, never a 500. */
describe('request errors', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(() => api.close());

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
