import { screen, within } from '@testing-library/react';
import { formatCalendarDate } from '../../../lib/practice-time';
import { assistant, clinician } from '../../../test/fixtures';
import { type RecordedCall } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { assistantCaseRecord, CASE_ID, caseApi, setNow } from '../../case-record/__tests__/case-record-fixtures';
import { PROGRESS_PATH, progressFor } from './progress-fixtures';

const PROGRESS = `/cases/${CASE_ID}/progress`;
// Monday 1 June 2026, mid-morning in London.
const NOW = '2026-06-01T10:00:00.000Z';

/** Answers with the fixture progress for whatever period was asked. */
function progressRoute(call: RecordedCall) {
  return { body: progressFor({ from: call.query.get('from') ?? '', to: call.query.get('to') ?? '' }) };
}

function section(title: string): HTMLElement {
  return screen.getByRole('heading', { level: 3, name: title }).closest('section') as HTMLElement;
}

function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent ?? ''));
}

describe('Case progress', () => {
  afterEach(() => vi.useRealTimers());

  it("shows both people's check-ins, the CSI-4 and homework as tables", async () => {
    setNow(NOW);
    const api = caseApi({ routes: { [`GET ${PROGRESS_PATH}`]: progressRoute } });
    renderApp({ route: `${PROGRESS}?view=table`, signedInAs: clinician });

    expect(await screen.findByRole('tab', { name: 'Progress' })).toHaveAttribute('aria-selected', 'true');
    const checkIns = await screen.findByRole('heading', { level: 3, name: 'Check-ins' }).then(() => section('Check-ins'));
    expect(within(checkIns).getAllByRole('heading', { level: 4 }).map((heading) => heading.textContent)).toEqual([
      'Alex Morgan',
      'Jordan Lee',
      'Events and phase changes in this period',
    ]);
    expect(
      within(checkIns).getByText('Over 11 weeks (2 check-ins): Trust went from 7 to 4; feeling safe went from 6 to 5; feeling heard stayed at 4; closeness went from 5 to 3.'),
    ).toBeInTheDocument();
    expect(rowsOf(within(checkIns).getByRole('table', { name: "Jordan Lee's check-ins" }))).toEqual([
      ['Date', 'Trust', 'Feeling safe', 'Feeling heard', 'Closeness'],
      [formatCalendarDate('2026-03-11'), '7', '6', '4', '5'],
      [formatCalendarDate('2026-05-27'), '4', '5', '4', '3'],
    ]);
    expect(within(checkIns).getByRole('table', { name: "Alex Morgan's check-ins" })).toBeInTheDocument();
    expect(within(checkIns).getByText(`${formatCalendarDate('2026-04-20')}`).closest('li')).toHaveTextContent(
      'Setback: Argument about phone passwords',
    );
    expect(within(checkIns).getByText('Phase 3 began: Telling and hearing the hurt', { exact: false })).toBeInTheDocument();

    const csi = section('Couples Satisfaction Index (CSI-4)');
    expect(rowsOf(within(csi).getByRole('table', { name: "Jordan Lee's CSI-4 scores" }))).toEqual([
      ['Date', 'Score', 'Below the cut-off (13.5)'],
      [formatCalendarDate('2026-03-16'), '12', 'Yes'],
      [formatCalendarDate('2026-05-25'), '9', 'Yes'],
    ]);
    expect(
      within(csi).getByText(
        `Below the cut-off on ${formatCalendarDate('2026-03-16')} (12) and ${formatCalendarDate('2026-05-25')} (9). Scores below the cut-off suggest notable relationship distress.`,
      ),
    ).toBeInTheDocument();
    // Alex stayed above it: no warning on that side.
    expect(within(csi).getAllByText(/^Below the cut-off on/)).toHaveLength(1);

    const homework = section('Homework done');
    expect(rowsOf(within(homework).getByRole('table', { name: "Jordan Lee's homework by week" }))).toEqual([
      ['Week of', 'Due', 'Done', 'Done of due'],
      [formatCalendarDate('2026-05-18'), '2', '1', '50%'],
      [formatCalendarDate('2026-05-25'), '0', '0', 'Nothing due'],
    ]);
    expect(within(homework).getByText('1 of 2 homework tasks done (50%) in 1 week with homework due.')).toBeInTheDocument();

    // Twelve weeks up to the practice's today by default.
    expect(api.queriesTo('GET', PROGRESS_PATH).map((query) => query.toString())).toEqual(['from=2026-03-09&to=2026-06-01']);
  });

  it('draws a described chart for each person, and switches to tables on request', async () => {
    setNow(NOW);
    // jsdom lays nothing out: give the charts' containers a size so recharts draws them.
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(260);
    caseApi({ routes: { [`GET ${PROGRESS_PATH}`]: progressRoute } });
    const { user } = renderApp({ route: PROGRESS, signedInAs: clinician });

    // The charts arrive in their own chunk, after the report's text.
    const jordan = await screen.findByRole('img', { name: "Line chart of Jordan Lee's check-ins" });
    expect(jordan).toHaveAccessibleDescription(/^Over 11 weeks \(2 check-ins\): Trust went from 7 to 4;/);
    // Events and phase changes are marked by kind on both people's charts.
    expect(within(jordan).getByText('Setback')).toBeInTheDocument();
    expect(within(jordan).getByText('Phase 3')).toBeInTheDocument();
    // One picture: nothing inside it is a stop for the Tab key.
    expect(jordan.querySelectorAll('[tabindex="0"]')).toHaveLength(0);
    expect(within(screen.getByRole('img', { name: "Line chart of Alex Morgan's check-ins" })).getByText('Setback')).toBeInTheDocument();
    const csi = screen.getByRole('img', { name: "Line chart of Jordan Lee's CSI-4 scores against the cut-off" });
    expect(within(csi).getByText('Cut-off 13.5')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: "Bar chart of the share of Alex Morgan's homework done each week" })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await user.click(screen.getByRole('switch', { name: 'Show as tables' }));
    expect(screen.getByRole('table', { name: "Alex Morgan's check-ins" })).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /Line chart/ })).not.toBeInTheDocument();
  });

  it('asks for the chosen period, dated in the practice', async () => {
    setNow(NOW);
    const api = caseApi({ routes: { [`GET ${PROGRESS_PATH}`]: progressRoute } });
    const { user } = renderApp({ route: `${PROGRESS}?view=table`, signedInAs: clinician });

    await screen.findByRole('table', { name: "Alex Morgan's check-ins" });
    expect(screen.getByRole('radio', { name: '12 weeks' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: '6 months' }));
    expect(screen.getByRole('radio', { name: '6 months' })).toBeChecked();
    expect(await screen.findByText(`Showing ${formatCalendarDate('2025-12-01')} to ${formatCalendarDate('2026-06-01')}`)).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: '2 years' }));
    await screen.findByText(`Showing ${formatCalendarDate('2024-06-01')} to ${formatCalendarDate('2026-06-01')}`);
    expect(api.queriesTo('GET', PROGRESS_PATH).map((query) => query.toString())).toEqual([
      'from=2026-03-09&to=2026-06-01',
      'from=2025-12-01&to=2026-06-01',
      'from=2024-06-01&to=2026-06-01',
    ]);
  });

  it('explains where check-ins and scores come from when there are none yet', async () => {
    setNow(NOW);
    caseApi({
      routes: {
        [`GET ${PROGRESS_PATH}`]: (call) => ({
          body: progressFor(
            { from: call.query.get('from') ?? '', to: call.query.get('to') ?? '' },
            {
              participants: progressFor({ from: '', to: '' }).participants.map((participant) => ({
                ...participant,
                checkIns: [],
                measures: [],
                homework: [],
              })),
              measures: [],
              events: [],
              phaseChanges: [],
            },
          ),
        }),
      },
    });
    renderApp({ route: PROGRESS, signedInAs: clinician });

    const noCheckIns = (await screen.findByRole('heading', { level: 3, name: 'No check-ins in this period' })).parentElement as HTMLElement;
    expect(noCheckIns).toHaveTextContent(/sends check-ins from their own portal/);
    expect(noCheckIns).toHaveTextContent(/assign the Weekly trust check-in from the Homework tab/);
    expect(screen.getByRole('heading', { level: 3, name: 'No questionnaire scores in this period' }).parentElement).toHaveTextContent(
      /Assign the CSI-4 from the Homework tab/,
    );
    expect(screen.getAllByRole('link', { name: 'Go to Homework' })[0]).toHaveAttribute('href', `/cases/${CASE_ID}/homework`);
    expect(section('Homework done')).toHaveTextContent('No homework was due in this period.');
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('says what failed, and loads again on request', async () => {
    setNow(NOW);
    let fail = true;
    caseApi({
      routes: {
        [`GET ${PROGRESS_PATH}`]: (call) =>
          fail
            ? { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'The progress could not be worked out.' } }
            : progressRoute(call),
      },
    });
    const { user } = renderApp({ route: `${PROGRESS}?view=table`, signedInAs: clinician });

    // The case header's own panels may have alerts of their own: find this tab's.
    const alert = (await screen.findByText("We couldn't load the progress")).closest('[role="alert"]') as HTMLElement;
    expect(alert).toHaveTextContent('The progress could not be worked out.');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: "Jordan Lee's check-ins" })).toBeInTheDocument();
    expect(screen.queryByText("We couldn't load the progress")).not.toBeInTheDocument();
  });

  it('tells an assistant progress is clinical, without asking the API for it', async () => {
    const api = caseApi({ detail: assistantCaseRecord });
    renderApp({ route: PROGRESS, signedInAs: assistant });

    expect(await screen.findByRole('heading', { name: 'Progress is part of the clinical record' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Sessions & notes' })).toHaveAttribute('href', `/cases/${CASE_ID}/sessions`);
    expect(api.callsTo('GET', PROGRESS_PATH)).toHaveLength(0);
  });
});
