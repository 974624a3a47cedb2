import { screen, waitFor } from '@testing-library/react';
import { ApiErrorCode, type TwoFactorChallenge } from '@trustwork/contracts';
import { owner, tokensFor } from '../../../../test/fixtures';
import { mockApi } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';

const challenge: TwoFactorChallenge = { twoFactorRequired: true, challengeToken: 'challenge-1', expiresIn: 300 };
const wrongCode = {
  status: 401,
  body: { statusCode: 401, error: 'Unauthorized', message: "That code didn't work. Check the time on your phone and try the newest code." },
};

async function passwordStep(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText(/e-mail/i), owner.email);
  await user.type(screen.getByLabelText(/^password/i), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return screen.findByLabelText(/6-digit code/);
}

describe('Sign in with two-factor', () => {
  it('asks for the code after the password, and signs in with it', async () => {
    const api = mockApi({
      'POST /api/auth/login': { body: challenge },
      'POST /api/auth/login/two-factor': { body: tokensFor(owner) },
    });
    const { user } = renderApp({ route: '/library' });

    const code = await passwordStep(user);

    // Phones offer the digits keypad and the code from a text message.
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveFocus();
    await user.type(code, '123 456');
    await user.dblClick(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/login/two-factor').map((call) => call.body)).toEqual([
      { challengeToken: 'challenge-1', code: '123456' },
    ]);
  });

  it('reads out a wrong code and lets the person try again', async () => {
    mockApi({ 'POST /api/auth/login': { body: challenge }, 'POST /api/auth/login/two-factor': wrongCode });
    const { user } = renderApp({ route: '/sign-in' });

    await user.type(await passwordStep(user), '000000');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent("That code didn't work.");
    expect(screen.getByLabelText(/6-digit code/)).toHaveValue('');
  });

  it('says how long to wait when codes are throttled', async () => {
    mockApi({
      'POST /api/auth/login': { body: challenge },
      'POST /api/auth/login/two-factor': {
        status: 429,
        headers: { 'Retry-After': '60' },
        body: { statusCode: 429, error: 'Too Many Requests', message: 'Too many requests.' },
      },
    });
    const { user } = renderApp({ route: '/sign-in' });

    await user.type(await passwordStep(user), '000000');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Please wait 1 minute and try again.');
  });

  it('checks the code before sending it', async () => {
    const api = mockApi({ 'POST /api/auth/login': { body: challenge } });
    const { user } = renderApp({ route: '/sign-in' });

    await user.type(await passwordStep(user), '12345');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(screen.getByText('Enter the 6-digit code from your authenticator app.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/login/two-factor')).toHaveLength(0);
  });

  it('signs in with a recovery code instead', async () => {
    const api = mockApi({
      'POST /api/auth/login': { body: challenge },
      'POST /api/auth/login/two-factor': { body: tokensFor(owner) },
      'GET /api/sessions': { body: [] },
    });
    const { user } = renderApp({ route: '/sign-in' });

    await passwordStep(user);
    await user.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    await user.type(screen.getByLabelText(/recovery code/i), ' abcd-efgh ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/login/two-factor')[0].body).toEqual({ challengeToken: 'challenge-1', recoveryCode: 'abcd-efgh' });
  });

  it('goes back to the password step, keeping the e-mail', async () => {
    mockApi({ 'POST /api/auth/login': { body: challenge } });
    const { user } = renderApp({ route: '/sign-in' });

    await passwordStep(user);
    await user.click(screen.getByRole('button', { name: 'Back' }));

    expect(screen.getByLabelText(/e-mail/i)).toHaveValue(owner.email);
    expect(screen.getByLabelText(/^password/i)).toHaveValue('');
  });

  it("goes back to the password step with the browser's Back, and on to the code step with Forward", async () => {
    const api = mockApi({
      'POST /api/auth/login': { body: challenge },
      'POST /api/auth/login/two-factor': { body: tokensFor(owner) },
    });
    const { user, goInHistory } = renderApp({ route: '/library' });

    await passwordStep(user);
    await goInHistory(-1);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByLabelText(/e-mail/i)).toHaveValue(owner.email);
    expect(screen.getByLabelText(/^password/i)).toHaveValue('');

    await goInHistory(1);
    await user.type(await screen.findByLabelText(/6-digit code/), '123456');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/auth/login')).toHaveLength(1);
  });

  it('goes back to the password step with a notice once the challenge has run out', async () => {
    mockApi({
      'POST /api/auth/login': { body: { ...challenge, expiresIn: 0 } },
      'POST /api/auth/login/two-factor': {
        status: 401,
        body: { statusCode: 401, error: 'Unauthorized', message: 'This sign-in has expired. Please enter your password again.' },
      },
    });
    const { user } = renderApp({ route: '/sign-in' });

    await user.type(await passwordStep(user), '123456');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('That sign-in took too long. Please enter your password again.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/^password/i)).toHaveValue(''));
  });

  it('goes back to the password step when the server has voided the challenge early (too many wrong codes)', async () => {
    mockApi({
      'POST /api/auth/login': { body: challenge },
      'POST /api/auth/login/two-factor': {
        status: 401,
        body: { statusCode: 401, error: 'Unauthorized', message: 'This sign-in has expired. Please enter your password again.', code: ApiErrorCode.SignInExpired },
      },
    });
    const { user } = renderApp({ route: '/sign-in' });

    await user.type(await passwordStep(user), '123456');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('This sign-in has expired. Please enter your password again.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText(/^password/i)).toHaveValue(''));
  });
});
