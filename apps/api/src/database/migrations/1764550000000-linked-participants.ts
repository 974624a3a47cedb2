import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The same person on more than one case: a participant record made by linking at intake
 * points at that person's first record, so the practice knows it is one person while each
 * case keeps its own record (its own side of the breach, portal link and answers).
 */
export class LinkedParticipants1764550000000 implements MigrationInterface {
  name = 'LinkedParticipants1764550000000';

  async up(db: QueryRunner): Promise<void> {
    // The API role already may UPDATE participants (table-level grants cover new columns).
    await db.query(`ALTER TABLE participants ADD COLUMN linked_participant_id uuid REFERENCES participants(id) ON DELETE SET NULL`);
    await db.query(`CREATE INDEX participants_linked_idx ON participants (practice_id, linked_participant_id) WHERE linked_participant_id IS NOT NULL`);
    // The intake's duplicate check compares e-mails case-insensitively within a practice.
    await db.query(`CREATE INDEX participants_email_idx ON participants (practice_id, lower(email)) WHERE email IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS participants_email_idx`);
    await db.query(`DROP INDEX IF EXISTS participants_linked_idx`);
    await db.query(`ALTER TABLE participants DROP COLUMN IF EXISTS linked_participant_id`);
  }
}
