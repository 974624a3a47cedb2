import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE, CURRENT_PRACTICE } from './1763900000000-foundation';

/**
 * The score of each answer sheet of a standard measure (the CSI-4 first), worked out
 * on the server when the sheet arrives, so progress charts read scores without
 * re-scoring answers.
 */
export class MeasureScores1764510000000 implements MigrationInterface {
  name = 'MeasureScores1764510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE measure_scores (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        assignment_id uuid NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
        -- One score per sheet.
        submission_id uuid NOT NULL UNIQUE REFERENCES submissions(id) ON DELETE CASCADE,
        measure_key text NOT NULL,
        measure_version integer NOT NULL CHECK (measure_version >= 1),
        score numeric(5, 1) NOT NULL,
        below_cutoff boolean NOT NULL,
        occurrence_on date NOT NULL,
        submitted_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX measure_scores_case_idx ON measure_scores (practice_id, case_id, submitted_at)`);

    await db.query(`ALTER TABLE measure_scores ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE measure_scores FORCE ROW LEVEL SECURITY`);
    await db.query(
      `CREATE POLICY practice_isolation ON measure_scores USING (practice_id = ${CURRENT_PRACTICE}) WITH CHECK (practice_id = ${CURRENT_PRACTICE})`,
    );
    // A score follows from the answers, which never change once sent: so neither does it.
    await db.query(`GRANT SELECT, INSERT ON measure_scores TO ${API_GROUP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS measure_scores`);
  }
}
