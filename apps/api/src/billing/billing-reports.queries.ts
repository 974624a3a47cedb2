import { DEFAULT_CURRENCY, invoiceNumberLabel, type InvoiceKind, type Payer } from '@trustwork/contracts';
import type { EntityManager } from 'typeorm';
import { PAYER_JSON } from './billing.queries';

/** Joins an invoice `i` to its amounts `a`, its payer `p` and, for a person who pays, that person `pt`. */
const INVOICE_JOINS = `
  JOIN invoice_amounts a ON a.practice_id = i.practice_id AND a.invoice_id = i.id
  JOIN billing_payers p ON p.practice_id = i.practice_id AND p.id = i.payer_id
  LEFT JOIN participants pt ON pt.practice_id = p.practice_id AND pt.id = p.participant_id`;

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
