import { DEFAULT_CURRENCY, PAYMENT_TERMS_DAYS, invoiceNumberLabel, type BillingSettings, type Charge, type ChargeKind, type InvoiceKind, type Payer, type PayerBalance, type PayerKind } from '@trustwork/contracts';
import type { EntityManager } from 'typeorm';

interface SettingsRow {
  currency: string;
  tax_id: string | null;
  npi: string | null;
  late_cancellation_fee: number | null;
  no_show_fee: number | null;
  payment_terms_days: number;
  payment_instructions: string | null;
}

/** The practice's billing settings; the defaults while it has no row yet. */
export async function readBillingSettings(db: EntityManager, practiceId: string): Promise<BillingSettings> {
  const [row]: SettingsRow[] = await db.query(
    `SELECT currency, tax_id, npi, late_cancellation_fee, no_show_fee, payment_terms_days, payment_instructions
     FROM billing_settings WHERE practice_id = $1`,
    [practiceId],
  );
  return {
    currency: row?.currency ?? DEFAULT_CURRENCY,
    taxId: row?.tax_id ?? null,
    npi: row?.npi ?? null,
    lateCancellationFee: row?.late_cancellation_fee ?? null,
    noShowFee: row?.no_show_fee ?? null,
    paymentTermsDays: row?.payment_terms_days ?? PAYMENT_TERMS_DAYS.default,
    paymentInstructions: row?.payment_instructions ?? null,
  };
}

interface PayerRow {
  id: string;
  case_id: string;
  kind: PayerKind;
  participant_id: string | null;
  name: string;
  email: string | null;
  address: string | null;
}

/**
 * A payer's fields, each read from `p` (the payer row) and `pt` (the person, for one of the
 * case's people). A person's payer row carries no name or e-mail of its own: they are read
 * from the person, so they stay current.
 */
const PAYER_FIELDS: Record<keyof Payer, string> = {
  id: 'p.id',
  caseId: 'p.case_id',
  kind: 'p.kind',
  participantId: 'p.participant_id',
  name: `CASE WHEN p.kind = 'participant' THEN pt.display_name ELSE p.name END`,
  email: `CASE WHEN p.kind = 'participant' THEN nullif(trim(pt.email), '') ELSE p.email END`,
  address: 'p.address',
};
const PAYER_COLUMNS = `p.id, p.case_id, p.kind, p.participant_id, ${PAYER_FIELDS.name} AS name, ${PAYER_FIELDS.email} AS email, p.address`;
/** The payer as one JSON value, already a `Payer`. */
export const PAYER_JSON = `json_build_object(${Object.entries(PAYER_FIELDS)
  .map(([key, sql]) => `'${key}', ${sql}`)
  .join(', ')})`;
const PAYER_FROM = `billing_payers p LEFT JOIN participants pt ON pt.id = p.participant_id AND pt.practice_id = p.practice_id`;

function toPayer(row: PayerRow): Payer {
  return { id: row.id, caseId: row.case_id, kind: row.kind, participantId: row.participant_id, name: row.name, email: row.email, address: row.address };
}

/** One payer of the practice, or undefined. */
export async function findPayer(db: EntityManager, practiceId: string, payerId: string): Promise<Payer | undefined> {
  const [row]: PayerRow[] = await db.query(`SELECT ${PAYER_COLUMNS} FROM ${PAYER_FROM} WHERE p.practice_id = $1 AND p.id = $2`, [practiceId, payerId]);
  return row ? toPayer(row) : undefined;
}

type BalanceRow = PayerRow & { uninvoiced: string; invoiced: string; credited: string; paid: string; outstanding: string; allocated: string };

// Charges on a draft count as not yet invoiced; credit lines sit on issued credit notes, so never here.
const BALANCE_SELECT = `
  SELECT ${PAYER_COLUMNS},
    (SELECT COALESCE(sum(c.amount), 0) FROM billing_charges c LEFT JOIN invoices i ON i.id = c.invoice_id AND i.practice_id = c.practice_id
      WHERE c.practice_id = p.practice_id AND c.payer_id = p.id AND (c.invoice_id IS NULL OR i.status = 'draft')) AS uninvoiced,
    (SELECT COALESCE(sum(a.total), 0) FROM invoice_amounts a
      WHERE a.practice_id = p.practice_id AND a.payer_id = p.id AND a.kind = 'invoice' AND a.status = 'issued') AS invoiced,
    (SELECT COALESCE(sum(a.credited), 0) FROM invoice_amounts a
      WHERE a.practice_id = p.practice_id AND a.payer_id = p.id AND a.kind = 'invoice' AND a.status = 'issued') AS credited,
    (SELECT COALESCE(sum(a.outstanding), 0) FROM invoice_amounts a WHERE a.practice_id = p.practice_id AND a.payer_id = p.id) AS outstanding,
    (SELECT COALESCE(sum(CASE WHEN m.kind = 'refund' THEN -m.amount ELSE m.amount END), 0) FROM payments m
      WHERE m.practice_id = p.practice_id AND m.payer_id = p.id) AS paid,
    (SELECT COALESCE(sum(pa.amount), 0) FROM payment_allocations pa JOIN payments m ON m.id = pa.payment_id AND m.practice_id = pa.practice_id
      WHERE pa.practice_id = p.practice_id AND m.payer_id = p.id) AS allocated
  FROM ${PAYER_FROM}`;

function toBalance(row: BalanceRow): PayerBalance {
  const paid = Number(row.paid);
  return {
    payer: toPayer(row),
    uninvoiced: Number(row.uninvoiced),
    invoiced: Number(row.invoiced),
    credited: Number(row.credited),
    paid,
    outstanding: Number(row.outstanding),
    unallocated: paid - Number(row.allocated),
  };
}

/** What each payer of a case owes and has paid: the people first (in case order), then third parties. */
export async function caseBalances(db: EntityManager, practiceId: string, caseId: string): Promise<PayerBalance[]> {
  const rows: BalanceRow[] = await db.query(
    `${BALANCE_SELECT} WHERE p.practice_id = $1 AND p.case_id = $2 ORDER BY pt.position NULLS LAST, p.created_at, p.id`,
    [practiceId, caseId],
  );
  return rows.map(toBalance);
}

/** One payer's balance (the portal shows a person their own), or undefined for an unknown payer. */
export async function payerBalance(db: EntityManager, practiceId: string, payerId: string): Promise<PayerBalance | undefined> {
  const [row]: BalanceRow[] = await db.query(`${BALANCE_SELECT} WHERE p.practice_id = $1 AND p.id = $2`, [practiceId, payerId]);
  return row ? toBalance(row) : undefined;
}

/** A `billing_charges` row as read, with its invoice's kind, number and status. */
export interface ChargeRow {
  id: string;
  case_id: string;
  payer_id: string;
  kind: ChargeKind;
  session_id: string | null;
  service_id: string | null;
  cpt_code: string | null;
  description: string;
  service_date: string;
  amount: number;
  reason: string | null;
  invoice_id: string | null;
  invoice_kind: InvoiceKind | null;
  invoice_number: number | null;
  invoice_status: 'draft' | 'issued' | null;
  created_at: Date;
}

const CHARGE_SELECT = `
  SELECT c.id, c.case_id, c.payer_id, c.kind, c.session_id, c.service_id, c.cpt_code, c.description,
         to_char(c.service_date, 'YYYY-MM-DD') AS service_date, c.amount, c.reason, c.invoice_id,
         i.kind AS invoice_kind, i.number AS invoice_number, i.status AS invoice_status, c.created_at
  FROM billing_charges c
  LEFT JOIN invoices i ON i.id = c.invoice_id AND i.practice_id = c.practice_id`;

function toCharge(row: ChargeRow): Charge {
  return {
    id: row.id,
    caseId: row.case_id,
    payerId: row.payer_id,
    kind: row.kind,
    sessionId: row.session_id,
    serviceId: row.service_id,
    cptCode: row.cpt_code,
    description: row.description,
    serviceDate: row.service_date,
    amount: row.amount,
    reason: row.reason,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_kind && row.invoice_number !== null ? invoiceNumberLabel(row.invoice_kind, row.invoice_number) : null,
    locked: row.invoice_status === 'issued',
    createdAt: row.created_at.toISOString(),
  };
}

/** A case's charges by service date; `uninvoiced` keeps those not yet on an issued invoice. */
export async function caseCharges(db: EntityManager, practiceId: string, caseId: string, uninvoiced: boolean): Promise<Charge[]> {
  const rows: ChargeRow[] = await db.query(
    `${CHARGE_SELECT}
     LEFT JOIN billing_payers p ON p.id = c.payer_id AND p.practice_id = c.practice_id
     LEFT JOIN participants pt ON pt.id = p.participant_id AND pt.practice_id = c.practice_id
     WHERE c.practice_id = $1 AND c.case_id = $2 AND (NOT $3 OR i.status IS DISTINCT FROM 'issued')
     ORDER BY c.service_date, c.created_at, pt.position NULLS LAST, c.id`,
    [practiceId, caseId, uninvoiced],
  );
  return rows.map(toCharge);
}

export async function findCharge(db: EntityManager, practiceId: string, chargeId: string): Promise<Charge | undefined> {
  const [row]: ChargeRow[] = await db.query(`${CHARGE_SELECT} WHERE c.practice_id = $1 AND c.id = $2`, [practiceId, chargeId]);
  return row ? toCharge(row) : undefined;
}
