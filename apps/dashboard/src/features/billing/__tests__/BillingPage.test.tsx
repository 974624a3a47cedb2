import { screen, waitFor, within } from '@testing-library/react';
import { type AgingReport } from '@trustwork/contracts';
import { assistant, clinician, owner } from '../../../test/fixtures';
import { mockApi, page } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { alex, BILLING_SETTINGS, CASE_ID, invoiceSummary as invoice } from './invoice-payment-fixtures';

const zero = { current: 0, days31to60: 0, days61to90: 0, over90: 0, total: 0 };

const report: AgingReport = {
  asOf: '2026-06-17',
  currency: 'USD',
  totals: { current: 15000, days31to60: 7500, days61to90: 0, over90: 2000, total: 24500 },
  payers: [{ payer: alex, caseName: 'Alex Morgan & Jordan Lee', current: 15000, days31to60: 7500, days61to90: 0, over90: 2000, total: 24500 }],
};

const issued = invoice('inv-1');
const draft = invoice('inv-2', { status: 'draft', number: null, issuedOn: null, dueOn: null, paid: 0, outstanding: 0 });

function routes(overrides: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /api/billing/settings': { body: BILLING_SETTINGS },
    'GET /api/billing/aging': { body: report },
    'GET /api/billing/invoices': page([issued, draft]),
    ...overrides,
  });
}

describe('Billing page', { timeout: 20_000 }, () => {
  it('shows what is owed by age, who owes it, and links each payer to their case', async () => {
    routes();
    renderApp({ route: '/billing', signedInAs: owner });

    expect(await screen.findByRole('heading', { level: 1, name: 'Billing' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Billing settings' })).toHaveAttribute('href', '/billing/settings');

    const summary = await screen.findByRole('region', { name: 'What is owed, by age' });
    const terms = within(summary).getAllByRole('term').map((term) => term.textContent);
    expect(terms).toEqual(['0-30 days', '31-60 days', '61-90 days', 'Over 90 days', 'Outstanding']);
    expect(within(summary).getAllByRole('definition').map((amount) => amount.textContent)).toEqual(['$150.00', '$75.00', '$0.00', '$20.00', '$245.00']);

    const table = screen.getByRole('table', { name: 'Who owes what' });
    const [header, row] = within(table).getAllByRole('row');
    expect(within(header).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Payer',
      'Case',
      '0-30 days',
      '31-60 days',
      '61-90 days',
      'Over 90 days',
      'Total owed',
    ]);
    expect(row).toHaveTextContent('Alex Morgan');
    expect(row).toHaveTextContent('$245.00');
    expect(within(row).getByRole('link', { name: 'Alex Morgan & Jordan Lee' })).toHaveAttribute('href', `/cases/${CASE_ID}/billing`);
  });

  it('says so when nothing is outstanding', async () => {
    routes({ 'GET /api/billing/aging': { body: { ...report, totals: zero, payers: [] } } });
    renderApp({ route: '/billing', signedInAs: assistant });

    expect(await screen.findByRole('heading', { name: 'Nothing is outstanding.' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Who owes what' })).not.toBeInTheDocument();
  });

  it('lists invoices, filters drafts and issued ones, and loads more', async () => {
    const api = routes({
      'GET /api/billing/invoices': ({ query }) => {
        if (query.get('cursor') === 'next') return page([invoice('inv-3', { number: 'INV-0003' })]);
        if (query.get('status') === 'draft') return page([draft]);
        return page([issued, draft], 'next');
      },
    });
    const { user } = renderApp({ route: '/billing', signedInAs: owner });

    const table = await screen.findByRole('table', { name: 'Invoices' });
    expect(within(table).getByRole('link', { name: 'INV-0001 for Alex Morgan' })).toHaveAttribute('href', `/cases/${CASE_ID}/billing`);
    expect(within(table).getByRole('link', { name: 'Draft invoice for Alex Morgan' })).toBeInTheDocument();
    expect(screen.getByText('Showing the latest 2 invoices.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByRole('link', { name: 'INV-0003 for Alex Morgan' })).toBeInTheDocument();
    expect(screen.getByText('Showing all 3 invoices.')).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Drafts' }));
    await waitFor(() => expect(api.queriesTo('GET', '/api/billing/invoices').at(-1)?.get('status')).toBe('draft'));
    expect(await screen.findByText('Showing all 1 invoice.')).toBeInTheDocument();
  });

  it('says when there are no invoices yet', async () => {
    routes({ 'GET /api/billing/invoices': page([]) });
    renderApp({ route: '/billing', signedInAs: owner });
    expect(await screen.findByText('No invoices yet. Create one from a case’s Billing tab.')).toBeInTheDocument();
  });

  it('offers a retry when the report cannot be loaded', async () => {
    let attempts = 0;
    routes({
      'GET /api/billing/aging': () => {
        attempts += 1;
        return attempts === 1 ? { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'The database is busy.' } } : { body: report };
      },
    });
    const { user } = renderApp({ route: '/billing', signedInAs: owner });

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("We couldn't load what is owed");
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Who owes what' })).toBeInTheDocument();
  });

  it('downloads the CSV once on a double click', async () => {
    const downloads: string[] = [];
    // jsdom has neither object URLs nor downloads.
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:aging'), revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const api = routes({
      'GET /api/billing/aging.csv': { body: 'payer,total', headers: { 'Content-Disposition': 'attachment; filename="aging-2026-06-17.csv"' } },
    });
    const { user } = renderApp({ route: '/billing', signedInAs: owner });

    await user.dblClick(await screen.findByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(downloads).toEqual(['aging-2026-06-17.csv']));
    expect(api.callsTo('GET', '/api/billing/aging.csv')).toHaveLength(1);
  });

  it('is in the navigation for those who handle billing, and closed to others', async () => {
    routes();
    renderApp({ route: '/billing', signedInAs: clinician });

    expect(await screen.findByText('Billing is not part of your role')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Billing' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download CSV' })).not.toBeInTheDocument();
  });

  it('opens from the navigation', async () => {
    routes();
    const { user } = renderApp({ route: '/team', signedInAs: assistant });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: 'Billing' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Billing' })).toBeInTheDocument();
  });
});
