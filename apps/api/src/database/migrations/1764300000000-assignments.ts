import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE, CURRENT_PRACTICE } from './1763900000000-foundation';

const TABLES = ['assignments', 'submissions'];

/**
 * Homework: an exercise given to a case's participant(s), and their answers. The
 * assignment keeps its own copy of the exercise version's title, instructions and
 * prompts, so answers are always read with the questions they answered.
 */
export class Assignments1764300000000 implements MigrationInterface {
  name = 'Assignments1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        exercise_ref text NOT NULL,
        exercise_version integer NOT NULL CHECK (exercise_version >= 1),
        exercise_title text NOT NULL,
        exercise_instructions text NOT NULL,
        prompts jsonb NOT NULL CHECK (jsonb_typeof(prompts) = 'array'),
        audience text NOT NULL CHECK (audience IN ('participant', 'together')),
        participant_id uuid REFERENCES participants(id) ON DELETE CASCADE,
        due_on date,
        frequency text CHECK (frequency IN ('daily', 'weekly')),
        days_of_week smallint[],
        starts_on date,
        ends_on date,
        instructions text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'cancelled')),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((audience = 'participant') = (participant_id IS NOT NULL)),
        -- Either one due date, or a recurrence with both ends (and its days when weekly).
        CHECK (
          (due_on IS NOT NULL AND frequency IS NULL AND starts_on IS NULL AND ends_on IS NULL AND days_of_week IS NULL)
          OR (due_on IS NULL AND frequency IS NOT NULL AND starts_on IS NOT NULL AND ends_on >= starts_on
              AND (frequency = 'weekly') = (days_of_week IS NOT NULL))
        )
      )`);
    await db.query(`CREATE INDEX assignments_case_idx ON assignments (practice_id, case_id, created_at)`);

    await db.query(`
      CREATE TABLE submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        assignment_id uuid NOT NULL REFERENCES assignments(id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        occurrence_on date NOT NULL,
        answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
        shared boolean NOT NULL DEFAULT false,
        idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        -- One sheet per person per occurrence: a retry or a double tap never counts twice.
        UNIQUE (assignment_id, participant_id, occurrence_on),
        UNIQUE (participant_id, idempotency_key)
      )`);
    await db.query(`CREATE INDEX submissions_practice_idx ON submissions (practice_id, assignment_id)`);

    for (const table of TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY practice_isolation ON ${table} USING (practice_id = ${CURRENT_PRACTICE}) WITH CHECK (practice_id = ${CURRENT_PRACTICE})`,
      );
    }
    // Assignments are cancelled, never deleted; answers are never changed once sent.
    await db.query(`GRANT SELECT, INSERT, UPDATE ON assignments TO ${API_GROUP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT ON submissions TO ${API_GROUP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
