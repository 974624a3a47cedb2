import { act, screen, waitFor } from '@testing-library/react';
import { REFRESH_TOKEN_STORAGE_KEY } from '../../../../lib/session';
import { clinician, memberFrom, owner, tokensFor } from '../../../../test/fixtures';
import { mockApi } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';
import { restoreSession } from '../../api/auth-api';

const unauthorized = { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' } };

describe('Session lifecycle', () => {
  it('sends a signed-out visitor to sign-in without talking about expiry', async () => {
    const api = mockApi({});
    renderApp({ route: '/team' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText(/session has expired/i)).not.toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });

  it('restores a stored session on load, showing a loader meanwhile', async () => {
    window.localStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, 'stored-refresh');
    let answerRefresh: (tokens: ReturnType<typeof tokensFor>) => void = () => undefined;
    const api = mockApi({
      'POST /api/auth/refresh': () =>
        new Promise((resolve) => {
          answerRefresh = (tokens) => resolve({ body: tokens });
        }),
      'GET /api/sessions': { body: [] },
    });

    const restoring = restoreSession();
    renderApp({ route: '/' });
    expect(screen.getByRole('status')).toHaveTextContent('Signing you back in…');

    await act(async () => {
      answerRefresh(tokensFor(owner, 2));
      await restoring;
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/refresh')[0].body).toEqual({ refreshToken: 'stored-refresh' });
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBe(tokensFor(owner, 2).refreshToken);
  });

  it('refreshes an expired access token once and retries the request', async () => {
    const fresh = tokensFor(clinician, 2);
    const api = mockApi({
      'POST /api/auth/refresh': { body: fresh },
      'GET /api/users': (call) =>
        call.headers.authorization === `Bearer ${fresh.accessToken}`
          ? { body: [memberFrom(clinician)] }
          : unauthorized,
    });
    renderApp({ route: '/team', signedInAs: clinician });

    expect(await screen.findByRole('cell', { name: clinician.email })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/refresh')).toEqual([
      expect.objectContaining({ body: { refreshToken: tokensFor(clinician).refreshToken } }),
    ]);
    expect(api.callsTo('GET', '/api/users')).toHaveLength(2);
  });

  it('signs out and explains why when the session cannot be refreshed', async () => {
    const afterSignIn = tokensFor(clinician, 2);
    mockApi({
      'GET /api/users': (call) =>
        call.headers.authorization === `Bearer ${afterSignIn.accessToken}`
          ? { body: [memberFrom(clinician)] }
          : unauthorized,
      'POST /api/auth/refresh': { ...unauthorized, body: { ...unauthorized.body, message: 'Refresh token reused.' } },
      'POST /api/auth/login': { body: afterSignIn },
    });
    const { user } = renderApp({ route: '/team', signedInAs: clinician });

    expect(await screen.findByText('Your session has expired. Please sign in again.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();

    // Signing in again returns to the page the therapist was on.
    await user.type(screen.getByLabelText(/e-mail/i), clinician.email);
    await user.type(screen.getByLabelText(/^password/i), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Team' })).toBeInTheDocument();
  });

  it('signs out: revokes the refresh token, forgets it and returns to sign-in', async () => {
    const api = mockApi({ 'POST /api/auth/logout': { status: 204 }, 'GET /api/sessions': { body: [] } });
    const { user } = renderApp({ route: '/', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/logout')[0].body).toEqual({ refreshToken: tokensFor(owner).refreshToken });
    await waitFor(() => expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull());
    expect(screen.queryByText(/session has expired/i)).not.toBeInTheDocument();
  });
});
