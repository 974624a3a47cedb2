import type { AuditEvent, CaseBilling, CaseDetail, Charge, Invoice, Page, PayerBalance, TherapySession } from '@trustwork/contracts';
import { openCoupleWithLinks, practiceWithTeam, registerPractice, useTestApp, type PortalPerson, type SignedIn } from '../../test/test-app';

const HOUR_MS = 60 * 60 * 1000;
const fromNow = (hours: number) => new Date(Date.now() + hours * HOUR_MS).toISOString();

describe('who pays, and charges', () => {
  const api = useTestApp();
  let owner: SignedIn;
  let assistant: SignedIn;
  let clinician: SignedIn;
  let clinicianId: string;
  beforeAll(async () => {
    ({ owner, assistant, clinician, clinicianId } = await practiceWithTeam(api.http, 'Charges Practice'));
    // 02:00 UTC is still the evening before in New York: charges carry the practice's own date.
    await api.http.patch('/api/practice').set(owner.auth).send({ timeZone: 'America/New_York', cancellationNoticeHours: 24 }).expect(200);
    await api.http.patch('/api/billing/settings').set(owner.auth).send({ noShowFee: 6001, lateCancellationFee: 4000 }).expect(200);
    const service = (body: object) => api.http.post('/api/billing/services').set(owner.auth).send(body).expect(201);
    await service({ name: 'Couples session', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 50, fee: 15001 });
    await service({ name: 'Long couples session', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 80, fee: 24000 });
    await service({ name: 'Individual session', cptCode: '90834', sessionKind: 'individual', defaultDurationMinutes: 45, fee: 12000 });
  });

  const openCase = async () => openCoupleWithLinks(api.http, owner, clinicianId);
  const billing = async (caseId: string, as = owner) => (await api.http.get(`/api/cases/${caseId}/billing`).set(as.auth).expect(200)).body as CaseBilling;
  const setBilling = (caseId: string, body: object, as = owner) => api.http.put(`/api/cases/${caseId}/billing`).set(as.auth).send(body);
  const charges = async (caseId: string, query: object = {}) =>
    (await api.http.get(`/api/cases/${caseId}/charges`).query(query).set(owner.auth).expect(200)).body as Charge[];
  const schedule = async (caseId: string, body: object) =>
    (await api.http.post(`/api/cases/${caseId}/sessions`).set(owner.auth).send({ durationMinutes: 50, modality: 'video', ...body }).expect(201)).body as TherapySession;
  const setStatus = (sessionId: string, status: string) => api.http.patch(`/api/sessions/${sessionId}`).set(owner.auth).send({ status }).expect(200);
  const addCharge = (caseId: string, body: object, as = owner) => api.http.post(`/api/cases/${caseId}/charges`).set(as.auth).send(body);
  const payerIds = async (caseId: string) => {
    const [alex, sam] = (await billing(caseId)).balances.map((balance) => balance.payer.id);
    return { alex, sam };
  };
  const auditActions = async (recordId: string) =>
    ((await api.http.get('/api/audit-events').query({ recordId }).set(owner.auth).expect(200)).body as Page<AuditEvent>).items.map((event) => event.action);
  const zero = { uninvoiced: 0, invoiced: 0, credited: 0, paid: 0, outstanding: 0, unallocated: 0 };

  describe('who pays', () => {
    it('starts with nobody chosen and each person listed as a payer owing nothing', async () => {
      const { caseId, alex, sam } = await openCase();
      const read = await billing(caseId, assistant);
      expect(read).toEqual({
        caseId,
        currency: 'USD',
        arrangement: null,
        payerParticipantId: null,
        shares: [],
        thirdParty: null,
        individualSessionsToOwnPerson: true,
        balances: [
          { payer: { id: expect.any(String), caseId, kind: 'participant', participantId: alex.id, name: 'Alex Rivera', email: null, address: null }, ...zero },
          { payer: { id: expect.any(String), caseId, kind: 'participant', participantId: sam.id, name: 'Sam Rivera', email: null, address: null }, ...zero },
        ],
      });
      // Read again: the same payers, never a second row per person.
      expect((await billing(caseId)).balances.map((balance) => balance.payer.id)).toEqual(read.balances.map((balance) => balance.payer.id));
      expect(await auditActions(caseId)).toContain('case.billing-read');
    });

    it('keeps one person, shares, or a third party (whose row is reused when its details change)', async () => {
      const { caseId, alex, sam } = await openCase();
      const one = (await setBilling(caseId, { arrangement: 'one-person', payerParticipantId: sam.id }).expect(200)).body as CaseBilling;
      expect(one).toMatchObject({ arrangement: 'one-person', payerParticipantId: sam.id, shares: [], thirdParty: null, individualSessionsToOwnPerson: true });

      const shares = [
        { participantId: alex.id, percent: 70 },
        { participantId: sam.id, percent: 30 },
      ];
      const shared = (await setBilling(caseId, { arrangement: 'shared', shares, individualSessionsToOwnPerson: false }, assistant).expect(200)).body as CaseBilling;
      expect(shared).toMatchObject({ arrangement: 'shared', payerParticipantId: null, shares, individualSessionsToOwnPerson: false });

      const third = (await setBilling(caseId, { arrangement: 'third-party', thirdParty: { name: 'Pat Rivera', email: 'Pat@Example.test', address: null } }).expect(200))
        .body as CaseBilling;
      expect(third).toMatchObject({ arrangement: 'third-party', thirdParty: { name: 'Pat Rivera', email: 'pat@example.test', address: null }, individualSessionsToOwnPerson: false });
      const thirdPayer = third.balances[2].payer;
      expect(thirdPayer).toMatchObject({ kind: 'third-party', participantId: null, name: 'Pat Rivera' });

      const moved = (await setBilling(caseId, { arrangement: 'third-party', thirdParty: { name: 'Pat Rivera', email: null, address: '1 Main St' } }).expect(200))
        .body as CaseBilling;
      expect(moved.balances).toHaveLength(3);
      expect(moved.balances[2].payer).toEqual({ ...thirdPayer, email: null, address: '1 Main St' });
      expect(await auditActions(caseId)).toContain('case.payers-change');
    });

    it('explains every wrong arrangement', async () => {
      const { caseId, alex, sam } = await openCase();
      const other = await openCase();
      const refused = async (body: object) => (await setBilling(caseId, body).expect(400)).body.message as string[];
      expect(await refused({})).toEqual(['arrangement is required']);
      expect(await refused({ arrangement: 'parents' })).toEqual(['arrangement must be one of: one-person, shared, third-party']);
      expect(await refused({ arrangement: 'one-person' })).toEqual(['payerParticipantId is required when one person pays']);
      expect(await refused({ arrangement: 'one-person', payerParticipantId: other.alex.id })).toEqual(['payerParticipantId must be one of the people of this case']);
      expect(await refused({ arrangement: 'shared' })).toEqual(['shares is required when both pay: one share per person of the case']);
      expect(await refused({ arrangement: 'shared', shares: [{ participantId: alex.id, percent: 100 }] })).toEqual([
        'shares must give one share to each person of the case',
        'shares must each be a whole percent from 1 to 99',
      ]);
      expect(
        await refused({
          arrangement: 'shared',
          shares: [
            { participantId: alex.id, percent: 50 },
            { participantId: sam.id, percent: 40 },
          ],
        }),
      ).toEqual(['shares must add up to 100 percent']);
      expect(await refused({ arrangement: 'shared', shares: [{ participantId: alex.id, percent: 50.5 }] })).toEqual(['shares.0.percent must be a whole number from 1 to 99']);
      expect(await refused({ arrangement: 'third-party' })).toEqual(['thirdParty is required when someone else pays: at least their name']);
      expect(await refused({ arrangement: 'third-party', thirdParty: { name: ' ', email: 'not-mail' } })).toEqual([
        'thirdParty.name must not be blank',
        'thirdParty.email must be a valid e-mail address, or null for none',
      ]);
      expect((await billing(caseId)).arrangement).toBeNull();
    });

    it('is not a clinician’s, and another practice’s case is unknown', async () => {
      const { caseId } = await openCase();
      await api.http.get(`/api/cases/${caseId}/billing`).set(clinician.auth).expect(403);
      const stranger = await registerPractice(api.http, 'Stranger Practice');
      await api.http.get(`/api/cases/${caseId}/billing`).set(stranger.auth).expect(404);
      await setBilling(caseId, { arrangement: 'third-party', thirdParty: { name: 'X' } }, stranger).expect(404);
      await api.http.get(`/api/cases/${caseId}/charges`).set(stranger.auth).expect(404);
    });
  });

  describe('charges from sessions', () => {
    it('charges a held joint session from the nearest service, split exactly between the two, on the practice’s date', async () => {
      const { caseId } = await openCase();
      const { alex, sam } = await payerIds(caseId);
      const held = await schedule(caseId, { startsAt: '2026-04-03T02:00:00Z', durationMinutes: 60 });
      await setStatus(held.id, 'completed');
      const made = await charges(caseId);
      expect(made).toEqual([
        {
          id: expect.any(String),
          caseId,
          payerId: alex,
          kind: 'session',
          sessionId: held.id,
          serviceId: expect.any(String),
          cptCode: '90847',
          description: 'Couples session',
          serviceDate: '2026-04-02',
          amount: 7501,
          reason: null,
          invoiceId: null,
          invoiceNumber: null,
          locked: false,
          createdAt: expect.any(String),
        },
        expect.objectContaining({ payerId: sam, amount: 7500, kind: 'session', description: 'Couples session' }),
      ]);
      const balances = (await billing(caseId)).balances;
      expect(balances.map((balance) => balance.uninvoiced)).toEqual([7501, 7500]);
      expect(await auditActions(made[0].id)).toEqual(expect.arrayContaining(['charge.create', 'charge.list']));

      // Held again (a repeat of the same status) never doubles the charges.
      await setStatus(held.id, 'completed');
      expect(await charges(caseId)).toHaveLength(2);

      const long = await schedule(caseId, { startsAt: '2026-04-10T15:00:00Z', durationMinutes: 75 });
      await setStatus(long.id, 'completed');
      expect((await charges(caseId)).filter((charge) => charge.sessionId === long.id).map((charge) => [charge.description, charge.amount])).toEqual([
        ['Long couples session', 12000],
        ['Long couples session', 12000],
      ]);
    });

    it('bills a session with one person to that person, whoever pays for the couple', async () => {
      const { caseId, alex } = await openCase();
      const payers = await payerIds(caseId);
      const samPays = (await setBilling(caseId, { arrangement: 'one-person', payerParticipantId: (await billing(caseId)).balances[1].payer.participantId }).expect(200))
        .body as CaseBilling;
      expect(samPays.payerParticipantId).not.toBe(alex.id);
      const alone = await schedule(caseId, { startsAt: '2026-04-04T15:00:00Z', durationMinutes: 45, attendeeIds: [alex.id] });
      await setStatus(alone.id, 'completed');
      expect((await charges(caseId)).map((charge) => [charge.payerId, charge.amount, charge.cptCode])).toEqual([[payers.alex, 12000, '90834']]);

      const joint = await schedule(caseId, { startsAt: '2026-04-05T15:00:00Z' });
      await setStatus(joint.id, 'completed');
      expect((await charges(caseId)).filter((charge) => charge.sessionId === joint.id).map((charge) => [charge.payerId, charge.amount])).toEqual([[payers.sam, 15001]]);
    });

    it('lets a session with one person follow a third party when the practice says so', async () => {
      const { caseId, alex } = await openCase();
      const set = (await setBilling(caseId, { arrangement: 'third-party', thirdParty: { name: 'Employer programme' }, individualSessionsToOwnPerson: false }).expect(200))
        .body as CaseBilling;
      const alone = await schedule(caseId, { startsAt: '2026-04-04T15:00:00Z', attendeeIds: [alex.id] });
      await setStatus(alone.id, 'completed');
      expect((await charges(caseId)).map((charge) => charge.payerId)).toEqual([set.balances[2].payer.id]);
    });

    it('charges no session when the practice has no service of its kind', async () => {
      const bare = await registerPractice(api.http, 'No Services Practice');
      const created = (
        await api.http
          .post('/api/cases')
          .set(bare.auth)
          .send({
            relationshipType: 'couple',
            participants: [
              { displayName: 'Alex Rivera', breachRole: 'broke-trust' },
              { displayName: 'Sam Rivera', breachRole: 'was-hurt' },
            ],
          })
          .expect(201)
      ).body as CaseDetail;
      const held = (await api.http.post(`/api/cases/${created.id}/sessions`).set(bare.auth).send({ startsAt: '2026-04-02T15:00:00Z', durationMinutes: 50, modality: 'video' }).expect(201))
        .body as TherapySession;
      await api.http.patch(`/api/sessions/${held.id}`).set(bare.auth).send({ status: 'completed' }).expect(200);
      expect((await api.http.get(`/api/cases/${created.id}/charges`).set(bare.auth).expect(200)).body).toEqual([]);
    });

    it('charges the missed-session fee, and takes a session’s charges back off when its status is undone', async () => {
      const { caseId } = await openCase();
      const missed = await schedule(caseId, { startsAt: '2026-04-06T15:00:00Z' });
      await setStatus(missed.id, 'no-show');
      expect((await charges(caseId)).map((charge) => [charge.kind, charge.description, charge.amount, charge.serviceDate])).toEqual([
        ['no-show', 'Missed session fee', 3001, '2026-04-06'],
        ['no-show', 'Missed session fee', 3000, '2026-04-06'],
      ]);
      await setStatus(missed.id, 'completed');
      expect((await charges(caseId)).map((charge) => [charge.kind, charge.amount])).toEqual([
        ['session', 7501],
        ['session', 7500],
      ]);
      const removed = (await charges(caseId))[0].id;
      await setStatus(missed.id, 'scheduled');
      expect(await charges(caseId)).toEqual([]);
      expect(await auditActions(removed)).toEqual(expect.arrayContaining(['charge.create', 'charge.delete']));
    });

    it('charges the late cancellation fee when a person cancels inside the notice period', async () => {
      const { caseId, sam } = await openCase();
      const soon = await schedule(caseId, { startsAt: fromNow(3) });
      await cancelInPortal(sam, soon.id);
      const fees = await charges(caseId);
      expect(fees.map((charge) => [charge.kind, charge.description, charge.amount, charge.sessionId])).toEqual([
        ['late-cancellation', 'Late cancellation fee', 2000, soon.id],
        ['late-cancellation', 'Late cancellation fee', 2000, soon.id],
      ]);

      const later = await schedule(caseId, { startsAt: fromNow(100) });
      await cancelInPortal(sam, later.id);
      expect((await charges(caseId)).filter((charge) => charge.sessionId === later.id)).toEqual([]);
    });
  });

  describe('charges by hand', () => {
    it('adds a manual charge and an adjustment, lists, changes and removes them', async () => {
      const { caseId } = await openCase();
      const { alex, sam } = await payerIds(caseId);
      const manual = (
        await addCharge(caseId, { kind: 'manual', payerId: alex, description: ' Report for the court ', serviceDate: '2026-04-07', amount: 20000, reason: 'Requested by Alex' }, assistant).expect(
          201,
        )
      ).body as Charge;
      expect(manual).toMatchObject({ kind: 'manual', payerId: alex, description: 'Report for the court', serviceDate: '2026-04-07', amount: 20000, reason: 'Requested by Alex', locked: false });
      const adjustment = (await addCharge(caseId, { kind: 'adjustment', payerId: alex, description: 'Sliding scale', serviceDate: '2026-04-01', amount: -5000, reason: 'Hardship' }).expect(201))
        .body as Charge;
      expect((await charges(caseId)).map((charge) => charge.id)).toEqual([adjustment.id, manual.id]);
      expect((await billing(caseId)).balances[0].uninvoiced).toBe(15000);

      const changed = await api.http.patch(`/api/charges/${manual.id}`).set(owner.auth).send({ amount: 22000, payerId: sam, serviceDate: '2026-04-08' }).expect(200);
      expect(changed.body).toMatchObject({ id: manual.id, amount: 22000, payerId: sam, serviceDate: '2026-04-08', description: 'Report for the court' });
      await api.http.delete(`/api/charges/${adjustment.id}`).set(owner.auth).expect(204);
      await api.http.delete(`/api/charges/${adjustment.id}`).set(owner.auth).expect(404);
      expect((await charges(caseId)).map((charge) => charge.id)).toEqual([manual.id]);
      expect(await auditActions(manual.id)).toEqual(expect.arrayContaining(['charge.create', 'charge.update']));
      expect(await auditActions(adjustment.id)).toEqual(expect.arrayContaining(['charge.create', 'charge.delete']));
    });

    it('fills the CPT code from the service and ties a fee to a session of the case', async () => {
      const { caseId } = await openCase();
      const { alex } = await payerIds(caseId);
      const services = (await api.http.get('/api/billing/services').set(owner.auth).expect(200)).body as { id: string; name: string }[];
      const individual = services.find((service) => service.name === 'Individual session');
      const missed = await schedule(caseId, { startsAt: '2026-04-09T15:00:00Z' });
      const fee = (
        await addCharge(caseId, { kind: 'no-show', payerId: alex, description: 'Missed session fee', serviceDate: '2026-04-09', amount: 5000, sessionId: missed.id, serviceId: individual?.id })
          .expect(201)
      ).body as Charge;
      expect(fee).toMatchObject({ sessionId: missed.id, serviceId: individual?.id, cptCode: '90834', reason: null });
      const twice = await addCharge(caseId, { kind: 'no-show', payerId: alex, description: 'Missed session fee', serviceDate: '2026-04-09', amount: 5000, sessionId: missed.id }).expect(400);
      expect(twice.body.message).toEqual(['sessionId already has a charge of this kind (missed session fee) for this payer: change that one instead']);
    });

    it('explains every wrong charge', async () => {
      const { caseId, alex } = await openCase();
      const { sam } = await payerIds(caseId);
      const other = await openCase();
      const otherPayer = (await payerIds(other.caseId)).alex;
      const otherSession = await schedule(other.caseId, { startsAt: '2026-04-09T15:00:00Z' });
      const refused = async (body: object) => (await addCharge(caseId, body).expect(400)).body.message as string[];
      expect(await refused({})).toEqual(['kind is required', 'payerId is required', 'description is required', 'serviceDate is required', 'amount is required']);
      expect(await refused({ kind: 'session', payerId: sam, description: 'x', serviceDate: '2026-02-30', amount: 1.5 })).toEqual([
        'kind must be one of: manual, adjustment, late-cancellation, no-show',
        'serviceDate must be a real date written as YYYY-MM-DD',
        'amount must be a whole number of cents (minor units) from -100000000 to 100000000',
      ]);
      const base = { payerId: sam, description: 'Report', serviceDate: '2026-04-07' };
      expect(await refused({ ...base, kind: 'manual', amount: 100 })).toEqual(['reason is required for a manual charge']);
      expect(await refused({ ...base, kind: 'adjustment', amount: 0 })).toEqual(['amount must not be 0 for an adjustment', 'reason is required for an adjustment']);
      expect(await refused({ ...base, kind: 'no-show', amount: -100 })).toEqual(['amount must be more than 0 (only an adjustment may be negative)']);
      expect(await refused({ ...base, kind: 'no-show', amount: 100, payerId: otherPayer })).toEqual(['payerId must be one of the payers of this case']);
      expect(await refused({ ...base, kind: 'no-show', amount: 100, sessionId: otherSession.id })).toEqual(['sessionId must be a session of this case']);

      // Alex's own session never goes on Sam's invoice.
      const alone = await schedule(caseId, { startsAt: '2026-04-11T15:00:00Z', attendeeIds: [alex.id] });
      expect(await refused({ ...base, kind: 'no-show', amount: 100, sessionId: alone.id })).toEqual([
        'payerId must not be the other partner: this session was with one person only, and one partner’s invoice never shows the other’s individual sessions.',
      ]);
      await setStatus(alone.id, 'completed');
      const [own] = await charges(caseId);
      const moved = await api.http.patch(`/api/charges/${own.id}`).set(owner.auth).send({ payerId: sam }).expect(400);
      expect(moved.body.message).toEqual([
        'payerId must not be the other partner: this session was with one person only, and one partner’s invoice never shows the other’s individual sessions.',
      ]);
      await api.http.patch(`/api/charges/${own.id}`).set(clinician.auth).send({ amount: 1 }).expect(403);
      const stranger = await registerPractice(api.http, 'Charge Stranger Practice');
      await api.http.patch(`/api/charges/${own.id}`).set(stranger.auth).send({ amount: 1 }).expect(404);
      await api.http.delete(`/api/charges/${own.id}`).set(stranger.auth).expect(404);
      await api.http.patch('/api/charges/not-an-id').set(owner.auth).send({ amount: 1 }).expect(404);
    });

    it('keeps a charge on a draft editable, and refuses to change one on an issued invoice', async () => {
      const { caseId } = await openCase();
      const { alex } = await payerIds(caseId);
      const held = await schedule(caseId, { startsAt: '2026-04-12T15:00:00Z' });
      await setStatus(held.id, 'completed');
      const manual = (await addCharge(caseId, { kind: 'manual', payerId: alex, description: 'Workbook', serviceDate: '2026-04-12', amount: 2500, reason: 'Asked for one' }).expect(201))
        .body as Charge;
      const alexCharges = (await charges(caseId)).filter((charge) => charge.payerId === alex);
      const draft = (await api.http.post(`/api/cases/${caseId}/invoices`).set(owner.auth).send({ payerId: alex, chargeIds: alexCharges.map((charge) => charge.id) }).expect(201))
        .body as Invoice;

      const onDraft = await api.http.patch(`/api/charges/${manual.id}`).set(owner.auth).send({ amount: 3000 }).expect(200);
      expect(onDraft.body).toMatchObject({ invoiceId: draft.id, invoiceNumber: null, locked: false, amount: 3000 });
      await api.http.delete(`/api/charges/${manual.id}`).set(owner.auth).expect(204);
      const [sessionCharge] = alexCharges.filter((charge) => charge.kind === 'session');
      const issued = (await api.http.post(`/api/invoices/${draft.id}/issue`).set(owner.auth).expect(201)).body as Invoice;
      expect(issued.lines.map((line) => line.chargeId)).toEqual([sessionCharge.id]);

      const locked = (await charges(caseId)).find((charge) => charge.id === sessionCharge.id);
      expect(locked).toMatchObject({ invoiceId: draft.id, invoiceNumber: issued.number, locked: true });
      const refused = await api.http.patch(`/api/charges/${sessionCharge.id}`).set(owner.auth).send({ amount: 1 }).expect(409);
      expect(refused.body.message).toBe(`Invoice ${issued.number} has been issued, so it can no longer be changed. Issue a credit note to correct it.`);
      await api.http.delete(`/api/charges/${sessionCharge.id}`).set(owner.auth).expect(409);
      expect((await charges(caseId, { uninvoiced: 'true' })).map((charge) => charge.payerId)).not.toContain(alex);

      // Undoing the session keeps what was issued; the other person's share comes off.
      await setStatus(held.id, 'scheduled');
      expect((await charges(caseId)).map((charge) => charge.id)).toEqual([sessionCharge.id]);
      const [alexBalance] = (await billing(caseId)).balances as PayerBalance[];
      expect(alexBalance).toMatchObject({ uninvoiced: 0, invoiced: 7501, outstanding: 7501 });

      // Issued amounts are in dollars: the practice's currency stays.
      const switched = await api.http.patch('/api/billing/settings').set(owner.auth).send({ currency: 'EUR' }).expect(409);
      expect(switched.body.message).toBe('The currency cannot be changed once an invoice has been issued: issued amounts are in the current currency.');
      await api.http.patch('/api/billing/settings').set(owner.auth).send({ currency: 'USD', paymentTermsDays: 30 }).expect(200);
    });
  });

  async function cancelInPortal(person: PortalPerson, sessionId: string) {
    await api.http.post(`/api/portal/sessions/${sessionId}/cancel`).set(person.auth).send({}).expect(200);
  }
});
