import { act, screen, within } from '@testing-library/react';
import { REFRESH_TOKEN_STORAGE_KEY, session } from '../../../../lib/session';
import { clinician, memberFrom, owner, tokensFor } from '../../../../test/fixtures';
import { mockApi } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';

/** What this tab hears when another tab of the same browser changes the stored refresh token. */
function otherTabStores(newValue: string | null, oldValue: string | null = tokensFor(owner).refreshToken) {
  act(() => {
    window.dispatchEvent(
      new StorageEvent('storage', { key: REFRESH_TOKEN_STORAGE_KEY, oldValue, newValue, storageArea: window.localStorage }),
    );
  });
}

describe('Sessions in other tabs', () => {
  it('signs this tab out when another tab signs out', async () => {
    mockApi({});
    renderApp({ route: '/library', signedInAs: owner });
    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();

    // The other tab has already signed someone in again by the time this tab hears of the sign-out.
    window.localStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, 'signed-in-again-elsewhere');
    otherTabStores(null);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText(/session has expired/i)).not.toBeInTheDocument();
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(session.getAccessToken()).toBeNull();
    // A late event must not wipe what the other tab stored since.
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBe('signed-in-again-elsewhere');
  });

  it('carries on when another tab refreshes or signs in', async () => {
    mockApi({});
    renderApp({ route: '/library', signedInAs: owner });
    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();

    window.localStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, tokensFor(owner, 2).refreshToken);
    otherTabStores(tokensFor(owner, 2).refreshToken);
    otherTabStores(tokensFor(clinician).refreshToken, tokensFor(owner, 2).refreshToken);

    expect(screen.getByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    expect(session.getState()).toMatchObject({ status: 'signed-in', user: { id: owner.id } });
    expect(session.getAccessToken()).toBe(tokensFor(owner).accessToken);
  });

  it('reloads the data as the colleague whose sign-in a refresh picked up from another tab', async () => {
    const api = mockApi({
      'GET /api/users': (call) =>
        call.headers.authorization === `Bearer ${tokensFor(clinician).accessToken}`
          ? { body: [memberFrom(clinician)] }
          : { body: [memberFrom(owner)] },
    });
    renderApp({ route: '/team', signedInAs: owner });
    expect(await screen.findByRole('cell', { name: owner.email })).toBeInTheDocument();

    // This tab's next refresh answered with the colleague who signed in in another tab.
    act(() => session.start(tokensFor(clinician)));

    expect(await screen.findByRole('cell', { name: clinician.email })).toBeInTheDocument();
    expect(screen.queryByRole('cell', { name: owner.email })).not.toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByText(clinician.name)).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/users')).toHaveLength(2);
  });
});
