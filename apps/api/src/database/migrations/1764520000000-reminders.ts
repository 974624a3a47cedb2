import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE, CURRENT_PRACTICE } from './1763900000000-foundation';

/**
 * E-mail reminders and notices. Each delivery is recorded once per kind, recipient and
 * subject (a date, or the report it is about): the row is inserted in the same
 * transaction as the send, so of several API instances only the inserter sends, and a
 * failed send leaves no row and is tried again.
 */
export class Reminders1764520000000 implements MigrationInterface {
  name = 'Reminders1764520000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reminder_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('homework-due', 'safety-report', 'weekly-digest')),
        -- A participant or a user, depending on the kind.
        recipient_id uuid NOT NULL,
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 100),
        sent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT reminder_deliveries_once UNIQUE (kind, recipient_id, subject)
      )`);
    await db.query(`CREATE INDEX reminder_deliveries_practice_idx ON reminder_deliveries (practice_id, sent_at DESC)`);
    await db.query(`ALTER TABLE reminder_deliveries ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE reminder_deliveries FORCE ROW LEVEL SECURITY`);
    await db.query(
      `CREATE POLICY practice_isolation ON reminder_deliveries USING (practice_id = ${CURRENT_PRACTICE}) WITH CHECK (practice_id = ${CURRENT_PRACTICE})`,
    );
    // A delivery is a fact: never changed or removed by the API.
    await db.query(`GRANT SELECT, INSERT ON reminder_deliveries TO ${API_GROUP_ROLE}`);

    // The API role already may UPDATE both tables (table-level grants cover new columns).
    await db.query(`ALTER TABLE participants ADD COLUMN homework_reminders boolean NOT NULL DEFAULT true`);
    await db.query(`ALTER TABLE users ADD COLUMN weekly_digest boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN IF EXISTS weekly_digest`);
    await db.query(`ALTER TABLE participants DROP COLUMN IF EXISTS homework_reminders`);
    await db.query(`DROP TABLE IF EXISTS reminder_deliveries`);
  }
}
