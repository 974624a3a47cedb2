import { minorToDecimal, type AgingReport, type CaseBilling, type Charge, type Invoice, type InvoiceSummary, type Page } from '@trustwork/contracts';
import { DateTime } from 'luxon';
import { openCoupleWithLinks, practiceWithTeam, useTestApp, type SignedIn } from '../../test/test-app';
import { csvCell } from './billing-reports.csv';

type Team = Awaited<ReturnType<typeof practiceWithTeam>>;

const plusDays = (date: string, days: number) => DateTime.fromISO(date).plus({ days }).toISODate() as string;

/** The cells of a CSV as RFC 4180 reads them (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      index += 1;
    } else cell += character;
  }
  return rows;
}

describe('billing reports', () => {
  const api = useTestApp();
  const http = () => api.http;
  let team: Team;

  beforeAll(async () => {
    team = await practiceWithTeam(api.http, 'Aging Practice');
  });

  /** A case whose first person pays, with that payer's id. */
  async function caseWithPayer(names?: [string, string]): Promise<{ caseId: string; payerId: string }> {
    const { caseId, alex } = await openCoupleWithLinks(http(), team.owner, team.clinicianId);
    if (names) {
      const [first, second] = (await http().get(`/api/cases/${caseId}`).set(team.owner.auth).expect(200)).body.participants as { id: string }[];
      await http()
        .patch(`/api/cases/${caseId}`)
        .set(team.owner.auth)
        .send({ participants: [{ id: first.id, displayName: names[0] }, { id: second.id, displayName: names[1] }] })
        .expect(200);
    }
    const billing = (await http().put(`/api/cases/${caseId}/billing`).set(team.owner.auth).send({ arrangement: 'one-person', payerParticipantId: alex.id }).expect(200))
      .body as CaseBilling;
    const payer = billing.balances.find((balance) => balance.payer.participantId === alex.id)?.payer;
    if (!payer) throw new Error('the payer was not made');
    return { caseId, payerId: payer.id };
  }

  async function charge(caseId: string, payerId: string, amount: number): Promise<Charge> {
    const today = DateTime.now().toISODate() as string;
    const response = await http()
      .post(`/api/cases/${caseId}/charges`)
      .set(team.owner.auth)
      .send({ kind: 'manual', payerId, description: 'Couples session', serviceDate: today, amount, reason: 'Agreed fee' })
      .expect(201);
    return response.body as Charge;
  }

  async function draft(caseId: string, payerId: string, amount: number): Promise<Invoice> {
    const made = await charge(caseId, payerId, amount);
    return (await http().post(`/api/cases/${caseId}/invoices`).set(team.owner.auth).send({ payerId, chargeIds: [made.id] }).expect(201)).body as Invoice;
  }

  async function issued(caseId: string, payerId: string, amount: number): Promise<Invoice> {
    const invoice = await draft(caseId, payerId, amount);
    return (await http().post(`/api/invoices/${invoice.id}/issue`).set(team.owner.auth).expect(201)).body as Invoice;
  }

  const aging = async (as: SignedIn, asOf?: string) => (await http().get('/api/billing/aging').query(asOf ? { asOf } : {}).set(as.auth).expect(200)).body as AgingReport;

  describe('aging', () => {
    let invoice: Invoice;
    let payerId: string;

    beforeAll(async () => {
      const opened = await caseWithPayer();
      payerId = opened.payerId;
      invoice = await issued(opened.caseId, payerId, 10_000);
      await http()
        .post(`/api/cases/${opened.caseId}/payments`)
        .set(team.owner.auth)
        .send({ payerId, method: 'cash', amount: 2_550, receivedOn: invoice.issuedOn, allocations: [{ invoiceId: invoice.id, amount: 2_550 }] })
        .expect(201);
    });

    it.each([
      [0, 'current'],
      [30, 'current'],
      [31, 'days31to60'],
      [60, 'days31to60'],
      [61, 'days61to90'],
      [90, 'days61to90'],
      [91, 'over90'],
    ] as const)('counts an invoice issued %i days before asOf as %s', async (days, bucket) => {
      const report = await aging(team.owner, plusDays(invoice.issuedOn as string, days));
      const row = report.payers.find((candidate) => candidate.payer.id === payerId);
      expect(row).toMatchObject({ [bucket]: 7_450, total: 7_450, caseName: 'Alex Rivera & Sam Rivera', payer: { id: payerId, name: 'Alex Rivera', kind: 'participant' } });
      for (const other of ['current', 'days31to60', 'days61to90', 'over90'].filter((key) => key !== bucket)) expect(row?.[other as typeof bucket]).toBe(0);
      expect(report.totals[bucket]).toBeGreaterThanOrEqual(7_450);
      expect(report.currency).toBe('USD');
    });

    it('leaves out an invoice issued after the day it is as of, and counts to today by default', async () => {
      const before = await aging(team.owner, plusDays(invoice.issuedOn as string, -1));
      expect(before.payers.find((row) => row.payer.id === payerId)).toBeUndefined();
      const today = await aging(team.owner);
      expect(today.asOf).toBe(invoice.issuedOn);
    });

    it('sums every bucket into the totals, and orders payers by what they owe', async () => {
      const report = await aging(team.assistant, plusDays(invoice.issuedOn as string, 45));
      const sum = (key: 'current' | 'days31to60' | 'days61to90' | 'over90' | 'total') => report.payers.reduce((total, row) => total + row[key], 0);
      expect(report.totals).toEqual({ current: sum('current'), days31to60: sum('days31to60'), days61to90: sum('days61to90'), over90: sum('over90'), total: sum('total') });
      expect(report.payers.map((row) => row.total)).toEqual([...report.payers.map((row) => row.total)].sort((a, b) => b - a));
    });

    it('is for those who manage billing, and refuses a day that is not one', async () => {
      await http().get('/api/billing/aging').set(team.clinician.auth).expect(403);
      const refused = await http().get('/api/billing/aging').query({ asOf: '2026-02-30' }).set(team.owner.auth).expect(400);
      expect(refused.body.message).toEqual(['asOf must be a real date written as YYYY-MM-DD']);
    });
  });

  describe('the CSV of what is outstanding', () => {
    it('has one row per invoice matching the report to the cent, and a total', async () => {
      const opened = await caseWithPayer();
      const invoice = await issued(opened.caseId, opened.payerId, 12_345);
      const asOf = plusDays(invoice.issuedOn as string, 40);
      const report = await aging(team.owner, asOf);
      const response = await http().get('/api/billing/aging.csv').query({ asOf }).set(team.owner.auth).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="outstanding-${asOf}.csv"`);

      const [header, ...rows] = parseCsv(response.text);
      expect(header).toEqual(['Invoice', 'Issued on', 'Due on', 'Case', 'Payer', 'Total', 'Credited', 'Paid', 'Outstanding', 'Days', 'Age']);
      const totalRow = rows[rows.length - 1];
      expect(totalRow[0]).toBe('Total');
      expect(totalRow[8]).toBe(minorToDecimal(report.totals.total, report.currency));
      const ours = rows.find((row) => row[0] === invoice.number);
      expect(ours).toEqual([invoice.number, invoice.issuedOn, invoice.dueOn ?? '', 'Alex Rivera & Sam Rivera', 'Alex Rivera', '123.45', '0.00', '0.00', '123.45', '40', '31-60 days']);
      // The invoices' rows add up, column by column, to the report's totals.
      const cents = (text: string) => Number(text.replace('.', ''));
      const invoiceRows = rows.slice(0, -1);
      expect(invoiceRows.reduce((sum, row) => sum + cents(row[8]), 0)).toBe(report.totals.total);
      for (const column of [5, 6, 7, 8]) expect(invoiceRows.reduce((sum, row) => sum + cents(row[column]), 0)).toBe(cents(totalRow[column]));
      expect(invoiceRows.filter((row) => row[10] === '31-60 days').reduce((sum, row) => sum + cents(row[8]), 0)).toBe(report.totals.days31to60);
    });

    it('takes credit notes off what is outstanding, and leaves out an invoice credited in full', async () => {
      const opened = await caseWithPayer();
      const [partly, wholly] = [await issued(opened.caseId, opened.payerId, 9_000), await issued(opened.caseId, opened.payerId, 4_000)];
      const credit = (invoice: Invoice, lines?: { chargeId: string; amount: number }[]) =>
        http().post(`/api/invoices/${invoice.id}/credit-notes`).set(team.owner.auth).send({ reason: 'Fee reduced', lines }).expect(201);
      await credit(partly, [{ chargeId: partly.lines[0].chargeId, amount: 1_250 }]);
      await credit(wholly);

      const response = await http().get('/api/billing/aging.csv').query({ asOf: partly.issuedOn as string }).set(team.owner.auth).expect(200);
      const rows = parseCsv(response.text);
      expect(rows.find((row) => row[0] === partly.number)?.slice(5, 9)).toEqual(['90.00', '12.50', '0.00', '77.50']);
      expect(rows.find((row) => row[0] === wholly.number)).toBeUndefined();
      const report = await aging(team.owner, partly.issuedOn as string);
      expect(report.payers.find((row) => row.payer.id === opened.payerId)?.total).toBe(7_750);
    });

    it('quotes what needs quoting and keeps spreadsheet formulas from running', async () => {
      const opened = await caseWithPayer(['=HYPERLINK("http://evil.example")', '@Sam, "the other"']);
      const invoice = await issued(opened.caseId, opened.payerId, 500);
      const response = await http().get('/api/billing/aging.csv').query({ asOf: invoice.issuedOn }).set(team.owner.auth).expect(200);
      const line = response.text.split('\r\n').find((candidate) => candidate.startsWith(`${invoice.number},`));
      expect(line).toContain(`"'=HYPERLINK(""http://evil.example"") & @Sam, ""the other"""`);
      expect(line).toContain(`,"'=HYPERLINK(""http://evil.example"")",`);
      const row = parseCsv(response.text).find((cells) => cells[0] === invoice.number);
      expect(row?.[3]).toBe(`'=HYPERLINK("http://evil.example") & @Sam, "the other"`);
      expect(row?.[4]).toBe(`'=HYPERLINK("http://evil.example")`);
    });

    it('keeps negative numbers numbers, and neutralises every other cell that starts like a formula', () => {
      expect(csvCell('-12.50')).toBe('-12.50');
      expect(csvCell('-3')).toBe('-3');
      expect(csvCell('-1+2')).toBe("'-1+2");
      expect(csvCell('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
      expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
      expect(csvCell('\tcmd')).toBe("'\tcmd");
      expect(csvCell('plain')).toBe('plain');
      expect(csvCell('a "quote"')).toBe('"a ""quote"""');
      expect(csvCell('two\nlines')).toBe('"two\nlines"');
    });

    it('records the download as an export of each invoice listed', async () => {
      const response = await http().get('/api/billing/aging.csv').set(team.assistant.auth).expect(200);
      const listed = parseCsv(response.text).slice(1, -1).length;
      const log = (await http().get('/api/audit-events').query({ recordType: 'invoice' }).set(team.owner.auth).expect(200)).body as Page<{ action: string; recordIds: string[] | null }>;
      const exported = log.items.find((event) => event.action === 'invoice.export');
      expect(exported?.recordIds).toHaveLength(listed);
    });
  });

  describe('the practice’s invoices', () => {
    it('lists drafts and issued invoices of every case, newest first, a page at a time', async () => {
      const opened = await caseWithPayer();
      const first = await issued(opened.caseId, opened.payerId, 1_000);
      const second = await draft(opened.caseId, opened.payerId, 2_000);

      const newest = (await http().get('/api/billing/invoices').query({ limit: 1 }).set(team.assistant.auth).expect(200)).body as Page<InvoiceSummary>;
      expect(newest.items.map((item) => item.id)).toEqual([second.id]);
      expect(newest.items[0]).toMatchObject({ status: 'draft', number: null, total: 2_000, outstanding: 0, payer: { id: opened.payerId, name: 'Alex Rivera' } });
      const next = (await http().get('/api/billing/invoices').query({ limit: 1, cursor: newest.nextCursor }).set(team.assistant.auth).expect(200)).body as Page<InvoiceSummary>;
      expect(next.items.map((item) => item.id)).toEqual([first.id]);
      expect(next.items[0]).toMatchObject({ status: 'issued', number: first.number, total: 1_000, outstanding: 1_000, issuedOn: first.issuedOn });

      const drafts = (await http().get('/api/billing/invoices').query({ status: 'draft', limit: 100 }).set(team.owner.auth).expect(200)).body as Page<InvoiceSummary>;
      expect(drafts.items.every((item) => item.status === 'draft')).toBe(true);
      expect(drafts.items.map((item) => item.id)).toContain(second.id);
    });

    it('refuses a clinician, an unknown status and a forged cursor', async () => {
      await http().get('/api/billing/invoices').set(team.clinician.auth).expect(403);
      const status = await http().get('/api/billing/invoices').query({ status: 'paid' }).set(team.owner.auth).expect(400);
      expect(status.body.message).toEqual(['status must be one of: draft, issued']);
      await http().get('/api/billing/invoices').query({ cursor: Buffer.from('["x","y"]').toString('base64url') }).set(team.owner.auth).expect(400);
    });
  });
});
