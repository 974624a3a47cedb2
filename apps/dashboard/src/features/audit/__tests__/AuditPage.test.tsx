import { screen, waitFor, within } from '@testing-library/react';
import { type AuditEvent } from '@trustwork/contracts';
import { formatDateTime } from '../../../lib/practice-time';
import { clinician, memberFrom, owner, practice } from '../../../test/fixtures';
import { mockApi, page } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const CASE_ID = '6f1c2b9e-4d1a-4f7e-9a51-3c2d8e7b1a20';
const OTHER_CASE_ID = '0b6c8a0e-2f4d-4c1b-8e7a-5d9f3a2b1c40';
const rivera = { id: CASE_ID, participantNames: ['Alex Rivera', 'Sam Rivera'] };
const okafor = { id: OTHER_CASE_ID, participantNames: ['Dana Okafor', 'Robin Okafor'] };
const team = [memberFrom(owner), memberFrom(clinician)];

function auditEvent(id: string, overrides: Partial<AuditEvent> = {}): AuditEvent {
  return {
    id,
    occurredAt: '2026-06-16T13:05:00.000Z',
    actorType: 'user',
    actorId: clinician.id,
    actorName: clinician.name,
    action: 'case.read',
    recordType: 'case',
    recordId: CASE_ID,
    recordIds: null,
    caseId: CASE_ID,
    cases: [rivera],
    ipAddress: '203.0.113.7',
    requestId: null,
    ...overrides,
  };
}

const openedCase = auditEvent('e-1');
const signedNote = auditEvent('e-2', { action: 'note.sign', recordType: 'note', recordId: 's-1', occurredAt: '2026-06-16T12:00:00.000Z' });
const fromPortal = auditEvent('e-3', { actorType: 'participant', actorId: 'p-1', actorName: null, action: 'session.list', ipAddress: null });
const bySystem = auditEvent('e-4', { actorType: 'system', actorId: null, actorName: null, action: 'reminder.send', caseId: null, cases: [] });
const agendaVisit = auditEvent('e-5', {
  action: 'session.list',
  recordType: 'session',
  recordId: null,
  recordIds: ['s-1', 's-2', 's-3'],
  caseId: null,
  cases: [rivera, okafor],
});

/** The query of the latest request for audit events. */
function lastAuditQuery(api: ReturnType<typeof mockApi>): Record<string, string> {
  return Object.fromEntries(api.queriesTo('GET', '/api/audit-events').at(-1) ?? []);
}

function rowOf(text: string): HTMLElement {
  const row = screen.getByText(text).closest('tr');
  if (!row) throw new Error(`No row with ${text}`);
  return row;
}

describe('Audit page', () => {
  beforeEach(() => {
    // Wednesday 17 June 2026 in London, so the date picker opens on June.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-17T08:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('says in words who did what, when and from where', async () => {
    mockApi({ 'GET /api/audit-events': page([openedCase, signedNote, fromPortal, bySystem]), 'GET /api/users': { body: team } });
    renderApp({ route: '/audit', signedInAs: owner });

    const table = await screen.findByRole('table', { name: 'Audit events' });
    expect(within(table).getAllByRole('row')).toHaveLength(5);

    const opened = rowOf('Opened case');
    expect(opened).toHaveTextContent(formatDateTime(openedCase.occurredAt, practice.timeZone));
    expect(within(opened).getByText(clinician.name)).toBeInTheDocument();
    expect(within(opened).getByText('Case')).toBeInTheDocument();
    expect(within(opened).getByText('203.0.113.7')).toBeInTheDocument();
    expect(within(opened).getByRole('link', { name: 'Alex Rivera & Sam Rivera' })).toHaveAttribute('href', `/cases/${CASE_ID}`);

    expect(within(rowOf('Signed note')).getByText('Note')).toBeInTheDocument();
    expect(within(rowOf('Viewed sessions')).getByText('Client portal')).toBeInTheDocument();
    // An action this dashboard has no words for yet still shows, as the API names it.
    const system = rowOf('reminder.send');
    expect(within(system).getByText('System')).toBeInTheDocument();
    expect(within(system).queryByRole('link')).not.toBeInTheDocument();

    expect(screen.getByRole('status')).toHaveTextContent('Showing all 4 events.');
  });

  it('filters by person, kind of record and practice-local dates', async () => {
    const api = mockApi({ 'GET /api/audit-events': page([openedCase]), 'GET /api/users': { body: team } });
    const { user } = renderApp({ route: '/audit', signedInAs: owner });
    await screen.findByRole('table', { name: 'Audit events' });
    expect(lastAuditQuery(api)).toEqual({});

    await user.click(screen.getByRole('combobox', { name: 'Person' }));
    await user.click(await screen.findByRole('option', { name: clinician.name }));
    await waitFor(() => expect(lastAuditQuery(api)).toEqual({ actorId: clinician.id }));

    await user.click(screen.getByRole('combobox', { name: 'Record' }));
    await user.click(await screen.findByRole('option', { name: 'Note' }));
    await waitFor(() => expect(lastAuditQuery(api)).toEqual({ actorId: clinician.id, recordType: 'note' }));

    await user.click(screen.getByRole('button', { name: 'Dates' }));
    await user.click(await screen.findByRole('button', { name: '3 June 2026' }));
    await user.click(screen.getByRole('button', { name: '5 June 2026' }));
    // From midnight on the 3rd to the end of the 5th in London (summer time, an hour ahead of UTC).
    await waitFor(() =>
      expect(lastAuditQuery(api)).toEqual({
        actorId: clinician.id,
        recordType: 'note',
        from: '2026-06-02T23:00:00.000Z',
        to: '2026-06-05T23:00:00.000Z',
      }),
    );

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByRole('combobox', { name: 'Person' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Record' })).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Dates' })).toHaveTextContent('Any date');
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('names each case by its people, and a list read by how many records it showed, without opening any case', async () => {
    const api = mockApi({ 'GET /api/audit-events': page([agendaVisit, openedCase]), 'GET /api/users': { body: team } });
    renderApp({ route: '/audit', signedInAs: owner });

    await screen.findByRole('table', { name: 'Audit events' });
    const visit = rowOf('Viewed sessions');
    expect(within(visit).getByText('3 sessions')).toBeInTheDocument();
    expect(within(visit).getByRole('link', { name: 'Alex Rivera & Sam Rivera' })).toHaveAttribute('href', `/cases/${CASE_ID}`);
    expect(within(visit).getByRole('link', { name: 'Dana Okafor & Robin Okafor' })).toHaveAttribute('href', `/cases/${OTHER_CASE_ID}`);
    // The one-case filter is offered only where the row is about one case.
    expect(within(visit).queryByRole('button', { name: 'Show only this case\'s activity' })).not.toBeInTheDocument();
    expect(within(rowOf('Opened case')).getByRole('button', { name: 'Show only this case\'s activity' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Open case' })).not.toBeInTheDocument();
    expect(api.calls.filter((call) => call.path.startsWith('/api/cases'))).toEqual([]);
  });

  it('leaves views out on request, and keeps that choice in the address', async () => {
    const api = mockApi({ 'GET /api/audit-events': page([openedCase]), 'GET /api/users': { body: team } });
    const { user } = renderApp({ route: '/audit', signedInAs: owner });
    await screen.findByRole('table', { name: 'Audit events' });

    const views = screen.getByRole('switch', { name: 'Include views' });
    expect(views).toBeChecked();
    await user.click(views);
    await waitFor(() => expect(lastAuditQuery(api)).toEqual({ changesOnly: 'true' }));
    expect(views).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeInTheDocument();

    await user.click(views);
    expect(views).toBeChecked();
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument();
  });

  it('reads "changes only" from the address', async () => {
    const api = mockApi({ 'GET /api/audit-events': page([signedNote]), 'GET /api/users': { body: team } });
    renderApp({ route: '/audit?changes=only', signedInAs: owner });

    await screen.findByRole('table', { name: 'Audit events' });
    expect(lastAuditQuery(api)).toEqual({ changesOnly: 'true' });
    expect(screen.getByRole('switch', { name: 'Include views' })).not.toBeChecked();
  });

  it("reads its filters from the address, so a case can link to its own activity", async () => {
    const api = mockApi({ 'GET /api/audit-events': page([openedCase]), 'GET /api/users': { body: team } });
    const { user } = renderApp({ route: `/audit?caseId=${CASE_ID}&record=case`, signedInAs: owner });

    await screen.findByRole('table', { name: 'Audit events' });
    expect(lastAuditQuery(api)).toEqual({ caseId: CASE_ID, recordType: 'case' });
    expect(screen.getByText('Showing the activity on one case.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Record' })).toHaveValue('Case');

    await user.click(screen.getByRole('button', { name: 'Show every case' }));
    await waitFor(() => expect(lastAuditQuery(api)).toEqual({ recordType: 'case' }));
  });

  it('loads older events with the cursor of the last page', async () => {
    const api = mockApi({
      'GET /api/audit-events': ({ query }) =>
        query.get('cursor') === 'page-2' ? page([bySystem]) : page([openedCase, signedNote], 'page-2'),
      'GET /api/users': { body: team },
    });
    const { user } = renderApp({ route: '/audit', signedInAs: owner });

    await screen.findByRole('table', { name: 'Audit events' });
    expect(screen.getByRole('status')).toHaveTextContent('Showing the latest 2 events.');

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByText('reminder.send')).toBeInTheDocument();
    expect(screen.getByText('Opened case')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/audit-events')).toHaveLength(2);
    expect(lastAuditQuery(api)).toEqual({ cursor: 'page-2' });
    expect(screen.getByRole('status')).toHaveTextContent('Showing all 3 events.');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('says when no activity matches, and clears the filters', async () => {
    mockApi({
      'GET /api/audit-events': ({ query }) => (query.has('recordType') ? page([]) : page([openedCase])),
      'GET /api/users': { body: team },
    });
    const { user } = renderApp({ route: '/audit?record=note', signedInAs: owner });

    expect(await screen.findByRole('heading', { name: 'No activity matches these filters' })).toBeInTheDocument();
    await user.click(within(screen.getByRole('main')).getAllByRole('button', { name: 'Clear filters' })[0]);

    expect(await screen.findByRole('table', { name: 'Audit events' })).toBeInTheDocument();
  });

  it('explains a failure and tries again', async () => {
    let attempts = 0;
    mockApi({
      'GET /api/audit-events': () =>
        ++attempts === 1 ? { status: 503, body: { statusCode: 503, error: 'Service Unavailable', message: 'Down for a moment.' } } : page([openedCase]),
      'GET /api/users': { body: team },
    });
    const { user } = renderApp({ route: '/audit', signedInAs: owner });

    expect(await screen.findByText("We couldn't load the audit log")).toBeInTheDocument();
    expect(screen.getByText('Down for a moment.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('table', { name: 'Audit events' })).toBeInTheDocument();
  });

  it('tells anyone but an owner that the log is for owners, without asking the API', async () => {
    const api = mockApi({});
    renderApp({ route: '/audit', signedInAs: clinician });

    expect(await screen.findByText('Only owners can read the audit log')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/audit-events')).toHaveLength(0);
  });
});
