import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The group role the API's login role belongs to; grants go to it, never to a login. */
export const API_GROUP_ROLE = 'trustwork_api';

/** `app.practice_id` is '' after a transaction that set it ends, so '' counts as unset. */
export const CURRENT_PRACTICE = `nullif(current_setting('app.practice_id', true), '')::uuid`;

export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${API_GROUP_ROLE}') THEN
          CREATE ROLE ${API_GROUP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
        END IF;
      END $$`);

    await db.query(`
      CREATE TABLE practices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        email text NOT NULL CHECK (email = lower(email)),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('owner', 'clinician', 'assistant')),
        active boolean NOT NULL DEFAULT true,
        deactivated_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // E-mails are unique across all practices: one sign-in identifies one practice.
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await db.query(`CREATE INDEX users_practice_id_idx ON users (practice_id, created_at)`);

    await db.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX refresh_tokens_token_hash_key ON refresh_tokens (token_hash)`);
    await db.query(`CREATE INDEX refresh_tokens_practice_id_idx ON refresh_tokens (practice_id)`);
    await db.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await db.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);

    // Row-level security: a request sees only the practice its transaction names.
    await db.query(`ALTER TABLE practices ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY practice_isolation ON practices USING (id = ${CURRENT_PRACTICE}) WITH CHECK (id = ${CURRENT_PRACTICE})`);
    for (const table of ['users', 'refresh_tokens']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY practice_isolation ON ${table} USING (practice_id = ${CURRENT_PRACTICE}) WITH CHECK (practice_id = ${CURRENT_PRACTICE})`,
      );
    }

    // Sign-in and refresh happen before the practice is known. These two functions
    // answer only "which practice?", running as the owner so RLS does not hide the row.
    await db.query(`
      CREATE FUNCTION practice_for_login(login_email text) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ SELECT practice_id FROM users WHERE email = lower(login_email) $$`);
    await db.query(`
      CREATE FUNCTION practice_for_refresh_token(hash text) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ SELECT practice_id FROM refresh_tokens WHERE token_hash = hash $$`);
    await db.query(`REVOKE ALL ON FUNCTION practice_for_login(text), practice_for_refresh_token(text) FROM PUBLIC`);

    await db.query(`GRANT USAGE ON SCHEMA public TO ${API_GROUP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON practices, users, refresh_tokens TO ${API_GROUP_ROLE}`);
    await db.query(`GRANT EXECUTE ON FUNCTION practice_for_login(text), practice_for_refresh_token(text) TO ${API_GROUP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION IF EXISTS practice_for_refresh_token(text)`);
    await db.query(`DROP FUNCTION IF EXISTS practice_for_login(text)`);
    await db.query(`DROP TABLE IF EXISTS refresh_tokens`);
    await db.query(`DROP TABLE IF EXISTS users`);
    await db.query(`DROP TABLE IF EXISTS practices`);
  }
}
