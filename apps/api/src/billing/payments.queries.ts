import { invoiceNumberLabel, type Payment, type PaymentKind, type PaymentMethod } from '@trustwork/contracts';
import type { EntityManager } from 'typeorm';

interface PaymentRow {
  id: string;
  case_id: string;
  payer_id: string;
  payer_name: string;
  kind: PaymentKind;
  method: PaymentMethod;
  amount: number;
  received_on: string;
  reference: string | null;
  refund_of_payment_id: string | null;
  processor: string;
  created_at: Date;
  allocations: { invoiceId: string; number: number; amount: number }[];
  refunded: number;
  allocated: number;
}

// A refund's negative allocations are its own rows; they count against the payment it refunds.
const PAYMENT_SELECT = `
  SELECT p.id, p.case_id, p.payer_id, coalesce(bp.name, pt.display_name) AS payer_name, p.kind, p.method, p.amount,
         to_char(p.received_on, 'YYYY-MM-DD') AS received_on, p.reference, p.refund_of_payment_id, p.processor, p.created_at,
         coalesce((
           SELECT jsonb_agg(jsonb_build_object('invoiceId', x.invoice_id, 'number', x.number, 'amount', x.amount) ORDER BY x.number)
           FROM (SELECT a.invoice_id, i.number, sum(a.amount)::int AS amount
                 FROM payment_allocations a JOIN invoices i ON i.id = a.invoice_id AND i.practice_id = a.practice_id
                 WHERE a.practice_id = p.practice_id AND a.payment_id = p.id
                 GROUP BY a.invoice_id, i.number HAVING sum(a.amount) <> 0) x
         ), '[]'::jsonb) AS allocations,
         (SELECT coalesce(sum(r.amount), 0)::int FROM payments r WHERE r.practice_id = p.practice_id AND r.refund_of_payment_id = p.id) AS refunded,
         (SELECT coalesce(sum(a.amount), 0)::int FROM payment_allocations a JOIN payments q ON q.id = a.payment_id AND q.practice_id = a.practice_id
          WHERE a.practice_id = p.practice_id AND coalesce(q.refund_of_payment_id, q.id) = p.id) AS allocated
  FROM payments p
  JOIN billing_payers bp ON bp.id = p.payer_id AND bp.practice_id = p.practice_id
  LEFT JOIN participants pt ON pt.id = bp.participant_id AND pt.practice_id = bp.practice_id`;

function toPayment(row: PaymentRow): Payment {
  const isPayment = row.kind === 'payment';
  return {
    id: row.id,
    caseId: row.case_id,
    payer: { id: row.payer_id, name: row.payer_name },
    kind: row.kind,
    method: row.method,
    amount: row.amount,
    receivedOn: row.received_on,
    reference: row.reference,
    refundOf: row.refund_of_payment_id,
    processor: row.processor,
    allocations: row.allocations.map((allocation) => ({
      invoiceId: allocation.invoiceId,
      invoiceNumber: invoiceNumberLabel('invoice', allocation.number),
      amount: allocation.amount,
    })),
    unallocated: isPayment ? row.amount - row.refunded - row.allocated : 0,
    refunded: isPayment ? row.refunded : 0,
    createdAt: row.created_at.toISOString(),
  };
}

/** A case's payments and refunds, newest first. */
export async function casePayments(manager: EntityManager, practiceId: string, caseId: string): Promise<Payment[]> {
  const rows: PaymentRow[] = await manager.query(
    `${PAYMENT_SELECT} WHERE p.practice_id = $1 AND p.case_id = $2 ORDER BY p.received_on DESC, p.created_at DESC, p.id`,
    [practiceId, caseId],
  );
  return rows.map(toPayment);
}

export async function readPayment(manager: EntityManager, practiceId: string, paymentId: string): Promise<Payment | null> {
  const [row]: PaymentRow[] = await manager.query(`${PAYMENT_SELECT} WHERE p.practice_id = $1 AND p.id = $2`, [practiceId, paymentId]);
  return row ? toPayment(row) : null;
}

export interface OutstandingInvoice {
  id: string;
  number: number;
  outstanding: number;
}

/** The payer's issued invoices, oldest first, locked so two payments cannot both pay the same amount due. */
export async function lockPayerInvoices(manager: EntityManager, practiceId: string, payerId: string): Promise<OutstandingInvoice[]> {
  await manager.query(`SELECT id FROM invoices WHERE practice_id = $1 AND payer_id = $2 AND kind = 'invoice' AND status = 'issued' ORDER BY id FOR UPDATE`, [
    practiceId,
    payerId,
  ]);
  return manager.query(
    `SELECT i.id, i.number, a.outstanding FROM invoices i JOIN invoice_amounts a ON a.invoice_id = i.id
     WHERE i.practice_id = $1 AND i.payer_id = $2 AND i.kind = 'invoice' AND i.status = 'issued'
     ORDER BY i.issued_on, i.number`,
    [practiceId, payerId],
  );
}

/** Money of one payment (with its refunds' rows) still on one invoice. */
export interface HeldAllocation {
  payment_id: string;
  invoice_id: string;
  amount: number;
}

/**
 * What payments still hold on invoices, newest payment first and then newest invoice first:
 * the order money is taken back in. Filter by invoice (a credit note), by payment (a refund), or both.
 */
export function heldAllocations(manager: EntityManager, practiceId: string, filter: { invoiceId?: string; paymentId?: string }): Promise<HeldAllocation[]> {
  return manager.query(
    `SELECT root.id AS payment_id, a.invoice_id, sum(a.amount)::int AS amount
     FROM payment_allocations a
     JOIN payments p ON p.id = a.payment_id AND p.practice_id = a.practice_id
     JOIN payments root ON root.id = coalesce(p.refund_of_payment_id, p.id) AND root.practice_id = p.practice_id
     JOIN invoices i ON i.id = a.invoice_id AND i.practice_id = a.practice_id
     WHERE a.practice_id = $1 AND ($2::uuid IS NULL OR a.invoice_id = $2::uuid) AND ($3::uuid IS NULL OR root.id = $3::uuid)
     GROUP BY root.id, root.received_on, root.created_at, a.invoice_id, i.issued_on, i.number
     HAVING sum(a.amount) > 0
     ORDER BY root.received_on DESC, root.created_at DESC, i.issued_on DESC, i.number DESC`,
    [practiceId, filter.invoiceId ?? null, filter.paymentId ?? null],
  );
}

/** Takes `amount` from the front of `held`, each entry at most what it holds. */
export function takeInOrder<T extends { amount: number }>(held: T[], amount: number): (T & { take: number })[] {
  let left = amount;
  const taken: (T & { take: number })[] = [];
  for (const entry of held) {
    if (left <= 0) break;
    const take = Math.min(entry.amount, left);
    if (take > 0) taken.push({ ...entry, take });
    left -= take;
  }
  return taken;
}
