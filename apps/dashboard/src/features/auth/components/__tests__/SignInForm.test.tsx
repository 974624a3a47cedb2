import { screen, within } from '@testing-library/react';
import { session } from '../../../../lib/session';
import { owner, tokensFor } from '../../../../test/fixtures';
import { mockApi } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';

async function fillIn(user: ReturnType<typeof renderApp>['user'], email: string, password: string) {
  await user.type(await screen.findByLabelText(/e-mail/i), email);
  await user.type(screen.getByLabelText(/^password/i), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('Sign in', () => {
  it('explains what is missing and does not call the API', async () => {
    const api = mockApi({});
    const { user } = renderApp({ route: '/sign-in' });

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect(screen.getByText('Enter an e-mail address.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByLabelText(/e-mail/i)).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls).toHaveLength(0);
  });

  it('flags an e-mail address that cannot be right', async () => {
    const api = mockApi({});
    const { user } = renderApp({ route: '/sign-in' });

    await fillIn(user, 'dana.harbour.test', 'a long enough password');

    expect(screen.getByText(/enter a valid e-mail address/i)).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });

  it('signs in with the typed credentials and lands on Home', async () => {
    const api = mockApi({ 'POST /api/auth/login': { body: tokensFor(owner) }, 'GET /api/sessions': { body: [] } });
    const { user } = renderApp({ route: '/sign-in' });

    await fillIn(user, '  dana@harbour.test ', 'correct horse battery');

    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/login')).toEqual([
      expect.objectContaining({ body: { email: 'dana@harbour.test', password: 'correct horse battery' } }),
    ]);
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Dana Whitfield')).toBeInTheDocument();
    expect(within(banner).getByText('Harbour Couples Therapy')).toBeInTheDocument();
    // The refresh token is an HttpOnly cookie: nothing about the session is left in storage.
    expect(window.localStorage.length).toBe(0);
  });

  it('returns to the page that asked for sign-in', async () => {
    mockApi({ 'POST /api/auth/login': { body: tokensFor(owner) } });
    const { user } = renderApp({ route: '/library' });

    await fillIn(user, 'dana@harbour.test', 'correct horse battery');

    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
  });

  it('shows the API message for wrong credentials and stays on the form', async () => {
    mockApi({
      'POST /api/auth/login': {
        status: 401,
        body: { statusCode: 401, error: 'Unauthorized', message: 'Incorrect e-mail or password.' },
      },
    });
    const { user } = renderApp({ route: '/sign-in' });

    await fillIn(user, 'dana@harbour.test', 'not the password');

    expect(await screen.findByRole('alert')).toHaveTextContent('Incorrect e-mail or password.');
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(session.getState()).toMatchObject({ status: 'signed-out' });
  });

  it('says how long to wait when sign-in is throttled', async () => {
    mockApi({
      'POST /api/auth/login': {
        status: 429,
        headers: { 'Retry-After': '300' },
        body: { statusCode: 429, error: 'Too Many Requests', message: 'Too many requests.' },
      },
    });
    const { user } = renderApp({ route: '/sign-in' });

    await fillIn(user, 'dana@harbour.test', 'correct horse battery');

    expect(await screen.findByRole('alert')).toHaveTextContent('Please wait 5 minutes and try again.');
  });
});
