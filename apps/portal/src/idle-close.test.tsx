import { act, fireEvent, screen } from '@testing-library/react';
import { PORTAL_IDLE_MINUTES } from '@trustwork/contracts';
import { DRAFT_PREFIX } from './lib/drafts';
import { json, openPortalAt, stubApi, TOKEN } from './test/portal';

const MINUTE = 60_000;
const STORED_KEY = 'trustwork.portal.link';
const NOTICE = `For your privacy, this page was closed after ${PORTAL_IDLE_MINUTES} minutes.`;

function pass(ms: number) {
  act(() => {
    vi.advanceTimersByTime(ms);
  });
}

describe('A page left untouched on a shared phone', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    window.localStorage.setItem(STORED_KEY, TOKEN);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('returns to the first screen, clearing what was typed but keeping the link', async () => {
    stubApi({});
    await openPortalAt('Talk to your therapist privately');
    const message = screen.getByRole('textbox', { name: 'What would you like your therapist to know?' });
    fireEvent.change(message, { target: { value: 'Something only my therapist should read' } });
    window.localStorage.setItem(`${DRAFT_PREFIX}check-in`, '{"values":{}}');

    pass(PORTAL_IDLE_MINUTES * MINUTE - 1_000);
    expect(screen.getByRole('heading', { level: 1, name: 'Talk to your therapist privately' })).toBeInTheDocument();
    pass(1_000);

    expect(screen.getByRole('heading', { level: 1, name: 'Hi Alex' })).toBeInTheDocument();
    expect(screen.getByText(/For your privacy, this page was closed/)).toHaveTextContent(NOTICE);
    expect(window.location.pathname).toBe('/p/');
    expect(document.body.textContent).not.toContain('Something only my therapist should read');
    expect(window.localStorage.getItem(`${DRAFT_PREFIX}check-in`)).toBeNull();
    expect(window.localStorage.getItem(STORED_KEY)).toBe(TOKEN);

    // A tap carries on with the same link, and the screen opens empty.
    fireEvent.click(screen.getByRole('button', { name: 'Talk to your therapist privately' }));
    expect(screen.getByRole('textbox', { name: 'What would you like your therapist to know?' })).toHaveValue('');
    expect(screen.queryByText(NOTICE)).not.toBeInTheDocument();
  });

  it('counts each touch, so someone still typing is never interrupted', async () => {
    stubApi({ 'GET check-ins': () => json([]) });
    await openPortalAt('Talk to your therapist privately');
    const message = screen.getByRole('textbox', { name: 'What would you like your therapist to know?' });

    pass(PORTAL_IDLE_MINUTES * MINUTE - MINUTE);
    fireEvent.keyDown(message, { key: 'a' });
    pass(PORTAL_IDLE_MINUTES * MINUTE - MINUTE);

    expect(screen.getByRole('heading', { level: 1, name: 'Talk to your therapist privately' })).toBeInTheDocument();
    expect(screen.queryByText(NOTICE)).not.toBeInTheDocument();
  });
});
