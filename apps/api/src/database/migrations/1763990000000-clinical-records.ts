import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE, CURRENT_PRACTICE } from './1763900000000-foundation';

const PRACTICE_TABLES = ['cases', 'case_clinicians', 'participants', 'case_phase_changes', 'case_events', 'sessions', 'notes', 'note_addenda', 'audit_events'];

/** Cases of two people, their timeline, sessions, encrypted notes and the audit log. */
export class ClinicalRecords1763990000000 implements MigrationInterface {
  name = 'ClinicalRecords1763990000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE practices ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC'`);

    await db.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        relationship_type text NOT NULL CHECK (relationship_type IN ('couple', 'parent-child', 'siblings', 'friends', 'other')),
        status text NOT NULL DEFAULT 'intake' CHECK (status IN ('intake', 'active', 'paused', 'closed')),
        phase smallint NOT NULL DEFAULT 1 CHECK (phase BETWEEN 1 AND 9),
        presenting_concern text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX cases_caseload_idx ON cases (practice_id, updated_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE case_clinicians (
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        PRIMARY KEY (case_id, user_id)
      )`);
    await db.query(`CREATE INDEX case_clinicians_user_idx ON case_clinicians (practice_id, user_id)`);

    await db.query(`
      CREATE TABLE participants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position IN (1, 2)),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        email text,
        phone text,
        pronouns text,
        breach_role text NOT NULL CHECK (breach_role IN ('broke-trust', 'was-hurt', 'both', 'not-stated')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, position)
      )`);
    await db.query(`CREATE INDEX participants_practice_idx ON participants (practice_id, case_id)`);

    await db.query(`
      CREATE TABLE case_phase_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        phase smallint NOT NULL CHECK (phase BETWEEN 1 AND 9),
        changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX case_phase_changes_case_idx ON case_phase_changes (practice_id, case_id, changed_at)`);

    await db.query(`
      CREATE TABLE case_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('breach', 'setback', 'milestone', 'noteworthy')),
        occurred_on date NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        details text,
        participant_id uuid REFERENCES participants(id) ON DELETE SET NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX case_events_case_idx ON case_events (practice_id, case_id, occurred_on DESC)`);

    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        clinician_id uuid REFERENCES users(id) ON DELETE SET NULL,
        starts_at timestamptz NOT NULL,
        duration_minutes smallint NOT NULL CHECK (duration_minutes BETWEEN 5 AND 600),
        modality text NOT NULL CHECK (modality IN ('in-person', 'video', 'phone')),
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'completed', 'cancelled', 'no-show')),
        attendee_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX sessions_case_idx ON sessions (practice_id, case_id, starts_at)`);
    await db.query(`CREATE INDEX sessions_agenda_idx ON sessions (practice_id, starts_at)`);

    // Note text is stored only encrypted (AES-256-GCM); key_id names the key so keys can rotate.
    await db.query(`
      CREATE TABLE notes (
        session_id uuid PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        template text NOT NULL CHECK (template IN ('soap', 'dap', 'birp', 'free')),
        body_encrypted bytea NOT NULL,
        key_id text NOT NULL,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'signed')),
        version integer NOT NULL DEFAULT 1,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        signed_at timestamptz,
        signed_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX notes_practice_idx ON notes (practice_id)`);

    await db.query(`
      CREATE TABLE note_addenda (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        session_id uuid NOT NULL REFERENCES notes(session_id) ON DELETE CASCADE,
        body_encrypted bytea NOT NULL,
        key_id text NOT NULL,
        author_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX note_addenda_session_idx ON note_addenda (practice_id, session_id, created_at)`);

    await db.query(`
      CREATE TABLE audit_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'participant', 'system')),
        actor_id uuid,
        actor_name text,
        action text NOT NULL,
        record_type text NOT NULL,
        record_id uuid NOT NULL,
        case_id uuid,
        ip_address text,
        request_id text
      )`);
    await db.query(`CREATE INDEX audit_events_time_idx ON audit_events (practice_id, occurred_at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_events_record_idx ON audit_events (practice_id, record_id)`);
    await db.query(`CREATE INDEX audit_events_actor_idx ON audit_events (practice_id, actor_id, occurred_at DESC)`);

    for (const table of PRACTICE_TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY practice_isolation ON ${table} USING (practice_id = ${CURRENT_PRACTICE}) WITH CHECK (practice_id = ${CURRENT_PRACTICE})`,
      );
    }
    const writable = PRACTICE_TABLES.filter((table) => table !== 'audit_events');
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${writable.join(', ')} TO ${API_GROUP_ROLE}`);
    // The audit log is append-only for the API: no UPDATE, no DELETE.
    await db.query(`GRANT SELECT, INSERT ON audit_events TO ${API_GROUP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [...PRACTICE_TABLES].reverse()) await db.query(`DROP TABLE IF EXISTS ${table}`);
    await db.query(`ALTER TABLE practices DROP COLUMN IF EXISTS time_zone`);
  }
}
