import type { AuthTokens, CaseDetail, ExercisePrompt, PortalLinkCreated, TherapySession } from '@trustwork/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Response } from 'supertest';
import { secretsInLog } from './log-secrets';
import { addTeamMember, answersFor, portalTokenOf, refreshTokenOf, refreshWith, registerPractice, uniqueEmail, useTestApp } from './test-app';

const ALLOWED_ORIGIN = 'https://app.example.test';
/** A stack frame, a source file, SQL or a TypeORM error: nothing a client should ever see. */
const INTERNALS = /at .*\(|\.ts:|SELECT |INSERT |QueryFailedError/;

let logDir: string;
const logFile = () => path.join(logDir, 'api.log');

beforeAll(async () => {
  logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-secrets-'));
});
const api = useTestApp(() => ({ CORS_ORIGINS: ALLOWED_ORIGIN, LOG_LEVEL: 'debug', LOG_FILE: logFile(), LOGIN_LIMIT_PER_EMAIL: '3' }));
afterAll(async () => {
  fs.rmSync(logDir, { recursive: true, force: true });
});

describe('security headers', () => {
  it.each(['/api/health', '/api/docs', '/', '/p/'])('are on %s', async (url) => {
    const response = await api.http.get(url);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('CORS', () => {
  it('answers a preflight from an allowed origin', async () => {
    const response = await api.http
      .options('/api/auth/login')
      .set('Origin', ALLOWED_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,authorization');
    expect(response.status).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(response.headers['access-control-allow-methods']).toContain('POST');
  });

  it('tells an unknown origin nothing, for a preflight or a request', async () => {
    const preflight = await api.http.options('/api/auth/login').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const plain = await api.http.get('/api/health').set('Origin', 'https://evil.example');
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
    const allowed = await api.http.get('/api/health').set('Origin', ALLOWED_ORIGIN);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
  });
});

describe('error bodies', () => {
  it('never show stack traces, source files or SQL, whatever the error', async () => {
    const owner = await registerPractice(api.http, 'Errors Practice');
    const other = await registerPractice(api.http, 'Other Practice');
    const { signedIn: assistant } = await addTeamMember(api.http, owner, 'assistant');
    const otherCase = (
      await api.http
        .post('/api/cases')
        .set(other.auth)
        .send({ relationshipType: 'couple', participants: [{ displayName: 'A B', breachRole: 'broke-trust' }, { displayName: 'C D', breachRole: 'was-hurt' }] })
        .expect(201)
    ).body as CaseDetail;
    const wrongLogin = () => api.http.post('/api/auth/login').send({ email: owner.email, password: 'wrong password' });

    const errors: Response[] = [
      await api.http.get('/api/no-such-route'),
      await api.http.get(`/api/cases/${otherCase.id}`).set(owner.auth),
      // A malformed id is simply not found, like another practice's.
      await api.http.get('/api/cases/not-a-uuid').set(owner.auth),
      await api.http.post('/api/cases').set(owner.auth).send({ relationshipType: 'couple', participants: 'two', extra: true }),
      await api.http.post('/api/cases').set(owner.auth).set('Content-Type', 'application/json').send('{"relationshipType": '),
      await api.http.post('/api/auth/register').send({ practiceName: 'Again', name: 'Olive', email: owner.email, password: 'long enough password' }),
      await api.http.get('/api/cases'),
      await api.http.get('/api/cases').set('Authorization', 'Bearer not.a.token'),
      await api.http.post('/api/users').set(assistant.auth).send({ name: 'X', email: uniqueEmail(), role: 'clinician', temporaryPassword: 'long enough password' }),
      await wrongLogin(),
      await wrongLogin(),
      await wrongLogin(),
      await wrongLogin(),
      await api.http.get('/api/portal/me').set('Authorization', `Bearer ${randomBytes(32).toString('base64url')}`),
    ];
    expect(errors.map((response) => response.status)).toEqual([404, 404, 404, 400, 400, 409, 401, 401, 403, 401, 401, 401, 429, 401]);
    for (const response of errors) {
      expect(response.body).toEqual(expect.objectContaining({ statusCode: response.status, error: expect.any(String), message: expect.anything() }));
      expect(response.text).not.toMatch(INTERNALS);
    }
  });
});

describe('the log', () => {
  it('holds no passwords, tokens, portal links or clinical text, even at debug level', async () => {
    const secret = (label: string) => `${label} ${randomUUID()}`;
    const password = secret('owner password');
    const wrongPassword = secret('mistyped password');
    const temporaryPassword = secret('temporary password');
    const concern = secret('presenting concern');
    const noteText = secret('note plan');
    const addendum = secret('addendum');
    const answer = secret('private answer');
    const checkInNote = secret('check-in note');
    const report = secret('safety report');

    const email = uniqueEmail('logged');
    const registration = await api.http.post('/api/auth/register').send({ practiceName: 'Logged Practice', name: 'Lee Logged', email, password }).expect(201);
    const registered = { ...(registration.body as AuthTokens), refreshToken: refreshTokenOf(registration) };
    await api.http.post('/api/auth/login').send({ email, password: wrongPassword }).expect(401);
    const login = { refreshToken: refreshTokenOf(await api.http.post('/api/auth/login').send({ email, password }).expect(200)) };
    const refresh = await refreshWith(api.http, login.refreshToken).expect(200);
    const refreshed = { ...(refresh.body as AuthTokens), refreshToken: refreshTokenOf(refresh) };
    const auth = { Authorization: `Bearer ${refreshed.accessToken}` };
    await api.http.post('/api/users').set(auth).send({ name: 'Ari Assistant', email: uniqueEmail('assistant'), role: 'assistant', temporaryPassword }).expect(201);

    const created = (
      await api.http
        .post('/api/cases')
        .set(auth)
        .send({
          relationshipType: 'couple',
          presentingConcern: concern,
          participants: [
            { displayName: 'Alex Rivera', breachRole: 'broke-trust' },
            { displayName: 'Sam Rivera', breachRole: 'was-hurt' },
          ],
        })
        .expect(201)
    ).body as CaseDetail;
    const session = (
      await api.http.post(`/api/cases/${created.id}/sessions`).set(auth).send({ startsAt: new Date().toISOString(), durationMinutes: 50, modality: 'video' }).expect(201)
    ).body as TherapySession;
    const note = `/api/sessions/${session.id}/note`;
    await api.http.put(note).set(auth).send({ template: 'soap', sections: { subjective: 'S', objective: 'O', assessment: 'A', plan: noteText }, version: 0 }).expect(200);
    await api.http.post(`${note}/sign`).set(auth).expect(200);
    await api.http.post(`${note}/addenda`).set(auth).send({ body: addendum }).expect(201);

    const alexId = created.participants[0].id;
    const link = (await api.http.post(`/api/cases/${created.id}/participants/${alexId}/portal-link`).set(auth).expect(201)).body as PortalLinkCreated;
    const portalToken = portalTokenOf(link);
    const portal = { Authorization: `Bearer ${portalToken}` };
    await api.http.post(`/api/cases/${created.id}/assignments`).set(auth).send({ exerciseId: 'builtin:weekly-trust-check-in', assignTo: 'each', dueOn: new Date().toISOString().slice(0, 10) }).expect(201);
    await api.http.get('/api/portal/me').set(portal).expect(200);
    await api.http.get(`/api/portal/me?token=${portalToken}`).set(portal).expect(200);
    const [sheet] = (await api.http.get('/api/portal/assignments').set(portal).expect(200)).body as { id: string; prompts: ExercisePrompt[] }[];
    await api.http.post(`/api/portal/assignments/${sheet.id}/submissions`).set(portal).send({ answers: answersFor(sheet.prompts, answer), shared: false }).expect(201);
    await api.http.post('/api/portal/check-ins').set(portal).send({ trust: 2, safety: 2, heard: 2, closeness: 2, note: checkInNote }).expect(201);
    await api.http.post('/api/portal/safety-reports').set(portal).send({ message: report, urgency: 'urgent' }).expect(201);
    // Refused requests carry secrets too, and are logged as warnings.
    await api.http.post('/api/portal/safety-reports').set(portal).send({ message: report, urgency: 'whenever', extra: report }).expect(400);
    await api.http.post('/api/auth/login').send({ email, password, refreshToken: registered.refreshToken }).expect(400);
    await api.http.post(`/api/auth/logout`).set(auth).expect(204);

    const log = fs.readFileSync(logFile(), 'utf8');
    // The log is really written, at debug level, with each request in it.
    expect(log).toContain('"url":"/api/portal/safety-reports"');
    expect(log).toContain('"url":"/api/auth/login"');
    expect(log).toContain('"statusCode":201');
    expect(
      secretsInLog(log, {
        password,
        wrongPassword,
        temporaryPassword,
        'registration access token': registered.accessToken,
        'registration refresh token': registered.refreshToken,
        'access token': refreshed.accessToken,
        'refresh token': refreshed.refreshToken,
        'login refresh token': login.refreshToken,
        'portal token': portalToken,
        'presenting concern': concern,
        'note text': noteText,
        addendum,
        'homework answer': answer,
        'check-in note': checkInNote,
        'safety report': report,
      }),
    ).toEqual([]);
  });
});
