import { screen, waitFor, within } from '@testing-library/react';
import { formatCalendarDate, practiceToday } from '../../../lib/practice-time';
import { practice } from '../../../test/fixtures';
import { PaymentsSection } from '../components/PaymentsSection';
import { alex, billingApi, caseBilling, CASE_ID, CASE_PATH, choose, invoiceSummary, payment, renderSection } from './invoice-payment-fixtures';

const older = invoiceSummary('inv-1', { number: 'INV-0001', issuedOn: '2026-05-01', outstanding: 6000 });
const newer = invoiceSummary('inv-2', { number: 'INV-0002', issuedOn: '2026-06-01', outstanding: 10000 });

describe("A case's payments", { timeout: 20_000 }, () => {
  it('says so when there are none yet', async () => {
    billingApi({});
    renderSection(<PaymentsSection caseId={CASE_ID} />);

    expect(await screen.findByRole('heading', { name: 'No payments yet' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Payments' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Record payment' })).toBeInTheDocument();
  });

  it('lists each payment with its method, the invoices it paid and what was refunded', async () => {
    billingApi({ payments: [payment('pay-1', { method: 'bank-transfer', reference: 'TRF 1182', refunded: 1000 })] });
    renderSection(<PaymentsSection caseId={CASE_ID} />);

    const table = await screen.findByRole('table');
    const [, row] = within(table).getAllByRole('row');
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      formatCalendarDate('2026-06-10'),
      'Alex Morgan',
      'Bank transfer',
      '$50.00',
      'TRF 1182',
      'INV-0001: $50.00',
      '$10.00',
      expect.stringMatching(/^Refund/),
    ]);
  });

  it('checks the amount, then records it in cents, split over the oldest invoices first unless told otherwise', async () => {
    const api = billingApi({
      invoices: [newer, older],
      routes: { [`POST ${CASE_PATH}/payments`]: (call) => ({ status: 201, body: payment('pay-new', { amount: (call.body as { amount: number }).amount }) }) },
    });
    const user = renderSection(<PaymentsSection caseId={CASE_ID} />);

    await user.click(await screen.findByRole('button', { name: 'Record payment' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record payment' });
    await choose(user, within(dialog).getByRole('combobox', { name: /^Payer/ }), 'Alex Morgan');
    await choose(user, within(dialog).getByRole('combobox', { name: /^Method/ }), 'Cheque');

    const amount = within(dialog).getByRole('textbox', { name: /^Amount/ });
    await user.type(amount, '12.345');
    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    expect(amount).toHaveAccessibleDescription(/Enter the amount received\./);
    expect(api.callsTo('POST', `${CASE_PATH}/payments`)).toHaveLength(0);

    await user.clear(amount);
    await user.type(amount, '1,000.50');
    // Oldest first: 60.00 to INV-0001, the rest of the 100.00 owed on INV-0002, 840.50 on account.
    const applyTo = within(dialog).getByRole('table', { name: 'Apply to' });
    const applied = within(applyTo)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
    expect(applied).toEqual([
      [`INV-0001 (${formatCalendarDate('2026-05-01')})`, '$60.00', '$60.00'],
      [`INV-0002 (${formatCalendarDate('2026-06-01')})`, '$100.00', '$100.00'],
    ]);
    await user.type(within(dialog).getByRole('textbox', { name: 'Reference' }), '  Cheque 204 ');
    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));

    await waitFor(() => expect(api.callsTo('POST', `${CASE_PATH}/payments`)).toHaveLength(1));
    expect(api.callsTo('POST', `${CASE_PATH}/payments`)[0].body).toEqual({
      payerId: alex.id,
      method: 'cheque',
      amount: 100050,
      receivedOn: practiceToday(practice.timeZone),
      reference: 'Cheque 204',
    });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Record payment' })).not.toBeInTheDocument());
  });

  it('starts with the payer who owes something, paid by card', async () => {
    const owing = { ...caseBilling, balances: caseBilling.balances.map((balance) => (balance.payer.id === alex.id ? { ...balance, outstanding: 16000 } : balance)) };
    const api = billingApi({
      invoices: [newer, older],
      routes: { [`GET ${CASE_PATH}/billing`]: { body: owing }, [`POST ${CASE_PATH}/payments`]: { status: 201, body: payment('pay-new') } },
    });
    const user = renderSection(<PaymentsSection caseId={CASE_ID} />);

    await user.click(await screen.findByRole('button', { name: 'Record payment' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record payment' });
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: /^Payer/ })).toHaveValue('Alex Morgan'));
    expect(within(dialog).getByRole('combobox', { name: /^Method/ })).toHaveValue('Card (taken elsewhere)');
    await user.type(within(dialog).getByRole('textbox', { name: /^Amount/ }), '40');
    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));

    await waitFor(() => expect(api.callsTo('POST', `${CASE_PATH}/payments`)).toHaveLength(1));
    expect(api.callsTo('POST', `${CASE_PATH}/payments`)[0].body).toMatchObject({ payerId: alex.id, method: 'card', amount: 4000 });
  });

  it('sends the split the person chose, starting from the oldest-first one', async () => {
    const api = billingApi({
      invoices: [newer, older],
      routes: { [`POST ${CASE_PATH}/payments`]: { status: 201, body: payment('pay-new') } },
    });
    const user = renderSection(<PaymentsSection caseId={CASE_ID} />);

    await user.click(await screen.findByRole('button', { name: 'Record payment' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record payment' });
    await choose(user, within(dialog).getByRole('combobox', { name: /^Payer/ }), 'Alex Morgan');
    await choose(user, within(dialog).getByRole('combobox', { name: /^Method/ }), 'Cash');
    await user.type(within(dialog).getByRole('textbox', { name: /^Amount/ }), '80');
    await user.click(within(dialog).getByRole('checkbox', { name: /Pay the oldest invoices first/ }));

    const first = within(dialog).getByRole('textbox', { name: 'Applied to INV-0001' });
    const second = within(dialog).getByRole('textbox', { name: 'Applied to INV-0002' });
    expect(first).toHaveValue('60.00');
    expect(second).toHaveValue('20.00');
    await user.clear(first);
    await user.type(first, '70');
    await user.clear(second);
    await user.type(second, '40');
    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    expect(first).toHaveAccessibleDescription('INV-0001 has $60.00 owed.');
    expect(within(dialog).getByText('The amounts applied add up to more than the payment.')).toBeInTheDocument();

    await user.clear(first);
    await user.type(first, '50');
    await user.clear(second);
    await user.type(second, '30');
    await user.click(within(dialog).getByRole('button', { name: 'Record payment' }));
    await waitFor(() => expect(api.callsTo('POST', `${CASE_PATH}/payments`)).toHaveLength(1));
    expect(api.callsTo('POST', `${CASE_PATH}/payments`)[0].body).toMatchObject({
      amount: 8000,
      allocations: [
        { invoiceId: 'inv-1', amount: 5000 },
        { invoiceId: 'inv-2', amount: 3000 },
      ],
    });
  });

  it('refuses to refund more than is left of a payment, and records a refund within it', async () => {
    const api = billingApi({
      payments: [payment('pay-1', { amount: 5000, refunded: 2000 })],
      routes: { 'POST /api/payments/pay-1/refunds': { status: 201, body: payment('refund-1', { kind: 'refund', refundOf: 'pay-1', amount: 3000 }) } },
    });
    const user = renderSection(<PaymentsSection caseId={CASE_ID} />);

    await user.click(await screen.findByRole('button', { name: /^Refund/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Refund to Alex Morgan' });
    const amount = within(dialog).getByRole('textbox', { name: /^Amount/ });
    expect(amount).toHaveValue('30.00');
    await user.clear(amount);
    await user.type(amount, '30.01');
    await user.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Overpaid by cheque.');
    await user.click(within(dialog).getByRole('button', { name: 'Refund' }));
    expect(amount).toHaveAccessibleDescription(/You can refund at most \$30\.00\./);
    expect(api.callsTo('POST', '/api/payments/pay-1/refunds')).toHaveLength(0);

    await user.clear(amount);
    await user.type(amount, '30');
    await user.dblClick(within(dialog).getByRole('button', { name: 'Refund' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/payments/pay-1/refunds')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/payments/pay-1/refunds')[0].body).toEqual({ amount: 3000, refundedOn: practiceToday(practice.timeZone), reason: 'Overpaid by cheque.' });
  });
});
