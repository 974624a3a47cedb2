import type { MigrationInterface, QueryRunner } from 'typeorm';
import { API_GROUP_ROLE, CURRENT_PRACTICE } from './1763900000000-foundation';

/** The previous hash of a practice's first audit row: 32 zero bytes. */
const GENESIS = `'\\x${'00'.repeat(32)}'::bytea`;

/**
 * A tamper-evident audit log: each practice's audit rows form a hash chain.
 *
 * Each audit row gets one link in `audit_chain`: link n of a practice has `chain_position` n
 * (1, 2, 3, … with no gaps), the row's `event_id`, `previous_hash` (link n-1's `hash`, or 32
 * zero bytes for link 1) and
 *
 *   hash = SHA-256(previous_hash || UTF-8 of audit_event_content(chain_position, row))
 *
 * where the content is the text of PostgreSQL's `jsonb_build_array` of, in this order:
 * chain_position, id, practice_id, occurred_at in UTC as `YYYY-MM-DDTHH:MM:SS.ffffffZ`,
 * actor_type, actor_id, actor_name, action, record_type, record_id, record_ids, case_id,
 * case_ids, ip_address, request_id (absent values are JSON null; jsonb's text puts ", "
 * between elements, nested arrays included).
 *
 * A deferred constraint trigger writes the link when the inserting transaction commits, so
 * every audit row is chained, whoever inserts it, and only if it commits: no gaps. It locks
 * the practice's row in `audit_chain_heads` for the commit alone (not for the rest of the
 * request), which serialises a practice's links: no two claim the same position (the primary
 * key says so too). The head also records the last position, so removing the newest rows shows.
 * A removed audit row leaves its link without a row: a gap. The API's role still only
 * reads and inserts audit rows; it reads links and heads (to verify) and writes neither.
 *
 * Existing rows are chained in (occurred_at, id) order.
 */
export class AuditChain1764590000000 implements MigrationInterface {
  name = 'AuditChain1764590000000';

  async up(db: QueryRunner): Promise<void> {
    // The one definition of a row's content and hash: the trigger writes with it, the verification checks with it.
    await db.query(`
      CREATE FUNCTION audit_event_content(chain_position bigint, event audit_events) RETURNS text
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT jsonb_build_array(
        chain_position, event.id, event.practice_id,
        to_char(event.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        event.actor_type, event.actor_id, event.actor_name, event.action, event.record_type,
        event.record_id, event.record_ids, event.case_id, event.case_ids, event.ip_address, event.request_id)::text $$`);
    await db.query(`
      CREATE FUNCTION audit_event_hash(previous_hash bytea, chain_position bigint, event audit_events) RETURNS bytea
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT sha256(previous_hash || convert_to(audit_event_content(chain_position, event), 'UTF8')) $$`);

    await db.query(`
      CREATE TABLE audit_chain (
        practice_id uuid NOT NULL REFERENCES practices(id) ON DELETE CASCADE,
        chain_position bigint NOT NULL CHECK (chain_position > 0),
        -- No foreign key: checking it would lock the audit row at every commit, and a link whose row is gone is a gap the verification names.
        event_id uuid NOT NULL,
        previous_hash bytea NOT NULL,
        hash bytea NOT NULL,
        PRIMARY KEY (practice_id, chain_position)
      )`);
    await db.query(`
      CREATE TABLE audit_chain_heads (
        practice_id uuid PRIMARY KEY REFERENCES practices(id) ON DELETE CASCADE,
        last_position bigint NOT NULL CHECK (last_position >= 0),
        last_hash bytea NOT NULL
      )`);

    // Row by row, as the trigger would have written them; once, at this release.
    await db.query(`
      DO $$
      DECLARE
        event audit_events;
        practice uuid;
        at_position bigint;
        previous bytea;
        linked bytea;
      BEGIN
        FOR event IN SELECT * FROM audit_events ORDER BY practice_id, occurred_at, id LOOP
          IF practice IS DISTINCT FROM event.practice_id THEN
            IF practice IS NOT NULL THEN
              INSERT INTO audit_chain_heads (practice_id, last_position, last_hash) VALUES (practice, at_position, previous);
            END IF;
            practice := event.practice_id;
            at_position := 0;
            previous := ${GENESIS};
          END IF;
          at_position := at_position + 1;
          linked := audit_event_hash(previous, at_position, event);
          INSERT INTO audit_chain (practice_id, chain_position, event_id, previous_hash, hash) VALUES (practice, at_position, event.id, previous, linked);
          previous := linked;
        END LOOP;
        IF practice IS NOT NULL THEN
          INSERT INTO audit_chain_heads (practice_id, last_position, last_hash) VALUES (practice, at_position, previous);
        END IF;
      END $$`);

    await db.query(`
      CREATE FUNCTION audit_events_chain() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
      AS $$
      DECLARE
        head audit_chain_heads;
        linked bytea;
      BEGIN
        SELECT * INTO head FROM audit_chain_heads WHERE practice_id = NEW.practice_id FOR UPDATE;
        IF NOT FOUND THEN
          -- A practice's first row; a concurrent first row waits here, then finds this head.
          INSERT INTO audit_chain_heads (practice_id, last_position, last_hash) VALUES (NEW.practice_id, 0, ${GENESIS}) ON CONFLICT (practice_id) DO NOTHING;
          SELECT * INTO head FROM audit_chain_heads WHERE practice_id = NEW.practice_id FOR UPDATE;
        END IF;
        linked := audit_event_hash(head.last_hash, head.last_position + 1, NEW);
        INSERT INTO audit_chain (practice_id, chain_position, event_id, previous_hash, hash)
          VALUES (NEW.practice_id, head.last_position + 1, NEW.id, head.last_hash, linked);
        UPDATE audit_chain_heads SET last_position = head.last_position + 1, last_hash = linked WHERE practice_id = NEW.practice_id;
        RETURN NULL;
      END $$`);
    await db.query(`REVOKE ALL ON FUNCTION audit_events_chain() FROM PUBLIC`);
    // At commit, in the order the rows were inserted: the practice's chain is locked only while the transaction commits.
    await db.query(`
      CREATE CONSTRAINT TRIGGER audit_events_chain AFTER INSERT ON audit_events
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_events_chain()`);

    for (const table of ['audit_chain', 'audit_chain_heads']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY practice_isolation ON ${table} USING (practice_id = ${CURRENT_PRACTICE}) WITH CHECK (practice_id = ${CURRENT_PRACTICE})`);
      // Read to verify; only the trigger (as the owner) writes.
      await db.query(`GRANT SELECT ON ${table} TO ${API_GROUP_ROLE}`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER audit_events_chain ON audit_events`);
    await db.query(`DROP FUNCTION audit_events_chain()`);
    await db.query(`DROP TABLE audit_chain_heads`);
    await db.query(`DROP TABLE audit_chain`);
    await db.query(`DROP FUNCTION audit_event_hash(bytea, bigint, audit_events)`);
    await db.query(`DROP FUNCTION audit_event_content(bigint, audit_events)`);
  }
}
