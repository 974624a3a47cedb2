import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { escapeIdentifier, type Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/**
 * The backup format that needs no pg_dump: every table of the public schema (the migrations'
 * own table included) through `COPY ... TO STDOUT`, in text form, so any supported server
 * major can load it. Restoring re-creates the schema by running the same migrations, then
 * loads the rows.
 *
 * The stream is a list of frames: kind (1 byte) | length (4 bytes) | payload. First the
 * manifest, then for each table of the manifest, in order, its rows and an end-of-table frame.
 */

export interface SqlCopyManifest {
  /** Names of the migrations the database had, oldest first. */
  migrations: string[];
  tables: Array<{ name: string; columns: string[] }>;
}

const MANIFEST = 0x4d; // 'M'
const ROWS = 0x44; // 'D'
const END_OF_TABLE = 0x45; // 'E'
const FRAME_HEADER_BYTES = 5;

/** Superuser or BYPASSRLS: a role under row-level security would back up nothing but its own practice. */
export async function assertReadsEveryPractice(client: Client): Promise<void> {
  const { rows } = await client.query<{ allowed: boolean }>('SELECT rolsuper OR rolbypassrls AS allowed FROM pg_roles WHERE rolname = current_user');
  if (!rows[0]?.allowed) {
    throw new Error(
      "A backup reads every practice's records, past row-level security: DATABASE_URL must connect as a superuser or a role with BYPASSRLS (as the database's owner connection usually does).",
    );
  }
}

/** Every frame of a backup of the database `client` reads. Run inside one REPEATABLE READ transaction, so the tables agree. */
export async function* sqlCopyFrames(client: Client): AsyncGenerator<Buffer> {
  const manifest = await readManifest(client);
  yield frame(MANIFEST, Buffer.from(JSON.stringify(manifest), 'utf8'));
  for (const table of manifest.tables) {
    // Through a SELECT, so a partitioned table's rows come too.
    for await (const rows of client.query(copyTo(`COPY (SELECT ${table.columns.map(escapeIdentifier).join(', ')} FROM public.${escapeIdentifier(table.name)}) TO STDOUT`))) {
      yield frame(ROWS, rows as Buffer);
    }
    yield frame(END_OF_TABLE, Buffer.alloc(0));
  }
}

async function readManifest(client: Client): Promise<SqlCopyManifest> {
  const migrations = await client.query<{ name: string }>('SELECT name FROM public.schema_migrations ORDER BY id');
  // Generated columns are computed again on load, so they are neither written nor read.
  const tables = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    GROUP BY c.relname
    ORDER BY c.relname`);
  return { migrations: migrations.rows.map((row) => row.name), tables: tables.rows };
}

function frame(kind: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(FRAME_HEADER_BYTES);
  header.writeUInt8(kind, 0);
  header.writeUInt32BE(payload.length, 1);
  return Buffer.concat([header, payload]);
}

/**
 * Loads a SQL-copy backup into `client`'s database, which must be empty. `prepareSchema`
 * gets the manifest first and builds the schema (the migrations it names). The rows go in
 * as one transaction with triggers and foreign-key checks off (the backup is one consistent
 * snapshot), so a failure leaves no row behind. Needs a superuser.
 */
export async function loadSqlCopy(
  client: Client,
  backup: Readable,
  prepareSchema: (manifest: SqlCopyManifest) => Promise<void>,
  onTableLoaded: (table: string, rows: number) => void = () => undefined,
): Promise<void> {
  const frames = readFrames(backup);
  try {
    const first = await frames.next();
    if (first.done || first.value.kind !== MANIFEST) throw new Error('The backup holds no list of tables: it was not written by Trustwork.');
    const manifest = JSON.parse(first.value.payload.toString('utf8')) as SqlCopyManifest;
    await prepareSchema(manifest);
    const tableNames = manifest.tables.map((table) => `public.${escapeIdentifier(table.name)}`);
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL session_replication_role = replica');
      // Whatever the migrations wrote (their own bookkeeping) is replaced by the backup's rows.
      if (tableNames.length > 0) await client.query(`TRUNCATE ${tableNames.join(', ')}`);
      for (const table of manifest.tables) {
        const columns = table.columns.map(escapeIdentifier).join(', ');
        const copy = client.query(copyFrom(`COPY public.${escapeIdentifier(table.name)} (${columns}) FROM STDIN`));
        await pipeline(Readable.from(rowsOfTable(frames, table.name)), copy);
        onTableLoaded(table.name, copy.rowCount);
      }
      if (!(await frames.next()).done) throw new Error('The backup holds more than its list of tables.');
      await continueSequences(client, manifest.tables.map((table) => table.name));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    await frames.return(undefined);
  }
}

interface Frame {
  kind: number;
  payload: Buffer;
}

async function* readFrames(source: AsyncIterable<Buffer>): AsyncGenerator<Frame> {
  let buffered: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    buffered = buffered.length > 0 ? Buffer.concat([buffered, chunk]) : chunk;
    while (buffered.length >= FRAME_HEADER_BYTES) {
      const end = FRAME_HEADER_BYTES + buffered.readUInt32BE(1);
      if (buffered.length < end) break;
      yield { kind: buffered[0], payload: buffered.subarray(FRAME_HEADER_BYTES, end) };
      buffered = buffered.subarray(end);
    }
  }
  if (buffered.length > 0) throw new Error('The backup ends in the middle of a record: it was not written to the end.');
}

async function* rowsOfTable(frames: AsyncGenerator<Frame>, table: string): AsyncGenerator<Buffer> {
  for (;;) {
    const next = await frames.next();
    if (next.done) throw new Error(`The backup ends inside table ${table}.`);
    if (next.value.kind === END_OF_TABLE) return;
    if (next.value.kind !== ROWS) throw new Error(`The backup holds an unknown record inside table ${table}.`);
    yield next.value.payload;
  }
}

/** Loaded rows do not advance sequences: each continues after the highest value now in its column. */
async function continueSequences(client: Client, tables: string[]): Promise<void> {
  const owned = await client.query<{ table: string; column: string }>(
    `
    SELECT c.relname AS table, a.attname AS column
    FROM pg_depend d
    JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
    JOIN pg_class c ON c.oid = d.refobjid
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
    WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') AND c.relname = ANY($1::text[])`,
    [tables],
  );
  for (const { table, column } of owned.rows) {
    const qualified = `public.${escapeIdentifier(table)}`;
    await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${escapeIdentifier(column)}), 0) + 1, false) FROM ${qualified}`, [qualified, column]);
  }
}
