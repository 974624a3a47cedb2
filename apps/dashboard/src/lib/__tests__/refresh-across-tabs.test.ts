import { REFRESH_REQUEST_HEADER } from '@trustwork/contracts';
import { owner, tokensFor } from '../../test/fixtures';
import { mockApi } from '../../test/mock-api';

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
 * The refresh endpoint as the API runs it, with the browser's cookie jar that every tab
 * shares: each refresh cookie works once, and a second use is taken as theft and ends the
 * session, so every later refresh fails too.
 */
function rotatingRefreshApi() {
  let cookie = 'refresh-1';
  const presented: string[] = [];
  const used = new Set<string>();
  let issued = 1;
  let revoked = false;
  const api = mockApi({
    'POST /api/auth/refresh': async (call) => {
      // The browser attaches the cookie it holds when the request leaves.
      const sent = cookie;
      presented.push(sent);
      if (call.headers[REFRESH_REQUEST_HEADER] !== '1') return { status: 403, body: { statusCode: 403, error: 'Forbidden', message: 'No header.' } };
      // Slow enough that the two tabs' refreshes overlap.
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (revoked || used.has(sent)) {
        revoked = true;
        return { status: 401, body: { statusCode: 401, error: 'Unauthorized', message: 'Your session has ended.' } };
      }
      used.add(sent);
      issued += 1;
      cookie = `refresh-${issued}`;
      return { body: tokensFor(owner, issued) };
    },
  });
  return { api, presented };
}

/** A fresh copy of the session and API client, as a second browser tab would have; cookies are shared. */
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

  it('lets tabs take turns, each presenting the cookie the previous one was given', async () => {
    const { manager, requested } = fakeLockManager();
    installLocks(manager);
    const { presented, api } = rotatingRefreshApi();
    const first = await openTab();
    const second = await openTab();

    // Both tabs load at the same moment and restore their session.
    const [firstTokens, secondTokens] = await Promise.all([first.refreshSession(), second.refreshSession()]);

    expect(presented).toEqual(['refresh-1', 'refresh-2']);
    expect(requested).toEqual(['trustwork.refresh', 'trustwork.refresh']);
    expect(first.session.getState()).toMatchObject({ status: 'signed-in', user: { id: owner.id } });
    expect(second.session.getState()).toMatchObject({ status: 'signed-in', user: { id: owner.id } });
    // Each tab keeps its own access token.
    expect(first.session.getAccessToken()).toBe(firstTokens.accessToken);
    expect(second.session.getAccessToken()).toBe(secondTokens.accessToken);
    expect(firstTokens.accessToken).not.toBe(secondTokens.accessToken);
    // Nothing sent in a body, nothing kept where page scripts can read it.
    expect(api.callsTo('POST', '/api/auth/refresh').map((call) => call.body)).toEqual([undefined, undefined]);
    expect(window.localStorage.length).toBe(0);

    // Later refreshes go on working in either tab.
    await expect(first.refreshSession()).resolves.toMatchObject({ accessToken: tokensFor(owner, 4).accessToken });
  });

  it('still asks for the lock only once when requests in one tab need a refresh together', async () => {
    const { manager, requested } = fakeLockManager();
    installLocks(manager);
    const { presented } = rotatingRefreshApi();
    const tab = await openTab();

    await Promise.all([tab.refreshSession(), tab.refreshSession()]);

    expect(requested).toEqual(['trustwork.refresh']);
    expect(presented).toEqual(['refresh-1']);
  });

  it('falls back to refreshing within the tab where the browser has no Web Locks', async () => {
    const { presented } = rotatingRefreshApi();
    const tab = await openTab();

    expect('locks' in navigator).toBe(false);
    await Promise.all([tab.refreshSession(), tab.refreshSession()]);

    expect(presented).toEqual(['refresh-1']);
    expect(tab.session.getState()).toMatchObject({ status: 'signed-in' });
  });

  it('does not sign a tab back in when it was signed out while its refresh was answered', async () => {
    rotatingRefreshApi();
    const tab = await openTab();
    tab.session.start(tokensFor(owner, 1));

    const refreshing = tab.refreshSession();
    tab.session.end('signed-out');

    await expect(refreshing).rejects.toMatchObject({ status: 401 });
    expect(tab.session.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(tab.session.getAccessToken()).toBeNull();
  });
});
