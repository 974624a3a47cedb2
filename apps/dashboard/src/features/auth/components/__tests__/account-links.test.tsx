import { screen, waitFor } from '@testing-library/react';
import { owner } from '../../../../test/fixtures';
import { mockApi } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';

const linkUsed = { status: 400, body: { statusCode: 400, error: 'Bad Request', message: ['This link has expired or was already used.'] } };

describe('Forgot password', () => {
  it('leads from sign-in to a link by e-mail, with the same answer for any address', async () => {
    const api = mockApi({ 'POST /api/auth/password-reset': { status: 202 } });
    const { user } = renderApp({ route: '/sign-in' });

    await user.click(await screen.findByRole('link', { name: 'Forgot password?' }));
    await screen.findByRole('heading', { level: 1, name: 'Forgot your password?' });
    await user.type(screen.getByLabelText(/e-mail/i), ' dana@harbour.test ');
    await user.dblClick(screen.getByRole('button', { name: 'Send me a link' }));

    expect(await screen.findByText(/If dana@harbour.test has a Trustwork account, a link/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/password-reset').map((call) => call.body)).toEqual([{ email: 'dana@harbour.test' }]);
  });

  it('lets the person ask again, the address still filled in', async () => {
    const api = mockApi({ 'POST /api/auth/password-reset': { status: 202 } });
    const { user } = renderApp({ route: '/forgot-password' });

    await user.type(await screen.findByLabelText(/e-mail/i), 'dana@harbour.test');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));
    await user.click(await screen.findByRole('button', { name: 'ask again' }));
    expect(screen.getByLabelText(/e-mail/i)).toHaveValue('dana@harbour.test');
    await user.click(screen.getByRole('button', { name: 'Send me a link' }));

    expect(await screen.findByText(/a link to choose a new password is on its way/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/password-reset')).toHaveLength(2);
  });
});

describe('Reset password link', () => {
  it('sends the token from the link with the new password, then opens sign-in with a notice', async () => {
    const api = mockApi({ 'POST /api/auth/password-reset/complete': { status: 204 } });
    const { user } = renderApp({ route: '/reset-password#token=link-token-1' });

    await user.type(await screen.findByLabelText(/^new password/i), 'a new sentence to remember');
    await user.type(screen.getByLabelText(/^confirm new password/i), 'a new sentence to remember');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText('Your password is changed. Sign in with your new password.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/password-reset/complete').map((call) => call.body)).toEqual([
      { token: 'link-token-1', newPassword: 'a new sentence to remember' },
    ]);
  });

  it('checks the two passwords before sending them', async () => {
    const api = mockApi({});
    const { user } = renderApp({ route: '/reset-password#token=link-token-1' });

    await user.type(await screen.findByLabelText(/^new password/i), 'short');
    await user.type(screen.getByLabelText(/^confirm new password/i), 'other');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(screen.getByText('Use at least 10 characters.')).toBeInTheDocument();
    expect(screen.getByText('The passwords do not match.')).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });

  it('offers a new link when this one has expired or was used', async () => {
    mockApi({ 'POST /api/auth/password-reset/complete': linkUsed });
    const { user } = renderApp({ route: '/reset-password#token=link-token-1' });

    await user.type(await screen.findByLabelText(/^new password/i), 'a new sentence to remember');
    await user.type(screen.getByLabelText(/^confirm new password/i), 'a new sentence to remember');
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('This link has expired or was already used.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');
  });

  it('explains a link without its token', async () => {
    mockApi({});
    renderApp({ route: '/reset-password' });

    expect(await screen.findByText(/The link is incomplete/)).toBeInTheDocument();
  });
});

describe('Confirm e-mail link', () => {
  it('confirms the new address once', async () => {
    const api = mockApi({ 'POST /api/auth/email-confirmation': { status: 204 } });
    renderApp({ route: '/confirm-email#token=confirm-1' });

    expect(await screen.findByText('Your e-mail address is confirmed')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/email-confirmation').map((call) => call.body)).toEqual([{ token: 'confirm-1' }]);
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('shows the new address at once to the person signed in here', async () => {
    const api = mockApi({
      'POST /api/auth/email-confirmation': { status: 204 },
      'GET /api/me': { body: { ...owner, email: 'dana@new.test' } },
    });
    renderApp({ route: '/confirm-email#token=confirm-1', signedInAs: owner });

    expect(await screen.findByText('Your e-mail address is confirmed')).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('GET', '/api/me')).toHaveLength(1));
    expect(screen.getByRole('link', { name: 'Back to Trustwork' })).toBeInTheDocument();
  });

  it('says why a link does not work', async () => {
    mockApi({ 'POST /api/auth/email-confirmation': linkUsed });
    renderApp({ route: '/confirm-email#token=confirm-1' });

    expect(await screen.findByText(/This link has expired or was already used\./)).toBeInTheDocument();
  });
});
