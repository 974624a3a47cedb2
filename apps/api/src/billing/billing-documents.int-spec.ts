import type { AuditEvent, CaseBilling, CaseDetail, Charge, Invoice, Page, Payment, Statement, Superbill, TherapySession } from '@trustwork/contracts';
import { DateTime } from 'luxon';
import { pdfText } from '../../test/pdf-text';
import { practiceWithTeam, registerPractice, useTestApp, type SignedIn } from '../../test/test-app';

type Team = Awaited<ReturnType<typeof practiceWithTeam>>;

describe('statements and superbills', () => {
  const api = useTestApp();
  let team: Team;
  let created: CaseDetail;
  let alexId: string;
  let samId: string;
  let alexPayerId: string;
  let alexCharges: Charge[];
  let invoice: Invoice;
  /** The day the invoice was issued: today in the practice's time zone. */
  let issuedOn: string;

  const daysBefore = (date: string, days: number) => DateTime.fromISO(date).minus({ days }).toISODate() as string;

  beforeAll(async () => {
    team = await practiceWithTeam(api.http, 'Documents Practice');
    const { owner, clinician, clinicianId } = team;
    await api.http.patch('/api/billing/settings').set(owner.auth).send({ taxId: '12-3456789', npi: '1234567893', paymentInstructions: 'Bank transfer to 12-34-56 87654321' }).expect(200);
    await api.http.put(`/api/billing/clinicians/${clinicianId}`).set(owner.auth).send({ licence: 'LMFT 12345, CA', npi: '1987654321' }).expect(200);
    await api.http.post('/api/billing/services').set(owner.auth).send({ name: 'Couples session', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 50, fee: 15001 }).expect(201);
    await api.http
      .post('/api/billing/services')
      .set(owner.auth)
      .send({ name: 'Individual session', cptCode: '90834', sessionKind: 'individual', defaultDurationMinutes: 45, fee: 12000 })
      .expect(201);

    created = (
      await api.http
        .post('/api/cases')
        .set(clinician.auth)
        .send({ relationshipType: 'couple', participants: [{ displayName: 'Alex Rivera', breachRole: 'broke-trust' }, { displayName: 'Sam Rivera', breachRole: 'was-hurt' }] })
        .expect(201)
    ).body as CaseDetail;
    [alexId, samId] = created.participants.map((participant) => participant.id);

    const hold = async (startsAt: string, durationMinutes: number, attendeeIds?: string[]) => {
      const session = (await api.http.post(`/api/cases/${created.id}/sessions`).set(clinician.auth).send({ startsAt, durationMinutes, modality: 'in-person', attendeeIds }).expect(201))
        .body as TherapySession;
      await api.http.patch(`/api/sessions/${session.id}`).set(clinician.auth).send({ status: 'completed' }).expect(200);
    };
    await hold('2026-03-05T15:00:00Z', 50);
    await hold('2026-03-12T15:00:00Z', 45, [alexId]);
    await hold('2026-03-19T15:00:00Z', 45, [samId]);

    const billing = (await api.http.get(`/api/cases/${created.id}/billing`).set(owner.auth).expect(200)).body as CaseBilling;
    alexPayerId = billing.balances.find((balance) => balance.payer.participantId === alexId)!.payer.id;
    const charges = (await api.http.get(`/api/cases/${created.id}/charges`).set(owner.auth).expect(200)).body as Charge[];
    alexCharges = charges.filter((charge) => charge.payerId === alexPayerId);

    const draft = (await api.http.post(`/api/cases/${created.id}/invoices`).set(owner.auth).send({ payerId: alexPayerId }).expect(201)).body as Invoice;
    invoice = (await api.http.post(`/api/invoices/${draft.id}/issue`).set(owner.auth).expect(201)).body as Invoice;
    issuedOn = invoice.issuedOn!;
  });

  const pay = async (amount: number, receivedOn: string) =>
    (await api.http.post(`/api/cases/${created.id}/payments`).set(team.owner.auth).send({ payerId: alexPayerId, method: 'cheque', amount, receivedOn, reference: `No ${amount}` }).expect(201))
      .body as Payment;
  const statement = (as: SignedIn, query: Record<string, string>, payerId = alexPayerId) => api.http.get(`/api/payers/${payerId}/statement`).query(query).set(as.auth);
  const superbill = (as: SignedIn, query: Record<string, string>, participantId = alexId) => api.http.get(`/api/participants/${participantId}/superbill`).query(query).set(as.auth);
  const pdfOf = async (url: string, query: Record<string, string>) => {
    const response = await api.http
      .get(url)
      .query(query)
      .set(team.owner.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('no-store');
    return (await pdfText(response.body as Buffer)).text;
  };

  it('bills each person only for what is theirs: the individual sessions go to the one who attended', () => {
    expect(alexCharges.map((charge) => [charge.serviceDate, charge.cptCode])).toEqual([
      ['2026-03-05', '90847'],
      ['2026-03-12', '90834'],
    ]);
    expect(invoice.total).toBe(alexCharges[0].amount + 12000);
  });

  describe('with payments, a refund and a credit note', () => {
    let individualCharge: Charge;
    beforeAll(async () => {
      individualCharge = alexCharges[1];
      const early = await pay(5000, daysBefore(issuedOn, 10));
      await pay(3000, issuedOn);
      await api.http.post(`/api/payments/${early.id}/refunds`).set(team.owner.auth).send({ amount: 1000, refundedOn: issuedOn, reason: 'Paid twice' }).expect(201);
      await api.http
        .post(`/api/invoices/${invoice.id}/credit-notes`)
        .set(team.owner.auth)
        .send({ reason: 'Shorter session', lines: [{ chargeId: individualCharge.id, amount: 500 }] })
        .expect(201);
    });

    it('runs the payer’s balance to the cent, from what was owed before the period to what is owed at its end', async () => {
      const from = daysBefore(issuedOn, 5);
      const body = (await statement(team.owner, { from, to: issuedOn }).expect(200)).body as Statement;
      const total = invoice.total;
      expect(body).toEqual({
        payer: expect.objectContaining({ id: alexPayerId, name: 'Alex Rivera', kind: 'participant', participantId: alexId }),
        from,
        to: issuedOn,
        currency: 'USD',
        openingBalance: -5000,
        entries: [
          { date: issuedOn, kind: 'invoice', reference: 'INV-0001', amount: total, balance: total - 5000 },
          { date: issuedOn, kind: 'payment', reference: expect.stringContaining('No 3000'), amount: -3000, balance: total - 8000 },
          { date: issuedOn, kind: 'refund', reference: expect.any(String), amount: 1000, balance: total - 7000 },
          { date: issuedOn, kind: 'credit-note', reference: 'CN-0002', amount: -500, balance: total - 7500 },
        ],
        closingBalance: total - 7500,
      });

      const earlier = (await statement(team.owner, { from: daysBefore(issuedOn, 30), to: daysBefore(issuedOn, 1) }).expect(200)).body as Statement;
      expect(earlier).toMatchObject({ openingBalance: 0, entries: [{ kind: 'payment', amount: -5000, balance: -5000 }], closingBalance: -5000 });

      const text = await pdfOf(`/api/payers/${alexPayerId}/statement.pdf`, { from, to: issuedOn });
      expect(text).toContain('Statement');
      expect(text).toContain('Alex Rivera');
      expect(text).toContain('INV-0001');
      expect(text).toContain('CN-0002');
      expect(text).toContain('-$50.00');
      expect(text).toContain(`$${((total - 7500) / 100).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`);
      expect(text).toContain('Bank transfer to 12-34-56 87654321');
    });

    it('lists only the person’s own sessions, with the credits taken off and the payments spread in date order', async () => {
      const query = { from: '2026-03-01', to: '2026-03-31' };
      const body = (await superbill(team.owner, query).expect(200)).body as Superbill;
      const joint = alexCharges[0].amount;
      expect(body).toEqual({
        participantId: alexId,
        personName: 'Alex Rivera',
        ...query,
        currency: 'USD',
        practice: { name: 'Documents Practice', address: null, taxId: '12-3456789', npi: '1234567893' },
        clinicians: [{ name: 'A clinician', licence: 'LMFT 12345, CA', npi: '1987654321' }],
        diagnoses: [],
        lines: [
          { serviceDate: '2026-03-05', cptCode: '90847', description: 'Couples session', clinicianName: 'A clinician', fee: joint, paid: 7000 },
          { serviceDate: '2026-03-12', cptCode: '90834', description: 'Individual session', clinicianName: 'A clinician', fee: 11500, paid: 0 },
        ],
        totalFee: joint + 11500,
        totalPaid: 7000,
      });
      // Sam's own session of 19 March is never on Alex's superbill.
      expect(body.lines.map((line) => line.serviceDate)).not.toContain('2026-03-19');
      const sams = (await superbill(team.owner, query, samId).expect(200)).body as Superbill;
      expect(sams.lines).toEqual([]);
      expect(sams.totalFee).toBe(0);

      await api.http
        .put(`/api/participants/${alexId}/diagnoses`)
        .set(team.clinician.auth)
        .send({ codes: [{ code: 'Z63.0', description: 'Relationship distress with spouse' }] })
        .expect(200);
      const text = await pdfOf(`/api/participants/${alexId}/superbill.pdf`, query);
      for (const words of ['Superbill', 'Alex Rivera', '12-3456789', '1234567893', 'LMFT 12345, CA', '1987654321', 'Z63.0', '90847', '90834', '$115.00', '$70.00']) {
        expect(text).toContain(words);
      }
      expect(text).not.toContain('Sam Rivera');
      expect(text).not.toContain('Mar 19, 2026');

      const events = (await api.http.get('/api/audit-events').query({ caseId: created.id }).set(team.owner.auth).expect(200)).body as Page<AuditEvent>;
      const actions = events.items.map((event) => event.action);
      expect(actions).toEqual(expect.arrayContaining(['payer.statement', 'participant.superbill']));
    });
  });

  it('covers the year so far when no dates are given, and needs them in order, at most five years apart', async () => {
    const yearSoFar = (await statement(team.owner, {}).expect(200)).body as { from: string; to: string };
    // Today in the practice's zone is within a day of today in UTC.
    const aroundToday = [-1, 0, 1].map((days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10));
    expect(aroundToday).toContain(yearSoFar.to);
    expect(yearSoFar.from).toBe(`${yearSoFar.to.slice(0, 4)}-01-01`);
    expect((await superbill(team.owner, { to: '2026-03-31' }).expect(200)).body).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect((await statement(team.owner, { from: '2026-03-31', to: '2026-03-01' }).expect(400)).body.message).toEqual([expect.stringMatching(/^to must be on or after from/)]);
    expect((await superbill(team.owner, { from: '2020-01-01', to: '2025-01-02' }).expect(400)).body.message).toEqual([expect.stringMatching(/^to must be at most 5 years after from/)]);
    await superbill(team.owner, { from: '2020-01-01', to: '2025-01-01' }).expect(200);
    expect((await superbill(team.owner, { from: '2026-02-30', to: '2026-03-01' }).expect(400)).body.message).toEqual(['from must be a real date written as YYYY-MM-DD']);
  });

  it('is for those who bill: a clinician is refused, another practice and unknown ids answer 404', async () => {
    const query = { from: '2026-03-01', to: '2026-03-31' };
    await statement(team.assistant, query).expect(200);
    await superbill(team.assistant, query).expect(200);
    await statement(team.clinician, query).expect(403);
    await superbill(team.clinician, query).expect(403);
    const stranger = await registerPractice(api.http, 'Other Documents Practice');
    await statement(stranger, query).expect(404);
    await superbill(stranger, query).expect(404);
    await statement(team.owner, query, 'not-an-id').expect(404);
    await superbill(team.owner, query, '00000000-0000-4000-8000-000000000000').expect(404);
  });
});
