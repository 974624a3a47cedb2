import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE, CURRENT_PRACTICE } from './1763900000000-foundation';

const TABLES = [
  'billing_settings',
  'billing_services',
  'clinician_credentials',
  'billing_payers',
  'case_billing',
  'invoices',
  'billing_charges',
  'payments',
  'payment_allocations',
  'participant_diagnoses',
];

/**
 * Getting paid: the practice's fees and services, who pays for each case, charges,
 * invoices and credit notes numbered per practice without gaps, payments and refunds
 * allocated to invoices, and the diagnosis codes superbills print. Amounts are integer
 * minor units of the practice's currency.
 */
export class Billing1764630000000 implements MigrationInterface {
  name = 'Billing1764630000000';

  async up(db: QueryRunner): Promise<void> {
    // One row per practice, made on first use; it also holds the invoice counter, so the
    // row lock of `last_invoice_number + 1` hands out numbers one at a time, and a rolled
    // back issue gives its number back.
    await db.query(`
      CREATE TABLE billing_settings (
        practice_id uuid PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
        currency char(3) NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
        tax_id text CHECK (length(tax_id) BETWEEN 1 AND 40),
        npi text CHECK (npi ~ '^[0-9]{10}$'),
        late_cancellation_fee integer CHECK (late_cancellation_fee BETWEEN 0 AND 100000000),
        no_show_fee integer CHECK (no_show_fee BETWEEN 0 AND 100000000),
        payment_terms_days smallint NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 120),
        payment_instructions text CHECK (length(payment_instructions) BETWEEN 1 AND 500),
        last_invoice_number integer NOT NULL DEFAULT 0 CHECK (last_invoice_number >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE billing_services (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
        cpt_code text CHECK (cpt_code ~ '^[0-9]{4}[0-9FT]$'),
        session_kind text NOT NULL CHECK (session_kind IN ('joint', 'individual')),
        default_duration_minutes smallint NOT NULL CHECK (default_duration_minutes BETWEEN 5 AND 480),
        fee integer NOT NULL CHECK (fee BETWEEN 0 AND 100000000),
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX billing_services_practice_idx ON billing_services (practice_id, session_kind)`);

    await db.query(`
      CREATE TABLE clinician_credentials (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        licence text CHECK (length(licence) BETWEEN 1 AND 120),
        npi text CHECK (npi ~ '^[0-9]{10}$'),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX clinician_credentials_practice_idx ON clinician_credentials (practice_id, user_id)`);

    // A payer is one of the case's people (name and e-mail read from the person) or a third party.
    await db.query(`
      CREATE TABLE billing_payers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('participant', 'third-party')),
        participant_id uuid REFERENCES participants(id) ON DELETE CASCADE,
        name text CHECK (length(name) BETWEEN 1 AND 300),
        email text CHECK (length(email) BETWEEN 3 AND 254),
        address text CHECK (length(address) BETWEEN 1 AND 300),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'participant') = (participant_id IS NOT NULL)),
        CHECK (kind = 'participant' OR name IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX billing_payers_practice_idx ON billing_payers (practice_id, case_id)`);
    await db.query(`CREATE UNIQUE INDEX billing_payers_participant_key ON billing_payers (case_id, participant_id) WHERE participant_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE case_billing (
        case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        arrangement text NOT NULL CHECK (arrangement IN ('one-person', 'shared', 'third-party')),
        payer_participant_id uuid REFERENCES participants(id) ON DELETE SET NULL,
        shares jsonb NOT NULL DEFAULT '[]',
        third_party_payer_id uuid REFERENCES billing_payers(id),
        individual_sessions_to_own_person boolean NOT NULL DEFAULT true,
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX case_billing_practice_idx ON case_billing (practice_id, case_id)`);

    // Draft, then issued with the next number: an issued invoice is never changed, it is corrected by a credit note.
    await db.query(`
      CREATE TABLE invoices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        payer_id uuid NOT NULL REFERENCES billing_payers(id),
        kind text NOT NULL CHECK (kind IN ('invoice', 'credit-note')),
        status text NOT NULL CHECK (status IN ('draft', 'issued')),
        number integer CHECK (number >= 1),
        corrects_invoice_id uuid REFERENCES invoices(id),
        reason text CHECK (length(reason) BETWEEN 1 AND 500),
        currency char(3) NOT NULL,
        issued_on date,
        due_on date,
        issued_at timestamptz,
        issued_by uuid REFERENCES users(id) ON DELETE SET NULL,
        practice_details jsonb,
        payer_details jsonb,
        emailed_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'issued') = (number IS NOT NULL)),
        CHECK ((status = 'issued') = (issued_on IS NOT NULL)),
        CHECK ((kind = 'credit-note') = (corrects_invoice_id IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX invoices_number_key ON invoices (practice_id, number)`);
    await db.query(`CREATE INDEX invoices_case_idx ON invoices (practice_id, case_id, created_at)`);
    await db.query(`CREATE INDEX invoices_payer_idx ON invoices (practice_id, payer_id)`);
    await db.query(`CREATE INDEX invoices_corrects_idx ON invoices (practice_id, corrects_invoice_id) WHERE corrects_invoice_id IS NOT NULL`);

    // What one payer owes for one thing. A session's charges come once per payer and kind.
    await db.query(`
      CREATE TABLE billing_charges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        payer_id uuid NOT NULL REFERENCES billing_payers(id),
        kind text NOT NULL CHECK (kind IN ('session', 'late-cancellation', 'no-show', 'manual', 'adjustment', 'credit')),
        session_id uuid REFERENCES sessions(id) ON DELETE SET NULL,
        service_id uuid REFERENCES billing_services(id),
        cpt_code text CHECK (cpt_code ~ '^[0-9]{4}[0-9FT]$'),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 300),
        service_date date NOT NULL,
        amount integer NOT NULL CHECK (amount BETWEEN -100000000 AND 100000000),
        reason text CHECK (length(reason) BETWEEN 1 AND 500),
        invoice_id uuid REFERENCES invoices(id) ON DELETE SET NULL,
        credits_charge_id uuid REFERENCES billing_charges(id),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'credit') = (credits_charge_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX billing_charges_case_idx ON billing_charges (practice_id, case_id, service_date)`);
    await db.query(`CREATE INDEX billing_charges_invoice_idx ON billing_charges (practice_id, invoice_id) WHERE invoice_id IS NOT NULL`);
    await db.query(`CREATE INDEX billing_charges_payer_idx ON billing_charges (practice_id, payer_id)`);
    await db.query(`
      CREATE UNIQUE INDEX billing_charges_session_key ON billing_charges (session_id, payer_id, kind)
        WHERE session_id IS NOT NULL AND kind IN ('session', 'late-cancellation', 'no-show')`);

    // A refund is its own row (kind 'refund') naming the payment it gives money back from.
    await db.query(`
      CREATE TABLE payments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        payer_id uuid NOT NULL REFERENCES billing_payers(id),
        kind text NOT NULL CHECK (kind IN ('payment', 'refund')),
        method text NOT NULL CHECK (method IN ('card', 'cash', 'cheque', 'bank-transfer', 'other')),
        amount integer NOT NULL CHECK (amount BETWEEN 1 AND 100000000),
        received_on date NOT NULL,
        reference text CHECK (length(reference) BETWEEN 1 AND 300),
        reason text CHECK (length(reason) BETWEEN 1 AND 500),
        refund_of_payment_id uuid REFERENCES payments(id),
        processor text NOT NULL DEFAULT 'manual' CHECK (length(processor) BETWEEN 1 AND 40),
        processor_reference text CHECK (length(processor_reference) BETWEEN 1 AND 300),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((kind = 'refund') = (refund_of_payment_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX payments_case_idx ON payments (practice_id, case_id, received_on)`);
    await db.query(`CREATE INDEX payments_payer_idx ON payments (practice_id, payer_id)`);

    // A payment's money on an invoice; a negative row takes some back off (a refund, a credit note).
    await db.query(`
      CREATE TABLE payment_allocations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        payment_id uuid NOT NULL REFERENCES payments(id),
        invoice_id uuid NOT NULL REFERENCES invoices(id),
        amount integer NOT NULL CHECK (amount <> 0 AND amount BETWEEN -100000000 AND 100000000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX payment_allocations_invoice_idx ON payment_allocations (practice_id, invoice_id)`);
    await db.query(`CREATE INDEX payment_allocations_payment_idx ON payment_allocations (practice_id, payment_id)`);

    await db.query(`
      CREATE TABLE participant_diagnoses (
        participant_id uuid PRIMARY KEY REFERENCES participants(id) ON DELETE CASCADE,
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        codes jsonb NOT NULL DEFAULT '[]',
        updated_by uuid REFERENCES users(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX participant_diagnoses_practice_idx ON participant_diagnoses (practice_id, case_id)`);

    for (const table of TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY practice_isolation ON ${table} USING (practice_id = ${CURRENT_PRACTICE}) WITH CHECK (practice_id = ${CURRENT_PRACTICE})`,
      );
    }
    await db.query(
      `GRANT SELECT, INSERT, UPDATE ON billing_settings, billing_services, clinician_credentials, billing_payers, case_billing, payments, participant_diagnoses TO ${API_GROUP_ROLE}`,
    );
    // Drafts and the charges on them may be removed; issued invoices are kept by the service's rules.
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON invoices, billing_charges TO ${API_GROUP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT ON payment_allocations TO ${API_GROUP_ROLE}`);

    // The one definition of what an invoice totals, what credit notes took off it and what
    // payments cover; row-level security of the tables underneath applies (security_invoker).
    await db.query(`
      CREATE VIEW invoice_amounts WITH (security_invoker = true) AS
      SELECT i.id AS invoice_id, i.practice_id, i.payer_id, i.case_id, i.kind, i.status, i.issued_on,
             COALESCE(lines.total, 0)::int AS total,
             COALESCE(credits.credited, 0)::int AS credited,
             COALESCE(paid.paid, 0)::int AS paid,
             CASE WHEN i.kind = 'invoice' AND i.status = 'issued'
                  THEN (COALESCE(lines.total, 0) - COALESCE(credits.credited, 0) - COALESCE(paid.paid, 0))::int ELSE 0 END AS outstanding
      FROM invoices i
      LEFT JOIN LATERAL (
        SELECT sum(c.amount) AS total FROM billing_charges c WHERE c.practice_id = i.practice_id AND c.invoice_id = i.id
      ) lines ON true
      LEFT JOIN LATERAL (
        SELECT -sum(c.amount) AS credited FROM invoices n JOIN billing_charges c ON c.practice_id = n.practice_id AND c.invoice_id = n.id
        WHERE n.practice_id = i.practice_id AND n.corrects_invoice_id = i.id AND n.status = 'issued'
      ) credits ON true
      LEFT JOIN LATERAL (
        SELECT sum(a.amount) AS paid FROM payment_allocations a WHERE a.practice_id = i.practice_id AND a.invoice_id = i.id
      ) paid ON true`);
    await db.query(`GRANT SELECT ON invoice_amounts TO ${API_GROUP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP VIEW IF EXISTS invoice_amounts`);
    for (const table of [...TABLES].reverse()) await db.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
  }
}
