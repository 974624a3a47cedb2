import { screen, waitFor, within } from '@testing-library/react';
import { formatCalendarDate } from '../../../lib/practice-time';
import { InvoicesSection } from '../components/InvoicesSection';
import {
  alex,
  billingApi,
  captureDownloads,
  choose,
  CASE_ID,
  CASE_PATH,
  charge,
  invoice,
  invoiceSummary,
  jordan,
  PDF_RESPONSE,
  renderSection,
} from './invoice-payment-fixtures';

const issued = invoiceSummary('inv-1');
const draft = invoiceSummary('inv-2', { status: 'draft', number: null, issuedOn: null, dueOn: null, paid: 0, outstanding: 0 });

describe("A case's invoices", { timeout: 20_000 }, () => {
  afterEach(() => vi.restoreAllMocks());

  it('says so when there are none yet', async () => {
    billingApi({});
    renderSection(<InvoicesSection caseId={CASE_ID} />);

    expect(await screen.findByRole('heading', { name: 'No invoices yet' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Invoices' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New invoice' })).toBeInTheDocument();
  });

  it('says what went wrong when the list does not load, and tries again', async () => {
    let answered = 0;
    billingApi({
      routes: {
        [`GET ${CASE_PATH}/invoices`]: () =>
          answered++ === 0 ? { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'The invoices are resting.' } } : { body: [issued] },
      },
    });
    const user = renderSection(<InvoicesSection caseId={CASE_ID} />);

    expect(await screen.findByText('The invoices are resting.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'INV-0001' })).toBeInTheDocument();
  });

  it('lists each invoice with its payer, dates, amounts and where it stands', async () => {
    billingApi({ invoices: [issued, draft] });
    renderSection(<InvoicesSection caseId={CASE_ID} />);

    const table = await screen.findByRole('table');
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Number',
      'Payer',
      'Issued on',
      'Due on',
      'Total',
      'Paid',
      'Owed',
      'Status',
    ]);
    const [, issuedRow, draftRow] = within(table).getAllByRole('row');
    expect(within(issuedRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Alex Morgan', formatCalendarDate('2026-06-01'), formatCalendarDate('2026-07-01'), '$150.00', '$50.00', '$100.00', 'Owed']);
    expect(within(draftRow).getByRole('button', { name: 'Draft' })).toBeInTheDocument();
    expect(within(draftRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['Alex Morgan', '—', '—', '$150.00', '$0.00', '$0.00', 'Draft']);
  });

  it('makes a draft from the charges left ticked, showing their total as they are ticked', async () => {
    const charges = [
      charge('charge-1', alex, { serviceDate: '2026-06-01' }),
      charge('charge-2', alex, { serviceDate: '2026-06-08', description: 'Missed session fee', kind: 'no-show', amount: 4000 }),
      charge('charge-3', alex, { serviceDate: '2026-06-15' }),
      charge('charge-jordan', jordan),
    ];
    const created = invoice(invoiceSummary('inv-new', { status: 'draft', number: null, issuedOn: null, dueOn: null, total: 15000, paid: 0, outstanding: 0 }));
    const api = billingApi({
      invoices: [issued],
      routes: {
        [`GET ${CASE_PATH}/charges`]: { body: charges },
        [`POST ${CASE_PATH}/invoices`]: { status: 201, body: created },
        'GET /api/invoices/inv-new': { body: created },
      },
    });
    const user = renderSection(<InvoicesSection caseId={CASE_ID} />);

    await user.click(await screen.findByRole('button', { name: 'New invoice' }));
    const dialog = await screen.findByRole('dialog', { name: 'New invoice' });
    await choose(user, within(dialog).getByRole('combobox', { name: 'Payer' }), 'Alex Morgan');

    const boxes = await within(dialog).findAllByRole('checkbox');
    expect(boxes).toHaveLength(3);
    boxes.forEach((box) => expect(box).toBeChecked());
    expect(within(dialog).getByText(/^Total:/)).toHaveTextContent('Total: $190.00');
    expect(api.queriesTo('GET', `${CASE_PATH}/charges`)[0]?.get('uninvoiced')).toBe('true');

    await user.click(within(dialog).getByRole('checkbox', { name: /Missed session fee/ }));
    expect(within(dialog).getByText(/^Total:/)).toHaveTextContent('Total: $150.00');

    await user.click(within(dialog).getByRole('button', { name: 'Create draft' }));
    await waitFor(() => expect(api.callsTo('POST', `${CASE_PATH}/invoices`)).toHaveLength(1));
    expect(api.callsTo('POST', `${CASE_PATH}/invoices`)[0].body).toEqual({ payerId: alex.id, chargeIds: ['charge-1', 'charge-3'] });
    // The new draft opens, ready to issue.
    expect(await screen.findByRole('button', { name: 'Issue' })).toBeInTheDocument();
  });

  it('says when a payer has nothing to invoice', async () => {
    billingApi({ routes: { [`GET ${CASE_PATH}/charges`]: { body: [charge('charge-1', alex)] } } });
    const user = renderSection(<InvoicesSection caseId={CASE_ID} />);

    await user.click(await screen.findByRole('button', { name: 'New invoice' }));
    const dialog = await screen.findByRole('dialog', { name: 'New invoice' });
    await choose(user, within(dialog).getByRole('combobox', { name: /^Payer/ }), 'Jordan Lee');

    expect(await within(dialog).findByText('Nothing to invoice for Jordan Lee yet.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('issues a draft once, however quickly the button is clicked twice', async () => {
    const issuedDraft = invoice({ ...draft, status: 'issued', number: 'INV-0002', issuedOn: '2026-06-20', dueOn: '2026-07-20' });
    const api = billingApi({
      invoices: [draft],
      routes: {
        'GET /api/invoices/inv-2': { body: invoice(draft) },
        'POST /api/invoices/inv-2/issue': { body: issuedDraft },
      },
    });
    const user = renderSection(<InvoicesSection caseId={CASE_ID} />);

    await user.click(await screen.findByRole('button', { name: 'Draft' }));
    await user.click(await screen.findByRole('button', { name: 'Issue' }));
    const confirm = await screen.findByRole('dialog', { name: 'Issue invoice' });
    expect(confirm).toHaveTextContent('is given its number now, and can no longer be changed');

    await user.dblClick(within(confirm).getByRole('button', { name: 'Issue invoice' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Issue invoice' })).not.toBeInTheDocument());
    expect(api.callsTo('POST', '/api/invoices/inv-2/issue')).toHaveLength(1);
    // The tab is read again, so the list shows the invoice as issued.
    await waitFor(() => expect(api.callsTo('GET', `${CASE_PATH}/invoices`).length).toBeGreaterThan(1));
  });

  it('downloads an issued invoice as a PDF, and says why it cannot be e-mailed to a payer without an address', async () => {
    const downloads = captureDownloads();
    const jordans = invoiceSummary('inv-3', { number: 'INV-0003', payer: { id: jordan.id, name: jordan.name } });
    const api = billingApi({
      invoices: [jordans],
      routes: { 'GET /api/invoices/inv-3': { body: invoice(jordans) }, 'GET /api/invoices/inv-3/pdf': PDF_RESPONSE },
    });
    const user = renderSection(<InvoicesSection caseId={CASE_ID} />);

    await user.click(await screen.findByRole('button', { name: 'INV-0003' }));
    const email = await screen.findByRole('button', { name: 'E-mail to payer' });
    expect(email).toBeDisabled();
    expect(email).toHaveAccessibleDescription('Jordan Lee has no e-mail address to send it to.');

    await user.dblClick(screen.getByRole('button', { name: 'Download PDF' }));
    await waitFor(() => expect(downloads).toEqual(['trustwork-inv-0003-jordan-lee-2026-06-01.pdf']));
    expect(api.callsTo('GET', '/api/invoices/inv-3/pdf')).toHaveLength(1);
  });

  it('issues a credit note for chosen amounts, refusing more than a line charged', async () => {
    const full = invoice(issued);
    const api = billingApi({
      invoices: [issued],
      routes: {
        'GET /api/invoices/inv-1': { body: full },
        'POST /api/invoices/inv-1/credit-notes': { status: 201, body: invoice(invoiceSummary('cn-1', { kind: 'credit-note', number: 'CN-0004', total: -2500 })) },
      },
    });
    const user = renderSection(<InvoicesSection caseId={CASE_ID} />);

    await user.click(await screen.findByRole('button', { name: 'INV-0001' }));
    await user.click(await screen.findByRole('button', { name: 'Credit note' }));
    const dialog = await screen.findByRole('dialog', { name: 'Credit note for INV-0001' });
    await user.click(within(dialog).getByRole('button', { name: 'Issue credit note' }));
    expect(within(dialog).getByRole('textbox', { name: /^Reason/ })).toHaveAccessibleDescription(/Say why the invoice is being corrected\./);

    await user.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Session of 11 May was cut short.');
    await user.click(within(dialog).getByRole('radio', { name: 'Chosen amounts per line' }));
    const [first, second] = within(dialog).getAllByRole('textbox', { name: /^Credit for Couples session/ });
    await user.type(first, '80');
    await user.click(within(dialog).getByRole('button', { name: 'Issue credit note' }));
    expect(first).toHaveAccessibleDescription(/Credit at most \$75\.00 on this line\./);
    expect(api.callsTo('POST', '/api/invoices/inv-1/credit-notes')).toHaveLength(0);

    await user.clear(first);
    await user.type(second, '25');
    await user.click(within(dialog).getByRole('button', { name: 'Issue credit note' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/invoices/inv-1/credit-notes')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/invoices/inv-1/credit-notes')[0].body).toEqual({
      reason: 'Session of 11 May was cut short.',
      lines: [{ chargeId: 'inv-1-line-2', amount: 2500 }],
    });
  });
});
