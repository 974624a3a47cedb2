import { type AuthTokens } from '@trustwork/contracts';
import { owner, tokensFor } from '../../test/fixtures';
import { mockApi } from '../../test/mock-api';
import { REFRESH_TOKEN_STORAGE_KEY } from '../session';

/** Serialises requests per lock name, like the browser's navigator.locks does across tabs. */
function fakeLockManager() {
  const tails = new Map<string, Promise<unknown>>();
  const requested: string[] = [];
  const manager = {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      requested.push(name);
      const granted = (tails.get(name) ?? Promise.resolve()).then(() => callback());
      tails.set(
        name,
        granted.catch(() => undefined),
      );
      return granted;
    },
  };
  return { manager, requested };
}

function installLocks(manager: unknown): void {
  Object.defineProperty(navigator, 'locks', { value: manager, configurable: true });
}

/**
 * The refresh endpoint as the API runs it: each refresh token works once, and a second use
 * is taken as theft and revokes the whole family, so every later refresh fails too.
 */
function rotatingRefreshApi() {
  const used = new Set<string>();
  let issued = 1;
  let revoked = false;
  const api = mockApi({
    'POST /api/auth/refresh': async (call) => {
      const { refreshToken } = call.body as { refreshToken: string };
      // Slow enough that the two tabs' refreshes overlap.
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (revoked || used.has(refreshToken) || refreshToken !== tokensFor(owner, issued).refreshToken) {
        revoked = true;
        return { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Refresh token reused.' } };
      }
      used.add(refreshToken);
      issued += 1;
      return { body: tokensFor(owner, issued) };
    },
  });
  return { api, presented: () => api.callsTo('POST', '/api/auth/refresh').map((call) => (call.body as AuthTokens).refreshToken) };
}

/** A fresh copy of the session and API client, as a second browser tab would have; storage is shared. */
async function openTab() {
  vi.resetModules();
  const { session } = await import('../session');
  const { refreshSession } = await import('../api-client');
  return { session, refreshSession };
}

describe('refreshing in several tabs at once', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'locks');
  });

  it('lets tabs take turns, each presenting the token the previous one stored', async () => {
    const { manager, requested } = fakeLockManager();
    installLocks(manager);
    const { presented } = rotatingRefreshApi();
    window.localStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, tokensFor(owner, 1).refreshToken);
    const first = await openTab();
    const second = await openTab();

    // Both tabs load at the same moment and restore their session.
    const [firstTokens, secondTokens] = await Promise.all([first.refreshSession(), second.refreshSession()]);

    expect(presented()).toEqual([tokensFor(owner, 1).refreshToken, tokensFor(owner, 2).refreshToken]);
    expect(requested).toEqual(['trustwork.refresh', 'trustwork.refresh']);
    expect(first.session.getState()).toMatchObject({ status: 'signed-in', user: { id: owner.id } });
    expect(second.session.getState()).toMatchObject({ status: 'signed-in', user: { id: owner.id } });
    // Each tab keeps its own access token; storage holds the newest refresh token for whoever goes next.
    expect(first.session.getAccessToken()).toBe(firstTokens.accessToken);
    expect(second.session.getAccessToken()).toBe(secondTokens.accessToken);
    expect(firstTokens.accessToken).not.toBe(secondTokens.accessToken);
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBe(tokensFor(owner, 3).refreshToken);

    // Later refreshes go on working in either tab.
    await expect(first.refreshSession()).resolves.toMatchObject({ refreshToken: tokensFor(owner, 4).refreshToken });
  });

  it('still asks for the lock only once when requests in one tab need a refresh together', async () => {
    const { manager, requested } = fakeLockManager();
    installLocks(manager);
    const { presented } = rotatingRefreshApi();
    window.localStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, tokensFor(owner, 1).refreshToken);
    const tab = await openTab();

    await Promise.all([tab.refreshSession(), tab.refreshSession()]);

    expect(requested).toEqual(['trustwork.refresh']);
    expect(presented()).toEqual([tokensFor(owner, 1).refreshToken]);
  });

  it('falls back to refreshing within the tab where the browser has no Web Locks', async () => {
    const { presented } = rotatingRefreshApi();
    window.localStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, tokensFor(owner, 1).refreshToken);
    const tab = await openTab();

    expect('locks' in navigator).toBe(false);
    await Promise.all([tab.refreshSession(), tab.refreshSession()]);

    expect(presented()).toEqual([tokensFor(owner, 1).refreshToken]);
    expect(tab.session.getState()).toMatchObject({ status: 'signed-in' });
  });

  it('does not sign a tab back in when it was signed out while its refresh was answered', async () => {
    rotatingRefreshApi();
    window.localStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, tokensFor(owner, 1).refreshToken);
    const tab = await openTab();
    tab.session.start(tokensFor(owner, 1));

    const refreshing = tab.refreshSession();
    tab.session.end('signed-out');

    await expect(refreshing).rejects.toMatchObject({ status: 401 });
    expect(tab.session.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY)).toBeNull();
  });
});
