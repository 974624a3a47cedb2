import { screen, within } from '@testing-library/react';
import { type AgendaSession } from '@trustwork/contracts';
import { assistant, clinician, owner } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

// Wednesday 17 June 2026, 09:00 in London.
const NOW = new Date('2026-06-17T08:00:00Z');

function session(id: string, startsAt: string, overrides: Partial<AgendaSession> = {}): AgendaSession {
  return {
    id,
    caseId: 'case-couple',
    startsAt,
    durationMinutes: 50,
    modality: 'in-person',
    status: 'scheduled',
    attendeeIds: ['p-alex', 'p-jordan'],
    clinician: { id: clinician.id, name: clinician.name },
    noteState: 'none',
    kind: 'joint',
    address: null,
    videoUrl: null,
    series: null,
    attendance: [],
    cancellation: null,
    participants: [
      { id: 'p-alex', displayName: 'Alex Morgan' },
      { id: 'p-jordan', displayName: 'Jordan Lee' },
    ],
    ...overrides,
  };
}

const held = session('s-held', '2026-06-17T06:00:00Z', { status: 'completed' });
const afternoon = session('s-afternoon', '2026-06-17T13:00:00Z');
const thursday = session('s-thursday', '2026-06-18T09:00:00Z');
const cancelled = session('s-cancelled', '2026-06-19T09:00:00Z', { status: 'cancelled' });

function rowOf(startsAt: string): HTMLElement {
  const row = screen.getAllByRole('listitem').find((item) => item.querySelector('time')?.dateTime === startsAt);
  if (!row) throw new Error(`No session at ${startsAt}`);
  return row;
}

describe('brief links on Home', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it.each([
    ['a clinician', clinician],
    ['an owner', owner],
  ])('offers %s the brief of each session still to come', async (_who, user) => {
    mockApi({ 'GET /api/sessions': { body: [held, afternoon, thursday, cancelled] } });
    renderApp({ route: '/', signedInAs: user });

    await screen.findByRole('region', { name: "Today's sessions" });
    expect(within(rowOf(afternoon.startsAt)).getByRole('link', { name: /^Brief for the .* session with Alex Morgan & Jordan Lee$/ })).toHaveAttribute(
      'href',
      '/sessions/s-afternoon/brief',
    );
    expect(within(rowOf(thursday.startsAt)).getByRole('link', { name: /^Brief/ })).toHaveAttribute('href', '/sessions/s-thursday/brief');
    // Nothing to prepare for a session already held, or one that will not happen.
    expect(within(rowOf(held.startsAt)).queryByRole('link', { name: /^Brief/ })).not.toBeInTheDocument();
    expect(within(rowOf(cancelled.startsAt)).queryByRole('link', { name: /^Brief/ })).not.toBeInTheDocument();
  });

  it('offers an assistant no brief', async () => {
    mockApi({ 'GET /api/sessions': { body: [afternoon, thursday] } });
    renderApp({ route: '/', signedInAs: assistant });

    await screen.findByRole('region', { name: "Today's sessions" });
    expect(within(rowOf(afternoon.startsAt)).getByRole('link', { name: 'Alex Morgan & Jordan Lee' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /^Brief/ })).not.toBeInTheDocument();
  });
});
