import { screen, waitFor } from '@testing-library/react';
import { type CurrentUser } from '@trustwork/contracts';
import { clinician, practice } from '../../../../test/fixtures';
import { mockApi, page } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';

const mustEnrol: CurrentUser = {
  ...clinician,
  practice: { ...practice, requireTwoFactor: true },
  requiredAction: 'enrol-two-factor',
};
const mustChoosePassword: CurrentUser = { ...clinician, requiredAction: 'choose-password' };

describe('An account that needs something first', () => {
  it('shows only two-factor setup, says why, and then opens the page that was asked for', async () => {
    const api = mockApi({
      'POST /api/me/two-factor/enrolment': { body: { secret: 'JBSWY3DPEHPK3PXP', otpauthUrl: 'otpauth://totp/Trustwork:sam?secret=JBSWY3DPEHPK3PXP' } },
      'POST /api/me/two-factor': { body: { recoveryCodes: ['aaaa-bbbb', 'cccc-dddd'] } },
      'GET /api/me': { body: { ...mustEnrol, requiredAction: null, twoFactorEnabled: true } },
      'GET /api/cases': page([]),
    });
    const { user } = renderApp({ route: '/cases', signedInAs: mustEnrol });

    expect(await screen.findByRole('heading', { level: 1, name: 'Set up two-factor sign-in' })).toBeInTheDocument();
    expect(screen.getByText(/Your practice requires two-factor sign-in/)).toBeInTheDocument();
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Set up two-factor' }));
    await user.type(await screen.findByLabelText(/6-digit code/), '123456');
    await user.click(screen.getByRole('button', { name: 'Turn on two-factor' }));
    await user.click(await screen.findByRole('checkbox', { name: 'I have saved my recovery codes' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Caseload' })).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('GET', '/api/me').length).toBeGreaterThan(0));
  });

  it('asks a member on a temporary password to choose their own', async () => {
    mockApi({});
    renderApp({ route: '/', signedInAs: mustChoosePassword });

    expect(await screen.findByRole('heading', { level: 1, name: 'Choose your own password' })).toBeInTheDocument();
    expect(screen.getByText(/You signed in with a temporary password/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: 'Today' })).not.toBeInTheDocument();
  });

  it('takes a signed-in member to the required step when the server refuses a request for it', async () => {
    mockApi({
      'GET /api/cases': {
        status: 403,
        body: { statusCode: 403, error: 'Forbidden', message: 'Set up two-factor sign-in first.', code: 'account-action-required' },
      },
      'GET /api/me': { body: mustEnrol },
    });
    renderApp({ route: '/cases', signedInAs: clinician });

    expect(await screen.findByRole('heading', { level: 1, name: 'Set up two-factor sign-in' })).toBeInTheDocument();
  });

  it('can sign out instead', async () => {
    const api = mockApi({ 'POST /api/auth/logout': { status: 204 } });
    const { user } = renderApp({ route: '/', signedInAs: mustChoosePassword });

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    await waitFor(() => expect(api.callsTo('POST', '/api/auth/logout')).toHaveLength(1));
  });
});
