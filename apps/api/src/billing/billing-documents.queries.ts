import { DEFAULT_CURRENCY, type DiagnosisCode, type MinorUnits, type PaymentMethod, type Statement } from '@trustwork/contracts';
import type { EntityManager } from 'typeorm';

/** One of a case's people, as billing names them. */
export interface BilledParticipant {
  id: string;
  caseId: string;
  displayName: string;
}

export async function participantOf(db: EntityManager, practiceId: string, participantId: string): Promise<BilledParticipant | undefined> {
  const [row]: BilledParticipant[] = await db.query(
    `SELECT p.id, p.case_id AS "caseId", p.display_name AS "displayName" FROM participants p WHERE p.practice_id = $1 AND p.id = $2`,
    [practiceId, participantId],
  );
  return row;
}

export async function diagnosesOf(db: EntityManager, practiceId: string, participantId: string): Promise<{ codes: DiagnosisCode[]; updatedAt: string } | undefined> {
  const [row]: { codes: DiagnosisCode[]; updated_at: Date }[] = await db.query(
    `SELECT d.codes, d.updated_at FROM participant_diagnoses d WHERE d.practice_id = $1 AND d.participant_id = $2`,
    [practiceId, participantId],
  );
  return row && { codes: row.codes, updatedAt: new Date(row.updated_at).toISOString() };
}

/** What a statement's or superbill's heading prints about the practice. */
export interface PracticeHeading {
  name: string;
  address: string | null;
  currency: string;
  taxId: string | null;
  npi: string | null;
  paymentInstructions: string | null;
  timeZone: string;
}

export async function practiceHeading(db: EntityManager, practiceId: string): Promise<PracticeHeading> {
  const [row]: PracticeHeading[] = await db.query(
    `SELECT pr.name, pr.office_address AS address, coalesce(bs.currency, $2) AS currency, bs.tax_id AS "taxId", bs.npi,
            bs.payment_instructions AS "paymentInstructions", pr.time_zone AS "timeZone"
     FROM practices pr LEFT JOIN billing_settings bs ON bs.practice_id = pr.id
     WHERE pr.id = $1`,
    [practiceId, DEFAULT_CURRENCY],
  );
  return row;
}

/**
 * What the payer owed before `from`: issued invoices and credit notes (negative totals, from
 * invoice_amounts) less payments, plus refunds.
 */
export async function openingBalance(db: EntityManager, practiceId: string, payerId: string, from: string): Promise<MinorUnits> {
  const [row]: { balance: string }[] = await db.query(
    `SELECT (SELECT coalesce(sum(a.total), 0) FROM invoice_amounts a
              WHERE a.practice_id = $1 AND a.payer_id = $2 AND a.status = 'issued' AND a.issued_on < $3::date)
          - (SELECT coalesce(sum(CASE WHEN m.kind = 'payment' THEN m.amount ELSE -m.amount END), 0) FROM payments m
              WHERE m.practice_id = $1 AND m.payer_id = $2 AND m.received_on < $3::date) AS balance`,
    [practiceId, payerId, from],
  );
  return Number(row.balance);
}

/** One movement on a payer's account, before the running balance is added. */
export type StatementMovement = Omit<Statement['entries'][number], 'balance' | 'reference'> & {
  number: number | null;
  method: PaymentMethod | null;
  reference: string | null;
};

/** Issued invoices and credit notes (by issue date), payments and refunds in the period, oldest first; money in is negative. */
export function statementMovements(db: EntityManager, practiceId: string, payerId: string, from: string, to: string): Promise<StatementMovement[]> {
  return db.query(
    `SELECT to_char(e.day, 'YYYY-MM-DD') AS date, e.kind, e.number, e.method, e.reference, e.amount FROM (
       SELECT a.issued_on AS day, a.kind, i.number, NULL AS method, NULL AS reference, a.total AS amount, i.issued_at AS at, i.id
       FROM invoice_amounts a JOIN invoices i ON i.practice_id = a.practice_id AND i.id = a.invoice_id
       WHERE a.practice_id = $1 AND a.payer_id = $2 AND a.status = 'issued' AND a.issued_on BETWEEN $3::date AND $4::date
       UNION ALL
       SELECT m.received_on, m.kind, NULL, m.method, m.reference, CASE WHEN m.kind = 'payment' THEN -m.amount ELSE m.amount END, m.created_at, m.id
       FROM payments m
       WHERE m.practice_id = $1 AND m.payer_id = $2 AND m.received_on BETWEEN $3::date AND $4::date
     ) e
     ORDER BY e.day, e.at, e.id`,
    [practiceId, payerId, from, to],
  );
}

/** A line of one of the person's issued invoices, with what credit notes left of it. */
export interface SuperbillChargeRow {
  invoiceId: string;
  serviceDate: string;
  /** Whether the superbill prints it: a session or a session's fee, in the period. */
  claimable: boolean;
  cptCode: string | null;
  description: string;
  /** The charge less credits against it on issued credit notes. */
  fee: MinorUnits;
  /** What payments cover of the whole invoice. */
  invoicePaid: MinorUnits;
  clinicianId: string | null;
  clinicianName: string | null;
  licence: string | null;
  npi: string | null;
}

/**
 * Every line of each issued invoice addressed to this person (their own payer row only,
 * never their partner's or a third party's) that holds a session or fee in the period, in
 * service-date order: all lines come back, so an invoice's payments can be spread over them.
 */
export function superbillCharges(db: EntityManager, practiceId: string, participantId: string, from: string, to: string): Promise<SuperbillChargeRow[]> {
  const claimable = `c.kind IN ('session', 'late-cancellation', 'no-show') AND c.service_date BETWEEN $3::date AND $4::date`;
  return db.query(
    `WITH theirs AS (
       SELECT DISTINCT i.id FROM invoices i
       JOIN billing_payers b ON b.practice_id = i.practice_id AND b.id = i.payer_id
       JOIN billing_charges c ON c.practice_id = i.practice_id AND c.invoice_id = i.id
       WHERE i.practice_id = $1 AND b.kind = 'participant' AND b.participant_id = $2 AND i.kind = 'invoice' AND i.status = 'issued' AND ${claimable}
     )
     SELECT c.invoice_id AS "invoiceId", to_char(c.service_date, 'YYYY-MM-DD') AS "serviceDate", (${claimable}) AS claimable,
            c.cpt_code AS "cptCode", c.description, (c.amount + coalesce(credits.amount, 0))::int AS fee, a.paid AS "invoicePaid",
            s.clinician_id AS "clinicianId", u.name AS "clinicianName", cc.licence, cc.npi
     FROM billing_charges c
     JOIN theirs ON theirs.id = c.invoice_id
     JOIN invoice_amounts a ON a.practice_id = c.practice_id AND a.invoice_id = c.invoice_id
     LEFT JOIN LATERAL (
       SELECT sum(k.amount) AS amount FROM billing_charges k JOIN invoices n ON n.practice_id = k.practice_id AND n.id = k.invoice_id AND n.status = 'issued'
       WHERE k.practice_id = c.practice_id AND k.credits_charge_id = c.id
     ) credits ON true
     LEFT JOIN sessions s ON s.practice_id = c.practice_id AND s.id = c.session_id
     LEFT JOIN users u ON u.practice_id = c.practice_id AND u.id = s.clinician_id
     LEFT JOIN clinician_credentials cc ON cc.practice_id = c.practice_id AND cc.user_id = s.clinician_id
     WHERE c.practice_id = $1
     ORDER BY c.service_date, c.created_at, c.id`,
    [practiceId, participantId, from, to],
  );
}
