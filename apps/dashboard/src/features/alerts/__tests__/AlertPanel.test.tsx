import { screen, waitFor, within } from '@testing-library/react';
import { formatDateTime } from '../../../lib/practice-time';
import { assistant, clinician, practice } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { CASE_ID, caseApi, JORDAN } from '../../case-record/__tests__/case-record-fixtures';
import { ALERTS_PATH, caseAlert } from './alert-fixtures';

const overdue = caseAlert({ id: 'alert-overdue', kind: 'homework-overdue', summary: 'Transparency log due 2 Jun, not done', raisedAt: '2026-06-05T09:00:00.000Z' });
const safety = caseAlert({
  id: 'alert-safety',
  kind: 'safety-report',
  participant: { id: JORDAN, displayName: 'Jordan Lee' },
  safetyReportId: 'report-1',
  summary: 'Urgent safety report sent 3 Jun, 21:40',
  raisedAt: '2026-06-03T20:40:00.000Z',
});
const gap = caseAlert({ id: 'alert-gap', kind: 'check-in-gap', participant: null, summary: 'No check-in since 20 May', raisedAt: '2026-06-04T07:00:00.000Z' });
const handled = caseAlert({
  id: 'alert-drop',
  kind: 'rating-drop',
  status: 'acknowledged',
  summary: 'Trust 3, down from an average of 7',
  raisedAt: '2026-05-20T18:00:00.000Z',
  acknowledgedAt: '2026-05-21T08:30:00.000Z',
  acknowledgedBy: { id: 'user-other', name: 'Dana Whitfield' },
  note: 'Called Alex; a hard week at work.',
});

function alertList(): HTMLElement {
  return screen.getByRole('list', { name: 'Needs attention' });
}

describe('Alert panel', () => {
  it('lists open alerts most urgent first, with whose, what and when in the practice time zone', async () => {
    caseApi({ routes: { [`GET ${ALERTS_PATH}`]: { body: [overdue, gap, safety] } } });
    renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    const list = await screen.findByRole('list', { name: 'Needs attention' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByText(/Safety report|Homework overdue|No recent check-in/).textContent)).toEqual([
      'Safety report',
      'Homework overdue',
      'No recent check-in',
    ]);
    expect(within(items[0] as HTMLElement).getByText('Jordan Lee')).toBeInTheDocument();
    expect(within(items[0] as HTMLElement).getByText('Urgent safety report sent 3 Jun, 21:40')).toBeInTheDocument();
    expect(within(items[0] as HTMLElement).getByText(formatDateTime(safety.raisedAt, practice.timeZone))).toBeInTheDocument();
    expect(formatDateTime(safety.raisedAt, practice.timeZone)).not.toBe(formatDateTime(safety.raisedAt, 'UTC'));
    expect(within(items[2] as HTMLElement).getByRole('button', { name: 'Acknowledge no recent check-in' })).toBeInTheDocument();
    // A safety report can only be acknowledged where it is read.
    expect(within(items[0] as HTMLElement).getByRole('button', { name: 'Read the safety report for Jordan Lee' })).toHaveTextContent('Read the safety report');
    expect(within(items[0] as HTMLElement).queryByRole('button', { name: /^Acknowledge/ })).not.toBeInTheDocument();
  });

  it('acknowledges an alert with a note, then refreshes the case and its alerts', async () => {
    let open = [overdue, gap];
    const api = caseApi({
      routes: {
        [`GET ${ALERTS_PATH}`]: () => ({ body: open }),
        'POST /api/alerts/alert-overdue/acknowledge': (call) => {
          open = [gap];
          return { body: { ...overdue, status: 'acknowledged', note: (call.body as { note?: string }).note ?? null } };
        },
      },
    });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await screen.findByRole('list', { name: 'Needs attention' });
    await user.click(screen.getByRole('button', { name: 'Acknowledge homework overdue for Alex Morgan' }));
    const dialog = screen.getByRole('dialog', { name: 'Acknowledge alert' });
    const note = within(dialog).getByRole('textbox', { name: 'Note' });
    expect(note).toHaveFocus();
    await user.type(note, '  Talked it through with Alex.  ');
    expect(within(dialog).getByText('32 / 1000')).toBeInTheDocument();
    const caseReads = api.callsTo('GET', `/api/cases/${CASE_ID}`).length;
    // A double-click sends it once.
    await user.dblClick(within(dialog).getByRole('button', { name: 'Acknowledge' }));

    expect(await screen.findByText('Alert acknowledged')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/alerts/alert-overdue/acknowledge').map((call) => call.body)).toEqual([
      { note: 'Talked it through with Alex.' },
    ]);
    await waitFor(() => expect(within(alertList()).getAllByRole('listitem')).toHaveLength(1));
    expect(screen.queryByRole('dialog', { name: 'Acknowledge alert' })).not.toBeInTheDocument();
    // The case's count of open alerts changed too.
    expect(api.callsTo('GET', `/api/cases/${CASE_ID}`).length).toBeGreaterThan(caseReads);
  });

  it('sends no note when none is written, and keeps the dialog open with the reason if refused', async () => {
    const api = caseApi({
      routes: {
        [`GET ${ALERTS_PATH}`]: { body: [overdue] },
        'POST /api/alerts/alert-overdue/acknowledge': {
          status: 409,
          body: { statusCode: 409, error: 'Conflict', message: 'This alert was already acknowledged.' },
        },
      },
    });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Acknowledge homework overdue for Alex Morgan' }));
    const dialog = screen.getByRole('dialog', { name: 'Acknowledge alert' });
    await user.click(within(dialog).getByRole('button', { name: 'Acknowledge' }));

    expect(await within(dialog).findByText('This alert was already acknowledged.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/alerts/alert-overdue/acknowledge').map((call) => call.body)).toEqual([{}]);
  });

  it('is calm when nothing needs attention, and shows handled alerts on request', async () => {
    const api = caseApi({
      routes: {
        [`GET ${ALERTS_PATH}`]: (call) => ({ body: call.query.get('status') === 'all' ? [handled, overdue] : [] }),
        [`GET /api/cases/${CASE_ID}/safety-reports`]: { body: [] },
      },
    });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    expect(await screen.findByText('Nothing needs attention')).toBeInTheDocument();
    expect(api.queriesTo('GET', ALERTS_PATH).map((query) => query.get('status'))).toEqual(['open']);
    await user.click(screen.getByRole('switch', { name: 'Show handled alerts and safety reports' }));

    const list = await screen.findByRole('list', { name: 'Handled alerts' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(within(items[0] as HTMLElement).getByText('Sharp drop in a check-in')).toBeInTheDocument();
    expect(items[0]).toHaveTextContent(`Acknowledged by Dana Whitfield ${formatDateTime('2026-05-21T08:30:00.000Z', practice.timeZone)}`);
    expect(within(items[0] as HTMLElement).getByText('Note: Called Alex; a hard week at work.')).toBeInTheDocument();
    expect(await screen.findByText('No safety reports on this case.')).toBeInTheDocument();
  });

  it('is not shown to an assistant, and their alerts are never requested', async () => {
    const api = caseApi();
    renderApp({ route: `/cases/${CASE_ID}`, signedInAs: assistant });

    expect(await screen.findByRole('heading', { level: 1, name: 'Alex Morgan & Jordan Lee' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Needs attention' })).not.toBeInTheDocument();
    expect(api.callsTo('GET', ALERTS_PATH)).toHaveLength(0);
  });
});
