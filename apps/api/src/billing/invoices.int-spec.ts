import type { BillingService, CaseBilling, Charge, Invoice, InvoiceSummary, Payment } from '@trustwork/contracts';
import { DateTime } from 'luxon';
import { partOf, startMailbox } from '../../test/mailbox';
import { asBuffer, shareFiftyFifty } from '../../test/billing';
import { pdfText } from '../../test/pdf-text';
import { openCoupleWithLinks, practiceWithTeam, useTestApp } from '../../test/test-app';


const CLINICAL_WORDS = /therap|session|counsel|couples|90847|CPT|diagnos/i;

describe('invoices and credit notes', () => {
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  beforeAll(async () => {
    mailbox = await startMailbox();
  });
  afterAll(() => mailbox.stop());
  const api = useTestApp(() => ({ SMTP_URL: mailbox.url }));
  const http = () => api.http;

  let team: Awaited<ReturnType<typeof practiceWithTeam>>;
  let caseId: string;
  let payers: { alex: string; sam: string };
  let service: BillingService;
  const today = () => DateTime.utc().toISODate() as string;

  const charge = async (payerId: string, amount: number, extra: Record<string, unknown> = {}) =>
    (
      await http()
        .post(`/api/cases/${caseId}/charges`)
        .set(team.owner.auth)
        .send({ kind: amount < 0 ? 'adjustment' : 'manual', payerId, description: 'Fee as agreed', serviceDate: today(), amount, reason: 'Agreed', ...extra })
        .expect(201)
    ).body as Charge;
  const draft = async (payerId: string, chargeIds?: string[]) =>
    (await http().post(`/api/cases/${caseId}/invoices`).set(team.owner.auth).send({ payerId, chargeIds }).expect(201)).body as Invoice;
  const issue = async (invoiceId: string) => (await http().post(`/api/invoices/${invoiceId}/issue`).set(team.owner.auth).expect(201)).body as Invoice;
  const read = async (invoiceId: string) => (await http().get(`/api/invoices/${invoiceId}`).set(team.owner.auth).expect(200)).body as Invoice;
  /** Charges on no invoice at all (the charges list's `uninvoiced` also counts those on drafts). */
  const uninvoiced = async () =>
    ((await http().get(`/api/cases/${caseId}/charges`).set(team.owner.auth).expect(200)).body as Charge[]).filter((c) => c.invoiceId === null).map((c) => c.id);
  const pdf = async (invoiceId: string) => {
    const response = await http().get(`/api/invoices/${invoiceId}/pdf`).set(team.owner.auth).buffer(true).parse(asBuffer).expect(200);
    return { disposition: response.headers['content-disposition'] as string, type: response.headers['content-type'] as string, text: (await pdfText(response.body as Buffer)).text };
  };
  /** Every invoice this spec makes leaves nothing behind for the next test. */
  const issuedFor = async (payerId: string, amounts: number[]) => {
    const charges = await Promise.all(amounts.map((amount) => charge(payerId, amount)));
    return issue((await draft(payerId, charges.map((c) => c.id))).id);
  };

  beforeAll(async () => {
    team = await practiceWithTeam(http(), 'Harbour Billing Practice');
    await http()
      .patch('/api/billing/settings')
      .set(team.owner.auth)
      .send({ paymentTermsDays: 14, taxId: '12-3456789', npi: '1234567893', paymentInstructions: 'Bank transfer to Harbour Practice, account 12345678' })
      .expect(200);
    service = (
      await http()
        .post('/api/billing/services')
        .set(team.owner.auth)
        .send({ name: 'Couples session', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 50, fee: 20_000 })
        .expect(201)
    ).body as BillingService;
    const couple = await openCoupleWithLinks(http(), team.owner, team.clinicianId);
    caseId = couple.caseId;
    payers = await shareFiftyFifty(http(), team.owner, caseId, couple);
  });

  it('drafts an invoice from every charge to the payer not yet invoiced, and refuses when there is none', async () => {
    const first = await charge(payers.alex, 10_000);
    const second = await charge(payers.alex, 5_050);
    const samCharge = await charge(payers.sam, 7_000);
    const created = await draft(payers.alex);
    expect(created).toMatchObject({ kind: 'invoice', status: 'draft', number: null, issuedOn: null, total: 15_050, outstanding: 0, payer: { id: payers.alex, name: 'Alex Rivera' } });
    expect(created.lines.map((line) => line.chargeId).sort()).toEqual([first.id, second.id].sort());
    expect(await uninvoiced()).toEqual([samCharge.id]);

    const nothing = await http().post(`/api/cases/${caseId}/invoices`).set(team.owner.auth).send({ payerId: payers.alex }).expect(400);
    expect(nothing.body.message.join(' ')).toContain('There is nothing to invoice for Alex Rivera');
    const wrongPayer = await http().post(`/api/cases/${caseId}/invoices`).set(team.owner.auth).send({ payerId: payers.alex, chargeIds: [samCharge.id] }).expect(400);
    expect(wrongPayer.body.message.join(' ')).toContain('chargeIds');
    const taken = await http().post(`/api/cases/${caseId}/invoices`).set(team.owner.auth).send({ payerId: payers.alex, chargeIds: [first.id] }).expect(400);
    expect(taken.body.message.join(' ')).toContain('already on another invoice');

    const list = (await http().get(`/api/cases/${caseId}/invoices`).set(team.owner.auth).expect(200)).body as InvoiceSummary[];
    expect(list.map((invoice) => invoice.id)).toContain(created.id);
    // Tidy up: the draft goes, its charges return to uninvoiced.
    await http().delete(`/api/invoices/${created.id}`).set(team.owner.auth).expect(204);
    expect((await uninvoiced()).sort()).toEqual([first.id, second.id, samCharge.id].sort());
    await http().get(`/api/invoices/${created.id}`).set(team.owner.auth).expect(404);
    for (const id of [first.id, second.id, samCharge.id]) await http().delete(`/api/charges/${id}`).set(team.owner.auth).expect(204);
  });

  it('changes a draft’s charges, then issues it with the next number, the practice’s terms and details kept as printed', async () => {
    const kept = await charge(payers.alex, 20_000, { serviceId: service.id, description: 'Couples session' });
    const dropped = await charge(payers.alex, 3_000);
    const created = await draft(payers.alex, [kept.id, dropped.id]);
    const changed = (await http().patch(`/api/invoices/${created.id}`).set(team.owner.auth).send({ chargeIds: [kept.id] }).expect(200)).body as Invoice;
    expect(changed.lines).toEqual([{ chargeId: kept.id, kind: 'manual', serviceDate: today(), description: 'Couples session', cptCode: '90847', amount: 20_000 }]);
    expect(await uninvoiced()).toEqual([dropped.id]);
    await http().delete(`/api/charges/${dropped.id}`).set(team.owner.auth).expect(204);

    const issued = await issue(created.id);
    expect(issued.number).toMatch(/^INV-\d{4}$/);
    expect(issued).toMatchObject({
      status: 'issued',
      issuedOn: today(),
      dueOn: DateTime.fromISO(today()).plus({ days: 14 }).toISODate(),
      currency: 'USD',
      total: 20_000,
      outstanding: 20_000,
      practice: { name: 'Harbour Billing Practice', taxId: '12-3456789', npi: '1234567893', paymentInstructions: 'Bank transfer to Harbour Practice, account 12345678' },
      payerDetails: { name: 'Alex Rivera' },
    });

    // Issued: never changed again, a second issue never takes a second number.
    const again = await http().post(`/api/invoices/${created.id}/issue`).set(team.owner.auth).expect(409);
    expect(again.body.message).toContain(issued.number as string);
    const edit = await http().patch(`/api/invoices/${created.id}`).set(team.owner.auth).send({ chargeIds: [kept.id] }).expect(409);
    expect(edit.body.message).toBe(`Invoice ${issued.number} has been issued, so it can no longer be changed. Issue a credit note to correct it.`);
    await http().delete(`/api/invoices/${created.id}`).set(team.owner.auth).expect(409);
    expect((await read(created.id)).number).toBe(issued.number);
  });

  it('refuses to issue a draft that asks for nothing', async () => {
    const fee = await charge(payers.sam, 4_000);
    const reduction = await charge(payers.sam, -4_000);
    const zero = await draft(payers.sam, [fee.id, reduction.id]);
    const refused = await http().post(`/api/invoices/${zero.id}/issue`).set(team.owner.auth).expect(400);
    expect(refused.body.message.join(' ')).toContain('more than zero');
    await http().delete(`/api/invoices/${zero.id}`).set(team.owner.auth).expect(204);
    for (const id of [fee.id, reduction.id]) await http().delete(`/api/charges/${id}`).set(team.owner.auth).expect(204);
  });

  it('prints the invoice as a PDF, and a draft marked DRAFT without a number', async () => {
    const issued = await issuedFor(payers.sam, [12_345]);
    const printed = await pdf(issued.id);
    expect(printed.type).toBe('application/pdf');
    expect(printed.disposition).toBe(`attachment; filename="${issued.number}.pdf"`);
    for (const words of [issued.number as string, 'Harbour Billing Practice', 'Sam Rivera', 'Fee as agreed', '$123.45', 'Amount due', 'Bank transfer to Harbour Practice', '12-3456789']) {
      expect(printed.text).toContain(words);
    }

    const fee = await charge(payers.sam, 500);
    const unissued = await draft(payers.sam, [fee.id]);
    const draftPdf = await pdf(unissued.id);
    expect(draftPdf.text).toContain('DRAFT');
    expect(draftPdf.text).not.toMatch(/INV-\d{4}/);
    await http().delete(`/api/invoices/${unissued.id}`).set(team.owner.auth).expect(204);
    await http().delete(`/api/charges/${fee.id}`).set(team.owner.auth).expect(204);
  });

  it('e-mails an issued invoice with the PDF and no clinical words; a draft or a payer without e-mail is refused', async () => {
    const other = await openCoupleWithLinks(http(), team.owner, team.clinicianId);
    const billing = (
      await http()
        .put(`/api/cases/${other.caseId}/billing`)
        .set(team.owner.auth)
        .send({ arrangement: 'third-party', thirdParty: { name: 'Rivera Family Trust', email: 'accounts@rivera-trust.test', address: '1 Quay Street' } })
        .expect(200)
    ).body as CaseBilling;
    const trust = billing.balances.find((balance) => balance.payer.kind === 'third-party')?.payer.id as string;
    const fee = (
      await http()
        .post(`/api/cases/${other.caseId}/charges`)
        .set(team.owner.auth)
        .send({ kind: 'manual', payerId: trust, description: 'Couples session', serviceDate: today(), amount: 18_000, reason: 'Agreed', serviceId: service.id })
        .expect(201)
    ).body as Charge;
    const created = (await http().post(`/api/cases/${other.caseId}/invoices`).set(team.owner.auth).send({ payerId: trust }).expect(201)).body as Invoice;
    expect(created.lines.map((line) => line.chargeId)).toEqual([fee.id]);
    await http().post(`/api/invoices/${created.id}/email`).set(team.owner.auth).expect(409);

    const issued = await issue(created.id);
    expect(issued.payerDetails).toEqual({ name: 'Rivera Family Trust', email: 'accounts@rivera-trust.test', address: '1 Quay Street' });
    const before = mailbox.messages.length;
    const emailed = (await http().post(`/api/invoices/${issued.id}/email`).set(team.owner.auth).expect(201)).body as Invoice;
    expect(emailed.emailedAt).toEqual(expect.any(String));
    expect(mailbox.messages.length).toBe(before + 1);
    const message = mailbox.messages[before];
    expect(message.to).toEqual(['accounts@rivera-trust.test']);
    expect(message.raw).toContain(`Subject: Invoice ${issued.number} from Harbour Billing Practice`);
    const text = partOf(message, 'text/plain');
    expect(text).toContain('$180.00');
    expect(text).toContain('Bank transfer to Harbour Practice');
    expect(text).not.toMatch(CLINICAL_WORDS);
    expect(partOf(message, 'text/html')).not.toMatch(CLINICAL_WORDS);
    expect(message.raw).toMatch(new RegExp(`Content-Type: application/pdf; name=${issued.number}\\.pdf`));

    const note = (
      await http()
        .post(`/api/invoices/${issued.id}/credit-notes`)
        .set(team.owner.auth)
        .send({ reason: 'Fee reduced', lines: [{ chargeId: fee.id, amount: 3_000 }] })
        .expect(201)
    ).body as Invoice;
    await http().post(`/api/invoices/${note.id}/email`).set(team.owner.auth).expect(201);
    const noteMessage = mailbox.messages[before + 1];
    expect(noteMessage.raw).toContain(`Subject: Credit note ${note.number} from Harbour Billing Practice`);
    expect(partOf(noteMessage, 'text/plain')).toContain(`credit note ${note.number} for $30.00, which reduces invoice ${issued.number}`);
    expect(partOf(noteMessage, 'text/plain')).not.toMatch(CLINICAL_WORDS);

    const alexInvoice = await issuedFor(payers.alex, [1_000]);
    const noEmail = await http().post(`/api/invoices/${alexInvoice.id}/email`).set(team.owner.auth).expect(400);
    expect(noEmail.body.message.join(' ')).toContain('Alex Rivera has no e-mail address');
  });

  it('corrects an issued invoice with credit notes, line by line or in full, never beyond a line', async () => {
    const issued = await issuedFor(payers.alex, [10_000, 6_000]);
    const [big, small] = [...issued.lines].sort((a, b) => b.amount - a.amount);

    const fee = await charge(payers.alex, 700);
    const unissued = await draft(payers.alex, [fee.id]);
    await http().post(`/api/invoices/${unissued.id}/credit-notes`).set(team.owner.auth).send({ reason: 'Wrong fee' }).expect(409);
    await http().delete(`/api/invoices/${unissued.id}`).set(team.owner.auth).expect(204);
    await http().delete(`/api/charges/${fee.id}`).set(team.owner.auth).expect(204);

    const partial = (
      await http()
        .post(`/api/invoices/${issued.id}/credit-notes`)
        .set(team.owner.auth)
        .send({ reason: 'Fee reduced as agreed', lines: [{ chargeId: big.chargeId, amount: 2_500 }] })
        .expect(201)
    ).body as Invoice;
    expect(partial).toMatchObject({ kind: 'credit-note', status: 'issued', total: -2_500, reason: 'Fee reduced as agreed', corrects: { id: issued.id, number: issued.number } });
    expect(partial.number).toMatch(/^CN-\d{4}$/);
    expect(Number(partial.number?.slice(3))).toBeGreaterThan(Number(issued.number?.slice(4)));
    expect(partial.lines).toEqual([expect.objectContaining({ kind: 'credit', amount: -2_500 })]);

    const tooMuch = await http()
      .post(`/api/invoices/${issued.id}/credit-notes`)
      .set(team.owner.auth)
      .send({ reason: 'Again', lines: [{ chargeId: big.chargeId, amount: 7_501 }] })
      .expect(400);
    expect(tooMuch.body.message.join(' ')).toContain('lines.amount');
    await http().post(`/api/invoices/${partial.id}/credit-notes`).set(team.owner.auth).send({ reason: 'Credit of a credit' }).expect(400);

    const rest = (await http().post(`/api/invoices/${issued.id}/credit-notes`).set(team.owner.auth).send({ reason: 'Cancelled' }).expect(201)).body as Invoice;
    expect(rest.total).toBe(-(7_500 + small.amount));
    expect(await read(issued.id)).toMatchObject({ credited: 16_000, outstanding: 0, creditNotes: [{ id: partial.id }, { id: rest.id }] });
    const nothingLeft = await http().post(`/api/invoices/${issued.id}/credit-notes`).set(team.owner.auth).send({ reason: 'Once more' }).expect(400);
    expect(nothingLeft.body.message.join(' ')).toContain('already been credited');
  });

  it('gives money paid beyond a corrected invoice back to the payer as unallocated credit', async () => {
    const issued = await issuedFor(payers.sam, [10_000]);
    const paid = (
      await http()
        .post(`/api/cases/${caseId}/payments`)
        .set(team.owner.auth)
        .send({ payerId: payers.sam, method: 'cash', amount: 10_000, receivedOn: today(), allocations: [{ invoiceId: issued.id, amount: 10_000 }] })
        .expect(201)
    ).body as Payment;
    await http()
      .post(`/api/invoices/${issued.id}/credit-notes`)
      .set(team.owner.auth)
      .send({ reason: 'Fee reduced', lines: [{ chargeId: issued.lines[0].chargeId, amount: 4_000 }] })
      .expect(201);
    expect(await read(issued.id)).toMatchObject({ total: 10_000, credited: 4_000, paid: 6_000, outstanding: 0 });
    const payments = (await http().get(`/api/cases/${caseId}/payments`).set(team.owner.auth).expect(200)).body as Payment[];
    expect(payments.find((payment) => payment.id === paid.id)).toMatchObject({ unallocated: 4_000, allocations: [{ invoiceId: issued.id, amount: 6_000 }] });
  });

  it('answers 404 for another practice’s invoice', async () => {
    const issued = await issuedFor(payers.sam, [900]);
    const stranger = await practiceWithTeam(http(), 'Elsewhere Practice');
    await http().get(`/api/invoices/${issued.id}`).set(stranger.owner.auth).expect(404);
    await http().get(`/api/invoices/${issued.id}/pdf`).set(stranger.owner.auth).expect(404);
    await http().post(`/api/invoices/${issued.id}/credit-notes`).set(stranger.owner.auth).send({ reason: 'No' }).expect(404);
  });
});
