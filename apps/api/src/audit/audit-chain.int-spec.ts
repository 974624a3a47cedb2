import type { AuditChainVerification, AuditEvent, CaseDetail, Page } from '@trustwork/contracts';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { registerPractice, useTestApp, type SignedIn } from '../../test/test-app';
import { runScript } from '../../test/run-script';
import { connect, createScratchDatabase, type ScratchDatabase } from '../../test/test-database';
import { postgresOptions } from '../database/database-options';
import { findFreePort } from '../database/embedded-postgres';
import { AuditChain1764590000000 } from '../database/migrations/1764590000000-audit-chain';

interface StoredRow {
  id: string;
  chain_position: string;
  practice_id: string;
  /** Microseconds since 1970, to rebuild the time without PostgreSQL's formatting. */
  occurred_micros: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  record_ids: string[] | null;
  case_id: string | null;
  case_ids: string[] | null;
  ip_address: string | null;
  request_id: string | null;
  previous_hash: Buffer;
  hash: Buffer;
  content: string;
}

/** The content as the migration documents it, built here without PostgreSQL: jsonb's text of the columns in order. */
function documentedContent(row: StoredRow): string {
  const micros = BigInt(row.occurred_micros);
  const time = new Date(Number(micros / 1000n)).toISOString().replace('Z', `${String(micros % 1000n).padStart(3, '0')}Z`);
  const json = (value: unknown): string => (Array.isArray(value) ? `[${value.map(json).join(', ')}]` : JSON.stringify(value));
  return json([
    Number(row.chain_position),
    row.id,
    row.practice_id,
    time,
    row.actor_type,
    row.actor_id,
    row.actor_name,
    row.action,
    row.record_type,
    row.record_id,
    row.record_ids,
    row.case_id,
    row.case_ids,
    row.ip_address,
    row.request_id,
  ]);
}

// Rows are altered and removed here as the database superuser: in a database of this file's own.
describe('the audit log as a hash chain', () => {
  let database: ScratchDatabase;
  let superuser: Client;
  beforeAll(async () => {
    database = await createScratchDatabase('chain');
    superuser = await connect(database.ownerUrl);
  });
  // Declared between the two, so the app closes before its database is dropped.
  const api = useTestApp(() => ({ DATABASE_URL: database.ownerUrl, DATABASE_APP_URL: database.appUrl }));
  afterAll(async () => {
    await superuser?.end();
    await database?.drop();
  });

  const practiceOf = (who: SignedIn) => who.tokens.user.practice.id;
  const verify = async (who: SignedIn) => (await api.http.get('/api/audit-events/verify').set(who.auth).expect(200)).body as AuditChainVerification;
  const openCase = async (who: SignedIn) =>
    (
      (
        await api.http
          .post('/api/cases')
          .set(who.auth)
          .send({
            relationshipType: 'couple',
            participants: [
              { displayName: 'Alex Rivera', breachRole: 'broke-trust' },
              { displayName: 'Sam Rivera', breachRole: 'was-hurt' },
            ],
          })
          .expect(201)
      ).body as CaseDetail
    ).id;
  const readCase = (who: SignedIn, caseId: string) => api.http.get(`/api/cases/${caseId}`).set(who.auth).expect(200);
  /** A practice with a case opened and read `reads` times: 1 + `reads` audit rows, in that order. */
  const practiceWithEvents = async (name: string, reads: number) => {
    const owner = await registerPractice(api.http, name);
    const caseId = await openCase(owner);
    for (let read = 0; read < reads; read += 1) await readCase(owner, caseId);
    return owner;
  };
  const chainOf = async (practiceId: string) =>
    (
      await superuser.query<StoredRow>(
        `SELECT a.*, l.chain_position, l.previous_hash, l.hash,
                floor(extract(epoch FROM a.occurred_at) * 1000000)::bigint::text AS occurred_micros, audit_event_content(l.chain_position, a) AS content
         FROM audit_chain l JOIN audit_events a ON a.id = l.event_id WHERE l.practice_id = $1 ORDER BY l.chain_position`,
        [practiceId],
      )
    ).rows;
  const readsOf = (chain: StoredRow[]) => chain.filter((row) => row.action === 'case.read');
  const named = (row: StoredRow, occurredAt: Date) => ({ id: row.id, action: row.action, occurredAt: occurredAt.toISOString() });
  const occurredAtOf = async (id: string) => (await superuser.query<{ occurred_at: Date }>('SELECT occurred_at FROM audit_events WHERE id = $1', [id])).rows[0].occurred_at;

  it('stays one chain, positions 1 to N with no gap, under 20 requests at once', async () => {
    const owner = await registerPractice(api.http, 'Busy Practice');
    const caseId = await openCase(owner);
    await Promise.all(Array.from({ length: 20 }, () => readCase(owner, caseId)));
    await api.http.get('/api/cases').set(owner.auth).expect(200);

    const chain = await chainOf(practiceOf(owner));
    expect(chain.filter((row) => row.action.startsWith('case.')).map((row) => row.action).sort()).toEqual(['case.create', 'case.list', ...Array<string>(20).fill('case.read')].sort());
    expect(chain.map((row) => Number(row.chain_position))).toEqual(chain.map((_, index) => index + 1));
    expect(await verify(owner)).toEqual({ intact: true, checkedEvents: chain.length, firstBrokenEvent: null, verifiedAt: expect.any(String) });
  });

  it('records each verification after checking, and checks that row the next time', async () => {
    const owner = await practiceWithEvents('Careful Practice', 1);
    const written = (await chainOf(practiceOf(owner))).length;
    expect((await verify(owner)).checkedEvents).toBe(written);
    expect(await verify(owner)).toMatchObject({ intact: true, checkedEvents: written + 1 });

    const log = (await api.http.get('/api/audit-events').set(owner.auth).expect(200)).body as Page<AuditEvent>;
    expect(log.items.slice(0, 2)).toEqual([
      expect.objectContaining({ action: 'audit.verify', recordType: 'practice', recordId: practiceOf(owner), actorId: owner.tokens.user.id }),
      expect.objectContaining({ action: 'audit.verify' }),
    ]);
  });

  it('hashes each row as documented: SHA-256 of the previous hash and the row’s content', async () => {
    const owner = await practiceWithEvents('Documented Practice', 1);
    await api.http.get('/api/cases').set(owner.auth).set('X-Forwarded-For', '203.0.113.9').expect(200);
    const chain = await chainOf(practiceOf(owner));
    expect(chain.map((row) => row.action)).toEqual(expect.arrayContaining(['case.create', 'case.read', 'case.list']));
    expect(chain.find((row) => row.action === 'case.list')?.record_ids).toHaveLength(1);

    let previous: Buffer = Buffer.alloc(32);
    for (const row of chain) {
      expect(row.content).toBe(documentedContent(row));
      expect(row.previous_hash.equals(previous)).toBe(true);
      expect(row.hash.equals(createHash('sha256').update(previous).update(row.content, 'utf8').digest())).toBe(true);
      previous = row.hash;
    }
  });

  it('names a row a superuser altered, and is intact again once it is put back', async () => {
    const owner = await practiceWithEvents('Altered Practice', 3);
    const altered = readsOf(await chainOf(practiceOf(owner)))[1];
    await superuser.query(`UPDATE audit_events SET actor_name = 'Someone else' WHERE id = $1`, [altered.id]);

    expect(await verify(owner)).toEqual({
      intact: false,
      checkedEvents: Number(altered.chain_position),
      firstBrokenEvent: named(altered, await occurredAtOf(altered.id)),
      verifiedAt: expect.any(String),
    });

    await superuser.query('UPDATE audit_events SET actor_name = NULL WHERE id = $1', [altered.id]);
    expect(await verify(owner)).toMatchObject({ intact: true, firstBrokenEvent: null });
  });

  it('names the row after a deleted one', async () => {
    const owner = await practiceWithEvents('Trimmed Practice', 3);
    const [deleted, next] = readsOf(await chainOf(practiceOf(owner)));
    await superuser.query('DELETE FROM audit_events WHERE id = $1', [deleted.id]);

    expect(await verify(owner)).toMatchObject({ intact: false, checkedEvents: Number(deleted.chain_position), firstBrokenEvent: named(next, await occurredAtOf(next.id)) });
  });

  it('notices the newest rows removed, with no row to name', async () => {
    const owner = await practiceWithEvents('Shortened Practice', 2);
    const chain = await chainOf(practiceOf(owner));
    await superuser.query('DELETE FROM audit_events WHERE id = $1', [chain[chain.length - 1].id]);

    expect(await verify(owner)).toMatchObject({ intact: false, checkedEvents: chain.length - 1, firstBrokenEvent: null });
  });

  it('names a row a superuser slipped in with the chain trigger switched off', async () => {
    const owner = await practiceWithEvents('Padded Practice', 1);
    await superuser.query('BEGIN');
    await superuser.query(`SET LOCAL session_replication_role = replica`);
    const inserted = await superuser.query<{ id: string; occurred_at: Date }>(
      `INSERT INTO audit_events (practice_id, actor_type, action, record_type, record_id) VALUES ($1, 'system', 'case.read', 'case', gen_random_uuid()) RETURNING id, occurred_at`,
      [practiceOf(owner)],
    );
    await superuser.query('COMMIT');
    const [slipped] = inserted.rows;

    expect(await verify(owner)).toMatchObject({ intact: false, firstBrokenEvent: { id: slipped.id, action: 'case.read', occurredAt: slipped.occurred_at.toISOString() } });
  });

  it('keeps the chain out of the API role’s hands: it reads links and heads, and writes neither', async () => {
    const owner = await practiceWithEvents('Guarded Practice', 0);
    const before = (await chainOf(practiceOf(owner))).length;
    const asApi = await connect(database.appUrl);
    try {
      await asApi.query('BEGIN');
      await asApi.query(`SELECT set_config('app.practice_id', $1, true)`, [practiceOf(owner)]);
      await expect(asApi.query('UPDATE audit_chain_heads SET last_position = 0')).rejects.toThrow(/permission denied/);
      await asApi.query('ROLLBACK');

      await asApi.query('BEGIN');
      await asApi.query(`SELECT set_config('app.practice_id', $1, true)`, [practiceOf(owner)]);
      await expect(asApi.query(`INSERT INTO audit_chain (practice_id, chain_position, event_id, previous_hash, hash) SELECT practice_id, 99, id, '\\x00', '\\x00' FROM audit_events LIMIT 1`)).rejects.toThrow(/permission denied/);
      await asApi.query('ROLLBACK');

      // A row the API inserts by hand is chained like any other, and one rolled back leaves no gap.
      for (const end of ['ROLLBACK', 'COMMIT']) {
        await asApi.query('BEGIN');
        await asApi.query(`SELECT set_config('app.practice_id', $1, true)`, [practiceOf(owner)]);
        await asApi.query(`INSERT INTO audit_events (practice_id, actor_type, action, record_type, record_id) VALUES ($1, 'system', 'case.read', 'case', $1)`, [practiceOf(owner)]);
        await asApi.query(end);
      }
    } finally {
      await asApi.end();
    }
    expect((await chainOf(practiceOf(owner))).map((row) => Number(row.chain_position))).toEqual(Array.from({ length: before + 1 }, (_, index) => index + 1));
    expect(await verify(owner)).toMatchObject({ intact: true, checkedEvents: before + 1 });
  });

  it('reports every practice from `npm run audit:verify`, exiting 1 when one is broken', async () => {
    const intact = await practiceWithEvents('Quiet Practice', 1);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-audit-verify-'));
    const environment = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: database.ownerUrl,
      DATABASE_APP_URL: database.appUrl,
      DATA_DIR: dataDir,
      JWT_SECRET: process.env.TEST_JWT_SECRET,
      NOTES_ENCRYPTION_KEY: `test:${randomBytes(32).toString('base64')}`,
    };
    try {
      const failed = await runScript('src/audit/verify-cli.ts', [], environment);
      expect(failed.code).toBe(1);
      const lines = failed.stdout.split('\n');
      const quiet = await chainOf(practiceOf(intact));
      expect(lines).toContain(`Quiet Practice: intact (${quiet.length} events)`);
      expect(lines).toContainEqual(expect.stringMatching(/^Altered Practice: intact \(\d+ events\)$/));
      expect(lines).toContainEqual(expect.stringMatching(/^Trimmed Practice: BROKEN at event [0-9a-f-]{36} \(\d{4}-\d\d-\d\dT[\d:.]+Z, case\.read\)$/));
      // Its verification above wrote the row after the missing ones.
      expect(lines).toContainEqual(expect.stringMatching(/^Shortened Practice: BROKEN at event [0-9a-f-]{36} \(.+, audit\.verify\)$/));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('says `npm run audit:verify` has nothing to verify in a DATA_DIR without a database, and makes none there', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-audit-verify-'));
    try {
      const environment = { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: undefined, DATABASE_APP_URL: undefined, EMBEDDED_POSTGRES_PORT: String(await findFreePort()) };
      const run = await runScript('src/audit/verify-cli.ts', [], environment);
      expect(run).toMatchObject({ code: 1, stdout: '' });
      expect(run.stderr.trim()).toBe(`There is nothing to verify: ${path.join(dataDir, 'pg')} holds no embedded database. Set DATA_DIR (or DATABASE_URL) to the one to verify.`);
      expect(fs.existsSync(path.join(dataDir, 'pg'))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('chains the rows written before it, in time order, when the migration runs', async () => {
    const owner = await registerPractice(api.http, 'Older Practice');
    const practiceId = practiceOf(owner);
    const dataSource = await new DataSource(postgresOptions(database.ownerUrl, 1)).initialize();
    const runner = dataSource.createQueryRunner();
    const migration = new AuditChain1764590000000();
    try {
      await migration.down(runner);
      await superuser.query(
        `INSERT INTO audit_events (practice_id, occurred_at, actor_type, action, record_type, record_id)
         VALUES ($1, '2026-03-02T10:00:00.000002Z', 'system', 'case.update', 'case', $1),
                ($1, '2026-03-01T10:00:00.000001Z', 'system', 'case.create', 'case', $1),
                ($1, '2026-03-03T10:00:00Z', 'system', 'case.read', 'case', $1)`,
        [practiceId],
      );
      await migration.up(runner);
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
    const chain = await chainOf(practiceId);
    expect(chain.slice(0, 3).map((row) => row.action)).toEqual(['case.create', 'case.update', 'case.read']);
    expect(await verify(owner)).toMatchObject({ intact: true, checkedEvents: chain.length });
    // The rest of this database's practices were chained again too: the tampering above is gone with the old chain.
    const trimmed = (await superuser.query<{ id: string }>(`SELECT id FROM practices WHERE name = 'Trimmed Practice'`)).rows[0];
    const positions = (await chainOf(trimmed.id)).map((row) => Number(row.chain_position));
    expect(positions).toEqual(positions.map((_, index) => index + 1));
  });
});
