import type { Charge, Invoice, PortalBilling } from '@trustwork/contracts';
import { DateTime } from 'luxon';
import { asBuffer, shareFiftyFifty } from '../../test/billing';
import { pdfText } from '../../test/pdf-text';
import { openCoupleWithLinks, practiceWithTeam, useTestApp, type PortalPerson } from '../../test/test-app';


describe('billing in the portal', () => {
  const api = useTestApp();
  const http = () => api.http;
  let team: Awaited<ReturnType<typeof practiceWithTeam>>;
  let caseId: string;
  let alex: PortalPerson;
  let sam: PortalPerson;
  let payers: Record<'alex' | 'sam', string>;
  let alexInvoice: Invoice;
  let alexDraft: Invoice;
  let samInvoice: Invoice;
  const today = () => DateTime.now().toISODate() as string;
  const period = () => ({ from: DateTime.now().minus({ days: 30 }).toISODate() as string, to: today() });

  async function invoiceFor(payerId: string, amount: number, description: string, issue: boolean): Promise<Invoice> {
    const charge = (
      await http()
        .post(`/api/cases/${caseId}/charges`)
        .set(team.owner.auth)
        .send({ kind: 'manual', payerId, description, serviceDate: today(), amount, reason: 'Agreed fee' })
        .expect(201)
    ).body as Charge;
    const draft = (await http().post(`/api/cases/${caseId}/invoices`).set(team.owner.auth).send({ payerId, chargeIds: [charge.id] }).expect(201)).body as Invoice;
    if (!issue) return draft;
    return (await http().post(`/api/invoices/${draft.id}/issue`).set(team.owner.auth).expect(201)).body as Invoice;
  }

  const pdf = async (person: PortalPerson, path: string, query: Record<string, string> = {}) =>
    (await pdfText((await http().get(path).query(query).set(person.auth).buffer(true).parse(asBuffer).expect(200)).body as Buffer)).text;

  beforeAll(async () => {
    team = await practiceWithTeam(api.http, 'Portal Billing Practice');
    ({ caseId, alex, sam } = await openCoupleWithLinks(http(), team.owner, team.clinicianId));
    payers = await shareFiftyFifty(http(), team.owner, caseId, { alex, sam });
    alexInvoice = await invoiceFor(payers.alex, 8_000, 'Alex’s share of the couples session', true);
    alexDraft = await invoiceFor(payers.alex, 1_500, 'Alex’s draft charge', false);
    samInvoice = await invoiceFor(payers.sam, 9_100, 'Sam’s individual session', true);
    await http()
      .post(`/api/cases/${caseId}/payments`)
      .set(team.owner.auth)
      .send({ payerId: payers.alex, method: 'card', amount: 3_000, receivedOn: today(), allocations: [{ invoiceId: alexInvoice.id, amount: 3_000 }] })
      .expect(201);
  });

  it('shows each person only the issued invoices addressed to them, and their balance', async () => {
    const forAlex = (await http().get('/api/portal/billing').set(alex.auth).expect(200)).body as PortalBilling;
    expect(forAlex.currency).toBe('USD');
    expect(forAlex.invoices.map((invoice) => invoice.id)).toEqual([alexInvoice.id]);
    expect(forAlex.invoices[0]).toMatchObject({ number: alexInvoice.number, total: 8_000, paid: 3_000, outstanding: 5_000, status: 'issued' });
    expect(forAlex.balance).toEqual({ outstanding: 5_000, unallocated: 0 });

    const forSam = (await http().get('/api/portal/billing').set(sam.auth).expect(200)).body as PortalBilling;
    expect(forSam.invoices.map((invoice) => invoice.id)).toEqual([samInvoice.id]);
    expect(forSam.balance).toEqual({ outstanding: 9_100, unallocated: 0 });
    expect(JSON.stringify(forSam)).not.toContain(alexInvoice.id);
  });

  it('shows no balance to a person nothing was ever billed to', async () => {
    const other = await openCoupleWithLinks(http(), team.owner, team.clinicianId);
    const nothing = (await http().get('/api/portal/billing').set(other.alex.auth).expect(200)).body as PortalBilling;
    expect(nothing).toEqual({ currency: 'USD', balance: null, invoices: [] });
  });

  it('gives a person the PDF of their own issued invoice, and no one else’s nor a draft', async () => {
    const text = await pdf(alex, `/api/portal/billing/invoices/${alexInvoice.id}/pdf`);
    expect(text).toContain(alexInvoice.number as string);
    expect(text).toContain('Alex’s share of the couples session');

    await http().get(`/api/portal/billing/invoices/${samInvoice.id}/pdf`).set(alex.auth).expect(404);
    await http().get(`/api/portal/billing/invoices/${alexInvoice.id}/pdf`).set(sam.auth).expect(404);
    await http().get(`/api/portal/billing/invoices/${alexDraft.id}/pdf`).set(alex.auth).expect(404);
    await http().get('/api/portal/billing/invoices/not-an-id/pdf').set(alex.auth).expect(404);
  });

  it('gives each person the statement of their own account only', async () => {
    const forAlex = await pdf(alex, '/api/portal/billing/statement.pdf', period());
    expect(forAlex).toContain(alexInvoice.number as string);
    expect(forAlex).not.toContain(samInvoice.number as string);
    const forSam = await pdf(sam, '/api/portal/billing/statement.pdf', period());
    expect(forSam).toContain(samInvoice.number as string);
    expect(forSam).not.toContain(alexInvoice.number as string);
    // Without dates, the year so far.
    expect(await pdf(alex, '/api/portal/billing/statement.pdf')).toContain(alexInvoice.number as string);
  });

  it('gives each person a superbill of their own sessions only', async () => {
    const forAlex = await pdf(alex, '/api/portal/billing/superbill.pdf', period());
    expect(forAlex).toContain('Alex Rivera');
    expect(forAlex).not.toContain('Sam’s individual session');
    const forSam = await pdf(sam, '/api/portal/billing/superbill.pdf', period());
    expect(forSam).toContain('Sam Rivera');
    expect(forSam).not.toContain('Alex’s share of the couples session');
  });

  it('refuses a period that is not one', async () => {
    const refused = await http().get('/api/portal/billing/statement.pdf').query({ from: 'yesterday', to: today() }).set(alex.auth).expect(400);
    expect(refused.body.message).toEqual(['from must be a real date written as YYYY-MM-DD']);
  });
});
