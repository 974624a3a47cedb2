import { type ReactNode } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import {
  type CaseBilling,
  type Charge,
  type Invoice,
  type InvoiceSummary,
  type Payer,
  type PayerBalance,
  type Payment,
} from '@trustwork/contracts';
import { AppProviders } from '../../../app/AppProviders';
import { createQueryClient } from '../../../lib/query-client';
import { session } from '../../../lib/session';
import { caseDetail, caseSummary } from '../../../test/case-fixtures';
import { assistant, tokensFor } from '../../../test/fixtures';
import { mockApi, type MockResponse, type RecordedCall } from '../../../test/mock-api';

export const CASE_ID = 'case-billing-1';
export const CASE_PATH = `/api/cases/${CASE_ID}`;
/** The practice's billing settings while nothing was chosen: US dollars, 30 days to pay. */
export const BILLING_SETTINGS = { currency: 'USD', taxId: null, npi: null, lateCancellationFee: null, noShowFee: null, paymentTermsDays: 30, paymentInstructions: null };

export const caseRecord = caseDetail(caseSummary(CASE_ID, ['Alex Morgan', 'Jordan Lee']));
export const [ALEX_PERSON, JORDAN_PERSON] = caseRecord.participants;

export const alex: Payer = { id: 'payer-alex', caseId: CASE_ID, kind: 'participant', participantId: ALEX_PERSON.id, name: 'Alex Morgan', email: 'alex@example.test', address: null };
export const jordan: Payer = { id: 'payer-jordan', caseId: CASE_ID, kind: 'participant', participantId: JORDAN_PERSON.id, name: 'Jordan Lee', email: null, address: null };

/** A payer's balance: nothing owed or paid unless `overrides` says so. */
export function balance(payer: Payer, overrides: Partial<PayerBalance> = {}): PayerBalance {
  return { payer, uninvoiced: 0, invoiced: 0, credited: 0, paid: 0, outstanding: 0, unallocated: 0, ...overrides };
}

/** A case's billing before anyone chose who pays, with these balances. */
export function notChosenBilling(caseId: string, balances: PayerBalance[], overrides: Partial<CaseBilling> = {}): CaseBilling {
  return {
    caseId,
    currency: 'USD',
    arrangement: null,
    payerParticipantId: null,
    shares: [],
    thirdParty: null,
    individualSessionsToOwnPerson: true,
    balances,
    ...overrides,
  };
}

export const caseBilling = notChosenBilling(CASE_ID, [balance(alex), balance(jordan)], { individualSessionsToOwnPerson: false });

export function charge(id: string, payer: Payer, overrides: Partial<Charge> = {}): Charge {
  return {
    id,
    caseId: payer.caseId,
    payerId: payer.id,
    kind: 'session',
    sessionId: null,
    serviceId: null,
    cptCode: '90847',
    description: 'Couples session',
    serviceDate: '2026-06-01',
    amount: 7500,
    reason: null,
    invoiceId: null,
    invoiceNumber: null,
    locked: false,
    createdAt: '2026-06-01T10:00:00.000Z',
    ...overrides,
  };
}

export function invoiceSummary(id: string, overrides: Partial<InvoiceSummary> = {}): InvoiceSummary {
  return {
    id,
    caseId: CASE_ID,
    kind: 'invoice',
    status: 'issued',
    number: 'INV-0001',
    payer: { id: alex.id, name: alex.name },
    issuedOn: '2026-06-01',
    dueOn: '2026-07-01',
    currency: 'USD',
    total: 15000,
    credited: 0,
    paid: 5000,
    outstanding: 10000,
    corrects: null,
    emailedAt: null,
    ...overrides,
  };
}

/** An invoice as the drawer reads it, with one line per 75.00 of its total. */
export function invoice(summary: InvoiceSummary, overrides: Partial<Invoice> = {}): Invoice {
  const payer = [alex, jordan].find((candidate) => candidate.id === summary.payer.id) ?? alex;
  return {
    ...summary,
    practice: { name: 'Harbour Couples Therapy', address: null, taxId: null, npi: null, paymentInstructions: null },
    payerDetails: { name: payer.name, email: payer.email, address: null },
    lines: [
      { chargeId: `${summary.id}-line-1`, kind: 'session', serviceDate: '2026-05-04', description: 'Couples session', cptCode: '90847', amount: 7500 },
      { chargeId: `${summary.id}-line-2`, kind: 'session', serviceDate: '2026-05-11', description: 'Couples session', cptCode: '90847', amount: 7500 },
    ],
    reason: null,
    creditNotes: [],
    payments: [],
    ...overrides,
  };
}

export function payment(id: string, overrides: Partial<Payment> = {}): Payment {
  return {
    id,
    caseId: CASE_ID,
    payer: { id: alex.id, name: alex.name },
    kind: 'payment',
    method: 'cash',
    amount: 5000,
    receivedOn: '2026-06-10',
    reference: null,
    refundOf: null,
    processor: 'manual',
    allocations: [{ invoiceId: 'inv-1', invoiceNumber: 'INV-0001', amount: 5000 }],
    unallocated: 0,
    refunded: 0,
    createdAt: '2026-06-10T10:00:00.000Z',
    ...overrides,
  };
}

type Routes = Record<string, MockResponse | ((call: RecordedCall) => MockResponse | Promise<MockResponse>)>;

/** The case's billing as the API answers it, with the lists given (empty unless given). */
export function billingApi({ invoices = [], payments = [], charges = [], routes = {} }: { invoices?: InvoiceSummary[]; payments?: Payment[]; charges?: Charge[]; routes?: Routes }) {
  return mockApi({
    'GET /api/billing/settings': { body: BILLING_SETTINGS },
    [`GET ${CASE_PATH}`]: { body: caseRecord },
    [`GET ${CASE_PATH}/billing`]: { body: caseBilling },
    [`GET ${CASE_PATH}/invoices`]: { body: invoices },
    [`GET ${CASE_PATH}/payments`]: { body: payments },
    [`GET ${CASE_PATH}/charges`]: { body: charges },
    ...routes,
  });
}

/** One section of the case's Billing tab, as an assistant (who manages billing) sees it. */
export function renderSection(section: ReactNode) {
  session.start(tokensFor(assistant));
  render(
    <AppProviders queryClient={createQueryClient({ queries: { retry: false } })} env="test">
      {section}
    </AppProviders>,
  );
  return userEvent.setup({ delay: null });
}

/** The file names the browser was asked to save; jsdom has neither object URLs nor downloads. */
export function captureDownloads(): string[] {
  const downloads: string[] = [];
  Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:file'), revokeObjectURL: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
  return downloads;
}

export const PDF_RESPONSE: MockResponse = { body: '%PDF-1.7', headers: { 'Content-Type': 'application/pdf' } };

/** Picks an option of a Select once its choices have loaded. */
export async function choose(user: UserEvent, select: HTMLElement, option: string): Promise<void> {
  await waitFor(() => expect(select).toBeEnabled());
  await user.click(select);
  await user.click(await screen.findByRole('option', { name: option }));
}
