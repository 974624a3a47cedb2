import { screen, waitFor, within } from '@testing-library/react';
import { type SignInSession } from '@trustwork/contracts';
import { formatDateTime } from '../../../lib/practice-time';
import { clinician } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { oldDesktop, phone, refusal, settingsRoutes, thisLaptop } from './account-fixtures';

/** The sessions list as the API keeps it, with sign-outs applied. */
function devicesApi(initial: SignInSession[]) {
  let sessions = initial;
  return mockApi(
    settingsRoutes(clinician, {
      'GET /api/me/sessions': () => ({ body: sessions }),
      ...Object.fromEntries(
        initial.map((signedIn) => [
          `DELETE /api/me/sessions/${signedIn.id}`,
          () => {
            sessions = sessions.filter((each) => each.id !== signedIn.id);
            return { status: 204 };
          },
        ]),
      ),
      'POST /api/me/sessions/sign-out-others': () => {
        sessions = sessions.filter((each) => each.current);
        return { status: 204 };
      },
    }),
  );
}

function rowOf(table: HTMLElement, browser: string): HTMLElement {
  const row = within(table).getByRole('rowheader', { name: new RegExp(browser) }).closest('tr');
  if (!row) throw new Error(`No row for ${browser}`);
  return row;
}

describe('Your settings: signed-in devices', () => {
  it('lists each device with its browser, address and times in practice time, marking this one', async () => {
    devicesApi([thisLaptop, phone, oldDesktop]);
    renderApp({ route: '/settings', signedInAs: clinician });

    const table = await screen.findByRole('table', { name: 'Signed-in devices' });
    const here = rowOf(table, thisLaptop.browser);
    expect(within(here).getByText('This device')).toBeInTheDocument();
    expect(within(here).getByText('203.0.113.7')).toBeInTheDocument();
    expect(within(here).getByText(formatDateTime(thisLaptop.lastActiveAt, 'Europe/London'))).toBeInTheDocument();
    // This device is signed out with the Sign out button at the top, not from here.
    expect(within(here).queryByRole('button')).not.toBeInTheDocument();
    expect(within(rowOf(table, oldDesktop.browser)).getByText('Unknown')).toBeInTheDocument();
    expect(within(rowOf(table, phone.browser)).queryByText('This device')).not.toBeInTheDocument();
    expect(screen.getByText('Times are in Europe/London (practice time).')).toBeInTheDocument();
  });

  it('signs out one other device after confirmation', async () => {
    const api = devicesApi([thisLaptop, phone, oldDesktop]);
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const table = await screen.findByRole('table', { name: 'Signed-in devices' });
    await user.click(within(table).getByRole('button', { name: 'Sign out Safari on iOS, 198.51.100.20' }));
    let dialog = screen.getByRole('dialog', { name: 'Sign out Safari on iOS?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.callsTo('DELETE', `/api/me/sessions/${phone.id}`)).toHaveLength(0);

    await user.click(within(table).getByRole('button', { name: 'Sign out Safari on iOS, 198.51.100.20' }));
    dialog = screen.getByRole('dialog', { name: 'Sign out Safari on iOS?' });
    await user.dblClick(within(dialog).getByRole('button', { name: 'Sign out' }));

    expect(await screen.findByText('Safari on iOS, 198.51.100.20 is signed out.')).toBeInTheDocument();
    expect(api.callsTo('DELETE', `/api/me/sessions/${phone.id}`)).toHaveLength(1);
    await waitFor(() => expect(within(table).queryByRole('rowheader', { name: /Safari on iOS/ })).not.toBeInTheDocument());
    expect(within(table).getByRole('rowheader', { name: /Chrome on macOS/ })).toBeInTheDocument();
  });

  it('signs out every other device at once, leaving this one', async () => {
    const api = devicesApi([thisLaptop, phone, oldDesktop]);
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Sign out all other devices' }));
    const dialog = screen.getByRole('dialog', { name: 'Sign out all other devices?' });
    expect(dialog).toHaveTextContent('The 2 other devices will need your password to open Trustwork again. This device stays signed in.');
    await user.dblClick(within(dialog).getByRole('button', { name: 'Sign out other devices' }));

    expect(await screen.findByText('You are now signed in on this device only.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/me/sessions/sign-out-others')).toHaveLength(1);
    expect(await screen.findByText('You are signed in on this device only.')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Signed-in devices' })).getAllByRole('row')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Sign out all other devices' })).not.toBeInTheDocument();
  });

  it('offers a retry when the devices cannot be loaded', async () => {
    let failing = true;
    mockApi(
      settingsRoutes(clinician, {
        'GET /api/me/sessions': () => (failing ? refusal(503, 'Trustwork is busy. Try again shortly.') : { body: [thisLaptop] }),
      }),
    );
    const { user } = renderApp({ route: '/settings', signedInAs: clinician });

    const section = await screen.findByRole('region', { name: 'Signed-in devices' });
    expect(await within(section).findByText("We couldn't load your signed-in devices")).toBeInTheDocument();
    failing = false;
    await user.click(within(section).getByRole('button', { name: 'Try again' }));

    expect(await within(section).findByText('You are signed in on this device only.')).toBeInTheDocument();
  });
});
