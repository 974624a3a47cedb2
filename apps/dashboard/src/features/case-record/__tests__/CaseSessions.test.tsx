import { screen, within } from '@testing-library/react';
import { formatDateTime } from '../../../lib/practice-time';
import { therapySession } from '../../../test/case-fixtures';
import { assistant, clinician } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { sessionTimeRange } from '../case-sessions';
import { ALEX, assistantCaseRecord, CASE_ID, caseApi, caseRecord, JORDAN, setNow } from './case-record-fixtures';

const LONDON = 'Europe/London';
const SESSIONS_PATH = `/api/cases/${CASE_ID}/sessions`;

// "Now" is 00:30 on Wednesday 15 July in London: still the 14th in UTC.
const NOW = '2026-07-14T23:30:00.000Z';
const nextWeek = therapySession(caseRecord, { id: 'session-next', startsAt: '2026-07-21T09:00:00.000Z' });
// 21:00 on the 14th in London: yesterday there, though "today" by the UTC calendar.
const lastNight = therapySession(caseRecord, { id: 'session-last-night', startsAt: '2026-07-14T20:00:00.000Z', status: 'completed', noteState: 'draft', modality: 'video', attendeeIds: [JORDAN] });
const lastWeek = therapySession(caseRecord, { id: 'session-last-week', startsAt: '2026-07-07T09:00:00.000Z', status: 'completed', noteState: 'signed' });
const missed = therapySession(caseRecord, { id: 'session-missed', startsAt: '2026-06-30T09:00:00.000Z', status: 'no-show' });
const sessions = [nextWeek, lastNight, lastWeek, missed];

function sessionTimes(groupName: string): string[] {
  const group = screen.getByRole('region', { name: groupName });
  return [...group.querySelectorAll('time')].map((time) => time.getAttribute('datetime') ?? '');
}

function rowFor(startsAt: string): HTMLElement {
  const row = document.querySelector(`time[datetime="${startsAt}"]`)?.closest('li');
  if (!row) throw new Error(`No session row at ${startsAt}`);
  return row as HTMLElement;
}

describe('Case sessions', () => {
  afterEach(() => vi.useRealTimers());

  it("splits sessions into today-and-upcoming and past by the practice's calendar", async () => {
    setNow(NOW);
    caseApi({ sessions });
    renderApp({ route: `/cases/${CASE_ID}/sessions`, signedInAs: clinician });

    await screen.findByRole('region', { name: 'Today and upcoming' });
    expect(sessionTimes('Today and upcoming')).toEqual([nextWeek.startsAt]);
    expect(sessionTimes('Past')).toEqual([lastNight.startsAt, lastWeek.startsAt, missed.startsAt]);

    const row = rowFor(lastNight.startsAt);
    expect(within(row).getByText(sessionTimeRange(lastNight, LONDON))).toBeInTheDocument();
    expect(within(row).getByText(/Video · 50 min · Jordan Lee only · Clinician: you/)).toBeInTheDocument();
    expect(within(row).getByText('Completed')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: /continue draft/i })).toHaveAttribute(
      'href',
      `/cases/${CASE_ID}/sessions/${lastNight.id}/note`,
    );
    expect(within(rowFor(lastWeek.startsAt)).getByRole('link', { name: /view signed note/i })).toBeInTheDocument();
    expect(within(rowFor(nextWeek.startsAt)).queryByRole('link')).not.toBeInTheDocument();
    expect(within(rowFor(missed.startsAt)).getByText('No-show')).toBeInTheDocument();
  });

  it("shows each session's kind, place, place in its series and each person's answer", async () => {
    setNow(NOW);
    const inSeries = therapySession(caseRecord, {
      id: 'session-series',
      startsAt: '2026-07-22T09:00:00.000Z',
      series: { id: 'series-1', frequency: 'weekly', position: 2, count: 6 },
      attendance: [
        { participantId: ALEX, response: 'confirmed', respondedAt: '2026-07-14T20:00:00.000Z' },
        { participantId: JORDAN, response: null, respondedAt: null },
      ],
    });
    caseApi({ sessions: [inSeries] });
    renderApp({ route: `/cases/${CASE_ID}/sessions`, signedInAs: clinician });

    await screen.findByRole('region', { name: 'Today and upcoming' });
    const row = rowFor(inSeries.startsAt);
    expect(within(row).getByText(/^In person, 12 Harbour Street, Bristol · 50 min · Both/)).toBeInTheDocument();
    expect(within(row).getByText('Joint')).toBeInTheDocument();
    expect(within(row).getByText('2 of 6, every week')).toBeInTheDocument();
    expect(within(row).getByText('Alex Morgan: Confirmed')).toBeInTheDocument();
    expect(within(row).getByText('Jordan Lee: Not confirmed yet')).toBeInTheDocument();
  });

  it('shows an assistant the schedule without any note state', async () => {
    setNow(NOW);
    caseApi({ detail: assistantCaseRecord, sessions });
    renderApp({ route: `/cases/${CASE_ID}/sessions`, signedInAs: assistant });

    await screen.findByRole('region', { name: 'Past' });
    expect(screen.queryByRole('link', { name: /note|draft/i })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Schedule session' })).toBeInTheDocument();
  });

  it('books a session at the practice wall time, with both people by default', async () => {
    setNow('2026-07-01T09:00:00.000Z');
    const api = caseApi();
    const { user } = renderApp({ route: `/cases/${CASE_ID}/sessions`, signedInAs: clinician });

    expect(await screen.findByText('No sessions yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Schedule the first session' }));
    const dialog = screen.getByRole('dialog', { name: 'Schedule a session' });
    expect(within(dialog).getByRole('radio', { name: 'Joint' })).toBeChecked();
    expect(within(dialog).queryByRole('combobox', { name: 'Case' })).not.toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /length in minutes/i })).toHaveValue('50');

    await user.click(within(dialog).getByRole('button', { name: /date and time/i }));
    await user.click(screen.getByRole('button', { name: '15 July 2026' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Hours' }), '10');
    await user.type(screen.getByRole('spinbutton', { name: 'Minutes' }), '30');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Video' }));
    await user.click(within(dialog).getByRole('button', { name: 'Book session' }));

    expect(await screen.findByText('Session booked')).toBeInTheDocument();
    // 10:30 in London in July is British Summer Time: 09:30 UTC.
    expect(api.callsTo('POST', SESSIONS_PATH).map((call) => call.body)).toEqual([
      { startsAt: '2026-07-15T09:30:00.000Z', durationMinutes: 50, modality: 'video', attendeeIds: [ALEX, JORDAN] },
    ]);
    expect(sessionTimes('Today and upcoming')).toEqual(['2026-07-15T09:30:00.000Z']);
  });

  it("says where a session's time is typed which zone it is in, and when this computer is elsewhere", async () => {
    const resolvedOptions = Intl.DateTimeFormat.prototype.resolvedOptions;
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (this: Intl.DateTimeFormat) {
      return { ...resolvedOptions.call(this), timeZone: 'America/New_York' };
    });
    caseApi();
    const { user } = renderApp({ route: `/cases/${CASE_ID}/sessions`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Schedule the first session' }));
    const dialog = screen.getByRole('dialog', { name: 'Schedule a session' });
    expect(within(dialog).getByRole('button', { name: /date and time/i })).toHaveAccessibleDescription(
      `Times are in ${LONDON} (practice time). This computer is set to America/New_York.`,
    );
  });

  it('asks before cancelling a session, and only then tells the API', async () => {
    setNow(NOW);
    const api = caseApi({ sessions });
    const { user } = renderApp({ route: `/cases/${CASE_ID}/sessions`, signedInAs: clinician });

    const row = await screen.findByRole('button', { name: `Change the session on ${formatDateTime(nextWeek.startsAt, LONDON)}` });
    await user.click(row);
    await user.click(screen.getByRole('menuitem', { name: 'Cancel session…' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this session?' });
    expect(api.callsTo('PATCH', `/api/sessions/${nextWeek.id}`)).toHaveLength(0);

    await user.click(within(dialog).getByRole('button', { name: 'Keep session' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.callsTo('PATCH', `/api/sessions/${nextWeek.id}`)).toHaveLength(0);

    await user.click(row);
    await user.click(screen.getByRole('menuitem', { name: 'Cancel session…' }));
    // A double-click cancels it once.
    await user.dblClick(within(screen.getByRole('dialog', { name: 'Cancel this session?' })).getByRole('button', { name: 'Cancel session' }));

    expect(await screen.findByText('Session cancelled')).toBeInTheDocument();
    expect(api.callsTo('POST', `/api/sessions/${nextWeek.id}/cancel`).map((call) => call.body)).toEqual([{}]);
    expect(api.callsTo('PATCH', `/api/sessions/${nextWeek.id}`)).toHaveLength(0);
    expect(within(rowFor(nextWeek.startsAt)).getByText('Cancelled')).toBeInTheDocument();
  });

  it('updates the count beside Home when a session that is over is marked completed here', async () => {
    setNow(NOW);
    const overYesterday = therapySession(caseRecord, { id: 'session-over', startsAt: '2026-07-13T09:00:00.000Z' });
    const api = caseApi({
      sessions: [overYesterday],
      routes: {
        'GET /api/attention': () => ({
          body: { alerts: [], unsignedNotes: [], sessionsToClose: [], count: api.callsTo('PATCH', `/api/sessions/${overYesterday.id}`).length > 0 ? 0 : 1 },
        }),
      },
    });
    const { user } = renderApp({ route: `/cases/${CASE_ID}/sessions`, signedInAs: clinician });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: /^Home\s*, 1 thing needs your attention$/ })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: `Change the session on ${formatDateTime(overYesterday.startsAt, LONDON)}` }));
    await user.click(screen.getByRole('menuitem', { name: 'Mark completed' }));

    expect(await within(nav).findByRole('link', { name: 'Home' })).toBeInTheDocument();
  });

  it('reschedules a session from its current time in the practice', async () => {
    setNow(NOW);
    const api = caseApi({ sessions });
    const { user } = renderApp({ route: `/cases/${CASE_ID}/sessions`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: `Change the session on ${formatDateTime(nextWeek.startsAt, LONDON)}` }));
    await user.click(screen.getByRole('menuitem', { name: 'Reschedule or edit…' }));
    const dialog = screen.getByRole('dialog', { name: 'Reschedule or edit session' });
    // 09:00 UTC is 10:00 in London in July.
    expect(within(dialog).getByRole('button', { name: /date and time/i })).toHaveTextContent('Tue 21 Jul 2026, 10:00');

    const length = within(dialog).getByRole('textbox', { name: /length in minutes/i });
    await user.clear(length);
    await user.type(length, '80');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Session updated')).toBeInTheDocument();
    expect(api.callsTo('PATCH', `/api/sessions/${nextWeek.id}`).map((call) => call.body)).toEqual([{ durationMinutes: 80 }]);
  });
});
