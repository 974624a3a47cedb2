import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE, CURRENT_PRACTICE } from './1763900000000-foundation';

const TABLES = ['exercise_templates', 'exercise_template_versions'];

/**
 * A practice's own exercise templates. Content lives in numbered versions that are
 * never changed, so an answer can always be shown with the prompts it answered.
 */
export class ExerciseTemplates1764100000000 implements MigrationInterface {
  name = 'ExerciseTemplates1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE exercise_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        current_version integer NOT NULL DEFAULT 1 CHECK (current_version >= 1),
        archived_at timestamptz,
        duplicated_from text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX exercise_templates_practice_idx ON exercise_templates (practice_id, archived_at)`);

    // Checks repeat only what keeps a row readable; the full rules are the library's
    // exerciseProblems, applied by the API before every insert.
    await db.query(`
      CREATE TABLE exercise_template_versions (
        template_id uuid NOT NULL REFERENCES exercise_templates(id) ON DELETE CASCADE,
        version integer NOT NULL CHECK (version >= 1),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
        phase text NOT NULL CHECK (phase IN ('1', '2', '3', '4', '5', '6', '7', '8', '9', 'throughout')),
        audience text NOT NULL CHECK (audience IN ('broke-trust', 'hurt', 'each', 'together')),
        other_audiences jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(other_audiences) = 'array'),
        sheet text NOT NULL CHECK (sheet IN ('own', 'shared')),
        cadence jsonb NOT NULL CHECK (jsonb_typeof(cadence) = 'object'),
        minutes smallint NOT NULL CHECK (minutes BETWEEN 1 AND 240),
        purpose text NOT NULL,
        instructions text NOT NULL,
        clinician_notes text NOT NULL,
        prompts jsonb NOT NULL CHECK (jsonb_typeof(prompts) = 'array'),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (template_id, version)
      )`);
    await db.query(`CREATE INDEX exercise_template_versions_practice_idx ON exercise_template_versions (practice_id, template_id)`);

    for (const table of TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY practice_isolation ON ${table} USING (practice_id = ${CURRENT_PRACTICE}) WITH CHECK (practice_id = ${CURRENT_PRACTICE})`,
      );
    }
    // Templates are archived, never deleted; versions are only ever added.
    await db.query(`GRANT SELECT, INSERT, UPDATE ON exercise_templates TO ${API_GROUP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT ON exercise_template_versions TO ${API_GROUP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse()) await db.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
