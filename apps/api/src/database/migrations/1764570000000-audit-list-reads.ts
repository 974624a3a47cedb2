import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A list read (the agenda, the caseload, a case's sessions) is one audit row per request
 * that names every record it showed, instead of one row per record: `record_ids` holds the
 * records listed and `case_ids` the cases they belong to, and such a row has no single
 * `record_id`. The table's RLS policy and its SELECT/INSERT-only grant cover the new columns.
 */
export class AuditListReads1764570000000 implements MigrationInterface {
  name = 'AuditListReads1764570000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_events ADD COLUMN record_ids uuid[], ADD COLUMN case_ids uuid[], ALTER COLUMN record_id DROP NOT NULL`);
    await db.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_record_check CHECK (record_id IS NOT NULL OR record_ids IS NOT NULL)`);
    // The owner's filters by record and by case look inside the lists too.
    await db.query(`CREATE INDEX audit_events_record_ids_idx ON audit_events USING gin (record_ids)`);
    await db.query(`CREATE INDEX audit_events_case_ids_idx ON audit_events USING gin (case_ids)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM audit_events WHERE record_id IS NULL`);
    await db.query(`DROP INDEX audit_events_case_ids_idx`);
    await db.query(`DROP INDEX audit_events_record_ids_idx`);
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_record_check, DROP COLUMN case_ids, DROP COLUMN record_ids, ALTER COLUMN record_id SET NOT NULL`);
  }
}
