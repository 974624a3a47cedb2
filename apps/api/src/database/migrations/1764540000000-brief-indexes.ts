import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pre-session brief lists the answers sent since the previous session: per
 * assignment, a range of submitted_at. With the old (practice_id, assignment_id) index
 * that read every sheet of the case's history; with submitted_at in the index it reads
 * only the period's. The old index is a prefix of the new one, which serves its queries.
 */
export class BriefIndexes1764540000000 implements MigrationInterface {
  name = 'BriefIndexes1764540000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX submissions_sent_idx ON submissions (practice_id, assignment_id, submitted_at)`);
    await db.query(`DROP INDEX submissions_practice_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX submissions_practice_idx ON submissions (practice_id, assignment_id)`);
    await db.query(`DROP INDEX submissions_sent_idx`);
  }
}
