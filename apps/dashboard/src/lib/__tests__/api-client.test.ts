import { BACKGROUND_REQUEST_HEADER, REFRESH_REQUEST_HEADER } from '@trustwork/contracts';
import { mockApi } from '../../test/mock-api';
import { owner, tokensFor } from '../../test/fixtures';
import { activity } from '../activity';
import { apiClient, ApiRequestError } from '../api-client';
import { session } from '../session';

describe('apiClient', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the access token as a bearer', async () => {
    const api = mockApi({ 'GET /api/users': { body: [] } });
    session.start(tokensFor(owner));

    await apiClient.get('/users');

    expect(api.calls[0].headers.authorization).toBe(`Bearer ${tokensFor(owner).accessToken}`);
  });

  it('shares one refresh between requests that hit 401 together', async () => {
    const fresh = tokensFor(owner, 2);
    const api = mockApi({
      'POST /api/auth/refresh': async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        return { body: fresh };
      },
      'GET /api/users': (call) =>
        call.headers.authorization === `Bearer ${fresh.accessToken}` ? { body: ['users'] } : { status: 401 },
      'GET /api/me': (call) =>
        call.headers.authorization === `Bearer ${fresh.accessToken}` ? { body: 'me' } : { status: 401 },
    });
    session.start(tokensFor(owner));

    await expect(Promise.all([apiClient.get('/users'), apiClient.get('/me')])).resolves.toEqual([['users'], 'me']);
    expect(api.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
    expect(session.getAccessToken()).toBe(fresh.accessToken);
  });

  it('keeps the session when the API cannot be reached', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    session.start(tokensFor(owner));

    const failure = apiClient.get('/users');

    await expect(failure).rejects.toBeInstanceOf(ApiRequestError);
    await expect(failure).rejects.toMatchObject({ status: 0 });
    expect(session.getState()).toMatchObject({ status: 'signed-in' });
  });

  it('exposes the per-field messages of a 400', async () => {
    mockApi({
      'POST /api/users': {
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', message: ['email must be an email', 'name should not be empty'] },
      },
    });
    session.start(tokensFor(owner));

    await expect(apiClient.post('/users', {})).rejects.toMatchObject({
      status: 400,
      messages: ['email must be an email', 'name should not be empty'],
    });
  });

  it('refreshes with the cookie and the header a cross-site form cannot send, and no body', async () => {
    const fresh = tokensFor(owner, 2);
    const api = mockApi({
      'POST /api/auth/refresh': { body: fresh },
      'GET /api/users': (call) => (call.headers.authorization === `Bearer ${fresh.accessToken}` ? { body: [] } : { status: 401 }),
    });
    session.start(tokensFor(owner));

    await apiClient.get('/users');

    const [refresh] = api.callsTo('POST', '/api/auth/refresh');
    expect(refresh.headers[REFRESH_REQUEST_HEADER]).toBe('1');
    expect(refresh.body).toBeUndefined();
    expect(refresh.headers.authorization).toBeUndefined();
  });

  it("marks requests sent long after the person's last activity as background", async () => {
    vi.useFakeTimers({ now: new Date('2026-03-02T09:00:00Z'), toFake: ['Date'] });
    const api = mockApi({ 'GET /api/users': { body: [] } });
    session.start(tokensFor(owner));
    activity.reset();

    await apiClient.get('/users');
    vi.setSystemTime(new Date('2026-03-02T09:05:00Z'));
    await apiClient.get('/users');
    activity.record();
    await apiClient.get('/users');

    expect(api.callsTo('GET', '/api/users').map((call) => call.headers[BACKGROUND_REQUEST_HEADER] ?? null)).toEqual([null, '1', null]);
  });

  it('learns what the account needs first when a request is refused for it', async () => {
    const api = mockApi({
      'GET /api/cases': {
        status: 403,
        body: { statusCode: 403, error: 'Forbidden', message: 'Set up two-factor sign-in first.', code: 'account-action-required' },
      },
      'GET /api/me': { body: { ...owner, requiredAction: 'enrol-two-factor' } },
    });
    session.start(tokensFor(owner));

    await expect(apiClient.get('/cases')).rejects.toMatchObject({ status: 403 });

    await vi.waitFor(() => expect(session.getState()).toMatchObject({ user: { requiredAction: 'enrol-two-factor' } }));
    expect(api.callsTo('GET', '/api/me')).toHaveLength(1);
  });
});
