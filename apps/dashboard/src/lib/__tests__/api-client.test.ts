import { mockApi } from '../../test/mock-api';
import { owner, tokensFor } from '../../test/fixtures';
import { apiClient, ApiRequestError } from '../api-client';
import { session } from '../session';

describe('apiClient', () => {
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
});
