import type { Assignment, AuditChainVerification, AuthTokens, CaseSummary, CheckIn, ExerciseDetail, ExercisePrompt, Page, SessionNote, Submission, TherapySession } from '@trustwork/contracts';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type TestAgent from 'supertest/lib/agent';
import { addTeamMember, answersFor, MEMBER_PASSWORD, openCoupleWithLinks, registerPractice, startTestApp, TEST_PASSWORD, useTestApp } from '../../test/test-app';
import { runScript } from '../../test/run-script';
import { connect, createEmptyDatabase, createScratchDatabase, type ScratchDatabase } from '../../test/test-database';
import { parseBackupKey, type BackupFormat } from './backup-cipher';
import { backUp, restoreBackup } from './backup';
import { ensureApiRole, migrate } from './database-setup';
import { findFreePort } from './embedded-postgres';
import { findPostgresTool, PostgresToolMissing } from './pg-dump';

/** Whether this machine has a pg_dump for the run's server; decided before any test is collected. */
function pgDumpFound(): boolean {
  try {
    findPostgresTool('pg_dump', Number(process.env.TEST_POSTGRES_MAJOR), 'The backup test');
    return true;
  } catch (error) {
    if (error instanceof PostgresToolMissing) return false;
    throw error;
  }
}
// Without pg_dump the test is reported skipped on a developer's machine; CI has one, so it runs (and would fail) there.
const withPgDump = pgDumpFound() || process.env.CI ? it : it.skip;

/** What a practice reads back after a restore: the case list, the signed note's words, the couple's portal answers. */
interface PracticeRecords {
  cases: string[];
  noteSubjective: string;
  checkIns: Array<Pick<CheckIn, 'id' | 'trust' | 'note'>>;
  submissions: Array<Pick<Submission, 'id' | 'answers'>>;
  /** The practice's audit hash chain: rows restored as they were, not written again. */
  auditIntact: boolean;
}

describe('backups that restore', () => {
  const keyText = randomBytes(32).toString('base64');
  const key = parseBackupKey(keyText);
  let source: ScratchDatabase;
  let folder: string;
  let ownerEmail: string;
  let clinicianEmail: string;
  let ids: { caseId: string; sessionId: string; assignmentId: string };
  let before: PracticeRecords;

  beforeAll(async () => {
    source = await createScratchDatabase('backup_source');
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-backups-'));
  });
  // Declared between the two, so the app closes before its database is dropped.
  const api = useTestApp(() => ({ DATABASE_URL: source.ownerUrl, DATABASE_APP_URL: source.appUrl }));
  afterAll(async () => {
    await source?.drop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  beforeAll(async () => {
    const owner = await registerPractice(api.http, 'Backed Up Practice');
    const clinician = await addTeamMember(api.http, owner, 'clinician');
    ownerEmail = owner.email;
    clinicianEmail = clinician.signedIn.email;
    const { caseId, alex, sam } = await openCoupleWithLinks(api.http, owner, clinician.member.id);
    await openCoupleWithLinks(api.http, owner, clinician.member.id, ['was-hurt', 'broke-trust']);

    const session = (await api.http.post(`/api/cases/${caseId}/sessions`).set(owner.auth).send({ startsAt: '2026-04-02T15:00:00Z', durationMinutes: 50, modality: 'in-person' }).expect(201))
      .body as TherapySession;
    const sections = { subjective: 'Sam found the second phone in March.', objective: 'Calm.', assessment: 'Repair under way.', plan: 'Weekly check-ins.' };
    await api.http.put(`/api/sessions/${session.id}/note`).set(clinician.signedIn.auth).send({ template: 'soap', sections, version: 0 }).expect(200);
    await api.http.post(`/api/sessions/${session.id}/note/sign`).set(clinician.signedIn.auth).expect(200);

    await api.http.post('/api/portal/check-ins').set(alex.auth).send({ trust: 4, safety: 6, heard: 5, closeness: 3, note: 'We talked on Sunday.' }).expect(201);
    const exercise = (await api.http.get('/api/exercises/builtin:weekly-trust-check-in').set(clinician.signedIn.auth).expect(200)).body as ExerciseDetail;
    const today = new Date().toISOString().slice(0, 10);
    const [assigned] = (
      await api.http
        .post(`/api/cases/${caseId}/assignments`)
        .set(clinician.signedIn.auth)
        .send({ exerciseId: exercise.id, assignTo: 'participant', participantId: sam.id, dueOn: today })
        .expect(201)
    ).body as Assignment[];
    const [sheet] = (await api.http.get('/api/portal/assignments').set(sam.auth).expect(200)).body as Array<{ id: string; prompts: ExercisePrompt[] }>;
    await api.http.post(`/api/portal/assignments/${sheet.id}/submissions`).set(sam.auth).send({ answers: answersFor(sheet.prompts, 'I kept my word this week.'), shared: false }).expect(201);

    ids = { caseId, sessionId: session.id, assignmentId: assigned.id };
    before = await recordsThrough(api.http);
    expect(before.cases).toHaveLength(2);
    expect(before.noteSubjective).toBe(sections.subjective);
    expect(before.checkIns).toHaveLength(1);
    expect(before.submissions).toHaveLength(1);
    expect(before.auditIntact).toBe(true);
  });

  async function recordsThrough(http: TestAgent): Promise<PracticeRecords> {
    const signIn = async (email: string, password: string) => {
      const tokens = (await http.post('/api/auth/login').send({ email, password }).expect(200)).body as AuthTokens;
      return { Authorization: `Bearer ${tokens.accessToken}` };
    };
    const owner = await signIn(ownerEmail, TEST_PASSWORD);
    const clinician = await signIn(clinicianEmail, MEMBER_PASSWORD);
    const cases = ((await http.get('/api/cases').set(owner).expect(200)).body as Page<CaseSummary>).items;
    const note = (await http.get(`/api/sessions/${ids.sessionId}/note`).set(clinician).expect(200)).body as SessionNote;
    const checkIns = (await http.get(`/api/cases/${ids.caseId}/check-ins`).set(clinician).expect(200)).body as CheckIn[];
    const submissions = (await http.get(`/api/assignments/${ids.assignmentId}/submissions`).set(clinician).expect(200)).body as Submission[];
    const audit = (await http.get('/api/audit-events/verify').set(owner).expect(200)).body as AuditChainVerification;
    return {
      cases: cases.map((row) => row.id).sort(),
      noteSubjective: (note.sections as { subjective: string }).subjective,
      checkIns: checkIns.map(({ id, trust, note: words }) => ({ id, trust, note: words })),
      submissions: submissions.map(({ id, answers }) => ({ id, answers })),
      auditIntact: audit.intact,
    };
  }

  /** Backs the source up in `format`, restores into a new database, starts the API there, and reads the same records. */
  async function backUpAndRestore(format: BackupFormat): Promise<void> {
    const file = path.join(folder, `${format}.twbk`);
    const made = await backUp({ ownerUrl: source.ownerUrl, key, file, format });
    expect(made).toMatchObject({ format, serverMajor: Number(process.env.TEST_POSTGRES_MAJOR) });
    // Encrypted: not a word of the practice's records in the file.
    expect(fs.readFileSync(file).includes(Buffer.from('Backed Up Practice'))).toBe(false);

    const target = await createEmptyDatabase(`restored_${format.replace('-', '_')}`);
    try {
      await restoreBackup({ ownerUrl: target.ownerUrl, key, file });
      // What start-up does: pending migrations (none here) and the API's login role.
      await migrate(target.ownerUrl);
      const appUrl = await ensureApiRole(target.ownerUrl, `trustwork_app_restored_test`, randomBytes(18).toString('base64url'));
      const restored = await startTestApp({ DATABASE_URL: target.ownerUrl, DATABASE_APP_URL: appUrl });
      try {
        expect(await recordsThrough(restored.http)).toEqual(before);
      } finally {
        await restored.close();
      }
      // A second restore into the same database is refused, and changes nothing.
      await expect(restoreBackup({ ownerUrl: target.ownerUrl, key, file })).rejects.toThrow(/restores only into an empty database/);
    } finally {
      await target.drop();
    }
  }

  it('restores a SQL-copy backup into a new database, where the API serves the same cases, notes and portal answers', async () => {
    await backUpAndRestore('sql-copy');
  });

  withPgDump('restores a pg_dump backup into a new database, where the API serves the same cases, notes and portal answers', async () => {
    await backUpAndRestore('pg-dump');
  });

  it('continues the migrations table where the backup left it', async () => {
    const file = path.join(folder, 'sequences.twbk');
    await backUp({ ownerUrl: source.ownerUrl, key, file, format: 'sql-copy' });
    const target = await createEmptyDatabase('restored_sequences');
    try {
      const progress: string[] = [];
      await restoreBackup({ ownerUrl: target.ownerUrl, key, file, onProgress: (message) => progress.push(message) });
      const database = await connect(target.ownerUrl);
      try {
        const { rows } = await database.query<{ next: number; highest: number; count: number }>(
          `SELECT nextval(pg_get_serial_sequence('schema_migrations', 'id'))::int AS next, (SELECT max(id) FROM schema_migrations) AS highest, (SELECT count(*)::int FROM schema_migrations) AS count`,
        );
        expect(rows[0].next).toBe(rows[0].highest + 1);
        // A long restore says where it is: the check, the schema, then each table as it is loaded.
        expect(progress.slice(0, 2)).toEqual([`Checking every byte of ${file} before restoring anything…`, `Creating the tables (${rows[0].count} migrations)…`]);
        expect(progress).toContain(`Loaded schema_migrations: ${rows[0].count} rows`);
      } finally {
        await database.end();
      }
    } finally {
      await target.drop();
    }
  });

  it('refuses a wrong key, a cut file and an altered byte, and restores nothing', async () => {
    const file = path.join(folder, 'refused.twbk');
    await backUp({ ownerUrl: source.ownerUrl, key, file, format: 'sql-copy' });
    const bytes = fs.readFileSync(file);
    const cut = path.join(folder, 'cut.twbk');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    const altered = path.join(folder, 'altered.twbk');
    const changed = Buffer.from(bytes);
    changed[Math.floor(changed.length / 2)] ^= 0x40;
    fs.writeFileSync(altered, changed);

    const target = await createEmptyDatabase('restored_refused');
    try {
      const otherKey = parseBackupKey(randomBytes(32).toString('base64'));
      await expect(restoreBackup({ ownerUrl: target.ownerUrl, key: otherKey, file })).rejects.toThrow(/made with a different key/);
      await expect(restoreBackup({ ownerUrl: target.ownerUrl, key, file: cut })).rejects.toThrow(/cut short/);
      await expect(restoreBackup({ ownerUrl: target.ownerUrl, key, file: altered })).rejects.toThrow(/altered, damaged or cut short/);
      const database = await connect(target.ownerUrl);
      try {
        const { rows } = await database.query(`SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'`);
        expect(rows[0].tables).toBe(0);
      } finally {
        await database.end();
      }
    } finally {
      await target.drop();
    }
  });

  it('refuses a backup from a newer version of Trustwork, naming the migration it does not know', async () => {
    const database = await connect(source.ownerUrl);
    const future = 'FromTheFuture1999999999999';
    const file = path.join(folder, 'newer.twbk');
    await database.query(`INSERT INTO schema_migrations (timestamp, name) VALUES (1999999999999, $1)`, [future]);
    const target = await createEmptyDatabase('restored_newer');
    try {
      await backUp({ ownerUrl: source.ownerUrl, key, file, format: 'sql-copy' });
      await expect(restoreBackup({ ownerUrl: target.ownerUrl, key, file })).rejects.toThrow(
        `This backup comes from a newer version of Trustwork (its migration ${future} is not one this version has): restore it with that version or a newer one.`,
      );
    } finally {
      await database.query('DELETE FROM schema_migrations WHERE name = $1', [future]);
      await database.end();
      await target.drop();
    }
  });

  it('answers a missing file, a folder, an unknown option or two files from the command line before making a database for it', async () => {
    const dataDir = fs.mkdtempSync(path.join(folder, 'data-'));
    const environment = {
      ...process.env,
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      DATABASE_URL: undefined,
      DATABASE_APP_URL: undefined,
      EMBEDDED_POSTGRES_PORT: String(await findFreePort()),
      BACKUP_ENCRYPTION_KEY: keyText,
    };
    const cli = async (...args: string[]) => {
      const run = await runScript('src/database/backup-cli.ts', args, environment);
      expect(run.code).toBe(1);
      return run.stderr.trim();
    };
    const missing = path.join(folder, 'never-written.twbk');
    expect(await cli('restore', missing)).toBe(`There is no file ${missing}: check the name and the folder.`);
    expect(await cli('restore', folder)).toBe(`${folder} is a folder: name the backup file in it.`);
    expect(await cli('backup', '--outt', 'tonight.twbk')).toMatch(/^Unknown option '--outt'\. Usage: npm run db:backup/);
    expect(await cli('restore', missing, `${missing}.old`)).toMatch(/^One file at a time\. Usage: npm run db:backup/);
    expect(await cli('backup')).toBe(`There is nothing to back up: ${path.join(dataDir, 'pg')} holds no embedded database. Set DATA_DIR (or DATABASE_URL) to the one to back up.`);
    expect(fs.readdirSync(dataDir)).toEqual(expect.not.arrayContaining(['pg', 'backups']));
  }, 60_000);

  it('writes `npm run db:backup -- --out FOLDER` into that folder, named by its time', async () => {
    const into = fs.mkdtempSync(path.join(folder, 'nightly-'));
    const environment = { ...process.env, NODE_ENV: 'test', DATA_DIR: into, DATABASE_URL: source.ownerUrl, DATABASE_APP_URL: source.appUrl, BACKUP_ENCRYPTION_KEY: keyText };
    const run = await runScript('src/database/backup-cli.ts', ['backup', '--format=sql-copy', '--out', into], environment);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [written] = fs.readdirSync(into).filter((name) => name.endsWith('.twbk'));
    expect(written).toMatch(/^trustwork-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.twbk$/);
    expect(run.stdout).toContain(` to ${path.join(into, written)}`);
  }, 60_000);

  it('refuses to overwrite a file that exists', async () => {
    const file = path.join(folder, 'existing.twbk');
    fs.writeFileSync(file, 'an older backup');
    await expect(backUp({ ownerUrl: source.ownerUrl, key, file, format: 'sql-copy' })).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(file, 'utf8')).toBe('an older backup');
  });
});
