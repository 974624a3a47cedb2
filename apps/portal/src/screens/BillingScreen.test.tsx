import type { InvoiceSummary, PortalBilling } from '@trustwork/contracts';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { App } from '../App';
import { TOKEN, json, offline, openPortalAt, stubApi } from '../test/portal';

function invoice(id: string, overrides: Partial<InvoiceSummary> = {}): InvoiceSummary {
  return {
    id,
    caseId: 'case-1',
    kind: 'invoice',
    status: 'issued',
    number: 'INV-0001',
    payer: { id: 'payer-alex', name: 'Alex Rivera' },
    issuedOn: '2026-03-02',
    dueOn: '2026-04-01',
    currency: 'USD',
    total: 15000,
    credited: 0,
    paid: 15000,
    outstanding: 0,
    corrects: null,
    emailedAt: null,
    ...overrides,
  };
}

const bills: PortalBilling = {
  currency: 'USD',
  balance: { outstanding: 9000, unallocated: 0 },
  invoices: [invoice('inv-1'), invoice('inv-2', { number: 'INV-0004', issuedOn: '2026-04-06', total: 12000, paid: 3000, outstanding: 9000 })],
};
const noBills: PortalBilling = { currency: 'USD', balance: null, invoices: [] };

const PDF = () => new Response('%PDF-1.7 bill', { headers: { 'Content-Type': 'application/pdf' } });

/** The names of the files handed to the browser to save. */
function catchSavedFiles() {
  const saved: string[] = [];
  URL.createObjectURL = vi.fn(() => 'blob:portal/bill');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  return saved;
}

async function openBills() {
  window.history.replaceState(null, '', '/p/billing');
  render(<App initialToken={TOKEN} />);
  return screen.findByRole('heading', { level: 1, name: 'Your bills' });
}

afterEach(() => {
  vi.restoreAllMocks();
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
  window.history.replaceState(null, '', '/p/');
});

// Whole-app renders: jsdom's role queries are slow on a busy machine.
describe('your bills', { timeout: 20_000 }, () => {
  it('says what the person owes now and lists their invoices, paid or owed', async () => {
    stubApi({ 'GET billing': () => json(bills) });
    expect(await openBills()).toHaveFocus();

    const owed = await screen.findByRole('region', { name: 'What you owe now' });
    expect(owed).toHaveTextContent('$90.00');

    const items = within(screen.getByRole('region', { name: 'Your invoices' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Invoice INV-0001');
    expect(items[0]).toHaveTextContent('$150.00');
    expect(within(items[0]).getByText('Paid')).toBeInTheDocument();
    expect(within(items[1]).getByText('Owed $90.00')).toBeInTheDocument();
    expect(within(items[1]).getByRole('button', { name: 'Download invoice INV-0004 (PDF)' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'A superbill' })).toHaveTextContent('claim money back from your health insurance');
  });

  it('says so when nothing has been billed yet', async () => {
    stubApi({ 'GET billing': () => json(noBills) });
    await openBills();
    expect(await screen.findByText('No bills yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Download a statement' })).not.toBeInTheDocument();
  });

  it('downloads an invoice once on a double tap, with the link in the header', async () => {
    const saved = catchSavedFiles();
    const fetchSpy = stubApi({ 'GET billing': () => json(bills), 'GET billing/invoices/inv-2/pdf': PDF });
    await openBills();

    const download = await screen.findByRole('button', { name: 'Download invoice INV-0004 (PDF)' });
    fireEvent.click(download);
    fireEvent.click(download);
    expect(await screen.findByText('Your invoice INV-0004 was downloaded.')).toBeInTheDocument();

    const requests = fetchSpy.mock.calls.filter(([url]) => url === '/api/portal/billing/invoices/inv-2/pdf');
    expect(requests).toHaveLength(1);
    expect(new Headers(requests[0][1]?.headers).get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(saved).toEqual(['Invoice INV-0004.pdf']);
  });

  it('downloads a statement for this year by default, and for the dates chosen', async () => {
    const saved = catchSavedFiles();
    const year = new Date().getFullYear();
    const period = `from=${year - 1}-07-01&to=${year - 1}-12-31`;
    const fetchSpy = stubApi({ 'GET billing': () => json(bills), [`GET billing/statement.pdf?${period}`]: PDF });
    await openBills();

    const statement = await screen.findByRole('region', { name: 'A statement' });
    expect(within(statement).getByLabelText('From')).toHaveValue(`${year}-01-01`);
    fireEvent.change(within(statement).getByLabelText('From'), { target: { value: `${year - 1}-07-01` } });
    fireEvent.change(within(statement).getByLabelText('To'), { target: { value: `${year - 1}-12-31` } });
    fireEvent.click(within(statement).getByRole('button', { name: 'Download a statement' }));
    expect(await within(statement).findByText('Your statement was downloaded.')).toBeInTheDocument();

    const [url] = fetchSpy.mock.calls.map(([called]) => called).filter((called) => called.startsWith('/api/portal/billing/statement.pdf'));
    expect(url).toBe(`/api/portal/billing/statement.pdf?${period}`);
    expect(saved).toEqual([`Your statement ${year - 1}-07-01 to ${year - 1}-12-31.pdf`]);
  });

  it('asks for a last day after the first before downloading a superbill', async () => {
    const fetchSpy = stubApi({ 'GET billing': () => json(bills) });
    await openBills();

    const superbill = await screen.findByRole('region', { name: 'A superbill' });
    fireEvent.change(within(superbill).getByLabelText('From'), { target: { value: '2026-05-01' } });
    fireEvent.change(within(superbill).getByLabelText('To'), { target: { value: '2026-04-01' } });
    fireEvent.click(within(superbill).getByRole('button', { name: 'Download a superbill' }));
    expect(await within(superbill).findByText('Choose a last day on or after the first day.')).toBeInTheDocument();
    expect(within(superbill).getByLabelText('To')).toHaveFocus();
    expect(fetchSpy.mock.calls.some(([url]) => url.includes('superbill'))).toBe(false);
  });

  it('says why a download failed', async () => {
    catchSavedFiles();
    stubApi({ 'GET billing': () => json(bills), 'GET billing/invoices/inv-1/pdf': offline });
    await openBills();
    fireEvent.click(await screen.findByRole('button', { name: 'Download invoice INV-0001 (PDF)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/couldn't reach Trustwork.*Your invoice INV-0001 was not downloaded\./);
  });

  it('shows a card on home with what is owed, only when there are bills', async () => {
    stubApi({ 'GET billing': () => json(bills) });
    await openPortalAt();
    const card = await screen.findByRole('region', { name: 'Your bills' });
    expect(card).toHaveTextContent('You owe $90.00.');
    fireEvent.click(within(card).getByRole('button', { name: 'See your bills' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your bills' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/p/billing');
  });

  it('shows no card on home before anything is billed', async () => {
    const fetchSpy = stubApi({ 'GET billing': () => json(noBills) });
    await openPortalAt();
    await vi.waitFor(() => expect(fetchSpy.mock.calls.some(([url]) => url === '/api/portal/billing')).toBe(true));
    expect(screen.queryByRole('region', { name: 'Your bills' })).not.toBeInTheDocument();
  });
});
