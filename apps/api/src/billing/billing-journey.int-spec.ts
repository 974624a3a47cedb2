import {
  formatMoney,
  minorToDecimal,
  type AgingReport,
  type CaseBilling,
  type Charge,
  type Invoice,
  type Payment,
  type PayerBalance,
  type PortalBilling,
  type Superbill,
  type TherapySession,
} from '@trustwork/contracts';
import { DateTime } from 'luxon';
import { asBuffer, shareFiftyFifty } from '../../test/billing';
import { pdfText } from '../../test/pdf-text';
import { openCoupleWithLinks, practiceWithTeam, useTestApp, type PortalPerson } from '../../test/test-app';

const HOUR_MS = 60 * 60 * 1000;
const hoursFromNow = (hours: number) => new Date(Date.now() + hours * HOUR_MS).toISOString();
const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);

/**
 * The acceptance of billing, through the API only: a couple shares the cost 50/50; three
 * sessions are held and one is cancelled late in the portal; each partner is invoiced and one
 * pays part; balances, aging and its CSV agree to the cent; numbers never skip or repeat under
 * load; an issued invoice is corrected only by a credit note; each person's portal shows only
 * their own invoices; the superbill carries the right codes and totals.
 */
describe('billing, from a held session to the superbill', () => {
  const api = useTestApp();
  const http = () => api.http;
  let team: Awaited<ReturnType<typeof practiceWithTeam>>;
  let caseId: string;
  let alex: PortalPerson;
  let sam: PortalPerson;
  let payers: { alex: string; sam: string };
  let invoices: { alex: Invoice; sam: Invoice };
  const today = () => DateTime.utc().toISODate() as string;
  const owner = () => team.owner.auth;

  const billing = async () => (await http().get(`/api/cases/${caseId}/billing`).set(owner()).expect(200)).body as CaseBilling;
  const balanceOf = async (payerId: string) => (await billing()).balances.find((balance) => balance.payer.id === payerId) as PayerBalance;
  const chargesOf = async (payerId: string) =>
    ((await http().get(`/api/cases/${caseId}/charges`).set(owner()).expect(200)).body as Charge[]).filter((charge) => charge.payerId === payerId);
  const aging = async () => (await http().get('/api/billing/aging').set(owner()).expect(200)).body as AgingReport;
  const agingCsv = async () => (await http().get('/api/billing/aging.csv').set(owner()).expect(200)).text;
  const csvRow = (csv: string, first: string) =>
    csv
      .split('\r\n')
      .map((line) => line.split(','))
      .find((cells) => cells[0] === first) as string[];
  const issue = async (invoiceId: string) => (await http().post(`/api/invoices/${invoiceId}/issue`).set(owner()).expect(201)).body as Invoice;

  beforeAll(async () => {
    team = await practiceWithTeam(http(), 'Journey Practice');
    await http().patch('/api/practice').set(owner()).send({ cancellationNoticeHours: 24 }).expect(200);
    await http().patch('/api/billing/settings').set(owner()).send({ lateCancellationFee: 4_000, paymentInstructions: 'Bank transfer, sort code 00-00-00' }).expect(200);
    const service = (body: object) => http().post('/api/billing/services').set(owner()).send(body).expect(201);
    await service({ name: 'Couples session', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 50, fee: 15_001 });
    await service({ name: 'Individual session', cptCode: '90834', sessionKind: 'individual', defaultDurationMinutes: 45, fee: 12_000 });
    ({ caseId, alex, sam } = await openCoupleWithLinks(http(), team.owner, team.clinicianId));
    payers = await shareFiftyFifty(http(), team.owner, caseId, { alex, sam });
  });

  it('charges three held sessions and a late cancellation, split 50/50, individual sessions to their own person', async () => {
    const schedule = async (body: object) =>
      (await http().post(`/api/cases/${caseId}/sessions`).set(owner()).send({ durationMinutes: 50, modality: 'in-person', ...body }).expect(201)).body as TherapySession;
    const held = [
      await schedule({ startsAt: hoursFromNow(-72) }),
      await schedule({ startsAt: hoursFromNow(-48) }),
      await schedule({ startsAt: hoursFromNow(-26), durationMinutes: 45, attendeeIds: [alex.id] }),
    ];
    for (const session of held) await http().patch(`/api/sessions/${session.id}`).set(owner()).send({ status: 'completed' }).expect(200);
    const cancelled = await schedule({ startsAt: hoursFromNow(3) });
    await http().post(`/api/portal/sessions/${cancelled.id}/cancel`).set(sam.auth).send({}).expect(200);

    const alexCharges = await chargesOf(payers.alex);
    const samCharges = await chargesOf(payers.sam);
    const byKind = (charges: Charge[]) => charges.map((charge) => [charge.kind, charge.cptCode, charge.amount]).sort();
    // 150.01 splits into 75.01 and 75.00: every cent is charged exactly once.
    const jointShares = [...alexCharges, ...samCharges].filter((charge) => charge.cptCode === '90847').map((charge) => charge.amount);
    expect(sum(jointShares)).toBe(2 * 15_001);
    expect(byKind(alexCharges).filter(([kind]) => kind !== 'session')).toEqual([['late-cancellation', null, 2_000]]);
    expect(byKind(alexCharges).filter(([, code]) => code === '90834')).toEqual([['session', '90834', 12_000]]);
    expect(byKind(samCharges)).toEqual(
      expect.arrayContaining([
        ['late-cancellation', null, 2_000],
        ['session', '90847', expect.any(Number)],
      ]),
    );
    expect(samCharges).toHaveLength(3);
    expect(samCharges.some((charge) => charge.cptCode === '90834')).toBe(false);
  });

  it('invoices each partner, records a part payment, and balances, aging and the CSV agree to the cent', async () => {
    const draftFor = async (payerId: string) =>
      (await http().post(`/api/cases/${caseId}/invoices`).set(owner()).send({ payerId }).expect(201)).body as Invoice;
    invoices = { alex: await issue((await draftFor(payers.alex)).id), sam: await issue((await draftFor(payers.sam)).id) };
    const alexTotal = sum((await chargesOf(payers.alex)).map((charge) => charge.amount));
    const samTotal = sum((await chargesOf(payers.sam)).map((charge) => charge.amount));
    expect(invoices.alex.total).toBe(alexTotal);
    expect(invoices.sam.total).toBe(samTotal);
    expect(invoices.sam.lines.every((line) => line.cptCode !== '90834')).toBe(true);

    const payment = (
      await http()
        .post(`/api/cases/${caseId}/payments`)
        .set(owner())
        .send({ payerId: payers.alex, method: 'card', amount: 10_000, receivedOn: today() })
        .expect(201)
    ).body as Payment;
    expect(payment.allocations).toEqual([{ invoiceId: invoices.alex.id, invoiceNumber: invoices.alex.number, amount: 10_000 }]);

    const alexBalance = await balanceOf(payers.alex);
    const samBalance = await balanceOf(payers.sam);
    expect(alexBalance).toMatchObject({ uninvoiced: 0, invoiced: alexTotal, credited: 0, paid: 10_000, outstanding: alexTotal - 10_000, unallocated: 0 });
    expect(samBalance).toMatchObject({ uninvoiced: 0, invoiced: samTotal, credited: 0, paid: 0, outstanding: samTotal, unallocated: 0 });
    await expectReportsToAgree([alexBalance, samBalance]);
  });

  it('gives twenty drafts issued at once twenty consecutive numbers', async () => {
    const other = await openCoupleWithLinks(http(), team.owner, team.clinicianId);
    const otherBilling = (await http().put(`/api/cases/${other.caseId}/billing`).set(owner()).send({ arrangement: 'one-person', payerParticipantId: other.alex.id }).expect(200))
      .body as CaseBilling;
    const payerId = otherBilling.balances.find((balance) => balance.payer.participantId === other.alex.id)?.payer.id as string;
    const drafts: Invoice[] = [];
    for (let index = 0; index < 21; index += 1) {
      const charge = (
        await http()
          .post(`/api/cases/${other.caseId}/charges`)
          .set(owner())
          .send({ kind: 'manual', payerId, description: `Fee ${index + 1}`, serviceDate: today(), amount: 1_000 + index, reason: 'Agreed' })
          .expect(201)
      ).body as Charge;
      drafts.push((await http().post(`/api/cases/${other.caseId}/invoices`).set(owner()).send({ payerId, chargeIds: [charge.id] }).expect(201)).body as Invoice);
    }
    const last = drafts.pop() as Invoice;
    const issued = await Promise.all(drafts.map((draft) => issue(draft.id)));
    const numbers = issued.map((invoice) => Number(invoice.number?.slice(4))).sort((a, b) => a - b);
    const highestBefore = Math.max(Number(invoices.alex.number?.slice(4)), Number(invoices.sam.number?.slice(4)));
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => highestBefore + 1 + index));

    // Issued twice at the same moment: one number, the other click answers 409.
    const twice = await Promise.all([0, 1].map(() => http().post(`/api/invoices/${last.id}/issue`).set(owner())));
    expect(twice.map((response) => response.status).sort()).toEqual([201, 409]);
    const once = (await http().get(`/api/invoices/${last.id}`).set(owner()).expect(200)).body as Invoice;
    expect(once.number).toBe(`INV-${String(highestBefore + 21).padStart(4, '0')}`);
  });

  it('refuses edits to an issued invoice and corrects it with a credit note, the balances following', async () => {
    const refused = await http().patch(`/api/invoices/${invoices.sam.id}`).set(owner()).send({ chargeIds: [invoices.sam.lines[0].chargeId] }).expect(409);
    expect(refused.body.message).toContain(`Invoice ${invoices.sam.number} has been issued`);
    expect(refused.body.message).toContain('credit note');
    await http().delete(`/api/invoices/${invoices.sam.id}`).set(owner()).expect(409);
    await http().patch(`/api/charges/${invoices.sam.lines[0].chargeId}`).set(owner()).send({ amount: 1 }).expect(409);

    const fee = invoices.sam.lines.find((line) => line.kind === 'late-cancellation') as Invoice['lines'][number];
    const note = (
      await http()
        .post(`/api/invoices/${invoices.sam.id}/credit-notes`)
        .set(owner())
        .send({ reason: 'Late cancellation fee waived', lines: [{ chargeId: fee.chargeId, amount: fee.amount }] })
        .expect(201)
    ).body as Invoice;
    expect(note).toMatchObject({ kind: 'credit-note', total: -fee.amount, corrects: { id: invoices.sam.id, number: invoices.sam.number } });

    const samBalance = await balanceOf(payers.sam);
    expect(samBalance).toMatchObject({ invoiced: invoices.sam.total, credited: fee.amount, outstanding: invoices.sam.total - fee.amount });
    expect((await http().get(`/api/invoices/${invoices.sam.id}`).set(owner()).expect(200)).body).toMatchObject({ credited: fee.amount, outstanding: samBalance.outstanding });
    await expectReportsToAgree([await balanceOf(payers.alex), samBalance]);
  });

  it('shows each partner only their own invoices in the portal', async () => {
    const forSam = (await http().get('/api/portal/billing').set(sam.auth).expect(200)).body as PortalBilling;
    expect(forSam.invoices.length).toBeGreaterThan(0);
    expect(forSam.invoices.every((invoice) => invoice.payer.id === payers.sam)).toBe(true);
    expect(forSam.invoices.map((invoice) => invoice.id)).toContain(invoices.sam.id);
    expect(JSON.stringify(forSam)).not.toContain(invoices.alex.id);
    expect(forSam.balance?.outstanding).toBe((await balanceOf(payers.sam)).outstanding);

    const forAlex = (await http().get('/api/portal/billing').set(alex.auth).expect(200)).body as PortalBilling;
    expect(forAlex.invoices.map((invoice) => invoice.id)).toEqual([invoices.alex.id]);
  });

  it('prints a superbill with each held session’s code and the right totals', async () => {
    const period = { from: DateTime.utc().minus({ days: 7 }).toISODate() as string, to: today() };
    const superbill = (await http().get(`/api/participants/${alex.id}/superbill`).query(period).set(owner()).expect(200)).body as Superbill;
    const sessionCharges = (await chargesOf(payers.alex)).filter((charge) => charge.kind === 'session');
    expect(superbill.lines.map((line) => line.cptCode).filter(Boolean).sort()).toEqual(['90834', '90847', '90847']);
    const coded = superbill.lines.filter((line) => line.cptCode !== null);
    expect(sum(coded.map((line) => line.fee))).toBe(sum(sessionCharges.map((charge) => charge.amount)));
    expect(superbill.totalFee).toBe(sum(superbill.lines.map((line) => line.fee)));
    expect(superbill.totalPaid).toBe(sum(superbill.lines.map((line) => line.paid)));

    const response = await http().get(`/api/participants/${alex.id}/superbill.pdf`).query(period).set(owner()).buffer(true).parse(asBuffer).expect(200);
    const { text } = await pdfText(response.body as Buffer);
    expect(text).toContain('90847');
    expect(text).toContain('90834');
    expect(text).toContain(`Total fees: ${formatMoney(superbill.totalFee, 'USD', 'en-US')}`);
    expect(text).toContain(`Total paid: ${formatMoney(superbill.totalPaid, 'USD', 'en-US')}`);
  });

  /** The aging report and its CSV say what the balances say, payer by payer and in total. */
  async function expectReportsToAgree(balances: PayerBalance[]): Promise<void> {
    const report = await aging();
    for (const balance of balances) {
      const row = report.payers.find((entry) => entry.payer.id === balance.payer.id);
      expect(row?.total ?? 0).toBe(balance.outstanding);
      if (row) expect(row.current).toBe(balance.outstanding);
    }
    expect(report.totals.total).toBe(sum(report.payers.map((row) => row.total)));

    const csv = await agingCsv();
    const invoiceOf = { [payers.alex]: invoices.alex, [payers.sam]: invoices.sam };
    for (const balance of balances) {
      const row = csvRow(csv, invoiceOf[balance.payer.id].number as string);
      // Columns: Invoice, Issued on, Due on, Case, Payer, Total, Credited, Paid, Outstanding, …; the case name may be quoted with a comma in it.
      expect(row.slice(-3)[0]).toBe(minorToDecimal(balance.outstanding, 'USD'));
    }
    expect(csvRow(csv, 'Total').slice(-3)[0]).toBe(minorToDecimal(report.totals.total, 'USD'));
  }
});
