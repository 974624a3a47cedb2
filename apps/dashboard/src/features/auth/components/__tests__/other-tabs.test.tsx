import { act, screen, waitFor, within } from '@testing-library/react';
import { type TabMessage } from '../../../../lib/tab-messages';
import { session } from '../../../../lib/session';
import { clinician, memberFrom, owner, tokensFor } from '../../../../test/fixtures';
import { mockApi } from '../../../../test/mock-api';
import { renderApp } from '../../../../test/render-app';

/** Another tab of the same browser, speaking on the channel the tabs share. */
function otherTab() {
  const channel = new BroadcastChannel('trustwork.tabs');
  const heard: TabMessage[] = [];
  channel.addEventListener('message', (event: MessageEvent<TabMessage>) => heard.push(event.data));
  return {
    tell: (message: TabMessage) => channel.postMessage(message),
    heard,
    close: () => channel.close(),
  };
}

describe('Sessions in other tabs', () => {
  let tab: ReturnType<typeof otherTab>;
  beforeEach(() => {
    tab = otherTab();
  });
  afterEach(() => tab.close());

  it('signs this tab out when another tab signs out', async () => {
    mockApi({});
    renderApp({ route: '/library', signedInAs: owner });
    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();

    tab.tell({ type: 'signed-out', reason: 'signed-out' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText(/session has expired/i)).not.toBeInTheDocument();
    expect(session.getState()).toEqual({ status: 'signed-out', reason: 'signed-out' });
    expect(session.getAccessToken()).toBeNull();
  });

  it('follows the automatic sign-out of another tab, keeping the page to come back to', async () => {
    mockApi({ 'POST /api/auth/login': { body: tokensFor(owner, 2) } });
    const { user } = renderApp({ route: '/library', signedInAs: owner });
    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();

    tab.tell({ type: 'signed-out', reason: 'idle', idleMinutes: 15 });

    expect(await screen.findByText('You were signed out after 15 minutes without activity.')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/e-mail/i), owner.email);
    await user.type(screen.getByLabelText(/^password/i), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
  });

  it('tells the other tabs when this one signs out, with no secret in the message', async () => {
    mockApi({ 'POST /api/auth/logout': { status: 204 }, 'GET /api/sessions': { body: [] } });
    const { user } = renderApp({ route: '/', signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(tab.heard).toContainEqual({ type: 'signed-out', reason: 'signed-out' }));
    expect(JSON.stringify(tab.heard)).not.toContain(tokensFor(owner).accessToken);
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

    // This tab's next refresh presented the cookie of the colleague who signed in in another tab.
    act(() => session.start(tokensFor(clinician)));

    expect(await screen.findByRole('cell', { name: clinician.email })).toBeInTheDocument();
    expect(screen.queryByRole('cell', { name: owner.email })).not.toBeInTheDocument();
    expect(within(screen.getByRole('banner')).getByText(clinician.name)).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/users')).toHaveLength(2);
  });
});
