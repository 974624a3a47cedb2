import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { ConfigurationError, loadAppConfig, type AppConfig } from '../config/app-config';
import { BACKUP_FORMATS, parseBackupKey, type BackupFormat } from './backup-cipher';
import { backUp, BackupRefused, restoreBackup } from './backup';
import { embeddedSuperuserUrl, startEmbeddedPostgres } from './embedded-postgres';

const USAGE = 'Usage: npm run db:backup [-- --out FILE] [--format=pg-dump|sql-copy]; npm run db:restore -- FILE';
const EMBEDDED_DATABASE = 'trustwork';

/** `npm run db:backup` and `npm run db:restore -- FILE`, with the environment Trustwork runs with. */
async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args: argv, options: { out: { type: 'string' }, format: { type: 'string' } }, allowPositionals: true });
  const [command, file] = positionals;
  const config = loadAppConfig();
  // npm runs the script in apps/api; a path is meant from where the person typed the command.
  const fromHere = (name: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), name);

  if (command === 'backup' && !file) {
    const key = parseBackupKey(process.env.BACKUP_ENCRYPTION_KEY);
    const format = values.format ?? (config.database.ownerUrl ? 'pg-dump' : 'sql-copy');
    if (!BACKUP_FORMATS.includes(format as BackupFormat)) throw new BackupRefused(`--format must be one of ${BACKUP_FORMATS.join(', ')}.`);
    const out = values.out ? fromHere(values.out) : defaultBackupFile(config);
    fs.mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
    const database = await openDatabase(config, 'backup');
    try {
      const made = await backUp({ ownerUrl: database.ownerUrl, key, file: out, format: format as BackupFormat });
      console.log(`Backed up ${database.name} (PostgreSQL ${made.serverMajor}, ${made.format}, ${sizeOf(out)}, key ${key.id}) to ${out}`);
    } finally {
      await database.close();
    }
  } else if (command === 'restore' && file && !values.out && !values.format) {
    const key = parseBackupKey(process.env.BACKUP_ENCRYPTION_KEY);
    const database = await openDatabase(config, 'restore');
    try {
      const made = await restoreBackup({ ownerUrl: database.ownerUrl, key, file: fromHere(file) });
      console.log(
        [
          `Restored the backup of ${made.createdAt} (PostgreSQL ${made.serverMajor}, ${made.format}) into ${database.name}.`,
          'Start Trustwork on it with the NOTES_ENCRYPTION_KEY the notes were written with; it applies any newer migrations as it starts.',
        ].join('\n'),
      );
    } finally {
      await database.close();
    }
  } else {
    throw new BackupRefused(USAGE);
  }
}

/** `<DATA_DIR>/backups/trustwork-backup-2026-12-03T02-00-00Z.twbk`: sorts by time, no colons (Windows). */
function defaultBackupFile(config: AppConfig): string {
  const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
  return path.join(config.dataDir, 'backups', `trustwork-backup-${stamp}.twbk`);
}

function sizeOf(file: string): string {
  const bytes = fs.statSync(file).size;
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

interface OpenDatabase {
  ownerUrl: string;
  /** How the messages name it. */
  name: string;
  close(): Promise<void>;
}

/** DATABASE_URL's database; otherwise the embedded one, through the running API's server or one started for the purpose. */
async function openDatabase(config: AppConfig, purpose: 'backup' | 'restore'): Promise<OpenDatabase> {
  if (config.database.ownerUrl) {
    return { ownerUrl: config.database.ownerUrl, name: `database "${new URL(config.database.ownerUrl).pathname.slice(1)}"`, close: async () => undefined };
  }
  const dataDir = path.join(config.dataDir, 'pg');
  const name = `the embedded database in ${dataDir}`;
  const running = embeddedSuperuserUrl(dataDir, config.database.embeddedPort, EMBEDDED_DATABASE);
  if (running && (await answers(running))) return { ownerUrl: running, name, close: async () => undefined };
  if (purpose === 'backup' && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new BackupRefused(`There is nothing to back up: ${dataDir} holds no embedded database. Set DATA_DIR (or DATABASE_URL) to the one to back up.`);
  }
  const embedded = await startEmbeddedPostgres({ dataDir, port: config.database.embeddedPort, persistent: true });
  try {
    await embedded.createDatabase(EMBEDDED_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { ownerUrl: embedded.adminUrl(EMBEDDED_DATABASE), name, close: () => embedded.stop() };
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigurationError || error instanceof Error ? error.message : error);
  process.exit(1);
});
