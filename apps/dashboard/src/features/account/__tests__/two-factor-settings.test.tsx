import { screen, waitFor, within } from '@testing-library/react';
import { type TwoFactorEnrolment, type TwoFactorStatus } from '@trustwork/contracts';
import { clinician } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { catchDownloads, RECOVERY_CODES, refusal, settingsRoutes, STEP_UP_REFUSAL, twoFactorOff, twoFactorOn } from './account-fixtures';

const enrolment: TwoFactorEnrolment = {
  secret: 'JBSWY3DPEHPK3PXP',
  otpauthUrl: 'otpauth://totp/Trustwork:sam%40harbour.test?secret=JBSWY3DPEHPK3PXP&issuer=Trustwork',
};
const withTwoFactor = { ...clinician, twoFactorEnabled: true };

async function twoFactorSection() {
  return screen.findByRole('region', { name: /^Two-factor sign-in/ });
}

describe('Your settings: two-factor', () => {
  afterEach(() => vi.restoreAllMocks());

  it('sets it up: a password check, the QR code and key, the first code, then recovery codes kept until saved', async () => {
    const downloads = catchDownloads();
    let status: TwoFactorStatus = twoFactorOff;
    let checked = false;
    const api = mockApi(
      settingsRoutes(clinician, {
        'GET /api/me/two-factor': () => ({ body: status }),
        'POST /api/me/step-up': () => {
          checked = true;
          return { body: { verifiedUntil: '2026-07-15T09:35:00.000Z' } };
        },
        'POST /api/me/two-factor/enrolment': () => (checked ? { body: enrolment } : STEP_UP_REFUSAL),
        'POST /api/me/two-factor': () => {
          status = twoFactorOn;
          return { body: { recoveryCodes: RECOVERY_CODES } };
        },
      }),
    );
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const section = await twoFactorSection();
    expect(await within(section).findByText('Off')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Set up two-factor' }));

    // Without two-factor yet, the check asks for the password.
    const check = await screen.findByRole('dialog', { name: "Confirm it's you" });
    await user.type(within(check).getByLabelText(/^Your password/), 'correct horse battery');
    await user.click(within(check).getByRole('button', { name: 'Confirm' }));

    expect(await within(section).findByTestId('two-factor-secret')).toHaveTextContent('JBSW Y3DP EHPK 3PXP');
    expect(api.callsTo('POST', '/api/me/step-up').map((call) => call.body)).toEqual([{ password: 'correct horse battery' }]);
    expect(api.callsTo('POST', '/api/me/two-factor/enrolment')).toHaveLength(2);
    expect(section.querySelector('svg title')).toHaveTextContent('QR code for your authenticator app');
    expect(screen.queryByRole('dialog', { name: "Confirm it's you" })).not.toBeInTheDocument();

    await user.type(within(section).getByRole('textbox', { name: /^6-digit code/ }), '123 456');
    await user.dblClick(within(section).getByRole('button', { name: 'Turn on two-factor' }));

    const codes = await within(section).findByRole('list', { name: 'Your recovery codes' });
    expect(within(codes).getAllByRole('listitem').map((item) => item.textContent)).toEqual(RECOVERY_CODES);
    expect(api.callsTo('POST', '/api/me/two-factor').map((call) => call.body)).toEqual([{ code: '123456' }]);

    await user.click(within(section).getByRole('button', { name: 'Download .txt' }));
    expect(downloads.map((download) => download.name)).toEqual(['trustwork-recovery-codes.txt']);
    expect(await downloads[0].contents).toContain(RECOVERY_CODES.join('\n'));

    // The codes stay until the person says they are safe.
    const done = within(section).getByRole('button', { name: 'Done' });
    expect(done).toBeDisabled();
    await user.click(within(section).getByRole('checkbox', { name: 'I have saved my recovery codes' }));
    await user.click(done);

    expect(await screen.findByText('Two-factor is on')).toBeInTheDocument();
    expect(await within(section).findByText('10 recovery codes left.')).toBeInTheDocument();
    expect(within(section).getByText('On')).toBeInTheDocument();
  });

  it('puts a wrong first code under the code field and leaves the key on screen', async () => {
    mockApi(
      settingsRoutes(clinician, {
        'POST /api/me/two-factor/enrolment': { body: enrolment },
        'POST /api/me/two-factor': refusal(400, ['code is not right, or was already used: check the time on your phone and try the newest code.']),
      }),
    );
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const section = await twoFactorSection();
    await user.click(await within(section).findByRole('button', { name: 'Set up two-factor' }));
    const code = await within(section).findByRole('textbox', { name: /^6-digit code/ });
    await user.type(code, '12345');
    await user.click(within(section).getByRole('button', { name: 'Turn on two-factor' }));
    expect(code).toHaveAccessibleDescription('Enter the 6-digit code from your authenticator app.');

    await user.type(code, '6');
    await user.click(within(section).getByRole('button', { name: 'Turn on two-factor' }));

    await waitFor(() => expect(code).toHaveAccessibleDescription(expect.stringContaining('code is not right, or was already used')));
    expect(within(section).getByTestId('two-factor-secret')).toBeInTheDocument();
  });

  it('cannot be turned off while the practice requires it, and says why', async () => {
    const api = mockApi(settingsRoutes(withTwoFactor, { 'GET /api/me/two-factor': { body: { ...twoFactorOn, requiredByPractice: true } } }));
    renderApp({ route: '/settings', signedInAs: withTwoFactor });

    const section = await twoFactorSection();
    const turnOff = await within(section).findByRole('button', { name: 'Turn off two-factor' });
    expect(turnOff).toBeDisabled();
    expect(turnOff).toHaveAccessibleDescription(/Your practice requires two-factor for everyone, so it stays on/);
    expect(api.callsTo('POST', '/api/me/two-factor/disable')).toHaveLength(0);
  });

  it('turns off with a code from the app, once confirmed', async () => {
    let status: TwoFactorStatus = twoFactorOn;
    const api = mockApi(
      settingsRoutes(withTwoFactor, {
        'GET /api/me/two-factor': () => ({ body: status }),
        'POST /api/me/two-factor/disable': () => {
          status = twoFactorOff;
          return { status: 204 };
        },
      }),
    );
    const { user } = renderApp({ route: '/settings', signedInAs: withTwoFactor });

    const section = await twoFactorSection();
    await user.click(await within(section).findByRole('button', { name: 'Turn off two-factor' }));
    const dialog = screen.getByRole('dialog', { name: 'Turn off two-factor?' });
    expect(dialog).toHaveTextContent('your recovery codes stop working');
    await user.type(within(dialog).getByRole('textbox', { name: /^6-digit code/ }), '654321');
    await user.dblClick(within(dialog).getByRole('button', { name: 'Turn off two-factor' }));

    expect(await screen.findByText('Two-factor is off')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/me/two-factor/disable').map((call) => call.body)).toEqual([{ code: '654321' }]);
    expect(await within(section).findByRole('button', { name: 'Set up two-factor' })).toBeInTheDocument();
  });

  it('makes new recovery codes, asking for a fresh code first when the last check is old', async () => {
    let checked = false;
    const api = mockApi(
      settingsRoutes(withTwoFactor, {
        'POST /api/me/step-up': () => {
          checked = true;
          return { body: { verifiedUntil: '2026-07-15T09:35:00.000Z' } };
        },
        'POST /api/me/two-factor/recovery-codes': () => (checked ? { body: { recoveryCodes: RECOVERY_CODES } } : STEP_UP_REFUSAL),
      }),
    );
    const { user } = renderApp({ route: '/settings', signedInAs: withTwoFactor });

    const section = await twoFactorSection();
    await user.click(await within(section).findByRole('button', { name: 'Make new recovery codes' }));
    const dialog = screen.getByRole('dialog', { name: 'New recovery codes' });
    await user.type(within(dialog).getByRole('textbox', { name: /^6-digit code/ }), '111111');
    await user.click(within(dialog).getByRole('button', { name: 'Make new codes' }));

    // With two-factor on, the check asks for a code, not the password.
    const check = await screen.findByRole('dialog', { name: "Confirm it's you" });
    expect(within(check).queryByLabelText(/password/i)).not.toBeInTheDocument();
    await user.type(within(check).getByRole('textbox', { name: /^6-digit code/ }), '222222');
    await user.click(within(check).getByRole('button', { name: 'Confirm' }));

    expect(await within(dialog).findByRole('list', { name: 'Your recovery codes' })).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/me/step-up').map((call) => call.body)).toEqual([{ code: '222222' }]);
    expect(api.callsTo('POST', '/api/me/two-factor/recovery-codes')).toHaveLength(2);
    // No way out but saying they are saved.
    expect(within(dialog).queryByRole('button', { name: /close/i })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('checkbox', { name: 'I have saved my recovery codes' }));
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));

    expect(await screen.findByText('Your new recovery codes are ready to use. The old ones no longer work.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'New recovery codes' })).not.toBeInTheDocument();
  });
});
