import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadAppConfig, type AppConfig } from '../config/app-config';
import { assertSameKey, BACKUP_FORMATS, parseBackupKey, readBackupHeader, type BackupFormat } from './backup-cipher';
import { backUp, BackupRefused, restoreBackup } from './backup';
import { openOwnerDatabase, runCommand } from './command-line';

const USAGE = 'Usage: npm run db:backup [-- --out FILE] [--format=pg-dump|sql-copy]; npm run db:restore -- FILE';

/** `npm run db:backup` and `npm run db:restore -- FILE`, with the environment Trustwork runs with. */
async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseCommandLine(argv);
  const [command, file, ...more] = positionals;
  const config = loadAppConfig();
  // npm runs the script in apps/api; a path is meant from where the person typed the command.
  const fromHere = (name: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), name);

  if (more.length > 0) throw new BackupRefused(`One file at a time. ${USAGE}`);
  if (command === 'backup' && !file) {
    const key = parseBackupKey(process.env.BACKUP_ENCRYPTION_KEY);
    const format = values.format ?? (config.database.ownerUrl ? 'pg-dump' : 'sql-copy');
    if (!BACKUP_FORMATS.includes(format as BackupFormat)) throw new BackupRefused(`--format must be one of ${BACKUP_FORMATS.join(', ')}.`);
    const asked = values.out === undefined ? path.join(config.dataDir, 'backups') : fromHere(values.out);
    const out = values.out === undefined || isFolder(asked) ? timedBackupFile(asked) : asked;
    const database = await openOwnerDatabase(config, 'back up');
    try {
      fs.mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
      const made = await backUp({ ownerUrl: database.ownerUrl, key, file: out, format: format as BackupFormat });
      console.log(`Backed up ${database.name} (PostgreSQL ${made.serverMajor}, ${made.format}, ${sizeOf(out)}, key ${key.id}) to ${out}`);
    } finally {
      await database.close();
    }
  } else if (command === 'restore' && file && !values.out && !values.format) {
    const key = parseBackupKey(process.env.BACKUP_ENCRYPTION_KEY);
    const backup = fromHere(file);
    // A missing file, a folder or a wrong key stops here, before a new embedded database is made for it.
    assertSameKey(await readBackupHeader(backup), key);
    const database = await openOwnerDatabase(config, 'restore into');
    try {
      const made = await restoreBackup({ ownerUrl: database.ownerUrl, key, file: backup, onProgress: (message) => console.log(message) });
      console.log(
        [
          `Restored the backup of ${made.createdAt} (PostgreSQL ${made.serverMajor}, ${made.format}) into ${database.name}.`,
          `Start Trustwork on it with the key the notes were written with (${notesKeyAdvice(config)}); it applies any newer migrations as it starts.`,
        ].join('\n'),
      );
    } finally {
      await database.close();
    }
  } else {
    throw new BackupRefused(USAGE);
  }
}

/** Node's own words for an unknown option suggest quoting it as a file name; the usage helps more. */
function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: { out: { type: 'string' }, format: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS_')) throw new BackupRefused(`${(error as Error).message.split('.')[0]}. ${USAGE}`);
    throw error;
  }
}

/** Without NOTES_ENCRYPTION_KEY the notes' key is the one in DATA_DIR's secrets.json, which in a new DATA_DIR was made just now. */
function notesKeyAdvice(config: AppConfig): string {
  if (process.env.NOTES_ENCRYPTION_KEY) return 'NOTES_ENCRYPTION_KEY';
  return `NOTES_ENCRYPTION_KEY, or else the one in ${path.join(config.dataDir, 'secrets.json')}: copy the old DATA_DIR's secrets.json over it`;
}

/** `trustwork-backup-2026-12-03T02-00-00Z.twbk` in `folder` (`<DATA_DIR>/backups`, or `--out` naming a folder): sorts by time, no colons (Windows). */
function timedBackupFile(folder: string): string {
  const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-');
  return path.join(folder, `trustwork-backup-${stamp}.twbk`);
}

const isFolder = (name: string) => fs.existsSync(name) && fs.statSync(name).isDirectory();

function sizeOf(file: string): string {
  const bytes = fs.statSync(file).size;
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

runCommand(() => run(process.argv.slice(2)));
