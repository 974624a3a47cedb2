import { screen, waitFor, within } from '@testing-library/react';
import { owner, tokensFor } from '../../../../test/fixtures';
import { mockApi } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';

type User = ReturnType<typeof renderApp>['user'];

async function fillIn(user: User, values: { password: string; confirm: string; email?: string }) {
  await user.type(await screen.findByLabelText(/^practice name/i), 'Harbour Couples Therapy');
  await user.type(screen.getByLabelText(/^your name/i), 'Dana Whitfield');
  await user.type(screen.getByLabelText(/^e-mail/i), values.email ?? 'dana@harbour.test');
  await user.type(screen.getByLabelText(/^password/i), values.password);
  await user.type(screen.getByLabelText(/^confirm password/i), values.confirm);
  await user.click(screen.getByRole('button', { name: 'Register and sign in' }));
}

describe('Register your practice', () => {
  it('explains the password rules before calling the API', async () => {
    const api = mockApi({});
    const { user } = renderApp({ route: '/register' });

    await fillIn(user, { password: 'short', confirm: 'different' });

    expect(screen.getByText('Use at least 10 characters.')).toBeInTheDocument();
    expect(screen.getByText('The passwords do not match.')).toBeInTheDocument();
    expect(api.calls).toHaveLength(0);
  });

  it("registers the practice in the browser's time zone, signs the owner in and opens Home", async () => {
    // A browser in New York: the practice's times must be New York's, not UTC.
    const resolvedOptions = Intl.DateTimeFormat.prototype.resolvedOptions;
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (this: Intl.DateTimeFormat) {
      return { ...resolvedOptions.call(this), timeZone: 'America/New_York' };
    });
    const api = mockApi({
      'POST /api/auth/register': { status: 201, body: tokensFor(owner) },
      'GET /api/sessions': { body: [] },
    });
    const { user } = renderApp({ route: '/register' });

    expect(await screen.findByText(/Times will be shown in America\/New_York/)).toBeInTheDocument();
    await fillIn(user, { password: 'we rebuild trust', confirm: 'we rebuild trust' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/register').map((call) => call.body)).toEqual([
      {
        practiceName: 'Harbour Couples Therapy',
        name: 'Dana Whitfield',
        email: 'dana@harbour.test',
        password: 'we rebuild trust',
        timeZone: 'America/New_York',
      },
    ]);
    expect(within(screen.getByRole('banner')).getByText('Dana Whitfield')).toBeInTheDocument();
  });

  it("shows the API's reason for refusing a password under the password field", async () => {
    const reason =
      'password is too common or easy to guess: it is, or is built on, a commonly used or leaked password. Try a longer phrase of several unrelated words.';
    mockApi({ 'POST /api/auth/register': { status: 400, body: { statusCode: 400, error: 'Bad Request', message: [reason] } } });
    const { user } = renderApp({ route: '/register' });

    await fillIn(user, { password: 'password123', confirm: 'password123' });

    // Under the field, and read out with it.
    await waitFor(() => expect(screen.getByLabelText(/^password/i)).toHaveAccessibleDescription(expect.stringContaining(reason)));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows an e-mail that is already registered on the e-mail field', async () => {
    mockApi({
      'POST /api/auth/register': {
        status: 409,
        body: { statusCode: 409, error: 'Conflict', message: 'An account with this e-mail already exists.' },
      },
    });
    const { user } = renderApp({ route: '/register' });

    await fillIn(user, { password: 'we rebuild trust', confirm: 'we rebuild trust' });

    expect(await screen.findByText('An account with this e-mail already exists.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^e-mail/i)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
