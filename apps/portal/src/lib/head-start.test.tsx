import { render, screen } from '@testing-library/react';
import { App } from '../App';
import { openParticipantToken } from '../participant-token';
import { welcome } from '../test/portal';
import { dropHeadStart, startHomeReads } from './head-start';

const TOKEN = 'tok_3f9a-private';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function stubFetch(me: () => Response) {
  const fetchSpy = vi.fn(async (url: string, _init?: RequestInit) => {
    if (url === '/api/portal/me') return me();
    if (url === '/api/portal/billing') return json({ currency: 'USD', balance: null, invoices: [] });
    return json([]);
  });
  vi.stubGlobal('fetch', fetchSpy);
  return fetchSpy;
}

/** Opens the link as main.tsx does: the home screen's reads go out before the first render. */
function openLink(url: string) {
  window.history.replaceState(null, '', url);
  const token = openParticipantToken();
  startHomeReads(token);
  return token;
}

afterEach(() => dropHeadStart());

describe('Home screen reads sent ahead', () => {
  it('sends the welcome and the home screen’s reads at once, and the screens use those answers', async () => {
    const fetchSpy = stubFetch(() => json(welcome));
    const token = openLink(`/p/#${TOKEN}`);
    const sentBeforeRender = fetchSpy.mock.calls.map(([url]) => url);
    expect(sentBeforeRender).toEqual(['/api/portal/me', '/api/portal/assignments', '/api/portal/sessions', '/api/portal/billing']);

    render(<App initialToken={token} />);

    expect(await screen.findByText('Nothing to do just now')).toBeInTheDocument();
    // StrictMode is off here: one request each, all of them the ones sent ahead.
    expect(fetchSpy.mock.calls.map(([url]) => url)).toEqual(sentBeforeRender);
  });

  it('sends nothing ahead when the link opens on another screen', () => {
    const fetchSpy = stubFetch(() => json(welcome));
    window.localStorage.setItem('trustwork.portal.link', TOKEN);
    openLink('/p/homework');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('still shows the invalid-link screen when the welcome is refused', async () => {
    stubFetch(() => json({ statusCode: 401, message: 'This link no longer works.' }, 401));
    const token = openLink(`/p/#${TOKEN}`);
    render(<App initialToken={token} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'This link no longer works' })).toBeInTheDocument();
  });
});
