import {
  invoiceNumberLabel,
  type ChargeKind,
  type Invoice,
  type InvoiceKind,
  type InvoiceStatus,
  type InvoiceSummary,
  type PaymentMethod,
  type ThirdPartyPayerDetails,
} from '@trustwork/contracts';
import type { EntityManager } from 'typeorm';
import type { CursorPosition } from '../common/cursor';

/** What the practice prints, read live for a draft and kept in `practice_details` at issue. */
export const PRACTICE_DETAILS_SQL = `(
  SELECT jsonb_build_object('name', p.name, 'address', p.office_address, 'taxId', s.tax_id, 'npi', s.npi, 'paymentInstructions', s.payment_instructions)
  FROM practices p LEFT JOIN billing_settings s ON s.practice_id = p.id WHERE p.id = i.practice_id)`;

/** Whom it is addressed to, read live (a person's name and e-mail from the person) and kept in `payer_details` at issue. */
export const PAYER_DETAILS_SQL = `(
  SELECT jsonb_build_object('name', coalesce(bp.name, pt.display_name), 'email', coalesce(bp.email, pt.email), 'address', bp.address)
  FROM billing_payers bp LEFT JOIN participants pt ON pt.id = bp.participant_id AND pt.practice_id = bp.practice_id
  WHERE bp.id = i.payer_id AND bp.practice_id = i.practice_id)`;

interface SummaryRow {
  id: string;
  case_id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  number: number | null;
  payer_id: string;
  payer_details: ThirdPartyPayerDetails;
  issued_on: string | null;
  due_on: string | null;
  currency: string;
  total: number;
  credited: number;
  paid: number;
  outstanding: number;
  corrects_id: string | null;
  corrects_number: number | null;
  emailed_at: Date | null;
  practice: Invoice['practice'];
  reason: string | null;
  sort_key: string;
}

/** Which invoices a read takes: the practice's (by case, by status, a page at a time), one person's, or one invoice. */
export interface InvoiceFilter {
  practiceId: string;
  caseId?: string;
  invoiceId?: string;
  status?: InvoiceStatus;
  /** Only what is addressed to this person of a case. */
  participantId?: string;
  after?: CursorPosition | null;
  limit?: number;
}

/** Newest first, the order a page's cursor follows. */
const NEWEST_FIRST = 'i.created_at DESC, i.id DESC';

/** Invoices and credit notes with the `invoice_amounts` view's sums, the payer named as the invoice addresses them. */
async function summaryRows(manager: EntityManager, filter: InvoiceFilter, orderBy = NEWEST_FIRST): Promise<SummaryRow[]> {
  const params: unknown[] = [filter.practiceId];
  const param = (value: unknown) => `$${params.push(value)}`;
  const conditions = ['i.practice_id = $1'];
  if (filter.caseId) conditions.push(`i.case_id = ${param(filter.caseId)}`);
  if (filter.invoiceId) conditions.push(`i.id = ${param(filter.invoiceId)}`);
  if (filter.status) conditions.push(`i.status = ${param(filter.status)}`);
  if (filter.participantId) {
    conditions.push(`i.payer_id IN (SELECT bp.id FROM billing_payers bp WHERE bp.practice_id = i.practice_id AND bp.participant_id = ${param(filter.participantId)})`);
  }
  if (filter.after) conditions.push(`(i.created_at, i.id) < (${param(filter.after.key)}::timestamptz, ${param(filter.after.id)}::uuid)`);
  return manager.query(
    `SELECT i.id, i.case_id, i.kind, i.status, i.number, i.payer_id, coalesce(i.payer_details, ${PAYER_DETAILS_SQL}) AS payer_details,
       to_char(i.issued_on, 'YYYY-MM-DD') AS issued_on, to_char(i.due_on, 'YYYY-MM-DD') AS due_on, i.currency,
       a.total, a.credited, a.paid, a.outstanding, c.id AS corrects_id, c.number AS corrects_number, i.emailed_at,
       coalesce(i.practice_details, ${PRACTICE_DETAILS_SQL}) AS practice, i.reason, i.created_at::text AS sort_key
     FROM invoices i
     JOIN invoice_amounts a ON a.practice_id = i.practice_id AND a.invoice_id = i.id
     LEFT JOIN invoices c ON c.id = i.corrects_invoice_id AND c.practice_id = i.practice_id
     WHERE ${conditions.join(' AND ')}
     ORDER BY ${orderBy}
     ${filter.limit === undefined ? '' : `LIMIT ${param(filter.limit)}`}`,
    params,
  );
}

function toSummary(row: SummaryRow): InvoiceSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    status: row.status,
    number: row.number === null ? null : invoiceNumberLabel(row.kind, row.number),
    payer: { id: row.payer_id, name: row.payer_details.name },
    issuedOn: row.issued_on,
    dueOn: row.due_on,
    currency: row.currency,
    total: row.total,
    credited: row.credited,
    paid: row.paid,
    outstanding: row.outstanding,
    corrects: row.corrects_id && row.corrects_number !== null ? { id: row.corrects_id, number: invoiceNumberLabel('invoice', row.corrects_number) } : null,
    emailedAt: row.emailed_at?.toISOString() ?? null,
  };
}

export type InvoiceSummaryRow = InvoiceSummary & { sortKey: string };

/** The summary as the API answers it, without the key its page was sorted by. */
export const withoutSortKey = ({ sortKey: _sortKey, ...summary }: InvoiceSummaryRow): InvoiceSummary => summary;

/** The invoices and credit notes the filter takes, newest first, each with the key a page's cursor is made from. */
export async function invoiceSummaries(manager: EntityManager, filter: InvoiceFilter): Promise<InvoiceSummaryRow[]> {
  const rows = await summaryRows(manager, filter);
  return rows.map((row) => ({ ...toSummary(row), sortKey: row.sort_key }));
}

/** A case's invoices and credit notes, newest first (drafts, having no number, by when they were made). */
export async function caseInvoices(manager: EntityManager, practiceId: string, caseId: string): Promise<InvoiceSummary[]> {
  const rows = await summaryRows(manager, { practiceId, caseId }, 'i.created_at DESC, i.number DESC NULLS FIRST, i.id');
  return rows.map(toSummary);
}

/** One invoice or credit note as printed, or null when the practice has none with that id. No access check: callers open its case first. */
export async function readInvoice(manager: EntityManager, practiceId: string, invoiceId: string): Promise<Invoice | null> {
  const [row] = await summaryRows(manager, { practiceId, invoiceId });
  if (!row) return null;
  // One after another: the request's transaction is one connection.
  const lines: { id: string; kind: ChargeKind; service_date: string; description: string; cpt_code: string | null; amount: number }[] = await manager.query(
    `SELECT id, kind, to_char(service_date, 'YYYY-MM-DD') AS service_date, description, cpt_code, amount FROM billing_charges
     WHERE practice_id = $1 AND invoice_id = $2 ORDER BY service_date, created_at, id`,
    [practiceId, invoiceId],
  );
  const creditNotes: { id: string; number: number; total: number; issued_on: string }[] = await manager.query(
    `SELECT n.id, n.number, a.total, to_char(n.issued_on, 'YYYY-MM-DD') AS issued_on FROM invoices n JOIN invoice_amounts a ON a.invoice_id = n.id
     WHERE n.practice_id = $1 AND n.corrects_invoice_id = $2 AND n.status = 'issued' ORDER BY n.number`,
    [practiceId, invoiceId],
  );
  // A refund's allocations count under the refund (its own method and date), negative.
  const payments: { id: string; received_on: string; method: PaymentMethod; amount: number }[] = await manager.query(
    `SELECT p.id, to_char(p.received_on, 'YYYY-MM-DD') AS received_on, p.method, sum(a.amount)::int AS amount
     FROM payment_allocations a JOIN payments p ON p.id = a.payment_id AND p.practice_id = a.practice_id
     WHERE a.practice_id = $1 AND a.invoice_id = $2
     GROUP BY p.id HAVING sum(a.amount) <> 0 ORDER BY p.received_on, p.created_at, p.id`,
    [practiceId, invoiceId],
  );
  return {
    ...toSummary(row),
    practice: row.practice,
    payerDetails: row.payer_details,
    reason: row.reason,
    lines: lines.map((line) => ({
      chargeId: line.id,
      kind: line.kind,
      serviceDate: line.service_date,
      description: line.description,
      cptCode: line.cpt_code,
      amount: line.amount,
    })),
    creditNotes: creditNotes.map((note) => ({ id: note.id, number: invoiceNumberLabel('credit-note', note.number), total: note.total, issuedOn: note.issued_on })),
    payments: payments.map((payment) => ({ paymentId: payment.id, receivedOn: payment.received_on, method: payment.method, amount: payment.amount })),
  };
}

/** An invoice's own facts, locked for the rest of the transaction so two writers take turns. */
export interface LockedInvoice {
  id: string;
  case_id: string;
  payer_id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  number: number | null;
  currency: string;
}

export async function lockInvoice(manager: EntityManager, practiceId: string, invoiceId: string): Promise<LockedInvoice | null> {
  const [row]: LockedInvoice[] = await manager.query(
    `SELECT id, case_id, payer_id, kind, status, number, currency FROM invoices WHERE practice_id = $1 AND id = $2 FOR UPDATE`,
    [practiceId, invoiceId],
  );
  return row ?? null;
}

/** The practice-local date today: what "issued today" and "not in the future" mean. */
export async function practiceToday(manager: EntityManager, practiceId: string): Promise<string> {
  const [row]: { today: string }[] = await manager.query(
    `SELECT to_char((now() AT TIME ZONE time_zone)::date, 'YYYY-MM-DD') AS today FROM practices WHERE id = $1`,
    [practiceId],
  );
  return row.today;
}

/** The payer's name as invoices print it, or null when the payer is not one of this case's. */
export async function payerOfCase(manager: EntityManager, practiceId: string, caseId: string, payerId: string): Promise<string | null> {
  const [payer]: { name: string }[] = await manager.query(
    `SELECT coalesce(bp.name, pt.display_name) AS name FROM billing_payers bp
     LEFT JOIN participants pt ON pt.id = bp.participant_id AND pt.practice_id = bp.practice_id
     WHERE bp.practice_id = $1 AND bp.case_id = $2 AND bp.id = $3`,
    [practiceId, caseId, payerId],
  );
  return payer?.name ?? null;
}
