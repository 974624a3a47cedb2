import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Home's "Needs your attention" lists sessions held but whose note is not signed. Asked of
 * sessions joined to notes, that read every session of the practice and its note (a quarter
 * of a second for a practice with 50,000 sessions, on every Home visit). A session now carries
 * whether its note is signed, kept by the database itself whichever way a note is written
 * (the API, the demo seed, a restore), and a partial index holds only the held sessions still
 * waiting for a signature, which is the short list the panel shows. Drafts get their own
 * index by author, the other half of the panel's question.
 */
export class UnsignedNotes1764640000000 implements MigrationInterface {
  name = 'UnsignedNotes1764640000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sessions ADD COLUMN note_signed boolean NOT NULL DEFAULT false`);
    await db.query(`UPDATE sessions s SET note_signed = true FROM notes n WHERE n.session_id = s.id AND n.status = 'signed'`);
    await db.query(`
      CREATE FUNCTION sessions_follow_note() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          UPDATE sessions SET note_signed = false WHERE id = OLD.session_id AND note_signed;
          RETURN OLD;
        END IF;
        UPDATE sessions SET note_signed = (NEW.status = 'signed')
        WHERE id = NEW.session_id AND note_signed IS DISTINCT FROM (NEW.status = 'signed');
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER notes_signed_on_session AFTER INSERT OR DELETE OR UPDATE OF status ON notes
      FOR EACH ROW EXECUTE FUNCTION sessions_follow_note()`);
    await db.query(`CREATE INDEX sessions_unsigned_idx ON sessions (practice_id, starts_at, id) WHERE status = 'completed' AND NOT note_signed`);
    await db.query(`CREATE INDEX notes_drafts_idx ON notes (practice_id, author_id) WHERE status = 'draft'`);
    // The planner's figures for the new column, so the first Home visits already use the index.
    await db.query(`ANALYZE sessions`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS notes_drafts_idx`);
    await db.query(`DROP TRIGGER IF EXISTS notes_signed_on_session ON notes`);
    await db.query(`DROP FUNCTION IF EXISTS sessions_follow_note()`);
    await db.query(`ALTER TABLE sessions DROP COLUMN IF EXISTS note_signed`);
  }
}
