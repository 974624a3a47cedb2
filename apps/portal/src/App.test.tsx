import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from './App';
import { openParticipantToken } from './participant-token';
import { welcome } from './test/portal';

const TOKEN = 'tok_3f9a-private';
const STORED_KEY = 'trustwork.portal.link';

function json(body: unknown, init: ResponseInit = {}) {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

/** Stubs /api/portal/me with answers given in order, the last one repeating; home's homework and bills are empty. */
function stubFetch(...answers: (() => Response | Promise<Response>)[]) {
  const fetchSpy = vi.fn(async (url: string, _init?: RequestInit) => {
    if (url === '/api/portal/assignments') return json([]);
    if (url === '/api/portal/billing') return json({ currency: 'USD', balance: null, invoices: [] });
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    return answer();
  });
  vi.stubGlobal('fetch', fetchSpy);
  return fetchSpy;
}

function welcomeCalls(fetchSpy: ReturnType<typeof stubFetch>) {
  return fetchSpy.mock.calls.filter(([url]) => url === '/api/portal/me');
}

function openPortal(url: string) {
  window.history.replaceState(null, '', url);
  return render(<App initialToken={openParticipantToken()} />);
}

describe('Participant portal', () => {
  it('asks for the personal link when opened without one, and calls nothing', () => {
    const fetchSpy = stubFetch(() => json(welcome));

    openPortal('/p/');

    expect(screen.getByRole('heading', { level: 1, name: 'Your homework space' })).toBeInTheDocument();
    expect(
      screen.getByText('Open the personal link your therapist sent you to see your homework.'),
    ).toBeInTheDocument();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('takes the token from the link, remembers it and sends it only as a Bearer header', async () => {
    const fetchSpy = stubFetch(() => json(welcome));

    openPortal(`/p/#${TOKEN}`);

    expect(window.location.hash).toBe('');
    expect(window.location.href).not.toContain(TOKEN);
    expect(window.localStorage.getItem(STORED_KEY)).toBe(TOKEN);
    expect(await screen.findByRole('heading', { level: 1, name: 'Hi Alex' })).toBeInTheDocument();

    expect(welcomeCalls(fetchSpy)).toHaveLength(1);
    const [url, init] = fetchSpy.mock.calls[0];
    expect(url).toBe('/api/portal/me');
    expect(url).not.toContain(TOKEN);
    expect(new Headers(init?.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(init?.body).toBeUndefined();
    expect(init?.credentials).toBe('omit');
    expect(document.body.textContent).not.toContain(TOKEN);
  });

  it('reopens from the remembered link after a reload', async () => {
    window.localStorage.setItem(STORED_KEY, TOKEN);
    const fetchSpy = stubFetch(() => json(welcome));

    openPortal('/p/');

    expect(await screen.findByRole('heading', { name: 'Hi Alex' })).toBeInTheDocument();
    expect(new Headers(fetchSpy.mock.calls[0][1]?.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
  });

  it('welcomes the participant by first name with their therapist, practice and the other participant', async () => {
    stubFetch(() => json(welcome));

    openPortal(`/p/#${TOKEN}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Hi Alex' })).toHaveFocus();
    expect(screen.getByText(/with Dr Mira Okafor at Harbour Counselling/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Your homework' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Weekly check-in' })).toBeInTheDocument();
    expect(screen.getByText(/between you and Sam/)).toBeInTheDocument();
  });

  it('opens the private line to the therapist and comes back', async () => {
    stubFetch(() => json(welcome));
    openPortal(`/p/#${TOKEN}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Talk to your therapist privately' }));

    expect(screen.getByRole('heading', { level: 1, name: 'Talk to your therapist privately' })).toHaveFocus();
    expect(screen.getByText(/Sam will never see your message itself/)).toBeInTheDocument();
    expect(screen.getByText(/call your local emergency number/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Back to your space' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Hi Alex' })).toBeInTheDocument();
  });

  it('shows the invalid-link screen on 401 and forgets the stored link', async () => {
    const message = 'This link has expired or is no longer valid. Ask your therapist for a new one.';
    stubFetch(() => json({ statusCode: 401, error: 'Unauthorized', message }, { status: 401 }));

    openPortal(`/p/#${TOKEN}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'This link no longer works' })).toBeInTheDocument();
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.getByText(/Ask your therapist for a new link/)).toBeInTheDocument();
    expect(window.localStorage.getItem(STORED_KEY)).toBeNull();
  });

  it('forgets this device and any unsent drafts after confirming, back to the no-link screen', async () => {
    stubFetch(() => json(welcome));
    openPortal(`/p/#${TOKEN}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Forget this device' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(window.localStorage.getItem(STORED_KEY)).toBe(TOKEN);

    window.localStorage.setItem('trustwork.portal.draft.check-in', '{"values":{}}');
    fireEvent.click(screen.getByRole('button', { name: 'Forget this device' }));
    expect(screen.getByRole('group', { name: /Remove your link from this device/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, forget it' }));

    expect(screen.getByRole('heading', { level: 1, name: 'Your homework space' })).toBeInTheDocument();
    expect(window.localStorage.getItem(STORED_KEY)).toBeNull();
    // Unsent drafts go with the link: the next person holding the phone finds nothing.
    expect(window.localStorage.getItem('trustwork.portal.draft.check-in')).toBeNull();
  });

  it('offers a retry when the network fails, keeping the link', async () => {
    const fetchSpy = stubFetch(
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => json(welcome),
    );
    openPortal(`/p/#${TOKEN}`);

    expect(await screen.findByRole('alert')).toHaveTextContent(/couldn't reach Trustwork/);
    expect(window.localStorage.getItem(STORED_KEY)).toBe(TOKEN);

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { name: 'Hi Alex' })).toBeInTheDocument();
    expect(welcomeCalls(fetchSpy)).toHaveLength(2);
  });

  it('asks to wait when rate limited, for as long as Retry-After says', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      stubFetch(() =>
        json(
          { statusCode: 429, error: 'Too Many Requests', message: 'Too many requests. Please wait 2 seconds and try again.' },
          { status: 429, headers: { 'Retry-After': '2' } },
        ),
      );
      openPortal(`/p/#${TOKEN}`);

      expect(await screen.findByRole('heading', { name: 'Please wait a moment' })).toBeInTheDocument();
      expect(screen.getByText('You can try again in 2 seconds.')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Try again' })).toBeDisabled();

      await act(() => vi.advanceTimersByTimeAsync(2000));

      expect(screen.getByText('You can try again now.')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('picks up a new link pasted into an already open page', async () => {
    const fetchSpy = stubFetch(() => json(welcome));
    openPortal('/p/');

    act(() => {
      window.history.replaceState(null, '', '/p/#tok_later');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });

    expect(await screen.findByRole('heading', { name: 'Hi Alex' })).toBeInTheDocument();
    expect(window.location.hash).toBe('');
    expect(window.localStorage.getItem(STORED_KEY)).toBe('tok_later');
    expect(new Headers(fetchSpy.mock.calls[0][1]?.headers).get('Authorization')).toBe('Bearer tok_later');
  });
});
