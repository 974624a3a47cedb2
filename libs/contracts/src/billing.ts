import type { MinorUnits } from './money';
import type { SessionKind } from './sessions';

/*
 * Billing: the practice's services and fees, who pays for each case, charges, invoices and
 * credit notes, payments and refunds, balances and aging, statements and superbills.
 * Every amount is integer minor units of the practice's currency (see money.ts).
 * Dates without a time (`serviceDate`, `issuedOn`, `receivedOn`, `from`/`to`) are
 * YYYY-MM-DD in the practice's time zone.
 */

/** CPT code: five characters, four digits then a digit or F/T (90847, 90834, 0591T). */
export const CPT_CODE_PATTERN = /^\d{4}[0-9FT]$/;
/** ICD-10-CM code, shape only: a letter (not U), two characters, optionally a dot and up to four more (Z63.0, F43.23). */
export const ICD10_CODE_PATTERN = /^[A-TV-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/;
/** National Provider Identifier: ten digits. */
export const NPI_PATTERN = /^\d{10}$/;
export const MAX_DIAGNOSIS_CODES = 12;
export const MAX_BILLING_TEXT = 300;
export const MAX_BILLING_REASON = 500;
export const PAYMENT_TERMS_DAYS = { min: 0, max: 120, default: 30 } as const;

/** GET/PATCH /api/billing/settings (PATCH: `billing:manage`). */
export interface BillingSettings {
  /** ISO 4217; changing it is refused (409) once an invoice has been issued. */
  currency: string;
  /** Employer identification number or national tax id, printed on invoices and superbills. */
  taxId: string | null;
  /** The practice's (organisation) NPI, ten digits. */
  npi: string | null;
  /** Charged when a person cancels inside the notice period; null: no fee. */
  lateCancellationFee: MinorUnits | null;
  /** Charged when a session is marked no-show; null: no fee. */
  noShowFee: MinorUnits | null;
  /** Days from issue to the due date printed on an invoice. */
  paymentTermsDays: number;
  /** How to pay, printed on invoices and statements ("Bank transfer to …"). */
  paymentInstructions: string | null;
}
export type UpdateBillingSettingsRequest = Partial<BillingSettings>;

/** A service the practice charges for; a completed session is charged from the active service of its kind whose length is nearest. */
export interface BillingService {
  id: string;
  name: string;
  cptCode: string | null;
  sessionKind: SessionKind;
  defaultDurationMinutes: number;
  fee: MinorUnits;
  archived: boolean;
}
/** POST /api/billing/services. */
export interface CreateBillingServiceRequest {
  name: string;
  cptCode?: string | null;
  sessionKind: SessionKind;
  defaultDurationMinutes: number;
  fee: MinorUnits;
}
/** PATCH /api/billing/services/:id; archiving keeps the service on past charges. */
export type UpdateBillingServiceRequest = Partial<CreateBillingServiceRequest> & { archived?: boolean };

/** The usual services of a couples practice, offered when a practice has none yet (fees are the practice's to set). */
export const SUGGESTED_SERVICES: readonly Omit<CreateBillingServiceRequest, 'fee'>[] = [
  { name: 'Couples session', cptCode: '90847', sessionKind: 'joint', defaultDurationMinutes: 50 },
  { name: 'Session about the relationship, one person present', cptCode: '90846', sessionKind: 'individual', defaultDurationMinutes: 50 },
  { name: 'Individual session (45 minutes)', cptCode: '90834', sessionKind: 'individual', defaultDurationMinutes: 45 },
  { name: 'Individual session (60 minutes)', cptCode: '90837', sessionKind: 'individual', defaultDurationMinutes: 60 },
];

/** A clinician's credentials for superbills: GET /api/billing/clinicians, PUT /api/billing/clinicians/:id. */
export interface ClinicianCredentials {
  userId: string;
  name: string;
  /** Licence type, number and state as printed ("LMFT 12345, CA"). */
  licence: string | null;
  /** The clinician's individual NPI. */
  npi: string | null;
}
export interface UpdateClinicianCredentialsRequest {
  licence: string | null;
  npi: string | null;
}

/** Who pays for a case. */
export const PayerArrangement = { OnePerson: 'one-person', Shared: 'shared', ThirdParty: 'third-party' } as const;
export type PayerArrangement = (typeof PayerArrangement)[keyof typeof PayerArrangement];
export const PAYER_ARRANGEMENTS: readonly PayerArrangement[] = Object.values(PayerArrangement);
export const PAYER_ARRANGEMENT_LABELS: Record<PayerArrangement, string> = {
  'one-person': 'One person pays',
  shared: 'Both pay in shares',
  'third-party': 'Someone else pays',
};

/** One person's share of a shared case, in whole percent; the shares sum to 100. */
export interface PayerShare {
  participantId: string;
  percent: number;
}

/** Someone outside the case who pays (a parent, an employer's programme). */
export interface ThirdPartyPayerDetails {
  name: string;
  email: string | null;
  address: string | null;
}

/** PUT /api/cases/:id/billing (`billing:manage`). Applies to charges made from now on. */
export interface SetCaseBillingRequest {
  arrangement: PayerArrangement;
  /** one-person: who pays. */
  payerParticipantId?: string;
  /** shared: one share per person of the case. */
  shares?: PayerShare[];
  /** third-party: who pays. */
  thirdParty?: ThirdPartyPayerDetails;
  /**
   * true (the default): a session with one person is billed to that person. false: it follows
   * the arrangement (a third party then pays it too). Either way it is never billed to the
   * other partner, whose invoice must not show it.
   */
  individualSessionsToOwnPerson?: boolean;
}

export const PayerKind = { Participant: 'participant', ThirdParty: 'third-party' } as const;
export type PayerKind = (typeof PayerKind)[keyof typeof PayerKind];

/** Someone invoices are addressed to: one of the case's people or a third party. */
export interface Payer {
  id: string;
  caseId: string;
  kind: PayerKind;
  participantId: string | null;
  name: string;
  email: string | null;
  address: string | null;
}

/** What one payer owes and has paid, to the minor unit. */
export interface PayerBalance {
  payer: Payer;
  /** Charges not yet on an issued invoice (drafts included). */
  uninvoiced: MinorUnits;
  /** Issued invoices. */
  invoiced: MinorUnits;
  /** Issued credit notes. */
  credited: MinorUnits;
  /** Payments less refunds. */
  paid: MinorUnits;
  /** Invoiced less credited less what payments cover: what is owed now. */
  outstanding: MinorUnits;
  /** Payments not allocated to any invoice (money on account). */
  unallocated: MinorUnits;
}

/** GET /api/cases/:id/billing (`billing:manage`). */
export interface CaseBilling {
  caseId: string;
  currency: string;
  /** null until someone chooses: charges are then shared equally between the case's people. */
  arrangement: PayerArrangement | null;
  payerParticipantId: string | null;
  shares: PayerShare[];
  thirdParty: ThirdPartyPayerDetails | null;
  individualSessionsToOwnPerson: boolean;
  /** Every payer the case has had, with what each owes. */
  balances: PayerBalance[];
}

export const ChargeKind = {
  Session: 'session',
  LateCancellation: 'late-cancellation',
  NoShow: 'no-show',
  Manual: 'manual',
  Adjustment: 'adjustment',
  /** A line of a credit note: negative, against a line of the invoice it corrects. */
  Credit: 'credit',
} as const;
export type ChargeKind = (typeof ChargeKind)[keyof typeof ChargeKind];
export const CHARGE_KINDS: readonly ChargeKind[] = Object.values(ChargeKind);
export const CHARGE_KIND_LABELS: Record<ChargeKind, string> = {
  session: 'Session',
  'late-cancellation': 'Late cancellation fee',
  'no-show': 'Missed session fee',
  manual: 'Charge',
  adjustment: 'Adjustment',
  credit: 'Credit',
};
/** The kinds a team member adds by hand (`POST /api/cases/:id/charges`). */
export const MANUAL_CHARGE_KINDS: readonly ChargeKind[] = ['manual', 'adjustment', 'late-cancellation', 'no-show'];

/** What one payer owes for one thing: a session's share, a fee, a manual charge or adjustment. */
export interface Charge {
  id: string;
  caseId: string;
  payerId: string;
  kind: ChargeKind;
  sessionId: string | null;
  serviceId: string | null;
  cptCode: string | null;
  /** Shown on the invoice: the service's name, never clinical words. */
  description: string;
  serviceDate: string;
  /** Negative for an adjustment that reduces what is owed, and for credit lines. */
  amount: MinorUnits;
  /** Why, for manual charges and adjustments (required for those). */
  reason: string | null;
  invoiceId: string | null;
  invoiceNumber: string | null;
  /** On an issued invoice: never edited again (correct it with a credit note). */
  locked: boolean;
  createdAt: string;
}

/** POST /api/cases/:id/charges (`billing:manage`). */
export interface CreateChargeRequest {
  kind: ChargeKind;
  payerId: string;
  description: string;
  serviceDate: string;
  amount: MinorUnits;
  reason?: string | null;
  sessionId?: string | null;
  serviceId?: string | null;
}
/** PATCH /api/charges/:id: before its invoice is issued only (409 after). */
export interface UpdateChargeRequest {
  description?: string;
  serviceDate?: string;
  amount?: MinorUnits;
  serviceId?: string | null;
  payerId?: string;
  reason?: string | null;
}

export const InvoiceKind = { Invoice: 'invoice', CreditNote: 'credit-note' } as const;
export type InvoiceKind = (typeof InvoiceKind)[keyof typeof InvoiceKind];
export const INVOICE_KIND_LABELS: Record<InvoiceKind, string> = { invoice: 'Invoice', 'credit-note': 'Credit note' };

export const InvoiceStatus = { Draft: 'draft', Issued: 'issued' } as const;
export type InvoiceStatus = (typeof InvoiceStatus)[keyof typeof InvoiceStatus];
export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = { draft: 'Draft', issued: 'Issued' };

/** An issued invoice's or credit note's number, as printed: "INV-0007", "CN-0008" (one sequence per practice). */
export function invoiceNumberLabel(kind: InvoiceKind, number: number): string {
  return `${kind === 'credit-note' ? 'CN' : 'INV'}-${String(number).padStart(4, '0')}`;
}

export interface InvoiceSummary {
  id: string;
  caseId: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  /** null while a draft: numbers are given at issue, so none is ever skipped. */
  number: string | null;
  payer: { id: string; name: string };
  issuedOn: string | null;
  dueOn: string | null;
  currency: string;
  /** Sum of its lines (negative for a credit note). */
  total: MinorUnits;
  /** Credit notes issued against it. */
  credited: MinorUnits;
  /** Payments allocated to it. */
  paid: MinorUnits;
  /** total − credited − paid for an issued invoice; 0 for drafts and credit notes. */
  outstanding: MinorUnits;
  /** A credit note: the invoice it corrects. */
  corrects: { id: string; number: string } | null;
  emailedAt: string | null;
}

export interface InvoiceLine {
  chargeId: string;
  kind: ChargeKind;
  serviceDate: string;
  description: string;
  cptCode: string | null;
  amount: MinorUnits;
}

/** As printed: the practice's and the payer's details, kept as they were when it was issued. */
export interface Invoice extends InvoiceSummary {
  practice: { name: string; address: string | null; taxId: string | null; npi: string | null; paymentInstructions: string | null };
  payerDetails: ThirdPartyPayerDetails;
  lines: InvoiceLine[];
  /** A credit note's reason. */
  reason: string | null;
  creditNotes: { id: string; number: string; total: MinorUnits; issuedOn: string }[];
  payments: { paymentId: string; receivedOn: string; method: PaymentMethod; amount: MinorUnits }[];
}

/** POST /api/cases/:id/invoices: a draft for one payer, from the given charges or all of theirs not yet invoiced. */
export interface CreateInvoiceRequest {
  payerId: string;
  chargeIds?: string[];
}
/** PATCH /api/invoices/:id: a draft's charges; 409 once issued. */
export interface UpdateInvoiceRequest {
  chargeIds: string[];
}
/** POST /api/invoices/:id/credit-notes: issued at once, numbered. Leave out `lines` to credit everything still owed. */
export interface CreateCreditNoteRequest {
  reason: string;
  /** Amounts (positive) to credit against lines of the invoice. */
  lines?: { chargeId: string; amount: MinorUnits }[];
}

export const PaymentMethod = { Card: 'card', Cash: 'cash', Cheque: 'cheque', BankTransfer: 'bank-transfer', Other: 'other' } as const;
export type PaymentMethod = (typeof PaymentMethod)[keyof typeof PaymentMethod];
export const PAYMENT_METHODS: readonly PaymentMethod[] = Object.values(PaymentMethod);
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  card: 'Card (taken elsewhere)',
  cash: 'Cash',
  cheque: 'Cheque',
  'bank-transfer': 'Bank transfer',
  other: 'Other',
};

export const PaymentKind = { Payment: 'payment', Refund: 'refund' } as const;
export type PaymentKind = (typeof PaymentKind)[keyof typeof PaymentKind];

export interface PaymentAllocation {
  invoiceId: string;
  invoiceNumber: string;
  /** Negative when a refund or a credit note took money back off the invoice. */
  amount: MinorUnits;
}

export interface Payment {
  id: string;
  caseId: string;
  payer: { id: string; name: string };
  kind: PaymentKind;
  method: PaymentMethod;
  amount: MinorUnits;
  receivedOn: string;
  reference: string | null;
  /** A refund: the payment it gives money back from. */
  refundOf: string | null;
  /** Who handled the money: "manual" for everything recorded by hand; a card processor's name later. */
  processor: string;
  allocations: PaymentAllocation[];
  /** A payment's money not on any invoice (less what was refunded). */
  unallocated: MinorUnits;
  refunded: MinorUnits;
  createdAt: string;
}

/** POST /api/cases/:id/payments. Without `allocations`, the payer's oldest outstanding invoices are paid first. */
export interface RecordPaymentRequest {
  payerId: string;
  method: PaymentMethod;
  amount: MinorUnits;
  receivedOn: string;
  reference?: string | null;
  allocations?: { invoiceId: string; amount: MinorUnits }[];
}
/** POST /api/payments/:id/refunds: money given back, taken first from what is unallocated, then off its invoices, newest first. */
export interface RefundPaymentRequest {
  amount: MinorUnits;
  refundedOn: string;
  reason: string;
}

/** Aging buckets of what is outstanding, by days since issue. */
export const AGING_BUCKETS = [
  { key: 'current', label: '0-30 days', minDays: 0, maxDays: 30 },
  { key: 'days31to60', label: '31-60 days', minDays: 31, maxDays: 60 },
  { key: 'days61to90', label: '61-90 days', minDays: 61, maxDays: 90 },
  { key: 'over90', label: 'Over 90 days', minDays: 91, maxDays: null },
] as const;
export type AgingBucketKey = (typeof AGING_BUCKETS)[number]['key'];
export type AgingAmounts = Record<AgingBucketKey, MinorUnits> & { total: MinorUnits };

/** GET /api/billing/aging?asOf= (`billing:manage`); the CSV is GET /api/billing/aging.csv. */
export interface AgingReport {
  asOf: string;
  currency: string;
  totals: AgingAmounts;
  /** One row per payer who owes something, largest total first. */
  payers: (AgingAmounts & { payer: Payer; caseName: string })[];
}

/** A payer's account over a period: GET /api/payers/:id/statement?from=&to= (and `.pdf`). */
export interface Statement {
  payer: Payer;
  from: string;
  to: string;
  currency: string;
  openingBalance: MinorUnits;
  entries: { date: string; kind: 'invoice' | 'credit-note' | 'payment' | 'refund'; reference: string; amount: MinorUnits; balance: MinorUnits }[];
  closingBalance: MinorUnits;
}

/** GET/PUT /api/participants/:pid/diagnoses: entered by the case's clinician, printed on superbills. */
export interface DiagnosisCode {
  code: string;
  description: string | null;
}
export interface ParticipantDiagnoses {
  participantId: string;
  codes: DiagnosisCode[];
  updatedAt: string | null;
}
export interface SetDiagnosesRequest {
  codes: DiagnosisCode[];
}

/** One person's sessions over a period, to claim from an insurer: GET /api/participants/:pid/superbill?from=&to= (and `.pdf`). */
export interface Superbill {
  participantId: string;
  personName: string;
  from: string;
  to: string;
  currency: string;
  practice: { name: string; address: string | null; taxId: string | null; npi: string | null };
  clinicians: { name: string; licence: string | null; npi: string | null }[];
  diagnoses: DiagnosisCode[];
  lines: { serviceDate: string; cptCode: string | null; description: string; clinicianName: string | null; fee: MinorUnits; paid: MinorUnits }[];
  totalFee: MinorUnits;
  totalPaid: MinorUnits;
}

/** GET /api/portal/billing: only what is addressed to this person. */
export interface PortalBilling {
  currency: string;
  /** null when nothing has ever been billed to this person. */
  balance: { outstanding: MinorUnits; unallocated: MinorUnits } | null;
  invoices: InvoiceSummary[];
}
