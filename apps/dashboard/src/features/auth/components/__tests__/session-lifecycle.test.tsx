import { act, screen, waitFor } from '@testing-library/react';
import { REFRESH_REQUEST_HEADER } from '@trustwork/contracts';
import { session } from '../../../../lib/session';
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

  it('restores the session from its cookie on load, showing a loader meanwhile', async () => {
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
    const [refresh] = api.callsTo('POST', '/api/auth/refresh');
    expect(refresh.body).toBeUndefined();
    expect(refresh.headers[REFRESH_REQUEST_HEADER]).toBe('1');
    expect(window.localStorage.length).toBe(0);
  });

  it('shows the sign-in form at once while the session is restored, and carries on when it is', async () => {
    let answerRefresh: (tokens: ReturnType<typeof tokensFor>) => void = () => undefined;
    mockApi({
      'POST /api/auth/refresh': () =>
        new Promise((resolve) => {
          answerRefresh = (tokens) => resolve({ body: tokens });
        }),
      'GET /api/sessions': { body: [] },
    });

    const restoring = restoreSession();
    renderApp({ route: '/sign-in' });
    expect(await screen.findByLabelText(/e-mail/i)).toBeEnabled();

    await act(async () => {
      answerRefresh(tokensFor(owner, 2));
      await restoring;
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
  });

  it('sends a sign-in made during the restore only once the restore has answered', async () => {
    let refuseRefresh: () => void = () => undefined;
    const api = mockApi({
      'POST /api/auth/refresh': () =>
        new Promise((resolve) => {
          refuseRefresh = () => resolve(unauthorized);
        }),
      'POST /api/auth/login': { body: tokensFor(owner) },
      'GET /api/sessions': { body: [] },
    });

    const restoring = restoreSession();
    const { user } = renderApp({ route: '/sign-in' });
    await user.type(await screen.findByLabelText(/e-mail/i), 'dana@harbour.test');
    await user.type(screen.getByLabelText(/^password/i), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(api.callsTo('POST', '/api/auth/login')).toHaveLength(0);

    // The refused cookie must not end the session this sign-in starts.
    await act(async () => {
      refuseRefresh();
      await restoring;
    });

    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/login')).toHaveLength(1);
    expect(session.getState().status).toBe('signed-in');
  });

  it('shows sign-in without a notice when there is no session to restore', async () => {
    mockApi({ 'POST /api/auth/refresh': unauthorized });

    await restoreSession();
    renderApp({ route: '/library' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(session.getState()).toEqual({ status: 'signed-out' });
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
    expect(api.callsTo('POST', '/api/auth/refresh')).toHaveLength(1);
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
    expect(session.getAccessToken()).toBeNull();

    // Signing in again returns to the page the therapist was on.
    await user.type(screen.getByLabelText(/e-mail/i), clinician.email);
    await user.type(screen.getByLabelText(/^password/i), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Team' })).toBeInTheDocument();
  });

  it('signs out: ends the sign-in on the server and returns to sign-in', async () => {
    const api = mockApi({ 'POST /api/auth/logout': { status: 204 }, 'GET /api/sessions': { body: [] } });
    const { user } = renderApp({ route: '/', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('POST', '/api/auth/logout')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/auth/logout')[0].headers.authorization).toBe(`Bearer ${tokensFor(owner).accessToken}`);
    expect(session.getAccessToken()).toBeNull();
    expect(screen.queryByText(/session has expired/i)).not.toBeInTheDocument();
  });

  it('signs out even after the access token ran out, proving the cookie once more', async () => {
    const fresh = tokensFor(owner, 2);
    const api = mockApi({
      'POST /api/auth/logout': (call) => (call.headers.authorization === `Bearer ${fresh.accessToken}` ? { status: 204 } : unauthorized),
      'POST /api/auth/refresh': { body: fresh },
      'GET /api/sessions': { body: [] },
    });
    const { user } = renderApp({ route: '/', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('POST', '/api/auth/logout')).toHaveLength(2));
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
  });
});
