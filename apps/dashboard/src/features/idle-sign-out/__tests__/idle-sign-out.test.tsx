import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { BACKGROUND_REQUEST_HEADER } from '@trustwork/contracts';
import { activity } from '../../../lib/activity';
import { flushBeforeSignOut } from '../../../lib/unsaved-work';
import { owner, practice, tokensFor } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const MINUTE = 60_000;
const fivePractice = { ...owner, practice: { ...practice, idleTimeoutMinutes: 5 } };

function pass(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

describe('Automatic sign-out', () => {
  beforeEach(() => {
    // Real time still passes, so the app's pages load; the clock jumps where a test says.
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  let stopFlushing: () => void = () => undefined;
  afterEach(() => {
    stopFlushing();
    vi.useRealTimers();
  });

  it('warns a minute before the limit and stays signed in when asked, telling the server', async () => {
    const api = mockApi({ 'GET /api/me': { body: owner } });
    const { user } = renderApp({ route: '/library', signedInAs: owner });
    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    // The person's last action. The countdown moves each second and real time passes too: read it loosely.
    fireEvent.keyDown(document.body, { key: 'Shift' });

    pass(13 * MINUTE);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    pass(MINUTE + 1_000);

    const warning = await screen.findByRole('dialog', { name: 'Are you still there?' });
    expect(warning).toHaveTextContent(/You'll be signed out in (1:00|0:[45]\d) for your clients' privacy\./);
    pass(31_000);
    expect(warning).toHaveTextContent(/You'll be signed out in 0:(30|[12]\d) for your clients' privacy\./);
    // Screen readers hear it now and then, not every second.
    expect(screen.getByRole('status')).toHaveTextContent("You'll be signed out in 30 seconds for your clients' privacy.");

    await user.click(screen.getByRole('button', { name: 'Stay signed in' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [stay] = api.callsTo('GET', '/api/me');
    expect(stay.headers[BACKGROUND_REQUEST_HEADER]).toBeUndefined();
    pass(10 * MINUTE);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
  });

  it("signs out at the practice's limit after sending unsaved work, and returns to the page after signing in", async () => {
    const order: string[] = [];
    stopFlushing = flushBeforeSignOut(async () => {
      order.push('unsaved note sent');
    });
    const api = mockApi({
      'POST /api/auth/logout': () => {
        order.push('signed out');
        return { status: 204 };
      },
      'POST /api/auth/login': { body: tokensFor(fivePractice, 2) },
    });
    const { user } = renderApp({ route: '/library', signedInAs: fivePractice });
    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    fireEvent.keyDown(document.body, { key: 'Shift' });

    pass(4 * MINUTE + 1_000);
    expect(await screen.findByRole('dialog', { name: 'Are you still there?' })).toBeInTheDocument();
    pass(MINUTE);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText('You were signed out after 5 minutes without activity.')).toBeInTheDocument();
    await waitFor(() => expect(order).toEqual(['unsaved note sent', 'signed out']));
    expect(api.callsTo('POST', '/api/auth/logout')[0].headers.authorization).toBe(`Bearer ${tokensFor(fivePractice).accessToken}`);

    await user.type(screen.getByLabelText(/e-mail/i), owner.email);
    await user.type(screen.getByLabelText(/^password/i), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    // A fresh start: no warning straight after signing in again.
    pass(MINUTE);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('counts typing in this tab and activity in the other tabs', async () => {
    mockApi({ 'GET /api/me': { body: owner } });
    renderApp({ route: '/library', signedInAs: fivePractice });
    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    const otherTab = new BroadcastChannel('trustwork.tabs');

    pass(3 * MINUTE);
    fireEvent.keyDown(document.body, { key: 'a' });
    pass(3 * MINUTE);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const at = Date.now();
    otherTab.postMessage({ type: 'active', at });
    await waitFor(() => expect(activity.lastActiveAt()).toBe(at));
    pass(3 * MINUTE);

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    otherTab.close();
  });

  it('tells the server the person is there while they read without sending anything', async () => {
    const api = mockApi({ 'GET /api/me': { body: owner } });
    renderApp({ route: '/library', signedInAs: owner });
    expect(await screen.findByRole('heading', { level: 1, name: 'Library' })).toBeInTheDocument();
    const before = api.callsTo('GET', '/api/me').length;

    pass(2 * MINUTE);
    // Nothing done: nothing to tell.
    expect(api.callsTo('GET', '/api/me')).toHaveLength(before);
    fireEvent.scroll(window);
    pass(2_000);

    await waitFor(() => expect(api.callsTo('GET', '/api/me')).toHaveLength(before + 1));
    expect(api.callsTo('GET', '/api/me')[before].headers[BACKGROUND_REQUEST_HEADER]).toBeUndefined();
  });
});
