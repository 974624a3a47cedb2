import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE } from './1763900000000-foundation';

/**
 * Every signed-in request checks that its user is still active and reads their current role.
 * That took a transaction of its own (begin, set the practice, select, commit: four round trips);
 * this function answers in one statement. It reveals only the role of an active user whose id
 * and practice are both named, which a verified access token already does.
 */
export class AuthenticatedUserRole1764560000000 implements MigrationInterface {
  name = 'AuthenticatedUserRole1764560000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION authenticated_user_role(user_id uuid, user_practice_id uuid) RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ SELECT role FROM users WHERE id = user_id AND practice_id = user_practice_id AND active $$`);
    await db.query(`REVOKE ALL ON FUNCTION authenticated_user_role(uuid, uuid) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION authenticated_user_role(uuid, uuid) TO ${API_GROUP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION IF EXISTS authenticated_user_role(uuid, uuid)`);
  }
}
