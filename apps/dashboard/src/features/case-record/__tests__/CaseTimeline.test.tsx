import { screen, within } from '@testing-library/react';
import { formatCalendarDate } from '../../../lib/practice-time';
import { assistant, clinician } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { assistantCaseRecord, CASE_ID, caseApi, caseEvent, JORDAN, setNow } from './case-record-fixtures';

const breach = caseEvent({
  id: 'event-breach',
  kind: 'breach',
  occurredOn: '2026-02-14',
  title: 'Affair discovered',
  participantId: JORDAN,
  details: 'Jordan found messages on a shared tablet.',
});
const setback = caseEvent({ id: 'event-setback', kind: 'setback', occurredOn: '2026-05-20', title: 'Hidden phone call' });
const milestone = caseEvent({ id: 'event-milestone', kind: 'milestone', occurredOn: '2026-06-28', title: 'Apology heard' });

const EVENTS_PATH = `/api/cases/${CASE_ID}/events`;

function entryTitles(): string[] {
  const timeline = screen.getByRole('list', { name: 'Timeline, newest first' });
  return within(timeline)
    .getAllByRole('listitem')
    .map((item) => within(item).queryByRole('heading')?.textContent ?? `(${item.textContent?.split(' · ')[0]})`);
}

describe('Case timeline', () => {
  afterEach(() => vi.useRealTimers());

  it('lists events newest first, with phase changes between them', async () => {
    // The API sends them newest first too; the page must not depend on it.
    caseApi({ events: [breach, milestone, setback] });
    renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    expect(await screen.findByRole('heading', { level: 3, name: 'Apology heard' })).toBeInTheDocument();
    expect(entryTitles()).toEqual([
      'Apology heard',
      '(Moved to phase 3: Telling and hearing the hurt)',
      'Hidden phone call',
      '(Moved to phase 2: The apology)',
      '(Started in phase 1: Taking ownership)',
      'Affair discovered',
    ]);

    const breachItem = screen.getByRole('heading', { name: 'Affair discovered' }).closest('li') as HTMLElement;
    expect(within(breachItem).getByText('Breach')).toBeInTheDocument();
    expect(within(breachItem).getByText(/About Jordan Lee/)).toBeInTheDocument();
    expect(within(breachItem).getByText('Jordan found messages on a shared tablet.')).toBeInTheDocument();
    // A calendar date, never shifted by a time zone.
    expect(within(breachItem).getByText(formatCalendarDate('2026-02-14'))).toHaveAttribute('datetime', '2026-02-14');
  });

  it('adds an entry, dated today in the practice by default', async () => {
    // 00:30 on 15 July in London, still 14 July in UTC.
    setNow('2026-07-14T23:30:00.000Z');
    const api = caseApi({ events: [breach] });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Add entry' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a timeline entry' });
    await user.click(within(dialog).getByRole('button', { name: 'Add entry' }));
    expect(within(dialog).getByText('Choose what kind of entry this is.')).toBeInTheDocument();
    expect(within(dialog).getByText('Give the entry a short title.')).toBeInTheDocument();
    expect(api.callsTo('POST', EVENTS_PATH)).toHaveLength(0);

    await user.click(within(dialog).getByRole('radio', { name: 'Milestone' }));
    await user.type(within(dialog).getByRole('textbox', { name: /^title/i }), 'Agreed a weekly check-in');
    await user.click(within(dialog).getByRole('textbox', { name: /^details/i }));
    await user.paste('Sunday evenings, phones away.');
    await user.click(within(dialog).getByRole('radio', { name: 'Jordan Lee' }));
    // A double-click adds it once.
    await user.dblClick(within(dialog).getByRole('button', { name: 'Add entry' }));

    expect(await screen.findByRole('heading', { level: 3, name: 'Agreed a weekly check-in' })).toBeInTheDocument();
    expect(api.callsTo('POST', EVENTS_PATH).map((call) => call.body)).toEqual([
      {
        kind: 'milestone',
        occurredOn: '2026-07-15',
        title: 'Agreed a weekly check-in',
        details: 'Sunday evenings, phones away.',
        participantId: JORDAN,
      },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it("puts the API's objections under the fields they concern", async () => {
    caseApi({
      routes: {
        [`POST ${EVENTS_PATH}`]: {
          status: 400,
          body: { statusCode: 400, error: 'Bad Request', message: ['title must be at most 200 characters'] },
        },
      },
    });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Add the first entry' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a timeline entry' });
    await user.click(within(dialog).getByRole('radio', { name: 'Noteworthy' }));
    await user.type(within(dialog).getByRole('textbox', { name: /^title/i }), 'First session together');
    await user.click(within(dialog).getByRole('button', { name: 'Add entry' }));

    expect(await within(dialog).findByText('title must be at most 200 characters')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /^title/i })).toHaveAttribute('aria-invalid', 'true');
  });

  it('tells an assistant that timeline entries are clinical records, without asking for them', async () => {
    const api = caseApi({ detail: assistantCaseRecord });
    renderApp({ route: `/cases/${CASE_ID}`, signedInAs: assistant });

    expect(await screen.findByRole('heading', { name: 'Timeline entries are clinical records' })).toBeInTheDocument();
    expect(screen.getByText(/your role can't see them/i)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Sessions & notes' })).toHaveAttribute('href', `/cases/${CASE_ID}/sessions`);
    expect(screen.queryByRole('button', { name: 'Add entry' })).not.toBeInTheDocument();
    expect(api.callsTo('GET', EVENTS_PATH)).toHaveLength(0);
  });
});
