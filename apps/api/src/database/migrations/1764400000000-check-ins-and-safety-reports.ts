import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE, CURRENT_PRACTICE } from './1763900000000-foundation';

/** Participants' weekly check-ins, and their private safety reports to the therapist. */
export class CheckInsAndSafetyReports1764400000000 implements MigrationInterface {
  name = 'CheckInsAndSafetyReports1764400000000';

  async up(db: QueryRunner): Promise<void> {
    const rating = (column: string) => `${column} smallint NOT NULL CHECK (${column} BETWEEN 0 AND 10)`;
    await db.query(`
      CREATE TABLE check_ins (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        ${rating('trust')},
        ${rating('safety')},
        ${rating('heard')},
        ${rating('closeness')},
        note text CHECK (length(note) BETWEEN 1 AND 1000),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        -- A retried send with the same key finds the first one (NULL keys never collide).
        CONSTRAINT check_ins_idempotency_key UNIQUE (participant_id, idempotency_key)
      )`);
    await db.query(`CREATE INDEX check_ins_case_idx ON check_ins (practice_id, case_id, submitted_at DESC)`);
    await db.query(`CREATE INDEX check_ins_participant_idx ON check_ins (practice_id, participant_id, submitted_at DESC)`);

    await db.query(`
      CREATE TABLE safety_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        message text NOT NULL CHECK (length(message) BETWEEN 1 AND 4000),
        urgency text NOT NULL CHECK (urgency IN ('concern', 'urgent')),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES users(id) ON DELETE SET NULL,
        idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        CONSTRAINT safety_reports_idempotency_key UNIQUE (participant_id, idempotency_key)
      )`);
    await db.query(`CREATE INDEX safety_reports_case_idx ON safety_reports (practice_id, case_id, submitted_at DESC)`);
    // The caseload counts each case's open reports on every page: this keeps that cheap.
    await db.query(`CREATE INDEX safety_reports_open_idx ON safety_reports (case_id) WHERE acknowledged_at IS NULL`);

    for (const table of ['check_ins', 'safety_reports']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY practice_isolation ON ${table} USING (practice_id = ${CURRENT_PRACTICE}) WITH CHECK (practice_id = ${CURRENT_PRACTICE})`,
      );
    }
    // A check-in, once sent, is the participant's record: never edited or removed by the API.
    await db.query(`GRANT SELECT, INSERT ON check_ins TO ${API_GROUP_ROLE}`);
    // A report changes only to be acknowledged; its message and urgency stay as sent.
    await db.query(`GRANT SELECT, INSERT, UPDATE (acknowledged_at, acknowledged_by) ON safety_reports TO ${API_GROUP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS safety_reports`);
    await db.query(`DROP TABLE IF EXISTS check_ins`);
  }
}
