import type { AuditEvent, BillingService, BillingSettings, ClinicianCredentials, Page } from '@trustwork/contracts';
import { practiceWithTeam, registerPractice, useTestApp, type SignedIn } from '../../test/test-app';

describe('billing settings, services and credentials', () => {
  const api = useTestApp();
  let owner: SignedIn;
  let clinician: SignedIn;
  let clinicianId: string;
  let assistant: SignedIn;
  beforeAll(async () => {
    ({ owner, clinician, clinicianId, assistant } = await practiceWithTeam(api.http, 'Billing Settings Practice'));
  });

  const settings = (as: SignedIn) => api.http.get('/api/billing/settings').set(as.auth);
  const patchSettings = (as: SignedIn, body: object) => api.http.patch('/api/billing/settings').set(as.auth).send(body);
  const auditActions = async (recordId: string) =>
    ((await api.http.get('/api/audit-events').query({ recordId }).set(owner.auth).expect(200)).body as Page<AuditEvent>).items.map((event) => event.action);

  it('answers the defaults before anything is chosen: USD, 30 days, no fees', async () => {
    const fresh = await registerPractice(api.http, 'Fresh Billing Practice');
    expect((await settings(fresh).expect(200)).body).toEqual({
      currency: 'USD',
      taxId: null,
      npi: null,
      lateCancellationFee: null,
      noShowFee: null,
      paymentTermsDays: 30,
      paymentInstructions: null,
    } satisfies BillingSettings);
  });

  it('keeps what is changed, leaves what is left out, and clears with null', async () => {
    const changed = (
      await patchSettings(owner, {
        currency: 'GBP',
        taxId: ' 12-3456789 ',
        npi: '1234567893',
        lateCancellationFee: 5000,
        noShowFee: 7500,
        paymentTermsDays: 14,
        paymentInstructions: 'Bank transfer to Harbour Lane Counselling, sort code 12-34-56.',
      }).expect(200)
    ).body as BillingSettings;
    expect(changed).toEqual({
      currency: 'GBP',
      taxId: '12-3456789',
      npi: '1234567893',
      lateCancellationFee: 5000,
      noShowFee: 7500,
      paymentTermsDays: 14,
      paymentInstructions: 'Bank transfer to Harbour Lane Counselling, sort code 12-34-56.',
    });
    const cleared = (await patchSettings(owner, { noShowFee: null, taxId: '' }).expect(200)).body as BillingSettings;
    expect(cleared).toEqual({ ...changed, noShowFee: null, taxId: null });
    expect((await settings(assistant).expect(200)).body).toEqual(cleared);
    expect(await auditActions(owner.tokens.user.practice.id)).toContain('practice.billing-update');
  });

  it('explains each wrong setting, naming its field', async () => {
    const refused = await patchSettings(owner, {
      currency: 'dollars',
      npi: '12345',
      lateCancellationFee: 12.5,
      noShowFee: -1,
      paymentTermsDays: 121,
      paymentInstructions: 'x'.repeat(501),
    }).expect(400);
    expect(refused.body.message).toEqual([
      'currency must be a three-letter ISO 4217 code such as USD, EUR or GBP',
      'npi must be ten digits, or null for none',
      'lateCancellationFee must be a whole number of cents (minor units) from 0 to 100000000',
      'noShowFee must be a whole number of cents (minor units) from 0 to 100000000',
      'paymentTermsDays must be a whole number of days from 0 to 120',
      'paymentInstructions must be at most 500 characters, or null for none',
    ]);
    const unknown = await patchSettings(owner, { currency: 'ZZZ' }).expect(400);
    expect(unknown.body.message).toEqual(['currency must be a three-letter ISO 4217 code such as USD, EUR or GBP']);
    await patchSettings(owner, { currency: null }).expect(400);
  });

  it('is the owner’s and the assistant’s, not a clinician’s', async () => {
    await settings(clinician).expect(403);
    await patchSettings(clinician, { noShowFee: 1 }).expect(403);
    await api.http.get('/api/billing/services').set(clinician.auth).expect(403);
    await api.http.get('/api/billing/clinicians').set(clinician.auth).expect(403);
    await patchSettings(assistant, { paymentTermsDays: 21 }).expect(200);
  });

  describe('services', () => {
    const create = (body: object, as = owner) => api.http.post('/api/billing/services').set(as.auth).send(body);
    const list = async (query: object = {}) => (await api.http.get('/api/billing/services').query(query).set(owner.auth).expect(200)).body as BillingService[];

    it('adds, changes, archives and restores services, listing active ones first by kind then name', async () => {
      const couples = (await create({ name: 'Couples session', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 50, fee: 18000 }).expect(201)).body as BillingService;
      expect(couples).toEqual({ id: expect.any(String), name: 'Couples session', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 50, fee: 18000, archived: false });
      const individual = (await create({ name: 'Individual session', sessionKind: 'individual', defaultDurationMinutes: 45, fee: 12000 }, assistant).expect(201))
        .body as BillingService;
      expect(individual.cptCode).toBeNull();
      const extended = (await create({ name: 'Assessment', cptCode: '0591T', sessionKind: 'joint', defaultDurationMinutes: 90, fee: 25000 }).expect(201)).body as BillingService;

      expect((await list()).map((service) => service.name)).toEqual(['Assessment', 'Couples session', 'Individual session']);

      const changed = await api.http.patch(`/api/billing/services/${individual.id}`).set(owner.auth).send({ fee: 12500, cptCode: '90834' }).expect(200);
      expect(changed.body).toEqual({ ...individual, fee: 12500, cptCode: '90834' });

      await api.http.patch(`/api/billing/services/${extended.id}`).set(owner.auth).send({ archived: true }).expect(200);
      expect((await list()).map((service) => service.name)).toEqual(['Couples session', 'Individual session']);
      const all = await list({ includeArchived: 'true' });
      expect(all.map((service) => [service.name, service.archived])).toEqual([
        ['Couples session', false],
        ['Individual session', false],
        ['Assessment', true],
      ]);
      const restored = await api.http.patch(`/api/billing/services/${extended.id}`).set(owner.auth).send({ archived: false }).expect(200);
      expect(restored.body.archived).toBe(false);
      expect(await auditActions(individual.id)).toEqual(expect.arrayContaining(['billing-service.create', 'billing-service.update']));
    });

    it('explains each wrong field of a service', async () => {
      expect((await create({}).expect(400)).body.message).toEqual([
        'name is required',
        'sessionKind is required',
        'defaultDurationMinutes is required',
        'fee is required',
      ]);
      const refused = await create({ name: '  ', cptCode: '9084', sessionKind: 'group', defaultDurationMinutes: 4, fee: 100_000_001 }).expect(400);
      expect(refused.body.message).toEqual([
        'name must not be blank',
        'cptCode must be a CPT code: five characters, such as 90847, or null for none',
        'sessionKind must be "joint" or "individual"',
        'defaultDurationMinutes must be a whole number of minutes from 5 to 480',
        'fee must be a whole number of cents (minor units) from 0 to 100000000',
      ]);
    });

    it('answers 404 for another practice’s service or an id that is not one', async () => {
      const other = await registerPractice(api.http, 'Other Billing Practice');
      const theirs = (await create({ name: 'Theirs', sessionKind: 'joint', defaultDurationMinutes: 50, fee: 100 }, other).expect(201)).body as BillingService;
      await api.http.patch(`/api/billing/services/${theirs.id}`).set(owner.auth).send({ fee: 1 }).expect(404);
      await api.http.patch('/api/billing/services/not-an-id').set(owner.auth).send({ fee: 1 }).expect(404);
      expect((await list({ includeArchived: 'true' })).map((service) => service.id)).not.toContain(theirs.id);
    });
  });

  describe("clinicians' credentials", () => {
    const put = (id: string, body: object, as = owner) => api.http.put(`/api/billing/clinicians/${id}`).set(as.auth).send(body);

    it('lists the team members who take cases, and keeps their licence and NPI', async () => {
      const listed = (await api.http.get('/api/billing/clinicians').set(assistant.auth).expect(200)).body as ClinicianCredentials[];
      const ids = listed.map((entry) => entry.userId);
      expect(ids).toEqual(expect.arrayContaining([owner.tokens.user.id, clinicianId]));
      expect(ids).not.toContain(assistant.tokens.user.id);
      expect(listed.find((entry) => entry.userId === clinicianId)).toEqual({ userId: clinicianId, name: 'A clinician', licence: null, npi: null });

      const saved = await put(clinicianId, { licence: ' LMFT 12345, CA ', npi: '1234567893' }).expect(200);
      expect(saved.body).toEqual({ userId: clinicianId, name: 'A clinician', licence: 'LMFT 12345, CA', npi: '1234567893' });
      const cleared = await put(clinicianId, { licence: 'LMFT 12345, CA', npi: null }, assistant).expect(200);
      expect(cleared.body.npi).toBeNull();
      const again = (await api.http.get('/api/billing/clinicians').set(owner.auth).expect(200)).body as ClinicianCredentials[];
      expect(again.find((entry) => entry.userId === clinicianId)).toEqual({ userId: clinicianId, name: 'A clinician', licence: 'LMFT 12345, CA', npi: null });
      expect(await auditActions(clinicianId)).toContain('user.credentials-update');
    });

    it('refuses a wrong NPI and answers 404 for someone who is not a clinician here', async () => {
      expect((await put(clinicianId, { licence: null, npi: '123' }).expect(400)).body.message).toEqual(['npi must be ten digits, or null for none']);
      await put(assistant.tokens.user.id, { licence: 'x', npi: null }).expect(404);
      const other = await registerPractice(api.http, 'Other Credentials Practice');
      await put(other.tokens.user.id, { licence: 'x', npi: null }).expect(404);
      await put('not-an-id', { licence: 'x', npi: null }).expect(404);
    });
  });
});
