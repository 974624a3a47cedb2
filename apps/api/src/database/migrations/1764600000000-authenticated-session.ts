import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE } from './1763900000000-foundation';

/**
 * Every signed-in request now belongs to a sign-in session that can end (signed out, revoked,
 * idle past the practice's limit, older than 12 hours: SESSION_MAX_HOURS) and may owe a required step.
 * One statement still answers it all: the role, when presence was last proved, the required
 * step, or no row when the request may not act. Only primary-key lookups, and a write of
 * last_active_at at most every 30 seconds of real activity, so a busy page writes almost never.
 */
export class AuthenticatedSession1764600000000 implements MigrationInterface {
  name = 'AuthenticatedSession1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION authenticated_user_role(uuid, uuid)`);
    await db.query(`
      CREATE FUNCTION authenticated_session(signed_in_user uuid, signed_in_practice uuid, sign_in uuid, counts_as_activity boolean)
      RETURNS TABLE (role text, verified_at timestamptz, required_action text)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$
        WITH open_session AS (
          SELECT u.role, s.id, s.verified_at,
                 CASE WHEN u.must_choose_password THEN 'choose-password'
                      WHEN p.require_two_factor AND u.two_factor_enabled_at IS NULL THEN 'enrol-two-factor' END AS required_action
            FROM sign_in_sessions s
            JOIN users u ON u.id = s.user_id
            JOIN practices p ON p.id = s.practice_id
           WHERE s.id = sign_in AND s.user_id = signed_in_user AND s.practice_id = signed_in_practice AND u.practice_id = signed_in_practice
             AND u.active AND s.ended_at IS NULL
             AND s.last_active_at > now() - make_interval(mins => p.idle_timeout_minutes)
             AND s.created_at > now() - interval '12 hours'
        ), touched AS (
          UPDATE sign_in_sessions SET last_active_at = now()
            FROM open_session
           -- The stored row's time, not the snapshot's: requests that queue behind one write see it and skip theirs.
           WHERE counts_as_activity AND sign_in_sessions.id = open_session.id AND sign_in_sessions.last_active_at < now() - interval '30 seconds'
        )
        SELECT role, verified_at, required_action FROM open_session
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION authenticated_session(uuid, uuid, uuid, boolean) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION authenticated_session(uuid, uuid, uuid, boolean) TO ${API_GROUP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION IF EXISTS authenticated_session(uuid, uuid, uuid, boolean)`);
    await db.query(`
      CREATE FUNCTION authenticated_user_role(user_id uuid, user_practice_id uuid) RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ SELECT role FROM users WHERE id = user_id AND practice_id = user_practice_id AND active $$`);
    await db.query(`REVOKE ALL ON FUNCTION authenticated_user_role(uuid, uuid) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION authenticated_user_role(uuid, uuid) TO ${API_GROUP_ROLE}`);
  }
}
