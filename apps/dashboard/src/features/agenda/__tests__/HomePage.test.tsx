import { screen, within } from '@testing-library/react';
import { type AgendaSession } from '@trustwork/contracts';
import { formatDay, formatTime } from '../../../lib/practice-time';
import { formatDateRange } from '../agenda-days';
import { assistant, clinician, owner, practice } from '../../../test/fixtures';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const timeZone = practice.timeZone; // Europe/London: an hour ahead of UTC in June.
// Wednesday 17 June 2026, 09:00 in London.
const NOW = new Date('2026-06-17T08:00:00Z');

const sam = { id: clinician.id, name: clinician.name };
const couple = [
  { id: 'p-alex', displayName: 'Alex Morgan' },
  { id: 'p-jordan', displayName: 'Jordan Lee' },
];
const parentAndChild = [
  { id: 'p-maya', displayName: 'Maya Chen' },
  { id: 'p-leo', displayName: 'Leo Chen' },
];

function session(id: string, startsAt: string, overrides: Partial<AgendaSession> = {}): AgendaSession {
  return {
    id,
    caseId: 'case-couple',
    startsAt,
    durationMinutes: 50,
    modality: 'in-person',
    status: 'scheduled',
    attendeeIds: couple.map((participant) => participant.id),
    clinician: sam,
    noteState: 'none',
    kind: 'joint',
    address: null,
    videoUrl: null,
    series: null,
    attendance: [],
    cancellation: null,
    participants: couple,
    ...overrides,
  };
}

// 00:30 in London on the 17th, though still the 16th in UTC: it belongs to today.
const signedAfterMidnight = session('s-signed', '2026-06-16T23:30:00Z', { status: 'completed', noteState: 'signed' });
const draftEarly = session('s-draft', '2026-06-17T06:00:00Z', {
  status: 'completed',
  noteState: 'draft',
  caseId: 'case-family',
  participants: parentAndChild,
});
// Ended at 08:50 London time, nobody marked it: it still needs a note.
const endedWithoutNote = session('s-ended', '2026-06-17T07:00:00Z');
const afternoon = session('s-afternoon', '2026-06-17T13:00:00Z', { modality: 'video' });
const thursday = session('s-thursday', '2026-06-18T09:00:00Z', { modality: 'phone', caseId: 'case-family', participants: parentAndChild });
const saturdayCancelled = session('s-saturday', '2026-06-20T10:00:00Z', { status: 'cancelled' });
const week = [signedAfterMidnight, draftEarly, endedWithoutNote, afternoon, thursday, saturdayCancelled];

/** The start times shown in a part of the page, in order, as instants (a row's list of people has none). */
function startTimesIn(container: HTMLElement): string[] {
  return within(container)
    .getAllByRole('listitem')
    .flatMap((row) => {
      const time = row.querySelector('time');
      return time ? [time.dateTime] : [];
    });
}

function rowOf(startsAt: string, container: HTMLElement = document.body): HTMLElement {
  const row = within(container)
    .getAllByRole('listitem')
    .find((item) => item.querySelector('time')?.dateTime === startsAt);
  if (!row) throw new Error(`No session at ${startsAt}`);
  return row;
}

describe('Home', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it("shows today's sessions first, then the rest of the week by day in the practice's time zone", async () => {
    const api = mockApi({ 'GET /api/sessions': { body: week } });
    renderApp({ route: '/', signedInAs: clinician });

    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeInTheDocument();
    expect(screen.getByText(`Good morning, Sam. It's ${formatDay(NOW.toISOString(), timeZone)}.`)).toBeInTheDocument();

    // Today and the six days after it, from midnight in London.
    const [query] = api.queriesTo('GET', '/api/sessions');
    expect(Object.fromEntries(query)).toEqual({ from: '2026-06-16T23:00:00.000Z', to: '2026-06-23T23:00:00.000Z' });

    const today = await screen.findByRole('region', { name: "Today's sessions" });
    expect(startTimesIn(today)).toEqual([signedAfterMidnight, draftEarly, endedWithoutNote, afternoon].map((item) => item.startsAt));
    // Times are the practice's: 14:00 in London, not 13:00.
    expect(rowOf(afternoon.startsAt, today)).toHaveTextContent(
      `${formatTime(afternoon.startsAt, timeZone)} – ${formatTime('2026-06-17T13:50:00Z', timeZone)}`,
    );
    expect(within(rowOf(afternoon.startsAt, today)).getByText('Up next')).toBeInTheDocument();
    expect(within(rowOf(afternoon.startsAt, today)).getByText(/Video/)).toBeInTheDocument();

    const comingUp = screen.getByRole('region', { name: 'Coming up' });
    const thursdaySection = within(comingUp).getByRole('region', { name: formatDay(thursday.startsAt, timeZone) });
    expect(within(thursdaySection).getByRole('link', { name: 'Maya Chen & Leo Chen' })).toHaveAttribute('href', '/cases/case-family');
    expect(within(thursdaySection).getByText(/Phone/)).toBeInTheDocument();
    const saturdaySection = within(comingUp).getByRole('region', { name: formatDay(saturdayCancelled.startsAt, timeZone) });
    expect(within(saturdaySection).getByText('Cancelled')).toBeInTheDocument();
    expect(startTimesIn(comingUp)).toEqual([thursday.startsAt, saturdayCancelled.startsAt]);
    expect(within(comingUp).getAllByRole('heading', { level: 3 })).toHaveLength(2);
  });

  it('points a clinician to the note each past session needs', async () => {
    mockApi({ 'GET /api/sessions': { body: week } });
    renderApp({ route: '/', signedInAs: clinician });

    const today = await screen.findByRole('region', { name: "Today's sessions" });
    expect(within(rowOf(endedWithoutNote.startsAt, today)).getByRole('link', { name: /^Write note/ })).toHaveAttribute(
      'href',
      '/cases/case-couple/sessions/s-ended/note',
    );
    expect(within(rowOf(draftEarly.startsAt, today)).getByRole('link', { name: /^Draft note/ })).toHaveAttribute(
      'href',
      '/cases/case-family/sessions/s-draft/note',
    );
    expect(within(rowOf(signedAfterMidnight.startsAt, today)).getByRole('link', { name: /^Signed note/ })).toBeInTheDocument();
    // Nothing to write yet for a session still ahead, nor for one that was cancelled.
    expect(within(rowOf(afternoon.startsAt, today)).queryByRole('link', { name: /note/ })).not.toBeInTheDocument();
    expect(within(rowOf(saturdayCancelled.startsAt)).queryByRole('link', { name: /note/ })).not.toBeInTheDocument();
  });

  it("lets an owner narrow the practice's agenda to their own cases", async () => {
    const api = mockApi({ 'GET /api/sessions': { body: week } });
    const { user } = renderApp({ route: '/', signedInAs: owner });

    const today = await screen.findByRole('region', { name: "Today's sessions" });
    // Everyone's sessions, so each row says whose it is.
    expect(within(rowOf(afternoon.startsAt, today)).getByText(/Sam Rivera/)).toBeInTheDocument();
    expect(api.queriesTo('GET', '/api/sessions')[0].has('clinicianId')).toBe(false);

    await user.click(screen.getByRole('switch', { name: 'Only my cases' }));

    await vi.waitFor(() => expect(api.callsTo('GET', '/api/sessions')).toHaveLength(2), { timeout: 5000 });
    expect(api.queriesTo('GET', '/api/sessions')[1].get('clinicianId')).toBe(owner.id);
  });

  it('shows an assistant the schedule but never a link to a note', async () => {
    mockApi({ 'GET /api/sessions': { body: week } });
    renderApp({ route: '/', signedInAs: assistant });

    const today = await screen.findByRole('region', { name: "Today's sessions" });
    expect(within(rowOf(endedWithoutNote.startsAt, today)).getByRole('link', { name: 'Alex Morgan & Jordan Lee' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /note/i })).not.toBeInTheDocument();
    expect(screen.queryByRole('switch', { name: 'Only my cases' })).not.toBeInTheDocument();
  });

  it('says whether each session is joint or with one person, where it is, and who has confirmed or cancelled', async () => {
    const joint = session('s-joint', '2026-06-17T13:00:00Z', {
      address: '12 Harbour Lane\nLeith, Edinburgh',
      attendance: [
        { participantId: 'p-alex', response: 'confirmed', respondedAt: '2026-06-16T10:00:00Z' },
        { participantId: 'p-jordan', response: null, respondedAt: null },
      ],
    });
    const withJordan = session('s-jordan', '2026-06-18T09:00:00Z', {
      kind: 'individual',
      modality: 'video',
      attendeeIds: ['p-jordan'],
      attendance: [{ participantId: 'p-jordan', response: null, respondedAt: null }],
    });
    const lateCancel = session('s-late', '2026-06-19T09:00:00Z', {
      modality: 'phone',
      status: 'cancelled',
      attendance: [
        { participantId: 'p-alex', response: 'cancelled', respondedAt: '2026-06-18T20:00:00Z' },
        { participantId: 'p-jordan', response: null, respondedAt: null },
      ],
      cancellation: { by: { kind: 'participant', participantId: 'p-alex' }, at: '2026-06-18T20:00:00Z', late: true, reason: null },
    });
    const teamCancel = session('s-team', '2026-06-20T09:00:00Z', {
      status: 'cancelled',
      cancellation: { by: { kind: 'team', userId: clinician.id, name: 'Sam Rivera' }, at: '2026-06-17T08:00:00Z', late: false, reason: null },
    });
    mockApi({ 'GET /api/sessions': { body: [joint, withJordan, lateCancel, teamCancel] } });
    renderApp({ route: '/', signedInAs: clinician });

    const jointRow = rowOf(joint.startsAt, await screen.findByRole('region', { name: "Today's sessions" }));
    expect(within(jointRow).getByText('Joint · 12 Harbour Lane')).toBeInTheDocument();
    expect(within(jointRow).getByText('Alex Morgan: Confirmed')).toBeInTheDocument();
    expect(within(jointRow).getByText('Jordan Lee: Not confirmed yet')).toBeInTheDocument();

    const jordanRow = rowOf(withJordan.startsAt);
    expect(within(jordanRow).getByText('With Jordan · Video')).toBeInTheDocument();
    expect(within(jordanRow).getByText('Jordan Lee: Not confirmed yet')).toBeInTheDocument();
    expect(within(jordanRow).queryByText(/Alex Morgan:/)).not.toBeInTheDocument();

    const lateRow = rowOf(lateCancel.startsAt);
    expect(within(lateRow).getByText('Joint · Phone')).toBeInTheDocument();
    expect(within(lateRow).getByText('Late cancellation by Alex Morgan')).toBeInTheDocument();
    expect(within(rowOf(teamCancel.startsAt)).getByText('Cancelled by Sam Rivera')).toBeInTheDocument();
  });

  it('offers a next step when nothing is booked', async () => {
    mockApi({ 'GET /api/sessions': { body: [] } });
    renderApp({ route: '/', signedInAs: clinician });

    expect(await screen.findByRole('heading', { name: 'No sessions booked for today or the next six days' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the caseload' })).toHaveAttribute('href', '/cases');
    expect(screen.getByRole('link', { name: 'New case' })).toHaveAttribute('href', '/cases/new');
  });

  it('moves a week at a time', async () => {
    const api = mockApi({ 'GET /api/sessions': { body: [] } });
    const { user } = renderApp({ route: '/', signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Next week' }));

    expect(
      await screen.findByRole('heading', { name: `No sessions booked for ${formatDateRange('2026-06-24', '2026-06-30')}` }),
    ).toBeInTheDocument();
    expect(Object.fromEntries(api.queriesTo('GET', '/api/sessions')[1])).toEqual({
      from: '2026-06-23T23:00:00.000Z',
      to: '2026-06-30T23:00:00.000Z',
    });
  });

  it('explains a failure and tries again', async () => {
    let attempts = 0;
    mockApi({
      'GET /api/sessions': () =>
        ++attempts === 1
          ? { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Something broke.' } }
          : { body: week },
      'GET /api/attention': { body: { alerts: [], unsignedNotes: [], sessionsToClose: [], count: 0 } },
    });
    const { user } = renderApp({ route: '/', signedInAs: clinician });

    expect(await screen.findByText("We couldn't load your sessions")).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('region', { name: "Today's sessions" })).toBeInTheDocument();
  });
});
