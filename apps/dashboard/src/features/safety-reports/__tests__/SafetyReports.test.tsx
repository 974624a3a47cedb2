import { screen, waitFor, within } from '@testing-library/react';
import { type SafetyReport } from '@trustwork/contracts';
import { formatDateTime } from '../../../lib/practice-time';
import { assistant, clinician, practice } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';
import { ALERTS_PATH, caseAlert } from '../../alerts/__tests__/alert-fixtures';
import { ALEX, CASE_ID, caseApi, JORDAN } from '../../case-record/__tests__/case-record-fixtures';

const REPORTS_PATH = `/api/cases/${CASE_ID}/safety-reports`;

function safetyReport(overrides: Partial<SafetyReport> & Pick<SafetyReport, 'id' | 'submittedAt'>): SafetyReport {
  return {
    participantId: JORDAN,
    message: 'I am scared.',
    urgency: 'concern',
    acknowledgedAt: null,
    acknowledgedBy: null,
    ...overrides,
  };
}

const urgentReport = safetyReport({
  id: 'report-urgent',
  urgency: 'urgent',
  message: 'He shouted at me again last night.\nI went to my sister’s.\n\nPlease call me before Thursday.',
  submittedAt: '2026-06-03T20:40:00.000Z',
});
const oldReport = safetyReport({
  id: 'report-old',
  participantId: ALEX,
  message: 'Things felt tense after the session.',
  submittedAt: '2026-05-10T19:00:00.000Z',
  acknowledgedAt: '2026-05-11T08:15:00.000Z',
  acknowledgedBy: { id: 'user-other', name: 'Dana Whitfield' },
});
const newerHandledReport = safetyReport({
  id: 'report-newer',
  message: 'We argued but I am safe.',
  submittedAt: '2026-06-05T10:00:00.000Z',
  acknowledgedAt: '2026-06-05T12:00:00.000Z',
  acknowledgedBy: { id: clinician.id, name: clinician.name },
});
const safetyAlert = caseAlert({
  id: 'alert-safety',
  kind: 'safety-report',
  participant: { id: JORDAN, displayName: 'Jordan Lee' },
  safetyReportId: urgentReport.id,
  summary: 'Urgent safety report sent 3 Jun, 21:40',
  raisedAt: urgentReport.submittedAt,
});

describe('Safety reports', () => {
  it('shows the whole report from its alert: who, when, how urgent, and their words with line breaks kept', async () => {
    caseApi({ routes: { [`GET ${ALERTS_PATH}`]: { body: [safetyAlert] }, [`GET ${REPORTS_PATH}`]: { body: [urgentReport, oldReport] } } });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Read the safety report for Jordan Lee' }));
    const dialog = screen.getByRole('dialog', { name: 'Safety report' });

    const message = await within(dialog).findByText(/He shouted at me again last night/);
    // The exact text, newlines and all, shown as written.
    expect(message.textContent).toBe(urgentReport.message);
    expect(message).toHaveStyle({ whiteSpace: 'pre-wrap' });
    expect(within(dialog).getByText('Jordan Lee')).toBeInTheDocument();
    expect(within(dialog).getByText('Urgent')).toBeInTheDocument();
    expect(within(dialog).getByText(/I need my therapist to contact me as soon as possible/)).toBeInTheDocument();
    expect(within(dialog).getByText(formatDateTime(urgentReport.submittedAt, practice.timeZone))).toBeInTheDocument();
  });

  it('acknowledges from the report through its alert, with the note, and closes', async () => {
    let alerts = [safetyAlert];
    let reports = [urgentReport];
    const api = caseApi({
      routes: {
        [`GET ${ALERTS_PATH}`]: () => ({ body: alerts }),
        [`GET ${REPORTS_PATH}`]: () => ({ body: reports }),
        'POST /api/alerts/alert-safety/acknowledge': (call) => {
          alerts = [];
          reports = [{ ...urgentReport, acknowledgedAt: '2026-06-04T08:00:00.000Z', acknowledgedBy: { id: clinician.id, name: clinician.name } }];
          return { body: { ...safetyAlert, status: 'acknowledged', note: (call.body as { note?: string }).note ?? null } };
        },
      },
    });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Read the safety report for Jordan Lee' }));
    const dialog = screen.getByRole('dialog', { name: 'Safety report' });
    await user.type(await within(dialog).findByRole('textbox', { name: 'Note' }), '  Phoned Jordan; safety plan agreed.  ');
    // A double-click sends it once.
    await user.dblClick(within(dialog).getByRole('button', { name: 'Acknowledge' }));

    expect(await screen.findByText('Safety report acknowledged')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/alerts/alert-safety/acknowledge').map((call) => call.body)).toEqual([
      { note: 'Phoned Jordan; safety plan agreed.' },
    ]);
    expect(api.callsTo('POST', `/api/safety-reports/${urgentReport.id}/acknowledge`)).toHaveLength(0);
    expect(await screen.findByText('Nothing needs attention')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Safety report' })).not.toBeInTheDocument());
  });

  it('lists every report newest first, open ones marked, each readable; handled ones say who acknowledged them', async () => {
    caseApi({
      routes: {
        [`GET ${ALERTS_PATH}`]: { body: [safetyAlert] },
        // The API's order: open first.
        [`GET ${REPORTS_PATH}`]: { body: [urgentReport, newerHandledReport, oldReport] },
      },
    });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await user.click(await screen.findByRole('switch', { name: 'Show handled alerts and safety reports' }));
    const list = await screen.findByRole('list', { name: 'Safety reports' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('button').getAttribute('aria-label'))).toEqual([
      `Read the safety report from Jordan Lee, sent ${formatDateTime(newerHandledReport.submittedAt, practice.timeZone)}`,
      `Read the safety report from Jordan Lee, sent ${formatDateTime(urgentReport.submittedAt, practice.timeZone)}`,
      `Read the safety report from Alex Morgan, sent ${formatDateTime(oldReport.submittedAt, practice.timeZone)}`,
    ]);
    expect(within(items[1] as HTMLElement).getByText('Not yet acknowledged')).toBeInTheDocument();
    expect(within(items[0] as HTMLElement).getByText('Acknowledged')).toBeInTheDocument();
    expect(within(items[2] as HTMLElement).getByText('Acknowledged')).toBeInTheDocument();

    await user.click(within(items[2] as HTMLElement).getByRole('button'));
    const dialog = screen.getByRole('dialog', { name: 'Safety report' });
    expect(await within(dialog).findByText('Things felt tense after the session.')).toBeInTheDocument();
    expect(dialog).toHaveTextContent(`Acknowledged by Dana Whitfield ${formatDateTime(oldReport.acknowledgedAt as string, practice.timeZone)}`);
    // Read-only once acknowledged.
    expect(within(dialog).queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
    expect(within(dialog).queryByRole('textbox', { name: 'Note' })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Safety report' })).not.toBeInTheDocument());
  });

  it('acknowledges an open report without an open alert directly, as there is no alert to keep a note on', async () => {
    const api = caseApi({
      routes: {
        [`GET ${REPORTS_PATH}`]: { body: [urgentReport] },
        [`POST /api/safety-reports/${urgentReport.id}/acknowledge`]: { body: { ...urgentReport, acknowledgedAt: '2026-06-04T08:00:00.000Z' } },
      },
    });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await user.click(await screen.findByRole('switch', { name: 'Show handled alerts and safety reports' }));
    const list = await screen.findByRole('list', { name: 'Safety reports' });
    await user.click(within(list).getByRole('button'));
    const dialog = screen.getByRole('dialog', { name: 'Safety report' });
    expect(await within(dialog).findByText(/He shouted at me again last night/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('textbox', { name: 'Note' })).not.toBeInTheDocument();
    await user.dblClick(within(dialog).getByRole('button', { name: 'Acknowledge' }));

    expect(await screen.findByText('Safety report acknowledged')).toBeInTheDocument();
    expect(api.callsTo('POST', `/api/safety-reports/${urgentReport.id}/acknowledge`)).toHaveLength(1);
  });

  it('says so when a report cannot be loaded, with a way to try again', async () => {
    caseApi({
      routes: {
        [`GET ${ALERTS_PATH}`]: { body: [safetyAlert] },
        [`GET ${REPORTS_PATH}`]: { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong.' } },
      },
    });
    const { user } = renderApp({ route: `/cases/${CASE_ID}`, signedInAs: clinician });

    await user.click(await screen.findByRole('button', { name: 'Read the safety report for Jordan Lee' }));
    const dialog = screen.getByRole('dialog', { name: 'Safety report' });
    expect(await within(dialog).findByText("We couldn't load the safety report")).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(within(dialog).queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
  });

  it('is never requested for an assistant', async () => {
    const api = caseApi({ routes: { [`GET ${REPORTS_PATH}`]: { body: [urgentReport] } } });
    renderApp({ route: `/cases/${CASE_ID}`, signedInAs: assistant });

    expect(await screen.findByRole('heading', { level: 1, name: 'Alex Morgan & Jordan Lee' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Safety reports' })).not.toBeInTheDocument();
    expect(api.callsTo('GET', REPORTS_PATH)).toHaveLength(0);
  });
});
