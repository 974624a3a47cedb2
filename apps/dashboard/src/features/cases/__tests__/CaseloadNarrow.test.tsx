import { screen, waitFor, within } from '@testing-library/react';
import { formatShortDateTime } from '../../../lib/practice-time';
import { caseSummary } from '../../../test/case-fixtures';
import { assistant, clinician, practice } from '../../../test/fixtures';
import { mockApi, page } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { countHiddenFilters, filtersLabel } from '../components/CaseloadFilters';

/** Below Mantine's `md` (992 px): an upright tablet or a phone. */
const BELOW_MD = '(max-width: 61.99375em)';

const jordanAndAlex = caseSummary('case-1', ['Jordan Lee', 'Alex Lee'], {
  phase: 3,
  nextSession: { id: 'session-2', startsAt: '2026-07-14T14:00:00.000Z' },
});
const samAndRobin = caseSummary('case-2', ['Sam Ortiz', 'Robin Ortiz'], {
  status: 'intake',
  openAlertCount: 3,
  alertKinds: ['homework-overdue', 'safety-report'],
});

describe('Caseload on a tablet or phone', () => {
  const desktopMatchMedia = window.matchMedia;
  beforeEach(() => {
    window.matchMedia = (query: string) => ({ ...desktopMatchMedia(query), matches: query === BELOW_MD });
  });
  afterEach(() => {
    window.matchMedia = desktopMatchMedia;
  });

  function cardFor(name: string): HTMLElement {
    return screen.getByRole('link', { name: new RegExp(name) });
  }

  it('shows each case as a card linking to it, with phase, status, next session and open alerts, and no table', async () => {
    mockApi({ 'GET /api/cases': page([jordanAndAlex, samAndRobin]) });
    renderApp({ route: '/cases', signedInAs: clinician });

    await screen.findByRole('link', { name: /Jordan Lee/ });
    const list = screen.getByRole('list', { name: 'Cases' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    const first = cardFor('Jordan Lee & Alex Lee');
    expect(first).toHaveAttribute('href', '/cases/case-1');
    expect(within(first).getByText('Telling and hearing the hurt')).toBeInTheDocument();
    expect(within(first).getByText('Active')).toBeInTheDocument();
    expect(within(first).getByText(formatShortDateTime('2026-07-14T14:00:00.000Z', practice.timeZone))).toBeInTheDocument();
    expect(within(first).getByText('No open alerts')).toBeInTheDocument();

    const second = cardFor('Sam Ortiz & Robin Ortiz');
    expect(second).toHaveAttribute('href', '/cases/case-2');
    expect(within(second).getByRole('img', { name: '3 alerts: safety report, homework overdue' })).toBeInTheDocument();
    expect(within(second).getByText('None booked')).toBeInTheDocument();
    expect(within(second).getByText('Intake')).toBeInTheDocument();
  });

  it('keeps the filters behind a button that counts those on, with search and "Needs attention" in view', async () => {
    const api = mockApi({ 'GET /api/cases': page([jordanAndAlex]) });
    const { user } = renderApp({ route: '/cases?status=active&phase=3&q=Lee', signedInAs: clinician });

    await screen.findByRole('link', { name: /Jordan Lee/ });
    const toggle = screen.getByRole('button', { name: 'Filters (2)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('combobox', { name: 'Status' })).not.toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('Lee');
    expect(screen.getByRole('switch', { name: /needs attention/i })).toBeVisible();

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const panel = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(panel).not.toBeNull();
    // The panel opens with a transition: wait for it rather than read it mid-way.
    expect(await within(panel as HTMLElement).findByRole('combobox', { name: 'Status' })).toHaveValue('Active');

    await user.click(await screen.findByRole('combobox', { name: 'Relationship' }));
    await user.click(screen.getByRole('option', { name: 'Couple' }));
    expect(await screen.findByRole('button', { name: 'Filters (3)' })).toBeInTheDocument();
    await waitFor(() => expect(api.queriesTo('GET', '/api/cases').at(-1)?.get('relationshipType')).toBe('couple'));
  });

  it('turns "Needs attention" on without opening the filters, and does not count it there', async () => {
    const api = mockApi({ 'GET /api/cases': (call) => page(call.query.get('attention') === 'true' ? [samAndRobin] : [jordanAndAlex, samAndRobin]) });
    const { user } = renderApp({ route: '/cases', signedInAs: clinician });

    await screen.findByRole('link', { name: /Jordan Lee/ });
    expect(screen.getByRole('button', { name: 'Filters' })).toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: /needs attention/i }));

    await waitFor(() => expect(screen.queryByRole('link', { name: /Jordan Lee/ })).not.toBeInTheDocument());
    expect(api.queriesTo('GET', '/api/cases').at(-1)?.get('attention')).toBe('true');
    expect(screen.getByRole('button', { name: 'Filters' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByRole('button', { name: 'Clear filters' })).toBeInTheDocument();
  });

  it('tells an assistant alerts are not shown and leaves them off the cards', async () => {
    mockApi({ 'GET /api/cases': page([samAndRobin]) });
    renderApp({ route: '/cases', signedInAs: assistant });

    const card = await screen.findByRole('link', { name: /Sam Ortiz/ });
    expect(within(card).queryByRole('img')).not.toBeInTheDocument();
    expect(within(card).queryByText('No open alerts')).not.toBeInTheDocument();
    expect(screen.getByText('Alerts are part of the clinical record, so they are not shown to your role.')).toBeInTheDocument();
  });
});

describe('The Filters label', () => {
  it('counts the filters behind the button, not the search, the switch or the order', () => {
    expect(filtersLabel(countHiddenFilters({ search: 'Lee', attention: true, sort: 'name' }))).toBe('Filters');
    expect(filtersLabel(countHiddenFilters({ status: 'active', phase: 3 }))).toBe('Filters (2)');
    expect(filtersLabel(countHiddenFilters({ status: 'active', phase: 1, relationshipType: 'couple', clinicianId: 'c-1' }))).toBe('Filters (4)');
  });
});
