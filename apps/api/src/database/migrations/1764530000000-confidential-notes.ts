import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A note is either joint (about both participants: NULL) or about one participant only,
 * e.g. an individual session with one partner. A records request by the other participant
 * leaves such a note out. Every existing note stays joint.
 */
export class ConfidentialNotes1764530000000 implements MigrationInterface {
  name = 'ConfidentialNotes1764530000000';

  async up(db: QueryRunner): Promise<void> {
    // No cascade: removing a participant must never silently remove clinical notes.
    await db.query(`ALTER TABLE notes ADD COLUMN about_participant_id uuid REFERENCES participants(id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE notes DROP COLUMN IF EXISTS about_participant_id`);
  }
}
