import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE, CURRENT_PRACTICE } from './1763900000000-foundation';

const PRACTICE_TABLES = ['sign_in_sessions', 'recovery_codes', 'two_factor_challenges', 'account_tokens'];

/**
 * What a practice needs to pass a security review: signed-in sessions it can list and end,
 * automatic sign-out, two-factor sign-in, step-up for the most sensitive actions, and the
 * account basics (own password, password reset, e-mail change, temporary passwords).
 *
 * Refresh tokens now belong to a sign-in session (their family). Tokens from before have no
 * session, so they are dropped: everyone signs in once more after this release.
 */
export class AccountSecurity1764580000000 implements MigrationInterface {
  name = 'AccountSecurity1764580000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE practices
        ADD COLUMN idle_timeout_minutes integer NOT NULL DEFAULT 15 CHECK (idle_timeout_minutes BETWEEN 5 AND 60),
        ADD COLUMN require_two_factor boolean NOT NULL DEFAULT false`);
    await db.query(`
      ALTER TABLE users
        ADD COLUMN must_choose_password boolean NOT NULL DEFAULT false,
        ADD COLUMN pending_email text CHECK (pending_email = lower(pending_email)),
        ADD COLUMN two_factor_secret text,
        ADD COLUMN two_factor_pending_secret text,
        ADD COLUMN two_factor_enabled_at timestamptz,
        ADD COLUMN two_factor_last_step bigint,
        ADD CONSTRAINT users_two_factor_check CHECK ((two_factor_secret IS NULL) = (two_factor_enabled_at IS NULL))`);

    // One signed-in device. verified_at is the last time the person proved presence (sign-in or step-up).
    await db.query(`
      CREATE TABLE sign_in_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        user_agent text,
        ip_address text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_active_at timestamptz NOT NULL DEFAULT now(),
        verified_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        end_reason text CHECK (end_reason IN ('signed-out', 'revoked', 'password-changed', 'deactivated', 'two-factor-reset', 'token-reuse'))
      )`);
    await db.query(`CREATE INDEX sign_in_sessions_user_idx ON sign_in_sessions (user_id, last_active_at DESC) WHERE ended_at IS NULL`);
    await db.query(`CREATE INDEX sign_in_sessions_practice_id_idx ON sign_in_sessions (practice_id)`);
    await db.query(`DELETE FROM refresh_tokens`);
    await db.query(`ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_family_fkey FOREIGN KEY (family_id) REFERENCES sign_in_sessions(id) ON DELETE CASCADE`);

    await db.query(`
      CREATE TABLE recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id)`);
    await db.query(`CREATE INDEX recovery_codes_practice_id_idx ON recovery_codes (practice_id)`);

    // The password step's answer for an account with two-factor: good once, for a few minutes, for a few tries.
    await db.query(`
      CREATE TABLE two_factor_challenges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        failed_attempts integer NOT NULL DEFAULT 0,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX two_factor_challenges_token_hash_key ON two_factor_challenges (token_hash)`);
    await db.query(`CREATE INDEX two_factor_challenges_practice_id_idx ON two_factor_challenges (practice_id)`);

    // Links sent by e-mail: a password reset, or the confirmation of a new address (in email).
    await db.query(`
      CREATE TABLE account_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('password-reset', 'email-confirmation')),
        token_hash text NOT NULL,
        email text,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((purpose = 'email-confirmation') = (email IS NOT NULL))
      )`);
    await db.query(`CREATE UNIQUE INDEX account_tokens_token_hash_key ON account_tokens (token_hash)`);
    await db.query(`CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose)`);
    await db.query(`CREATE INDEX account_tokens_practice_id_idx ON account_tokens (practice_id)`);

    for (const table of PRACTICE_TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(
        `CREATE POLICY practice_isolation ON ${table} USING (practice_id = ${CURRENT_PRACTICE}) WITH CHECK (practice_id = ${CURRENT_PRACTICE})`,
      );
    }
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${PRACTICE_TABLES.join(', ')} TO ${API_GROUP_ROLE}`);

    // Like practice_for_refresh_token: the second sign-in step and an e-mailed link arrive
    // before the practice is known, and answer only "which practice?".
    await db.query(`
      CREATE FUNCTION practice_for_two_factor_challenge(hash text) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ SELECT practice_id FROM two_factor_challenges WHERE token_hash = hash $$`);
    await db.query(`
      CREATE FUNCTION practice_for_account_token(hash text) RETURNS uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$ SELECT practice_id FROM account_tokens WHERE token_hash = hash $$`);
    await db.query(`REVOKE ALL ON FUNCTION practice_for_two_factor_challenge(text), practice_for_account_token(text) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION practice_for_two_factor_challenge(text), practice_for_account_token(text) TO ${API_GROUP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION IF EXISTS practice_for_account_token(text)`);
    await db.query(`DROP FUNCTION IF EXISTS practice_for_two_factor_challenge(text)`);
    await db.query(`DROP TABLE IF EXISTS account_tokens`);
    await db.query(`DROP TABLE IF EXISTS two_factor_challenges`);
    await db.query(`DROP TABLE IF EXISTS recovery_codes`);
    await db.query(`ALTER TABLE refresh_tokens DROP CONSTRAINT IF EXISTS refresh_tokens_family_fkey`);
    await db.query(`DROP TABLE IF EXISTS sign_in_sessions`);
    await db.query(`
      ALTER TABLE users
        DROP CONSTRAINT users_two_factor_check,
        DROP COLUMN two_factor_last_step, DROP COLUMN two_factor_enabled_at, DROP COLUMN two_factor_pending_secret,
        DROP COLUMN two_factor_secret, DROP COLUMN pending_email, DROP COLUMN must_choose_password`);
    await db.query(`ALTER TABLE practices DROP COLUMN require_two_factor, DROP COLUMN idle_timeout_minutes`);
  }
}
