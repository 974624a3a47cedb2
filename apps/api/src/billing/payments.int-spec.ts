import type { CaseBilling, Charge, Invoice, Payment, PayerBalance } from '@trustwork/contracts';
import { DateTime } from 'luxon';
import { openCoupleWithLinks, practiceWithTeam, useTestApp } from '../../test/test-app';

describe('payments and refunds', () => {
  const api = useTestApp();
  const http = () => api.http;
  let team: Awaited<ReturnType<typeof practiceWithTeam>>;
  const today = () => DateTime.utc().toISODate() as string;

  /** A case of its own with one person paying, so each test's balance starts at nothing. */
  async function payerCase() {
    const couple = await openCoupleWithLinks(http(), team.owner, team.clinicianId);
    const billing = (
      await http().put(`/api/cases/${couple.caseId}/billing`).set(team.owner.auth).send({ arrangement: 'one-person', payerParticipantId: couple.alex.id }).expect(200)
    ).body as CaseBilling;
    const payerId = billing.balances.find((balance) => balance.payer.participantId === couple.alex.id)?.payer.id as string;
    const caseId = couple.caseId;

    const invoice = async (amount: number) => {
      const charge = (
        await http()
          .post(`/api/cases/${caseId}/charges`)
          .set(team.owner.auth)
          .send({ kind: 'manual', payerId, description: 'Fee as agreed', serviceDate: today(), amount, reason: 'Agreed' })
          .expect(201)
      ).body as Charge;
      const draft = (await http().post(`/api/cases/${caseId}/invoices`).set(team.owner.auth).send({ payerId, chargeIds: [charge.id] }).expect(201)).body as Invoice;
      return (await http().post(`/api/invoices/${draft.id}/issue`).set(team.owner.auth).expect(201)).body as Invoice;
    };
    const pay = (body: Record<string, unknown>) =>
      http()
        .post(`/api/cases/${caseId}/payments`)
        .set(team.owner.auth)
        .send({ payerId, method: 'bank-transfer', receivedOn: today(), ...body });
    const read = async (invoiceId: string) => (await http().get(`/api/invoices/${invoiceId}`).set(team.owner.auth).expect(200)).body as Invoice;
    const balance = async () =>
      ((await http().get(`/api/cases/${caseId}/billing`).set(team.owner.auth).expect(200)).body as CaseBilling).balances.find(
        (entry) => entry.payer.id === payerId,
      ) as PayerBalance;
    return { caseId, payerId, invoice, pay, read, balance };
  }

  beforeAll(async () => {
    team = await practiceWithTeam(http(), 'Payments Practice');
  });

  it('pays the oldest invoices first and keeps the rest as the payer’s credit', async () => {
    const account = await payerCase();
    const older = await account.invoice(10_000);
    const newer = await account.invoice(8_000);
    const payment = (await account.pay({ amount: 15_000, method: 'cheque', reference: 'Cheque 104' }).expect(201)).body as Payment;
    expect(payment).toMatchObject({
      kind: 'payment',
      method: 'cheque',
      amount: 15_000,
      receivedOn: today(),
      reference: 'Cheque 104',
      processor: 'manual',
      refundOf: null,
      unallocated: 0,
      refunded: 0,
      allocations: [
        { invoiceId: older.id, invoiceNumber: older.number, amount: 10_000 },
        { invoiceId: newer.id, invoiceNumber: newer.number, amount: 5_000 },
      ],
    });
    expect(await account.read(older.id)).toMatchObject({ paid: 10_000, outstanding: 0 });
    expect(await account.read(newer.id)).toMatchObject({ paid: 5_000, outstanding: 3_000, payments: [{ paymentId: payment.id, method: 'cheque', amount: 5_000 }] });

    const extra = (await account.pay({ amount: 5_000 }).expect(201)).body as Payment;
    expect(extra).toMatchObject({ unallocated: 2_000, allocations: [{ invoiceId: newer.id, amount: 3_000 }] });
    expect(await account.balance()).toMatchObject({ invoiced: 18_000, paid: 20_000, outstanding: 0, unallocated: 2_000 });

    const listed = (await http().get(`/api/cases/${account.caseId}/payments`).set(team.owner.auth).expect(200)).body as Payment[];
    expect(listed.map((entry) => entry.id)).toEqual([extra.id, payment.id]);
  });

  it('puts a payment where it is told, and refuses what no invoice asks for', async () => {
    const account = await payerCase();
    const older = await account.invoice(10_000);
    const newer = await account.invoice(8_000);
    const paid = (await account.pay({ amount: 9_000, allocations: [{ invoiceId: newer.id, amount: 8_000 }] }).expect(201)).body as Payment;
    expect(paid).toMatchObject({ allocations: [{ invoiceId: newer.id, amount: 8_000 }], unallocated: 1_000 });
    expect(await account.read(older.id)).toMatchObject({ outstanding: 10_000 });

    const beyondInvoice = await account.pay({ amount: 20_000, allocations: [{ invoiceId: older.id, amount: 10_001 }] }).expect(400);
    expect(beyondInvoice.body.message.join(' ')).toContain(`still due on ${older.number}`);
    const beyondPayment = await account.pay({ amount: 5_000, allocations: [{ invoiceId: older.id, amount: 6_000 }] }).expect(400);
    expect(beyondPayment.body.message.join(' ')).toContain('more than the payment');
    const paidInFull = await account.pay({ amount: 100, allocations: [{ invoiceId: newer.id, amount: 100 }] }).expect(400);
    expect(paidInFull.body.message.join(' ')).toContain('allocations.amount');

    const elsewhere = await payerCase();
    const stranger = await elsewhere.invoice(1_000);
    const notTheirs = await account.pay({ amount: 1_000, allocations: [{ invoiceId: stranger.id, amount: 1_000 }] }).expect(400);
    expect(notTheirs.body.message.join(' ')).toContain('not an issued invoice to this payer');

    const future = await account.pay({ amount: 1_000, receivedOn: DateTime.utc().plus({ days: 2 }).toISODate() }).expect(400);
    expect(future.body.message.join(' ')).toContain('receivedOn cannot be in the future');
    const nothing = await account.pay({ amount: 0 }).expect(400);
    expect(nothing.body.message.join(' ')).toContain('amount');
    await account.pay({ amount: 1_000, payerId: elsewhere.payerId }).expect(400);
    expect(await account.read(older.id)).toMatchObject({ outstanding: 10_000 });
  });

  it('refunds from unallocated money first, then off its invoices newest first, never more than was paid', async () => {
    const account = await payerCase();
    const older = await account.invoice(6_000);
    const newer = await account.invoice(4_000);
    const payment = (await account.pay({ amount: 12_000, method: 'card' }).expect(201)).body as Payment;
    expect(payment.unallocated).toBe(2_000);

    const refund = (
      await http().post(`/api/payments/${payment.id}/refunds`).set(team.owner.auth).send({ amount: 5_000, refundedOn: today(), reason: 'Overpaid' }).expect(201)
    ).body as Payment;
    expect(refund).toMatchObject({ kind: 'refund', method: 'card', amount: 5_000, refundOf: payment.id, allocations: [{ invoiceId: newer.id, amount: -3_000 }] });
    expect(await account.read(newer.id)).toMatchObject({ paid: 1_000, outstanding: 3_000 });
    expect(await account.read(older.id)).toMatchObject({ paid: 6_000, outstanding: 0 });

    const after = ((await http().get(`/api/cases/${account.caseId}/payments`).set(team.owner.auth).expect(200)).body as Payment[]).find(
      (entry) => entry.id === payment.id,
    );
    expect(after).toMatchObject({ refunded: 5_000, unallocated: 0 });
    expect(await account.balance()).toMatchObject({ paid: 7_000, outstanding: 3_000, unallocated: 0 });

    const tooMuch = await http()
      .post(`/api/payments/${payment.id}/refunds`)
      .set(team.owner.auth)
      .send({ amount: 7_001, refundedOn: today(), reason: 'Again' })
      .expect(400);
    expect(tooMuch.body.message.join(' ')).toContain('amount must be at most');
    const early = await http()
      .post(`/api/payments/${payment.id}/refunds`)
      .set(team.owner.auth)
      .send({ amount: 1, refundedOn: DateTime.utc().minus({ days: 1 }).toISODate(), reason: 'Early' })
      .expect(400);
    expect(early.body.message.join(' ')).toContain('refundedOn cannot be before the payment was received');
    await http().post(`/api/payments/${refund.id}/refunds`).set(team.owner.auth).send({ amount: 1, refundedOn: today(), reason: 'No' }).expect(400);

    const rest = (
      await http().post(`/api/payments/${payment.id}/refunds`).set(team.owner.auth).send({ amount: 7_000, refundedOn: today(), reason: 'Stopped' }).expect(201)
    ).body as Payment;
    expect(rest.allocations).toEqual([
      { invoiceId: older.id, invoiceNumber: older.number, amount: -6_000 },
      { invoiceId: newer.id, invoiceNumber: newer.number, amount: -1_000 },
    ]);
    expect(await account.balance()).toMatchObject({ paid: 0, outstanding: 10_000, unallocated: 0 });
  });

  it('answers 404 for another practice’s payment', async () => {
    const account = await payerCase();
    const payment = (await account.pay({ amount: 500 }).expect(201)).body as Payment;
    const stranger = await practiceWithTeam(http(), 'Elsewhere Payments');
    await http().post(`/api/payments/${payment.id}/refunds`).set(stranger.owner.auth).send({ amount: 100, refundedOn: today(), reason: 'No' }).expect(404);
    await http().get(`/api/cases/${account.caseId}/payments`).set(stranger.owner.auth).expect(404);
  });
});
