import { DEFAULT_CURRENCY, invoiceNumberLabel, type InvoiceKind, type InvoiceStatus, type InvoiceSummary, type Payer } from '@trustwork/contracts';
import type { EntityManager } from 'typeorm';
import type { CursorPosition } from '../common/cursor';
import { PAYER_DETAILS_SQL } from './invoices.queries';

/** The payer as invoices address them: a person of the case by their own name and address, or the third party. */
const PAYER_JSON = `json_build_object('id', p.id, 'caseId', p.case_id, 'kind', p.kind, 'participantId', p.participant_id,
  'name', COALESCE(pp.display_name, p.name), 'email', CASE WHEN p.kind = 'participant' THEN nullif(trim(pp.email), '') ELSE p.email END, 'address', p.address)`;

/** Joins an invoice `i` to its amounts `a`, its payer `p` and, for a person who pays, that person `pp`. */
const INVOICE_JOINS = `
  JOIN invoice_amounts a ON a.practice_id = i.practice_id AND a.invoice_id = i.id
  JOIN billing_payers p ON p.practice_id = i.practice_id AND p.id = i.payer_id
  LEFT JOIN participants pp ON pp.practice_id = p.practice_id AND pp.id = p.participant_id`;

/** The practice's billing currency, and the day a report is as of: the given one, or today where the practice is. */
export async function reportDay(manager: EntityManager, practiceId: string, asOf: string | undefined): Promise<{ asOf: string; currency: string }> {
  const [row]: { as_of: string; currency: string }[] = await manager.query(
    `SELECT COALESCE($2::date, (now() AT TIME ZONE pr.time_zone)::date)::text AS as_of, COALESCE(s.currency, $3) AS currency
     FROM practices pr LEFT JOIN billing_settings s ON s.practice_id = pr.id
     WHERE pr.id = $1`,
    [practiceId, asOf ?? null, DEFAULT_CURRENCY],
  );
  return { asOf: row.as_of, currency: row.currency };
}

/** An issued invoice with something still owed on `asOf`, and how long since it was issued. */
export interface OutstandingInvoice {
  id: string;
  caseId: string;
  number: string;
  issuedOn: string;
  dueOn: string | null;
  payer: Payer;
  caseName: string;
  total: number;
  credited: number;
  paid: number;
  outstanding: number;
  days: number;
}

interface OutstandingRow {
  id: string;
  case_id: string;
  kind: InvoiceKind;
  number: number;
  issued_on: string;
  due_on: string | null;
  payer: Payer;
  case_name: string;
  total: number;
  credited: number;
  paid: number;
  outstanding: number;
  days: number;
}

/** Every invoice issued by `asOf` that is not yet settled, oldest first; the sums are the `invoice_amounts` view's. */
export async function outstandingInvoices(manager: EntityManager, practiceId: string, asOf: string): Promise<OutstandingInvoice[]> {
  const rows: OutstandingRow[] = await manager.query(
    `SELECT i.id, i.case_id, i.kind, i.number, i.issued_on::text AS issued_on, i.due_on::text AS due_on, ${PAYER_JSON} AS payer,
       (SELECT string_agg(x.display_name, ' & ' ORDER BY x.position) FROM participants x
         WHERE x.practice_id = i.practice_id AND x.case_id = i.case_id) AS case_name,
       a.total, a.credited, a.paid, a.outstanding, ($2::date - i.issued_on) AS days
     FROM invoices i ${INVOICE_JOINS}
     WHERE i.practice_id = $1 AND i.kind = 'invoice' AND i.status = 'issued' AND i.issued_on <= $2::date AND a.outstanding <> 0
     ORDER BY i.issued_on, i.number`,
    [practiceId, asOf],
  );
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    number: invoiceNumberLabel(row.kind, row.number),
    issuedOn: row.issued_on,
    dueOn: row.due_on,
    payer: row.payer,
    caseName: row.case_name ?? '',
    total: row.total,
    credited: row.credited,
    paid: row.paid,
    outstanding: row.outstanding,
    days: row.days,
  }));
}

/** Which invoices a list shows: the practice's (by status, a page at a time) or one person's issued ones. */
export interface InvoiceFilter {
  practiceId: string;
  status?: InvoiceStatus;
  /** Only what is addressed to this person of a case. */
  participantId?: string;
  after?: CursorPosition | null;
  limit?: number;
}

export type InvoiceSummaryRow = InvoiceSummary & { sortKey: string };

/** The summary as the API answers it, without the key its page was sorted by. */
export const withoutSortKey = ({ sortKey: _sortKey, ...summary }: InvoiceSummaryRow): InvoiceSummary => summary;

interface SummaryRow {
  id: string;
  case_id: string;
  kind: InvoiceKind;
  status: InvoiceStatus;
  number: number | null;
  payer: { id: string; name: string };
  issued_on: string | null;
  due_on: string | null;
  currency: string;
  total: number;
  credited: number;
  paid: number;
  outstanding: number;
  corrects: { id: string; kind: InvoiceKind; number: number } | null;
  emailed_at: Date | null;
  sort_key: string;
}

/** Invoices and credit notes, newest first, with the `invoice_amounts` view's sums; the payer named as the invoice addresses them. */
export async function invoiceSummaries(manager: EntityManager, filter: InvoiceFilter): Promise<InvoiceSummaryRow[]> {
  const params: unknown[] = [filter.practiceId];
  const param = (value: unknown) => `$${params.push(value)}`;
  const conditions = ['i.practice_id = $1'];
  if (filter.status) conditions.push(`i.status = ${param(filter.status)}`);
  if (filter.participantId) conditions.push(`p.participant_id = ${param(filter.participantId)}`);
  if (filter.after) conditions.push(`(i.created_at, i.id) < (${param(filter.after.key)}::timestamptz, ${param(filter.after.id)}::uuid)`);
  const rows: SummaryRow[] = await manager.query(
    `SELECT i.id, i.case_id, i.kind, i.status, i.number, i.issued_on::text AS issued_on, i.due_on::text AS due_on, i.currency,
       json_build_object('id', p.id, 'name', COALESCE(i.payer_details, ${PAYER_DETAILS_SQL})->>'name') AS payer,
       a.total, a.credited, a.paid, a.outstanding,
       CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'kind', c.kind, 'number', c.number) END AS corrects,
       i.emailed_at, i.created_at::text AS sort_key
     FROM invoices i ${INVOICE_JOINS}
     LEFT JOIN invoices c ON c.practice_id = i.practice_id AND c.id = i.corrects_invoice_id
     WHERE ${conditions.join(' AND ')}
     ORDER BY i.created_at DESC, i.id DESC
     ${filter.limit === undefined ? '' : `LIMIT ${param(filter.limit)}`}`,
    params,
  );
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    status: row.status,
    number: row.number === null ? null : invoiceNumberLabel(row.kind, row.number),
    payer: row.payer,
    issuedOn: row.issued_on,
    dueOn: row.due_on,
    currency: row.currency.trim(),
    total: row.total,
    credited: row.credited,
    paid: row.paid,
    outstanding: row.outstanding,
    corrects: row.corrects ? { id: row.corrects.id, number: invoiceNumberLabel(row.corrects.kind, row.corrects.number) } : null,
    emailedAt: row.emailed_at ? new Date(row.emailed_at).toISOString() : null,
    sortKey: row.sort_key,
  }));
}
