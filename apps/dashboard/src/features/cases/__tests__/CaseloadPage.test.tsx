import { screen, waitFor, within } from '@testing-library/react';
import { formatShortDateTime } from '../../../lib/practice-time';
import { caseSummary } from '../../../test/case-fixtures';
import { assistant, clinician, memberFrom, owner, practice } from '../../../test/fixtures';
import { mockApi, page, type MockResponse } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

/** Stubs the API with GET /api/cases answered from its query string, plus any other routes. */
function mockCaseload(respond: (query: URLSearchParams) => MockResponse, routes: Parameters<typeof mockApi>[0] = {}) {
  const api = mockApi({ 'GET /api/cases': (call) => respond(call.query), ...routes });
  return { ...api, caseloadQueries: () => api.queriesTo('GET', '/api/cases') };
}

const jordanAndAlex = caseSummary('case-1', ['Jordan Lee', 'Alex Lee'], {
  phase: 3,
  // 14:00 UTC is 15:00 in London in July: the practice's clock, not UTC, must show.
  nextSession: { id: 'session-2', startsAt: '2026-07-14T14:00:00.000Z' },
  lastSession: { id: 'session-1', startsAt: '2026-07-07T14:00:00.000Z' },
});
const samAndRobin = caseSummary('case-2', ['Sam Ortiz', 'Robin Ortiz'], {
  relationshipType: 'parent-child',
  status: 'intake',
  participants: [
    { id: 'p3', displayName: 'Sam Ortiz', breachRole: 'not-stated' },
    { id: 'p4', displayName: 'Robin Ortiz', breachRole: 'not-stated' },
  ],
  clinicians: [],
  openAlertCount: 3,
  // Listed out of order: the row ranks them, most urgent first.
  alertKinds: ['homework-overdue', 'safety-report'],
});
const team = { body: [memberFrom(owner), memberFrom(clinician)] };

function rowOf(name: RegExp): HTMLElement {
  const row = screen.getByRole('rowheader', { name }).closest('tr');
  if (!row) throw new Error(`No row for ${String(name)}`);
  return row;
}

describe('Caseload', () => {
  it('lists each case with both people, phase, status and sessions in the practice time zone', async () => {
    mockCaseload(() => page([jordanAndAlex, samAndRobin]));
    renderApp({ route: '/cases', signedInAs: clinician });

    await screen.findByRole('rowheader', { name: /Jordan Lee & Alex Lee/ });
    const row = rowOf(/Jordan Lee & Alex Lee/);
    expect(within(row).getByRole('link', { name: 'Jordan Lee & Alex Lee' })).toHaveAttribute('href', '/cases/case-1');
    expect(within(row).getByText('Jordan Lee broke trust')).toBeInTheDocument();
    expect(within(row).getByText('Couple')).toBeInTheDocument();
    expect(within(row).getByText('Telling and hearing the hurt')).toBeInTheDocument();
    expect(within(row).getByText('Active')).toBeInTheDocument();
    expect(within(row).getByText('Sam Rivera')).toBeInTheDocument();
    const nextSession = formatShortDateTime('2026-07-14T14:00:00.000Z', practice.timeZone);
    expect(nextSession).not.toBe(formatShortDateTime('2026-07-14T14:00:00.000Z', 'UTC'));
    expect(within(row).getByText(nextSession)).toBeInTheDocument();
    expect(within(row).getByText(formatShortDateTime('2026-07-07T14:00:00.000Z', practice.timeZone))).toBeInTheDocument();

    const other = rowOf(/Sam Ortiz & Robin Ortiz/);
    expect(within(other).getByText('Parent and child')).toBeInTheDocument();
    expect(within(other).getByText('Unassigned')).toBeInTheDocument();
    expect(within(other).getByRole('img', { name: '3 alerts: safety report, homework overdue' })).toBeInTheDocument();
    expect(within(row).getByText('None')).toBeInTheDocument();
    expect(within(other).getByText('None booked')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Showing all 2 cases.');
  });

  it('opens a case when its row is clicked', async () => {
    mockCaseload(() => page([jordanAndAlex]));
    const { user } = renderApp({ route: '/cases', signedInAs: clinician });

    await screen.findByRole('rowheader', { name: /Jordan Lee/ });
    await user.click(within(rowOf(/Jordan Lee/)).getByText('Couple'));

    await waitFor(() => expect(screen.queryByRole('heading', { level: 1, name: 'Caseload' })).not.toBeInTheDocument());
  });

  it('searches by name once typing pauses', async () => {
    const api = mockCaseload((query) => page(query.get('search') === 'Jor' ? [jordanAndAlex] : [jordanAndAlex, samAndRobin]));
    const { user } = renderApp({ route: '/cases', signedInAs: clinician });

    await screen.findByRole('rowheader', { name: /Sam Ortiz/ });
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'Jor');

    await waitFor(() => expect(screen.queryByRole('rowheader', { name: /Sam Ortiz/ })).not.toBeInTheDocument());
    // One request for the whole word, not one per keystroke.
    expect(api.caseloadQueries().map((query) => query.get('search'))).toEqual([null, 'Jor']);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 1 matching case.');
  });

  it('loads more cases from the cursor, and starts again from the first page when a filter changes', async () => {
    const api = mockCaseload((query) => {
      if (query.get('cursor') === 'cursor-2') return page([samAndRobin]);
      return page([jordanAndAlex], query.get('status') ? null : 'cursor-2');
    });
    const { user } = renderApp({ route: '/cases', signedInAs: clinician });

    await screen.findByRole('rowheader', { name: /Jordan Lee/ });
    expect(screen.getByRole('status')).toHaveTextContent('Showing the first 1 case.');
    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('rowheader', { name: /Sam Ortiz/ })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: /Jordan Lee/ })).toBeInTheDocument();
    expect(api.caseloadQueries()[1]?.get('cursor')).toBe('cursor-2');
    expect(screen.getByRole('status')).toHaveTextContent('Showing all 2 cases.');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(screen.getByRole('option', { name: 'Active' }));

    await waitFor(() => expect(screen.queryByRole('rowheader', { name: /Sam Ortiz/ })).not.toBeInTheDocument());
    const last = api.caseloadQueries().at(-1);
    expect(last?.get('status')).toBe('active');
    expect(last?.has('cursor')).toBe(false);
  });

  it('takes its filters from the address, so a filtered view can be shared', async () => {
    const api = mockCaseload(() => page([jordanAndAlex]));
    renderApp({ route: '/cases?status=paused&phase=3&relationship=couple&sort=name&q=Lee', signedInAs: clinician });

    await screen.findByRole('rowheader', { name: /Jordan Lee/ });
    expect(Object.fromEntries(api.caseloadQueries()[0] ?? [])).toEqual({
      status: 'paused',
      phase: '3',
      relationshipType: 'couple',
      sort: 'name',
      search: 'Lee',
    });
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('Paused');
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('Lee');
  });

  it('explains what a case is when there are none yet, and offers to start one', async () => {
    mockCaseload(() => page([]));
    renderApp({ route: '/cases', signedInAs: clinician });

    expect(await screen.findByRole('heading', { level: 2, name: 'No cases yet' })).toBeInTheDocument();
    expect(screen.getByText(/A case brings together the two people rebuilding trust/)).toBeInTheDocument();
    for (const link of screen.getAllByRole('link', { name: 'New case' })) expect(link).toHaveAttribute('href', '/cases/new');
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
  });

  it('offers to clear the filters when nothing matches them', async () => {
    const api = mockCaseload((query) => page(query.get('status') === 'closed' ? [] : [jordanAndAlex]));
    const { user } = renderApp({ route: '/cases?status=closed', signedInAs: clinician });

    expect(await screen.findByRole('heading', { level: 2, name: 'No cases match' })).toBeInTheDocument();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0] as HTMLElement);

    expect(await screen.findByRole('rowheader', { name: /Jordan Lee/ })).toBeInTheDocument();
    expect(api.caseloadQueries().at(-1)?.has('status')).toBe(false);
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('');
  });

  it('says when the caseload could not be loaded, and tries again', async () => {
    let attempts = 0;
    mockCaseload(() => {
      attempts += 1;
      return attempts === 1
        ? { status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'Trustwork is busy. Try again shortly.' } }
        : page([jordanAndAlex]);
    });
    const { user } = renderApp({ route: '/cases', signedInAs: clinician });

    expect(await screen.findByText("We couldn't load the caseload")).toBeInTheDocument();
    expect(screen.getByText('Trustwork is busy. Try again shortly.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('rowheader', { name: /Jordan Lee/ })).toBeInTheDocument();
  });

  it('narrows the caseload to cases that need attention, kept in the address', async () => {
    const api = mockCaseload((query) => page(query.get('attention') === 'true' ? [samAndRobin] : [jordanAndAlex, samAndRobin]));
    const { user } = renderApp({ route: '/cases?status=active', signedInAs: clinician });

    await screen.findByRole('rowheader', { name: /Jordan Lee/ });
    expect(api.caseloadQueries()[0]?.has('attention')).toBe(false);
    await user.click(screen.getByRole('switch', { name: /needs attention/i }));

    await waitFor(() => expect(screen.queryByRole('rowheader', { name: /Jordan Lee/ })).not.toBeInTheDocument());
    expect(Object.fromEntries(api.caseloadQueries().at(-1) ?? [])).toEqual({ status: 'active', attention: 'true', sort: 'attention' });
    expect(screen.getByRole('switch', { name: /needs attention/i })).toBeChecked();

    await user.click(screen.getByRole('switch', { name: /needs attention/i }));
    // Back to the list as it was (from the cache), with the switch off again.
    expect(await screen.findByRole('rowheader', { name: /Jordan Lee/ })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: /needs attention/i })).not.toBeChecked();
  });

  it('says calmly when no case needs attention, with a way back to all of them', async () => {
    const api = mockCaseload((query) => page(query.get('attention') === 'true' ? [] : [jordanAndAlex]));
    const { user } = renderApp({ route: '/cases?attention=true', signedInAs: clinician });

    expect(await screen.findByRole('heading', { level: 2, name: 'No case needs attention right now' })).toBeInTheDocument();
    expect(api.caseloadQueries()[0]?.get('attention')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Show all cases' }));

    expect(await screen.findByRole('rowheader', { name: /Jordan Lee/ })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: /needs attention/i })).not.toBeChecked();
  });

  it('puts the cases that need attention first by default for clinical roles, and keeps other orders on offer', async () => {
    const api = mockCaseload(() => page([samAndRobin, jordanAndAlex]));
    const { user } = renderApp({ route: '/cases', signedInAs: clinician });

    await screen.findByRole('rowheader', { name: /Sam Ortiz/ });
    expect(api.caseloadQueries()[0]?.get('sort')).toBe('attention');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('Needs attention first');

    await user.click(screen.getByRole('combobox', { name: 'Sort by' }));
    await user.click(screen.getByRole('option', { name: 'Recently updated' }));
    await waitFor(() => expect(api.caseloadQueries().at(-1)?.get('sort')).toBe('updated'));
  });

  it('keeps an assistant’s order as recently updated, offers no attention order, and says alerts are not shown to them', async () => {
    const api = mockCaseload(() => page([jordanAndAlex]));
    const { user } = renderApp({ route: '/cases?sort=attention', signedInAs: assistant });

    await screen.findByRole('rowheader', { name: /Jordan Lee/ });
    expect(api.caseloadQueries().map((query) => query.get('sort'))).toEqual(['updated']);
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('Recently updated');
    await user.click(screen.getByRole('combobox', { name: 'Sort by' }));
    expect(screen.queryByRole('option', { name: 'Needs attention first' })).not.toBeInTheDocument();

    // No "—" that reads as "no alerts": the column is not theirs, and the page says so.
    expect(screen.queryByRole('columnheader', { name: 'Alerts' })).not.toBeInTheDocument();
    expect(within(rowOf(/Jordan Lee/)).queryByText('None')).not.toBeInTheDocument();
    expect(screen.getByText('Alerts are part of the clinical record, so they are not shown to your role.')).toBeInTheDocument();
  });

  it('shows clinical roles the alerts column and no note about it', async () => {
    mockCaseload(() => page([jordanAndAlex]));
    renderApp({ route: '/cases', signedInAs: clinician });

    await screen.findByRole('rowheader', { name: /Jordan Lee/ });
    expect(screen.getByRole('columnheader', { name: 'Alerts' })).toBeInTheDocument();
    expect(screen.queryByText(/not shown to your role/)).not.toBeInTheDocument();
  });

  it('lets an owner narrow the caseload to one clinician', async () => {
    const api = mockCaseload(() => page([jordanAndAlex]), { 'GET /api/users': team });
    const { user } = renderApp({ route: '/cases', signedInAs: owner });

    await screen.findByRole('rowheader', { name: /Jordan Lee/ });
    await user.click(await screen.findByRole('combobox', { name: 'Clinician' }));
    await user.click(screen.getByRole('option', { name: clinician.name }));

    await waitFor(() => expect(api.caseloadQueries().at(-1)?.get('clinicianId')).toBe(clinician.id));
    expect(screen.getByRole('link', { name: 'New case' })).toHaveAttribute('href', '/cases/new');
  });

  it('shows a clinician neither the clinician filter nor anyone else’s cases to pick', async () => {
    const api = mockCaseload(() => page([jordanAndAlex]), { 'GET /api/users': team });
    renderApp({ route: '/cases', signedInAs: clinician });

    await screen.findByRole('rowheader', { name: /Jordan Lee/ });
    expect(screen.queryByRole('combobox', { name: 'Clinician' })).not.toBeInTheDocument();
    expect(api.callsTo('GET', '/api/users')).toHaveLength(0);
  });

  it('does not offer an assistant to start a case, and still works without the team list', async () => {
    mockCaseload(() => page([jordanAndAlex]), {
      'GET /api/users': { status: 403, body: { statusCode: 403, error: 'Forbidden', message: 'Not for your role.' } },
    });
    renderApp({ route: '/cases', signedInAs: assistant });

    await screen.findByRole('rowheader', { name: /Jordan Lee/ });
    expect(screen.queryByRole('link', { name: 'New case' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Clinician' })).not.toBeInTheDocument();
    // Alerts are clinical: an assistant's caseload never has any to filter by.
    expect(screen.queryByRole('switch', { name: /needs attention/i })).not.toBeInTheDocument();
  });
});
