import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE, CURRENT_PRACTICE } from './1763900000000-foundation';

/**
 * Stored alerts: each is raised once per reason (`source_key`, e.g. the check-in or the
 * report that raised it), so the caseload counts open rows instead of recomputing rules.
 * Also the one list background jobs need before any practice is known: the practices' ids.
 */
export class Alerts1764500000000 implements MigrationInterface {
  name = 'Alerts1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        participant_id uuid REFERENCES participants(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('safety-report', 'rating-drop', 'homework-overdue', 'check-in-gap', 'measure-below-cutoff')),
        source_key text NOT NULL CHECK (length(source_key) BETWEEN 1 AND 200),
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 300),
        details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'acknowledged', 'resolved')),
        raised_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES users(id) ON DELETE SET NULL,
        note text CHECK (length(note) BETWEEN 1 AND 1000),
        resolved_at timestamptz,
        -- One alert per reason: a retried write or a second sweep never raises it twice.
        CONSTRAINT case_alerts_reason UNIQUE (case_id, kind, source_key)
      )`);
    await db.query(`CREATE INDEX case_alerts_case_idx ON case_alerts (practice_id, case_id, raised_at DESC)`);
    // The caseload reads each row's open alerts on every page.
    await db.query(`CREATE INDEX case_alerts_open_idx ON case_alerts (case_id, kind) WHERE status = 'open'`);
    // Reports sent before alerts were stored still need a look.
    await db.query(`
      INSERT INTO case_alerts (practice_id, case_id, participant_id, kind, source_key, summary, raised_at)
      SELECT practice_id, case_id, participant_id, 'safety-report', id::text,
             CASE WHEN urgency = 'urgent' THEN 'Safety report marked urgent' ELSE 'Safety report: a concern' END, submitted_at
      FROM safety_reports WHERE acknowledged_at IS NULL`);
    await db.query(`ALTER TABLE case_alerts ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE case_alerts FORCE ROW LEVEL SECURITY`);
    await db.query(
      `CREATE POLICY practice_isolation ON case_alerts USING (practice_id = ${CURRENT_PRACTICE}) WITH CHECK (practice_id = ${CURRENT_PRACTICE})`,
    );
    // Why an alert was raised never changes; only how it was handled.
    await db.query(`GRANT SELECT, INSERT, UPDATE (status, acknowledged_at, acknowledged_by, note, resolved_at) ON case_alerts TO ${API_GROUP_ROLE}`);

    // Jobs (sweeps, reminders) work practice by practice, each under its own RLS scope.
    await db.query(`
      CREATE FUNCTION all_practice_ids() RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ SELECT id FROM practices ORDER BY id $$`);
    await db.query(`REVOKE ALL ON FUNCTION all_practice_ids() FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION all_practice_ids() TO ${API_GROUP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION IF EXISTS all_practice_ids()`);
    await db.query(`DROP TABLE IF EXISTS case_alerts`);
  }
}
