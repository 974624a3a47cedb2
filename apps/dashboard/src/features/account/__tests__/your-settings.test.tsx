import { screen, waitFor, within } from '@testing-library/react';
import { type CurrentUser, type UpdateMeRequest } from '@trustwork/contracts';
import { clinician } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { refusal, settingsRoutes } from './account-fixtures';

async function section(name: string) {
  return screen.findByRole('region', { name });
}

describe('Your settings', () => {
  it('opens from the account menu', async () => {
    mockApi(settingsRoutes(clinician, { 'GET /api/cases': { body: { items: [], nextCursor: null } } }));
    const { user } = renderApp({ route: '/cases', signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Account menu' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Your settings' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Your settings' })).toBeInTheDocument();
  });

  it('changes your name, and the header follows', async () => {
    const api = mockApi(settingsRoutes(clinician, { 'PATCH /api/me': (call) => ({ body: { ...clinician, ...(call.body as UpdateMeRequest) } }) }));
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const profile = await section('Profile');
    const name = within(profile).getByRole('textbox', { name: /^Name/ });
    await user.clear(name);
    await user.type(name, 'Sam Rivera-Okafor');
    await user.dblClick(within(profile).getByRole('button', { name: 'Save name' }));

    expect(await screen.findByText('Your name is now Sam Rivera-Okafor.')).toBeInTheDocument();
    expect(api.callsTo('PATCH', '/api/me').map((call) => call.body)).toEqual([{ name: 'Sam Rivera-Okafor' }]);
    expect(within(screen.getByRole('banner')).getByText('Sam Rivera-Okafor')).toBeInTheDocument();
  });

  it('sends a confirmation link to a new e-mail address, and shows it is waiting', async () => {
    let me: CurrentUser = clinician;
    const api = mockApi(
      settingsRoutes(clinician, {
        'GET /api/me': () => ({ body: me }),
        'POST /api/me/email': (call) => {
          me = { ...me, pendingEmail: (call.body as { email: string }).email };
          return { status: 202 };
        },
      }),
    );
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const profile = await section('Profile');
    expect(within(profile).getByText('sam@harbour.test')).toBeInTheDocument();
    await user.type(within(profile).getByRole('textbox', { name: /^New e-mail/ }), 'sam.rivera@harbour.test');
    await user.click(within(profile).getByRole('button', { name: 'Send confirmation link' }));
    expect(within(profile).getByLabelText(/^Your password/)).toHaveAccessibleDescription('Enter your password.');

    await user.type(within(profile).getByLabelText(/^Your password/), 'correct horse battery');
    await user.click(within(profile).getByRole('button', { name: 'Send confirmation link' }));

    expect(await screen.findByText('Check your inbox at sam.rivera@harbour.test')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/me/email').map((call) => call.body)).toEqual([
      { email: 'sam.rivera@harbour.test', currentPassword: 'correct horse battery' },
    ]);
    expect(await within(profile).findByText('Waiting for confirmation at sam.rivera@harbour.test')).toBeInTheDocument();
    // Until the link is opened, the address used to sign in stays.
    expect(within(profile).getByText('sam@harbour.test')).toBeInTheDocument();
  });

  it('changes your password, checking the two new ones match, and says the other devices are signed out', async () => {
    const api = mockApi(settingsRoutes(clinician, { 'POST /api/me/password': { status: 204 } }));
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const password = await section('Password');
    expect(within(password).getByLabelText(/^New password/)).toHaveAccessibleDescription(/^At least 10 characters\./);
    await user.type(within(password).getByLabelText(/^Current password/), 'old enough password');
    await user.type(within(password).getByLabelText(/^New password/), 'a longer sentence to remember');
    await user.type(within(password).getByLabelText(/^Confirm new password/), 'a longer sentence to forget');
    await user.click(within(password).getByRole('button', { name: 'Change password' }));

    const confirm = within(password).getByLabelText(/^Confirm new password/);
    await waitFor(() => expect(confirm).toHaveFocus());
    expect(confirm).toHaveAccessibleDescription('The passwords do not match.');
    expect(api.callsTo('POST', '/api/me/password')).toHaveLength(0);

    await user.clear(confirm);
    await user.type(confirm, 'a longer sentence to remember');
    await user.dblClick(within(password).getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText('Password changed')).toBeInTheDocument();
    expect(screen.getByText('Your other devices have been signed out. Sign in there with your new password.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/me/password').map((call) => call.body)).toEqual([
      { currentPassword: 'old enough password', newPassword: 'a longer sentence to remember' },
    ]);
    expect(within(password).getByLabelText(/^Current password/)).toHaveValue('');
  });

  it('puts a wrong current password under its field', async () => {
    mockApi(settingsRoutes(clinician, { 'POST /api/me/password': refusal(400, ['currentPassword is not right']) }));
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const password = await section('Password');
    await user.type(within(password).getByLabelText(/^Current password/), 'not my password');
    await user.type(within(password).getByLabelText(/^New password/), 'a longer sentence to remember');
    await user.type(within(password).getByLabelText(/^Confirm new password/), 'a longer sentence to remember');
    await user.click(within(password).getByRole('button', { name: 'Change password' }));

    const current = within(password).getByLabelText(/^Current password/);
    await waitFor(() => expect(current).toHaveAccessibleDescription('currentPassword is not right'));
    await waitFor(() => expect(current).toHaveFocus());
  });

  it('reads the weekly digest setting from the server and turns it on', async () => {
    const api = mockApi(
      settingsRoutes(clinician, {
        'GET /api/me': { body: { ...clinician, weeklyDigest: false } },
        'PATCH /api/me': (call) => ({ body: { ...clinician, ...(call.body as UpdateMeRequest) } }),
      }),
    );
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const digest = within(await section('Weekly digest')).getByRole('switch', { name: /^Weekly digest e-mail/ });
    await waitFor(() => expect(digest).toBeEnabled());
    expect(digest).not.toBeChecked();
    await user.click(digest);

    expect(await screen.findByText('Weekly digest turned on')).toBeInTheDocument();
    expect(api.callsTo('PATCH', '/api/me').map((call) => call.body)).toEqual([{ weeklyDigest: true }]);
    expect(digest).toBeChecked();
  });

  it('puts the digest switch back and says why when the change is refused', async () => {
    mockApi(
      settingsRoutes(clinician, {
        'GET /api/me': { body: { ...clinician, weeklyDigest: true } },
        'PATCH /api/me': refusal(503, 'Trustwork is busy. Try again shortly.'),
      }),
    );
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const digest = within(await section('Weekly digest')).getByRole('switch', { name: /^Weekly digest e-mail/ });
    await waitFor(() => expect(digest).toBeChecked());
    await user.click(digest);

    expect(await screen.findByText("We couldn't change the weekly digest")).toBeInTheDocument();
    expect(digest).toBeChecked();
  });
});
