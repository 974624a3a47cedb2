import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE, CURRENT_PRACTICE } from './1763900000000-foundation';

/** Each participant's personal portal link, stored only as the SHA-256 of its token. */
export class PortalLinks1764200000000 implements MigrationInterface {
  name = 'PortalLinks1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE portal_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        participant_id uuid NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
        token_sha256 bytea NOT NULL CHECK (length(token_sha256) = 32),
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX portal_links_token_key ON portal_links (token_sha256)`);
    await db.query(`CREATE INDEX portal_links_case_idx ON portal_links (practice_id, case_id, participant_id, created_at DESC)`);
    // Re-issuing revokes the old link first; this makes "one unrevoked link per
    // participant" hold even for two clinicians clicking at once.
    await db.query(`CREATE UNIQUE INDEX portal_links_one_unrevoked_key ON portal_links (participant_id) WHERE revoked_at IS NULL`);

    await db.query(`ALTER TABLE portal_links ENABLE ROW LEVEL SECURITY`);
    await db.query(
      `CREATE POLICY practice_isolation ON portal_links USING (practice_id = ${CURRENT_PRACTICE}) WITH CHECK (practice_id = ${CURRENT_PRACTICE})`,
    );
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON portal_links TO ${API_GROUP_ROLE}`);

    // A portal request learns its practice from its token. Like practice_for_login, this
    // runs as the owner so RLS does not hide the row (so, like every table here, this one
    // does not FORCE row-level security on its owner), and answers only for a live link.
    await db.query(`
      CREATE FUNCTION portal_link_for_token(hash bytea) RETURNS TABLE (practice_id uuid, link_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
      AS $$
        SELECT l.practice_id, l.id FROM portal_links l
        WHERE l.token_sha256 = hash AND l.revoked_at IS NULL AND l.expires_at > now()
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION portal_link_for_token(bytea) FROM PUBLIC`);
    await db.query(`GRANT EXECUTE ON FUNCTION portal_link_for_token(bytea) TO ${API_GROUP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION IF EXISTS portal_link_for_token(bytea)`);
    await db.query(`DROP TABLE IF EXISTS portal_links`);
  }
}
