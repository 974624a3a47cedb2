import fs from 'node:fs';
import { Readable, Writable, pipeline as pipelineCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { assertSameKey, decryptBackup, encryptBackup, readBackupHeader, type BackupDescription, type BackupFormat, type BackupHeader, type BackupKey } from './backup-cipher';
import { migrate } from './database-setup';
import { MIGRATIONS } from './migrations';
import { API_GROUP_ROLE } from './migrations/1763900000000-foundation';
import { findPostgresTool, pgDump, pgRestore } from './pg-dump';
import { assertReadsEveryPractice, loadSqlCopy, sqlCopyFrames, type SqlCopyManifest } from './sql-copy';

/** A backup or restore stopped for a reason the person can act on; the message says what to do. */
export class BackupRefused extends Error {}

export interface BackupRequest {
  /** The owner connection (superuser, or a role with BYPASSRLS). */
  ownerUrl: string;
  key: BackupKey;
  file: string;
  format: BackupFormat;
}

/**
 * Writes one encrypted backup of a consistent snapshot to `file` (through `<file>.partial`,
 * so a backup that fails half-way never looks like a finished one).
 */
export async function backUp(request: BackupRequest): Promise<BackupDescription> {
  if (fs.existsSync(request.file)) throw new BackupRefused(`${request.file} already exists: choose another name, or move the old file away first.`);
  const client = await connect(request.ownerUrl);
  try {
    const serverMajor = await serverMajorOf(client);
    await assertReadsEveryPractice(client);
    const createdAt = new Date().toISOString();
    if (request.format === 'pg-dump') {
      const tool = findPostgresTool('pg_dump', serverMajor, `Backing up this PostgreSQL ${serverMajor} server`, 'make a SQL-copy backup, which needs no pg_dump: npm run db:backup -- --format=sql-copy');
      const description: BackupDescription = { format: 'pg-dump', serverMajor, createdAt, toolMajor: tool.major };
      // pg_dump takes its own snapshot: every table as of one moment.
      const dump = pgDump(tool, request.ownerUrl);
      await writeEncrypted(request, description, dump.archive, dump.exited);
      return description;
    }
    const description: BackupDescription = { format: 'sql-copy', serverMajor, createdAt };
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // Fail loudly rather than skip rows, should any policy apply after all.
    await client.query('SET LOCAL row_security = off');
    await writeEncrypted(request, description, Readable.from(sqlCopyFrames(client)));
    await client.query('COMMIT');
    return description;
  } catch (error) {
    fs.rmSync(partialFile(request.file), { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

/** `source` through the cipher into the file, named as finished only once `sourceSucceeded` too (pg_dump's exit). */
async function writeEncrypted(request: BackupRequest, description: BackupDescription, source: Readable, sourceSucceeded?: Promise<void>): Promise<void> {
  const partial = partialFile(request.file);
  await Promise.all([pipeline(source, encryptBackup(request.key, description), fs.createWriteStream(partial, { mode: 0o600 })), sourceSucceeded]);
  fs.renameSync(partial, request.file);
}

const partialFile = (file: string) => `${file}.partial`;

export interface RestoreRequest {
  /** The owner connection of an empty database. */
  ownerUrl: string;
  key: BackupKey;
  file: string;
  /** Told each step as it starts, and each table as it is loaded: a large restore takes a while. */
  onProgress?: (message: string) => void;
}

/**
 * Restores `file` into the empty database at `ownerUrl`. The whole file is authenticated
 * before the database is touched, so a wrong key, a cut or an altered byte restores nothing.
 * Migrations newer than the backup are left to the API's start-up, as after any upgrade.
 */
export async function restoreBackup(request: RestoreRequest): Promise<BackupHeader> {
  const progress = request.onProgress ?? (() => undefined);
  const header = await readBackupHeader(request.file);
  assertSameKey(header, request.key);
  progress(`Checking every byte of ${request.file} before restoring anything…`);
  await pipeline(decrypted(request), new Writable({ write: (_chunk, _encoding, done) => done() }));

  const client = await connect(request.ownerUrl);
  try {
    const serverMajor = await serverMajorOf(client);
    await assertEmpty(client);
    if (header.format === 'pg-dump') {
      if (serverMajor < header.serverMajor) {
        throw new BackupRefused(
          `This backup was taken with pg_dump from PostgreSQL ${header.serverMajor}; this server runs PostgreSQL ${serverMajor}. Restore it into PostgreSQL ${header.serverMajor} or newer.`,
        );
      }
      const tool = findPostgresTool('pg_restore', header.toolMajor ?? header.serverMajor, `Restoring this backup (written by pg_dump ${header.toolMajor ?? header.serverMajor})`);
      // Roles belong to the server, not the database: a new server lacks the one the grants name.
      await client.query(`DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${API_GROUP_ROLE}') THEN
          CREATE ROLE ${API_GROUP_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS;
        END IF;
      END $$`);
      progress(`Restoring with ${tool.name} ${tool.major}…`);
      await pgRestore(tool, request.ownerUrl, decrypted(request));
    } else {
      await assertSuperuser(client);
      await loadSqlCopy(
        client,
        decrypted(request),
        (manifest) => {
          progress(`Creating the tables (${manifest.migrations.length} migrations)…`);
          return migrateLike(request.ownerUrl, manifest);
        },
        (table, rows) => progress(`Loaded ${table}: ${rows} ${rows === 1 ? 'row' : 'rows'}`),
      );
    }
    return header;
  } finally {
    await client.end();
  }
}

function decrypted(request: RestoreRequest): Readable {
  // Errors reach whoever reads the end of the chain, which is what the callback form gives.
  return pipelineCallback(fs.createReadStream(request.file), decryptBackup(request.key), () => undefined);
}

/** The schema the backup's rows were taken from: the same migrations, in order, and no more. */
async function migrateLike(ownerUrl: string, manifest: SqlCopyManifest): Promise<void> {
  const known = MIGRATIONS.map((migration) => new migration().name);
  const unknown = manifest.migrations.find((name, index) => known[index] !== name);
  if (unknown !== undefined) {
    throw new BackupRefused(`This backup comes from a newer version of Trustwork (its migration ${unknown} is not one this version has): restore it with that version or a newer one.`);
  }
  await migrate(ownerUrl, MIGRATIONS.slice(0, manifest.migrations.length));
}

async function assertEmpty(client: Client): Promise<void> {
  const { rows } = await client.query<{ database: string; tables: number }>(`
    SELECT current_database() AS database, count(*)::int AS tables
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`);
  if (rows[0].tables > 0) {
    throw new BackupRefused(
      `Trustwork restores only into an empty database, and "${rows[0].database}" already holds ${rows[0].tables} tables. Create a new database (CREATE DATABASE …) and point DATABASE_URL at it, or with the embedded database, point DATA_DIR at a new folder.`,
    );
  }
}

async function assertSuperuser(client: Client): Promise<void> {
  const { rows } = await client.query<{ superuser: boolean }>('SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user');
  if (!rows[0]?.superuser) {
    throw new BackupRefused('Restoring a SQL-copy backup loads rows with foreign-key checks off, which only a superuser may do: point DATABASE_URL at a superuser of the new database.');
  }
}

async function serverMajorOf(client: Client): Promise<number> {
  const { rows } = await client.query<{ number: number }>("SELECT current_setting('server_version_num')::int AS number");
  return Math.floor(rows[0].number / 10_000);
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: 'trustwork-backup' });
  await client.connect();
  return client;
}
