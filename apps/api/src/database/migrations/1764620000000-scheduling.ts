import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE, CURRENT_PRACTICE } from './1763900000000-foundation';

const TABLES = ['session_series', 'session_attendance', 'calendar_feeds'];

/**
 * Appointments people turn up to: where a session is (an office address or the practice's
 * own video link), recurring series, each person's confirmation or cancellation, the
 * practice's reminder and notice settings, and each team member's calendar feed.
 */
export class Scheduling1764620000000 implements MigrationInterface {
  name = 'Scheduling1764620000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE practices
        ADD COLUMN reminder_lead_hours smallint NOT NULL DEFAULT 24 CHECK (reminder_lead_hours BETWEEN 1 AND 72),
        ADD COLUMN cancellation_notice_hours smallint NOT NULL DEFAULT 24 CHECK (cancellation_notice_hours BETWEEN 0 AND 72),
        ADD COLUMN office_address text CHECK (length(office_address) BETWEEN 1 AND 300)`);
    await db.query(`ALTER TABLE participants ADD COLUMN session_reminders boolean NOT NULL DEFAULT true`);

    // A series keeps the local time it was made with, in the zone it was made in, so a
    // daylight-saving change moves no session's local time.
    await db.query(`
      CREATE TABLE session_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        frequency text NOT NULL CHECK (frequency IN ('weekly', 'every-two-weeks')),
        time_zone text NOT NULL,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX session_series_case_idx ON session_series (practice_id, case_id)`);

    await db.query(`
      ALTER TABLE sessions
        ADD COLUMN address text CHECK (length(address) BETWEEN 1 AND 300),
        ADD COLUMN video_url text CHECK (length(video_url) BETWEEN 1 AND 2000),
        ADD COLUMN series_id uuid REFERENCES session_series(id) ON DELETE SET NULL,
        ADD COLUMN series_position smallint CHECK (series_position >= 1),
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancelled_by_participant_id uuid REFERENCES participants(id) ON DELETE SET NULL,
        ADD COLUMN cancelled_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN cancellation_late boolean,
        ADD COLUMN cancellation_reason text CHECK (length(cancellation_reason) BETWEEN 1 AND 1000),
        ADD CONSTRAINT sessions_series_position CHECK (series_id IS NULL OR series_position IS NOT NULL)`);
    await db.query(`CREATE INDEX sessions_series_idx ON sessions (practice_id, series_id, starts_at) WHERE series_id IS NOT NULL`);
    // The reminder sweep looks for scheduled sessions starting soon across practices.
    await db.query(`CREATE INDEX sessions_upcoming_idx ON sessions (starts_at) WHERE status = 'scheduled'`);

    // Each person's latest answer to a session: confirmed or cancelled (a cancellation also marks the session).
    await db.query(`
      CREATE TABLE session_attendance (
        session_id uuid NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        response text NOT NULL CHECK (response IN ('confirmed', 'cancelled')),
        responded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, participant_id)
      )`);
    await db.query(`CREATE INDEX session_attendance_practice_idx ON session_attendance (practice_id, session_id)`);

    // The token is stored only as its SHA-256, like portal links; one live feed per member.
    await db.query(`
      CREATE TABLE calendar_feeds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_sha256 bytea NOT NULL,
        include_video_links boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX calendar_feeds_token_key ON calendar_feeds (token_sha256)`);
    await db.query(`CREATE UNIQUE INDEX calendar_feeds_one_live_key ON calendar_feeds (user_id) WHERE revoked_at IS NULL`);
    await db.query(`CREATE INDEX calendar_feeds_practice_idx ON calendar_feeds (practice_id, user_id)`);

    for (const table of TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY practice_isolation ON ${table} USING (practice_id = ${CURRENT_PRACTICE}) WITH CHECK (practice_id = ${CURRENT_PRACTICE})`,
      );
    }
    await db.query(`GRANT SELECT, INSERT, UPDATE ON session_series, calendar_feeds TO ${API_GROUP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON session_attendance TO ${API_GROUP_ROLE}`);

    // A feed request learns its practice and member from its token, as a portal request does.
    await db.query(`
      CREATE FUNCTION calendar_feed_for_token(hash bytea) RETURNS TABLE (practice_id uuid, user_id uuid, feed_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$
        SELECT f.practice_id, f.user_id, f.id FROM calendar_feeds f
        JOIN users u ON u.id = f.user_id AND u.deactivated_at IS NULL
        WHERE f.token_sha256 = hash AND f.revoked_at IS NULL
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION calendar_feed_for_token(bytea) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION calendar_feed_for_token(bytea) TO ${API_GROUP_ROLE}`);

    await db.query(`ALTER TABLE reminder_deliveries DROP CONSTRAINT reminder_deliveries_kind_check`);
    await db.query(`
      ALTER TABLE reminder_deliveries ADD CONSTRAINT reminder_deliveries_kind_check
        CHECK (kind IN ('homework-due', 'safety-report', 'weekly-digest', 'session-reminder', 'session-cancelled'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM reminder_deliveries WHERE kind IN ('session-reminder', 'session-cancelled')`);
    await db.query(`ALTER TABLE reminder_deliveries DROP CONSTRAINT reminder_deliveries_kind_check`);
    await db.query(`ALTER TABLE reminder_deliveries ADD CONSTRAINT reminder_deliveries_kind_check CHECK (kind IN ('homework-due', 'safety-report', 'weekly-digest'))`);
    await db.query(`DROP FUNCTION IF EXISTS calendar_feed_for_token(bytea)`);
    for (const table of [...TABLES].reverse()) await db.query(`DROP TABLE IF EXISTS ${table} CASCADE`);
    await db.query(`DROP INDEX IF EXISTS sessions_upcoming_idx`);
    await db.query(`
      ALTER TABLE sessions
        DROP CONSTRAINT IF EXISTS sessions_series_position,
        DROP COLUMN IF EXISTS address, DROP COLUMN IF EXISTS video_url, DROP COLUMN IF EXISTS series_id,
        DROP COLUMN IF EXISTS series_position, DROP COLUMN IF EXISTS cancelled_at, DROP COLUMN IF EXISTS cancelled_by_participant_id,
        DROP COLUMN IF EXISTS cancelled_by_user_id, DROP COLUMN IF EXISTS cancellation_late, DROP COLUMN IF EXISTS cancellation_reason`);
    await db.query(`ALTER TABLE participants DROP COLUMN IF EXISTS session_reminders`);
    await db.query(`
      ALTER TABLE practices DROP COLUMN IF EXISTS reminder_lead_hours, DROP COLUMN IF EXISTS cancellation_notice_hours,
        DROP COLUMN IF EXISTS office_address`);
  }
}
