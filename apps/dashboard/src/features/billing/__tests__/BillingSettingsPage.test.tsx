import { screen, waitFor, within } from '@testing-library/react';
import {
  SUGGESTED_SERVICES,
  type BillingService,
  type BillingSettings,
  type ClinicianCredentials,
  type CreateBillingServiceRequest,
  type UpdateBillingSettingsRequest,
} from '@trustwork/contracts';
import { clinician, owner } from '../../../test/fixtures';
import { mockApi, type MockResponse } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const SETTINGS: BillingSettings = {
  currency: 'USD',
  taxId: null,
  npi: null,
  lateCancellationFee: null,
  noShowFee: null,
  paymentTermsDays: 30,
  paymentInstructions: null,
};

const SAM: ClinicianCredentials = { userId: clinician.id, name: clinician.name, licence: null, npi: null };

function couplesSession(overrides: Partial<BillingService> = {}): BillingService {
  return { id: 'service-1', name: 'Couples session', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 50, fee: 15000, archived: false, ...overrides };
}

/** The settings endpoints, remembering changes as the API does. */
function settingsApi({ services = [], patch }: { services?: BillingService[]; patch?: (body: UpdateBillingSettingsRequest) => MockResponse | undefined } = {}) {
  let settings = SETTINGS;
  let list = services;
  return mockApi({
    'GET /api/billing/settings': () => ({ body: settings }),
    'PATCH /api/billing/settings': (call) => {
      const refusal = patch?.(call.body as UpdateBillingSettingsRequest);
      if (refusal) return refusal;
      settings = { ...settings, ...(call.body as UpdateBillingSettingsRequest) };
      return { body: settings };
    },
    'GET /api/billing/services': () => ({ body: list }),
    'POST /api/billing/services': (call) => {
      const created = { id: `service-${list.length + 1}`, archived: false, cptCode: null, ...(call.body as CreateBillingServiceRequest) };
      list = [...list, created];
      return { status: 201, body: created };
    },
    'PATCH /api/billing/services/service-1': (call) => {
      list = list.map((service) => (service.id === 'service-1' ? { ...service, ...(call.body as Partial<BillingService>) } : service));
      return { body: list[0] };
    },
    'GET /api/billing/clinicians': { body: [SAM] },
    [`PUT /api/billing/clinicians/${clinician.id}`]: (call) => ({ body: { ...SAM, ...(call.body as object) } }),
  });
}

async function openSettings() {
  const rendered = renderApp({ route: '/billing/settings', signedInAs: owner });
  await screen.findByRole('heading', { level: 1, name: 'Billing settings' });
  await screen.findByRole('button', { name: 'Save billing settings' });
  return rendered;
}

describe('Billing settings', { timeout: 20_000 }, () => {
  it('are not open to a clinician', async () => {
    settingsApi();
    renderApp({ route: '/billing/settings', signedInAs: clinician });

    expect(await screen.findByText('Not available to your role')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save billing settings' })).not.toBeInTheDocument();
  });

  it('refuses an NPI that is not ten digits and a fee that is not an amount, then saves only what changed, once', async () => {
    const api = settingsApi();
    const { user } = await openSettings();

    const npi = screen.getByRole('textbox', { name: 'Practice NPI' });
    const fee = screen.getByRole('textbox', { name: 'No-show fee' });
    expect(fee).toHaveAttribute('placeholder', 'No fee');
    await user.type(npi, '12345');
    await user.type(fee, '12.345');
    await user.click(screen.getByRole('button', { name: 'Save billing settings' }));

    await waitFor(() => expect(npi).toHaveFocus());
    expect(npi).toHaveAccessibleDescription(expect.stringContaining('An NPI is ten digits.'));
    expect(fee).toHaveAccessibleDescription(expect.stringContaining('Enter an amount, or leave it empty for no fee.'));
    expect(api.callsTo('PATCH', '/api/billing/settings')).toHaveLength(0);

    await user.type(npi, '67890');
    await user.clear(fee);
    await user.type(fee, '40');
    const terms = screen.getByRole('textbox', { name: /^payment terms \(days\)/i });
    await user.clear(terms);
    await user.type(terms, '14');
    await user.type(screen.getByRole('textbox', { name: /^how to pay/i }), 'By transfer');
    await user.dblClick(screen.getByRole('button', { name: 'Save billing settings' }));

    await waitFor(() =>
      expect(api.callsTo('PATCH', '/api/billing/settings').map((call) => call.body)).toEqual([
        { npi: '1234567890', noShowFee: 4000, paymentTermsDays: 14, paymentInstructions: 'By transfer' },
      ]),
    );
    expect(await screen.findByText('Billing settings saved')).toBeInTheDocument();
  });

  it('locks the currency, saying why, once the API refuses to change it', async () => {
    const refusal = 'The currency cannot change after an invoice has been issued.';
    const api = settingsApi({ patch: (body) => ('currency' in body ? { status: 409, body: { statusCode: 409, error: 'Conflict', message: refusal } } : undefined) });
    const { user } = await openSettings();

    const currency = screen.getByRole('combobox', { name: /^currency/i });
    await user.clear(currency);
    await user.type(currency, 'EUR');
    await user.click(await screen.findByRole('option', { name: 'EUR' }));
    await user.click(screen.getByRole('button', { name: 'Save billing settings' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(refusal);
    expect(api.callsTo('PATCH', '/api/billing/settings').map((call) => call.body)).toEqual([{ currency: 'EUR' }]);
    await waitFor(() => expect(currency).toBeDisabled());
    expect(currency).toHaveValue('USD');
    expect(currency).toHaveAccessibleDescription('The currency cannot change once an invoice has been issued.');
  });

  it('offers the common services when there are none, asks a fee for each, and adds each once on a double click', async () => {
    const api = settingsApi();
    const { user } = await openSettings();

    expect(await screen.findByRole('heading', { name: 'No services yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add the common services' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add the common services' });
    const fees = SUGGESTED_SERVICES.map((service) => within(dialog).getByRole('textbox', { name: `Fee: ${service.name}` }));

    await user.click(within(dialog).getByRole('button', { name: 'Add these services' }));
    await waitFor(() => expect(fees[0]).toHaveFocus());
    expect(fees[0]).toHaveAccessibleDescription(expect.stringContaining('Enter the fee.'));
    expect(api.callsTo('POST', '/api/billing/services')).toHaveLength(0);

    for (const [index, fee] of fees.entries()) await user.type(fee, String(150 + index * 10));
    await user.dblClick(within(dialog).getByRole('button', { name: 'Add these services' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api.callsTo('POST', '/api/billing/services').map((call) => call.body)).toEqual(
      SUGGESTED_SERVICES.map((service, index) => ({ ...service, fee: (150 + index * 10) * 100 })),
    );
    const table = await screen.findByRole('table', { name: 'Services' });
    expect(within(table).getByRole('rowheader', { name: 'Couples session' })).toBeInTheDocument();
    expect(within(table).getAllByText('With one person')).toHaveLength(3);
  });

  it('archives and restores a service, keeping it in the table', async () => {
    const api = settingsApi({ services: [couplesSession()] });
    const { user } = await openSettings();

    const row = (await screen.findByRole('rowheader', { name: 'Couples session' })).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('$150.00');
    await user.dblClick(within(row).getByRole('button', { name: 'Archive Couples session' }));

    await waitFor(() => expect(within(row).getByText('Archived')).toBeInTheDocument());
    expect(api.callsTo('PATCH', '/api/billing/services/service-1').map((call) => call.body)).toEqual([{ archived: true }]);
    await user.click(within(row).getByRole('button', { name: 'Restore Couples session' }));
    await waitFor(() => expect(within(row).getByText('In use')).toBeInTheDocument());
  });

  it("records a clinician's licence and NPI for superbills", async () => {
    const api = settingsApi();
    const { user } = await openSettings();

    const table = await screen.findByRole('table', { name: "Clinicians' credentials" });
    await user.click(within(table).getByRole('button', { name: `Edit ${clinician.name}'s credentials` }));
    const dialog = await screen.findByRole('dialog', { name: `${clinician.name}'s credentials` });
    await user.type(within(dialog).getByRole('textbox', { name: /^licence/i }), 'LMFT 12345, CA');
    await user.type(within(dialog).getByRole('textbox', { name: /^npi/i }), '1234567893');
    await user.click(within(dialog).getByRole('button', { name: 'Save credentials' }));

    await waitFor(() =>
      expect(api.callsTo('PUT', `/api/billing/clinicians/${clinician.id}`).map((call) => call.body)).toEqual([{ licence: 'LMFT 12345, CA', npi: '1234567893' }]),
    );
  });
});
