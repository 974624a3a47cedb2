import { screen, waitFor, within } from '@testing-library/react';
import {
  type Charge,
  type CreateChargeRequest,
  type Payer,
  type SetCaseBillingRequest,
  type SetDiagnosesRequest,
} from '@trustwork/contracts';
import { assistant, clinician, owner } from '../../../test/fixtures';
import { type RecordedCall } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';
import { ALEX, CASE_ID, caseApi, JORDAN } from '../../case-record/__tests__/case-record-fixtures';
import { balance, BILLING_SETTINGS, charge as billingCharge, notChosenBilling } from './invoice-payment-fixtures';

const BILLING_TAB = `/cases/${CASE_ID}/billing`;
const CASE_PATH = `/api/cases/${CASE_ID}`;

const alexPays: Payer = { id: 'payer-alex', caseId: CASE_ID, kind: 'participant', participantId: ALEX, name: 'Alex Morgan', email: null, address: null };
const jordanPays: Payer = { id: 'payer-jordan', caseId: CASE_ID, kind: 'participant', participantId: JORDAN, name: 'Jordan Lee', email: null, address: null };

const notChosen = notChosenBilling(CASE_ID, [balance(alexPays, { outstanding: 7500, uninvoiced: 2500 }), balance(jordanPays, { unallocated: 1000 })]);

const charge = (id: string, overrides: Partial<Charge> = {}) => billingCharge(id, alexPays, overrides);

/** The case and its billing, remembering what is saved as the API does. */
function billingApi({ charges = [] as Charge[], routes = {} as NonNullable<Parameters<typeof caseApi>[0]>['routes'] } = {}) {
  let billing = notChosen;
  let list = charges;
  const diagnoses = (participantId: string) => ({ participantId, codes: [{ code: 'Z63.0', description: 'Relationship distress' }], updatedAt: null });
  return caseApi({
    routes: {
      'GET /api/billing/settings': { body: BILLING_SETTINGS },
      [`GET ${CASE_PATH}/billing`]: () => ({ body: billing }),
      [`PUT ${CASE_PATH}/billing`]: (call) => {
        const request = call.body as SetCaseBillingRequest;
        billing = { ...billing, ...request, shares: request.shares ?? [] };
        return { body: billing };
      },
      [`GET ${CASE_PATH}/charges`]: () => ({ body: list }),
      [`POST ${CASE_PATH}/charges`]: (call) => {
        const added = charge(`charge-${list.length + 1}`, { ...(call.body as CreateChargeRequest), cptCode: null });
        list = [...list, added];
        return { status: 201, body: added };
      },
      [`GET ${CASE_PATH}/invoices`]: { body: [] },
      [`GET ${CASE_PATH}/payments`]: { body: [] },
      [`GET /api/participants/${ALEX}/diagnoses`]: { body: diagnoses(ALEX) },
      [`GET /api/participants/${JORDAN}/diagnoses`]: { body: diagnoses(JORDAN) },
      [`PUT /api/participants/${ALEX}/diagnoses`]: (call: RecordedCall) => ({ body: { ...diagnoses(ALEX), ...(call.body as SetDiagnosesRequest) } }),
      ...routes,
    },
  });
}

const diagnosesCard = (name: string) => screen.findByRole('article', { name: `${name}'s diagnosis codes` });

describe("A case's Billing tab", { timeout: 20_000 }, () => {
  it("shows who pays, not chosen yet, and each payer's balances", async () => {
    billingApi();
    renderApp({ route: BILLING_TAB, signedInAs: assistant });

    expect(await screen.findByRole('tab', { name: 'Billing' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('note')).toHaveTextContent('Not chosen yet: sessions are shared equally');
    const alex = await screen.findByRole('article', { name: 'Alex Morgan' });
    expect(alex).toHaveTextContent(/Owed\$75\.00/);
    expect(alex).toHaveTextContent(/Not yet invoiced\$25\.00/);
    expect(screen.getByRole('article', { name: 'Jordan Lee' })).toHaveTextContent(/On account\$10\.00/);
    // An assistant reads the codes for superbills, but the clinician keeps them.
    expect(await within(await diagnosesCard('Alex Morgan')).findByText('Z63.0')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit codes/ })).not.toBeInTheDocument();
  });

  it('refuses shares that do not add up to 100%, saying what each leaves the other, then saves them', async () => {
    const api = billingApi();
    const { user } = renderApp({ route: BILLING_TAB, signedInAs: owner });

    await user.click(await screen.findByRole('radio', { name: 'Both pay in shares' }));
    const alexShare = screen.getByRole('textbox', { name: "Alex Morgan's share (%)" });
    const jordanShare = screen.getByRole('textbox', { name: "Jordan Lee's share (%)" });
    expect(alexShare).toHaveValue('50');
    await user.clear(alexShare);
    await user.type(alexShare, '70');
    expect(alexShare).toHaveAccessibleDescription('Leaves 30% for Jordan Lee.');
    await user.click(screen.getByRole('button', { name: 'Save who pays' }));

    expect(await screen.findByText('The shares must add up to 100%; they add up to 120%.')).toBeInTheDocument();
    await waitFor(() => expect(alexShare).toHaveFocus());
    expect(api.callsTo('PUT', `${CASE_PATH}/billing`)).toHaveLength(0);

    await user.clear(jordanShare);
    await user.type(jordanShare, '30');
    await user.dblClick(screen.getByRole('button', { name: 'Save who pays' }));

    await waitFor(() =>
      expect(api.callsTo('PUT', `${CASE_PATH}/billing`).map((call) => call.body)).toEqual([
        {
          arrangement: 'shared',
          individualSessionsToOwnPerson: true,
          shares: [
            { participantId: ALEX, percent: 70 },
            { participantId: JORDAN, percent: 30 },
          ],
        },
      ]),
    );
    expect(await screen.findByText('Who pays saved')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('note')).not.toBeInTheDocument());
  });

  it('asks why a charge is added by hand before adding it, once', async () => {
    const api = billingApi();
    const { user } = renderApp({ route: BILLING_TAB, signedInAs: owner });

    expect(await screen.findByRole('heading', { name: 'No charges yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add charge' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a charge' });
    await user.click(within(dialog).getByRole('combobox', { name: /^payer/i }));
    await user.click(await screen.findByRole('option', { name: 'Jordan Lee' }));
    await user.type(within(dialog).getByRole('textbox', { name: /^description/i }), 'Workbook');
    await user.type(within(dialog).getByRole('textbox', { name: /^amount/i }), '25');
    await user.click(within(dialog).getByRole('button', { name: 'Add charge' }));

    const reason = within(dialog).getByRole('textbox', { name: /^reason/i });
    await waitFor(() => expect(reason).toHaveFocus());
    expect(reason).toHaveAccessibleDescription(expect.stringContaining('Say why this is charged'));
    expect(api.callsTo('POST', `${CASE_PATH}/charges`)).toHaveLength(0);

    await user.type(reason, 'Printed workbook they asked for');
    await user.dblClick(within(dialog).getByRole('button', { name: 'Add charge' }));

    await waitFor(() => expect(api.callsTo('POST', `${CASE_PATH}/charges`)).toHaveLength(1));
    expect(api.callsTo('POST', `${CASE_PATH}/charges`)[0].body).toEqual(
      expect.objectContaining({ kind: 'manual', payerId: jordanPays.id, description: 'Workbook', amount: 2500, reason: 'Printed workbook they asked for' }),
    );
    const row = (await screen.findByRole('rowheader', { name: 'Workbook' })).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('Jordan Lee');
    expect(row).toHaveTextContent('Not invoiced');
  });

  it('adds a missed-session fee without a reason, worded as the fee', async () => {
    const api = billingApi();
    const { user } = renderApp({ route: BILLING_TAB, signedInAs: owner });

    await user.click(await screen.findByRole('button', { name: 'Add charge' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a charge' });
    await user.click(within(dialog).getByRole('combobox', { name: /^kind/i }));
    await user.click(await screen.findByRole('option', { name: 'Missed session fee' }));
    expect(within(dialog).getByRole('textbox', { name: /^description/i })).toHaveValue('Missed session fee');
    await user.click(within(dialog).getByRole('combobox', { name: /^payer/i }));
    await user.click(await screen.findByRole('option', { name: 'Alex Morgan' }));
    await user.type(within(dialog).getByRole('textbox', { name: /^amount/i }), '40');
    await user.click(within(dialog).getByRole('button', { name: 'Add charge' }));

    await waitFor(() =>
      expect(api.callsTo('POST', `${CASE_PATH}/charges`).map((call) => call.body)).toEqual([
        expect.objectContaining({ kind: 'no-show', payerId: alexPays.id, description: 'Missed session fee', amount: 4000, reason: null }),
      ]),
    );
  });

  it('says what went wrong when the charges do not load, and tries again', async () => {
    let asked = 0;
    billingApi({
      routes: {
        [`GET ${CASE_PATH}/charges`]: () =>
          asked++ === 0 ? { status: 500, body: { statusCode: 500, error: 'Internal Server Error', message: 'The charges are resting.' } } : { body: [charge('charge-1')] },
      },
    });
    const { user } = renderApp({ route: BILLING_TAB, signedInAs: owner });

    const failed = await screen.findByRole('alert', { name: "We couldn't load the charges" });
    expect(failed).toHaveTextContent('The charges are resting.');
    await user.click(within(failed).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('rowheader', { name: 'Couples session' })).toBeInTheDocument();
  });

  it('offers no Edit or Remove for a charge on an issued invoice', async () => {
    billingApi({
      charges: [
        charge('charge-1', { invoiceId: 'inv-3', invoiceNumber: 'INV-0003', locked: true }),
        charge('charge-2', { description: 'Missed session fee', kind: 'no-show', cptCode: null, invoiceId: 'inv-4' }),
      ],
    });
    renderApp({ route: BILLING_TAB, signedInAs: owner });

    const locked = (await screen.findByRole('rowheader', { name: 'Couples session' })).closest('tr') as HTMLElement;
    expect(locked).toHaveTextContent('On INV-0003');
    expect(within(locked).queryByRole('button')).not.toBeInTheDocument();
    const onDraft = screen.getByRole('rowheader', { name: 'Missed session fee' }).closest('tr') as HTMLElement;
    expect(onDraft).toHaveTextContent('On draft');
    expect(within(onDraft).getByRole('button', { name: 'Edit Missed session fee' })).toBeInTheDocument();
    expect(within(onDraft).getByRole('button', { name: 'Remove Missed session fee' })).toBeInTheDocument();
  });

  it("shows a clinician only the diagnosis codes, and checks each code's shape as it is typed", async () => {
    const api = billingApi();
    const { user } = renderApp({ route: BILLING_TAB, signedInAs: clinician });

    const alex = await diagnosesCard('Alex Morgan');
    expect(screen.queryByRole('heading', { name: 'Who pays' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Charges' })).not.toBeInTheDocument();
    await user.click(await within(alex).findByRole('button', { name: 'Edit codes for Alex Morgan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Diagnosis codes for Alex Morgan' });
    await user.click(within(dialog).getByRole('button', { name: 'Add a code' }));
    const second = within(dialog).getByRole('textbox', { name: /^code 2/i });
    await user.type(second, '43.2');

    expect(second).toHaveAccessibleDescription(expect.stringContaining('An ICD-10 code is a letter'));
    await user.clear(second);
    await user.type(second, 'f43.23');
    expect(second).toHaveValue('F43.23');
    expect(second).not.toHaveAttribute('aria-invalid', 'true');
    await user.dblClick(within(dialog).getByRole('button', { name: 'Save codes' }));

    await waitFor(() =>
      expect(api.callsTo('PUT', `/api/participants/${ALEX}/diagnoses`).map((call) => call.body)).toEqual([
        {
          codes: [
            { code: 'Z63.0', description: 'Relationship distress' },
            { code: 'F43.23', description: null },
          ],
        },
      ]),
    );
    expect(await within(alex).findByText('F43.23')).toBeInTheDocument();
    expect(api.callsTo('GET', `${CASE_PATH}/billing`)).toHaveLength(0);
  });
});
