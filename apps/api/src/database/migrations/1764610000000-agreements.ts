import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE, CURRENT_PRACTICE } from './1763900000000-foundation';

const TABLES = ['agreement_templates', 'agreement_template_versions', 'case_agreements', 'case_policy_changes', 'agreement_signatures'];

/** `builtin:<key>` or a practice template's UUID, as exercises are referred to. */
const AGREEMENT_REF = `~ '^(builtin:[a-z0-9-]{1,60}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$'`;

/**
 * Agreements each person of a case signs in the portal: the practice's own templates
 * (versioned like exercise templates), the case's confidentiality policy and the
 * agreements it asks for, the history of policy changes, and the signatures, each
 * keeping the exact text its signer read.
 */
export class Agreements1764610000000 implements MigrationInterface {
  name = 'Agreements1764610000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE agreement_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('informed-consent', 'confidentiality', 'telehealth', 'email-communication', 'other')),
        current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
        archived_at timestamptz,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX agreement_templates_practice_idx ON agreement_templates (practice_id, kind, archived_at)`);

    await db.query(`
      CREATE TABLE agreement_template_versions (
        template_id uuid NOT NULL REFERENCES agreement_templates(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 40000),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (template_id, version)
      )`);
    await db.query(`CREATE INDEX agreement_template_versions_practice_idx ON agreement_template_versions (practice_id, template_id)`);

    // The agreements a case asks both people to sign besides its policy's, in the order chosen.
    await db.query(`
      CREATE TABLE case_agreements (
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        agreement_id text NOT NULL CHECK (agreement_id ${AGREEMENT_REF}),
        position smallint NOT NULL CHECK (position >= 0),
        added_by uuid REFERENCES users(id) ON DELETE SET NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (case_id, agreement_id)
      )`);
    await db.query(`CREATE INDEX case_agreements_case_idx ON case_agreements (practice_id, case_id, position)`);

    // A case's confidentiality policy is its newest row here (none: no policy chosen yet, as for
    // cases opened before policies existed). Names are kept as they read at the change, so the
    // history reads the same after a template is renamed.
    await db.query(`
      CREATE TABLE case_policy_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        agreement_id text NOT NULL CHECK (agreement_id ${AGREEMENT_REF}),
        policy_kind text NOT NULL CHECK (policy_kind IN ('no-secrets', 'limited-secrets', 'kept-private', 'practice')),
        policy_name text NOT NULL CHECK (length(policy_name) BETWEEN 1 AND 120),
        previous_agreement_id text CHECK (previous_agreement_id ${AGREEMENT_REF}),
        previous_name text CHECK (length(previous_name) BETWEEN 1 AND 120),
        reason text CHECK (length(reason) BETWEEN 1 AND 1000),
        changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX case_policy_changes_case_idx ON case_policy_changes (practice_id, case_id, changed_at)`);

    // A signature is evidence: written once with the exact text shown, never changed or deleted by the API.
    await db.query(`
      CREATE TABLE agreement_signatures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        agreement_id text NOT NULL CHECK (agreement_id ${AGREEMENT_REF}),
        kind text NOT NULL CHECK (kind IN ('informed-consent', 'confidentiality', 'telehealth', 'email-communication', 'other')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
        version integer NOT NULL CHECK (version >= 1),
        policy_agreement_id text CHECK (policy_agreement_id ${AGREEMENT_REF}),
        document_text text NOT NULL,
        document_hash text NOT NULL CHECK (document_hash ~ '^[0-9a-f]{64}$'),
        typed_name text NOT NULL CHECK (length(typed_name) BETWEEN 1 AND 120),
        statement text NOT NULL,
        signed_at timestamptz NOT NULL DEFAULT now(),
        ip_address text CHECK (length(ip_address) <= 100),
        user_agent text CHECK (length(user_agent) <= 1000)
      )`);
    await db.query(
      `CREATE INDEX agreement_signatures_case_idx ON agreement_signatures (practice_id, case_id, participant_id, agreement_id, signed_at DESC)`,
    );

    for (const table of TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY practice_isolation ON ${table} USING (practice_id = ${CURRENT_PRACTICE}) WITH CHECK (practice_id = ${CURRENT_PRACTICE})`,
      );
    }
    // Templates are archived, never deleted; versions, policy changes and signatures are only ever added.
    await db.query(`GRANT SELECT, INSERT, UPDATE ON agreement_templates TO ${API_GROUP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT ON agreement_template_versions, case_policy_changes, agreement_signatures TO ${API_GROUP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON case_agreements TO ${API_GROUP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
