import { screen, within } from '@testing-library/react';
import { type AgendaSession, type ScheduleSessionRequest, type SessionClash } from '@trustwork/contracts';
import { caseSummary } from '../../../test/case-fixtures';
import { clinician, owner, memberFrom } from '../../../test/fixtures';
import { mockApi, page, type RecordedCall } from '../../../test/mock-api';
import { formatTime } from '../../../lib/practice-time';
import { renderApp } from '../../../test/render-app';
import { dayName, hourName, rangeHeading, visibleDates } from '../calendar-days';

// Europe/London (the practice's zone) is an hour ahead of UTC in June.
const NOW = '2026-06-10T08:00:00.000Z';
const WEEK = '/calendar?view=week&date=2026-06-15';
const couple = caseSummary('case-couple', ['Alex Morgan', 'Jordan Lee']);
const [ALEX, JORDAN] = couple.participants.map((participant) => participant.id);
const sam = { id: clinician.id, name: clinician.name };

function agendaSession(id: string, startsAt: string, overrides: Partial<AgendaSession> = {}): AgendaSession {
  return {
    id,
    caseId: couple.id,
    startsAt,
    durationMinutes: 50,
    modality: 'in-person',
    status: 'scheduled',
    attendeeIds: [ALEX, JORDAN],
    clinician: sam,
    noteState: 'none',
    kind: 'joint',
    address: '12 Harbour Street, Bristol',
    videoUrl: null,
    series: null,
    attendance: [
      { participantId: ALEX, response: 'confirmed', respondedAt: '2026-06-12T08:00:00.000Z' },
      { participantId: JORDAN, response: null, respondedAt: null },
    ],
    cancellation: null,
    participants: couple.participants.map(({ id, displayName }) => ({ id, displayName })),
    ...overrides,
  };
}

// 09:00 UTC: 10:00 on Tuesday 16 June in London.
const tuesday = agendaSession('s-tuesday', '2026-06-16T09:00:00.000Z', {
  series: { id: 'series-1', frequency: 'weekly', position: 3, count: 8 },
});

function calendarApi(sessions: AgendaSession[], routes: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /api/sessions': { body: sessions },
    'GET /api/cases': page([couple]),
    'GET /api/attention': { body: { alerts: [], unsignedNotes: [], sessionsToClose: [], count: 0 } },
    'GET /api/team/members': { body: [memberFrom(owner), memberFrom(clinician)] },
    ...routes,
  });
}

/** Names as this browser's language writes them ("Tuesday 16 June" in British English). */
const slot = (date: string, hour: number) => `Schedule at ${dayName(date)}, ${hourName(hour)}`;
const weekHeading = (date: string) => rangeHeading(visibleDates('week', date));

/** A card's name starts with its times, as this browser writes them ("10:00–10:50"). */
function cardName(startsAt: string, then = ''): RegExp {
  const ends = new Date(Date.parse(startsAt) + 50 * 60_000).toISOString();
  const times = `${formatTime(startsAt, 'Europe/London')}–${formatTime(ends, 'Europe/London')}`;
  return new RegExp(`^${times.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ${then}`);
}

function setNow(iso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(iso));
}

async function chooseOption(user: ReturnType<typeof renderApp>['user'], field: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: field }));
  await user.click(await screen.findByRole('option', { name: option }));
}

describe('Calendar', () => {
  beforeEach(() => setNow(NOW));
  afterEach(() => vi.useRealTimers());

  it("puts each session on its day and hour in the practice's zone, with each person's answer in words", async () => {
    const api = calendarApi([tuesday]);
    renderApp({ route: WEEK, signedInAs: clinician });

    const tuesdayColumn = await screen.findByRole('region', { name: dayName('2026-06-16') });
    const card = await within(tuesdayColumn).findByRole('button', { name: cardName(tuesday.startsAt, 'Alex Morgan & Jordan Lee') });
    expect(card).toHaveAccessibleName(/Alex Morgan: Confirmed/);
    expect(card).toHaveAccessibleName(/Jordan Lee: Not confirmed yet/);
    // Three hours below 07:00, at 96 pixels an hour.
    expect(card).toHaveStyle({ top: '288px' });
    expect(screen.getByRole('heading', { level: 2, name: weekHeading('2026-06-15') })).toBeInTheDocument();
    // The hour it takes is not offered; the next one is.
    expect(within(tuesdayColumn).queryByRole('button', { name: slot('2026-06-16', 10) })).not.toBeInTheDocument();
    expect(within(tuesdayColumn).getByRole('button', { name: slot('2026-06-16', 11) })).toBeInTheDocument();
    // Monday to Monday, from midnight in London.
    const [query] = api.queriesTo('GET', '/api/sessions');
    expect(query.get('from')).toBe('2026-06-14T23:00:00.000Z');
    expect(query.get('to')).toBe('2026-06-21T23:00:00.000Z');
  });

  it('keeps its place in the address and moves a week at a time', async () => {
    calendarApi([]);
    const { user } = renderApp({ route: WEEK, signedInAs: clinician });

    expect(await screen.findByText(/No sessions this week/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next week' }));
    expect(await screen.findByRole('heading', { level: 2, name: weekHeading('2026-06-22') })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'Day' }));
    expect(await screen.findByRole('heading', { level: 2, name: rangeHeading(['2026-06-22']) })).toBeInTheDocument();
  });

  it('books a weekly series from a free hour, with that start, once however often it is clicked', async () => {
    const api = calendarApi([], {
      [`POST /api/cases/${couple.id}/sessions`]: (call) => ({ status: 201, body: agendaSession('s-new', (call.body as ScheduleSessionRequest).startsAt) }),
    });
    const { user } = renderApp({ route: WEEK, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: slot('2026-06-17', 14) }));
    const dialog = screen.getByRole('dialog', { name: 'Schedule a session' });
    expect(within(dialog).getByRole('button', { name: /date and time/i })).toHaveTextContent('Wed 17 Jun 2026, 14:00');
    expect(within(dialog).getByRole('textbox', { name: /address/i })).toHaveValue('12 Harbour Street, Bristol');
    await chooseOption(user, 'Case', 'Alex Morgan & Jordan Lee');
    await chooseOption(user, 'Repeat', 'Every week');
    const count = within(dialog).getByRole('textbox', { name: /number of sessions/i });
    await user.clear(count);
    await user.type(count, '6');
    // A double click books the series once.
    await user.dblClick(within(dialog).getByRole('button', { name: 'Book session' }));

    expect(await screen.findByText('Session booked')).toBeInTheDocument();
    expect(api.callsTo('POST', `/api/cases/${couple.id}/sessions`).map((call) => call.body)).toEqual([
      {
        startsAt: '2026-06-17T13:00:00.000Z',
        durationMinutes: 50,
        modality: 'in-person',
        attendeeIds: [ALEX, JORDAN],
        address: '12 Harbour Street, Bristol',
        repeat: { frequency: 'weekly', count: 6 },
      },
    ]);
  });

  it('books a session with one person', async () => {
    const api = calendarApi([], {
      [`POST /api/cases/${couple.id}/sessions`]: (call) => ({ status: 201, body: agendaSession('s-new', (call.body as ScheduleSessionRequest).startsAt) }),
    });
    const { user } = renderApp({ route: WEEK, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: slot('2026-06-18', 9) }));
    const dialog = screen.getByRole('dialog', { name: 'Schedule a session' });
    await chooseOption(user, 'Case', 'Alex Morgan & Jordan Lee');
    await user.click(within(dialog).getByRole('radio', { name: 'With one person' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Jordan Lee' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Phone' }));
    await user.click(within(dialog).getByRole('button', { name: 'Book session' }));

    expect(await screen.findByText('Session booked')).toBeInTheDocument();
    expect(api.callsTo('POST', `/api/cases/${couple.id}/sessions`)[0].body).toEqual({
      startsAt: '2026-06-18T08:00:00.000Z',
      durationMinutes: 50,
      modality: 'phone',
      attendeeIds: [JORDAN],
    });
  });

  it('warns of a clash and books anyway only when asked', async () => {
    const clashes: SessionClash[] = [
      { sessionId: 's-other', caseId: 'case-other', startsAt: '2026-06-17T13:00:00.000Z', durationMinutes: 50, who: { kind: 'clinician', id: sam.id, name: sam.name } },
      { sessionId: 's-alex', caseId: 'case-other', startsAt: '2026-06-17T13:30:00.000Z', durationMinutes: 50, who: { kind: 'participant', id: ALEX, name: 'Alex' } },
    ];
    const api = calendarApi([], {
      [`POST /api/cases/${couple.id}/sessions`]: (call: RecordedCall) =>
        (call.body as ScheduleSessionRequest).allowClashes
          ? { status: 201, body: agendaSession('s-new', (call.body as ScheduleSessionRequest).startsAt) }
          : { status: 409, body: { statusCode: 409, error: 'Conflict', message: 'Someone would be in two places.', clashes } },
    });
    const { user } = renderApp({ route: WEEK, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: slot('2026-06-17', 14) }));
    const dialog = screen.getByRole('dialog', { name: 'Schedule a session' });
    await chooseOption(user, 'Case', 'Alex Morgan & Jordan Lee');
    await user.click(within(dialog).getByRole('button', { name: 'Book session' }));

    const warning = await within(dialog).findByRole('alert');
    expect(warning).toHaveTextContent('Sam Rivera already has a session then');
    expect(warning).toHaveTextContent('Alex has another session then');
    expect(screen.queryByText('Session booked')).not.toBeInTheDocument();

    await user.click(within(warning).getByRole('button', { name: 'Schedule anyway' }));
    expect(await screen.findByText('Session booked')).toBeInTheDocument();
    const bodies = api.callsTo('POST', `/api/cases/${couple.id}/sessions`).map((call) => call.body as ScheduleSessionRequest);
    expect(bodies.map((body) => body.allowClashes)).toEqual([undefined, true]);
  });

  it('opens a session, shows its series, and moves it with the rest of the series', async () => {
    const api = calendarApi([tuesday], {
      [`PATCH /api/sessions/${tuesday.id}`]: { body: { ...tuesday, durationMinutes: 80 } },
    });
    const { user } = renderApp({ route: WEEK, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: cardName(tuesday.startsAt, 'Alex Morgan') }));
    const drawer = await screen.findByRole('dialog', { name: 'Session' });
    expect(within(drawer).getByText('3 of 8, every week')).toBeInTheDocument();
    expect(within(drawer).getByRole('link', { name: 'Open the case' })).toHaveAttribute('href', `/cases/${couple.id}/sessions`);

    await user.click(within(drawer).getByRole('button', { name: 'Move' }));
    const form = await screen.findByRole('dialog', { name: 'Move session' });
    const length = within(form).getByRole('textbox', { name: /length in minutes/i });
    await user.clear(length);
    await user.type(length, '80');
    await user.click(within(form).getByRole('radio', { name: 'This and following' }));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Session updated')).toBeInTheDocument();
    expect(api.callsTo('PATCH', `/api/sessions/${tuesday.id}`).map((call) => call.body)).toEqual([{ durationMinutes: 80, scope: 'following' }]);
  });

  it('cancels one session of a series with a reason', async () => {
    const api = calendarApi([tuesday], {
      [`POST /api/sessions/${tuesday.id}/cancel`]: { body: { ...tuesday, status: 'cancelled' } },
    });
    const { user } = renderApp({ route: WEEK, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: cardName(tuesday.startsAt, 'Alex Morgan') }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Session' })).getByRole('button', { name: 'Cancel session' }));
    const confirm = await screen.findByRole('dialog', { name: 'Cancel this session?' });
    await user.type(within(confirm).getByRole('textbox', { name: /reason/i }), 'Therapist unwell');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel session' }));

    expect(await screen.findByText('Session cancelled')).toBeInTheDocument();
    expect(api.callsTo('POST', `/api/sessions/${tuesday.id}/cancel`).map((call) => call.body)).toEqual([{ scope: 'this', reason: 'Therapist unwell' }]);
  });

  it("shows a person's late cancellation", async () => {
    const cancelled = agendaSession('s-cancelled', '2026-06-16T09:00:00.000Z', {
      status: 'cancelled',
      cancellation: { by: { kind: 'participant', participantId: JORDAN }, at: '2026-06-16T07:00:00.000Z', late: true, reason: null },
    });
    calendarApi([cancelled]);
    renderApp({ route: WEEK, signedInAs: clinician });

    const card = await screen.findByRole('button', { name: cardName(tuesday.startsAt) });
    expect(card).toHaveAccessibleName(/Jordan Lee: Late cancellation/);
    expect(card).toHaveAccessibleName(/Alex Morgan: Cancelled/);
  });

  it("lets an owner choose whose sessions to see, starting with their own", async () => {
    const api = calendarApi([]);
    const { user } = renderApp({ route: WEEK, signedInAs: owner });

    await screen.findByText(/No sessions this week/);
    expect(api.queriesTo('GET', '/api/sessions')[0].get('clinicianId')).toBe(owner.id);
    await chooseOption(user, 'Clinician', 'All clinicians');
    await vi.waitFor(() => expect(api.queriesTo('GET', '/api/sessions').at(-1)?.get('clinicianId')).toBeNull());
  });

  it('explains a failure and tries again', async () => {
    let failing = true;
    calendarApi([], {
      'GET /api/sessions': () => (failing ? { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Something broke.' } } : { body: [tuesday] }),
    });
    const { user } = renderApp({ route: WEEK, signedInAs: clinician });

    expect(await screen.findByText("We couldn't load the calendar")).toBeInTheDocument();
    failing = false;
    await user.click(screen.getByRole('button', { name: /try again/i }));
    expect(await screen.findByRole('button', { name: cardName(tuesday.startsAt, 'Alex Morgan') })).toBeInTheDocument();
  });
});
