import path from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { postgresOptions } from './database-options';
import { EMBEDDED_DATABASE, startEmbeddedPostgres } from './embedded-postgres';
import { API_GROUP_ROLE } from './migrations/1763900000000-foundation';
import { MIGRATIONS } from './migrations';

type MigrationClass = (typeof MIGRATIONS)[number];

export interface PreparedDatabase {
  /** Connection of the migrations' owner (superuser or schema owner). */
  ownerUrl: string;
  /** The API's unprivileged connection: row-level security applies to it. */
  appUrl: string;
  /** Stops the embedded server, when one was started. */
  stop(): Promise<void>;
}

interface Logger {
  log(message: string): void;
}

/**
 * Gets a database ready before the API starts: embedded PostgreSQL when no
 * DATABASE_URL is given, pending migrations applied, and the API's login role in place.
 */
export async function prepareDatabase(config: AppConfig, logger: Logger): Promise<PreparedDatabase> {
  let embedded: EmbeddedDatabase | undefined;
  let ownerUrl = config.database.ownerUrl;
  if (!ownerUrl) {
    logger.log(`Starting embedded PostgreSQL in ${path.relative(config.rootDir, embeddedDataDir(config))} on port ${config.database.embeddedPort}`);
    embedded = await startEmbeddedDatabase(config);
    ownerUrl = embedded.ownerUrl;
  }

  try {
    const { applied } = await migrate(ownerUrl);
    if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
    const appUrl = config.database.appUrl ?? (await ensureApiRole(ownerUrl, config.database.appUser, config.database.appPassword));
    return { ownerUrl, appUrl, stop: async () => embedded?.stop() };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** The embedded server's folder under DATA_DIR. */
export const embeddedDataDir = (config: AppConfig): string => path.join(config.dataDir, 'pg');

export interface EmbeddedDatabase {
  ownerUrl: string;
  stop(): Promise<void>;
}

/** Starts the embedded server on DATA_DIR (the API, or a command-line tool when the API is not running), with Trustwork's database in it. */
export async function startEmbeddedDatabase(config: AppConfig): Promise<EmbeddedDatabase> {
  const embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir(config), port: config.database.embeddedPort, persistent: true });
  try {
    await embedded.createDatabase(EMBEDDED_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { ownerUrl: embedded.adminUrl(EMBEDDED_DATABASE), stop: () => embedded.stop() };
}

/** The oldest PostgreSQL major the migrations are written for and CI runs on. */
export const OLDEST_POSTGRES_MAJOR = 15;

/** Why a server of this version cannot hold Trustwork's data, or null when it can. */
export function unsupportedServerReason(versionNumber: number, version: string): string | null {
  if (Math.floor(versionNumber / 10_000) >= OLDEST_POSTGRES_MAJOR) return null;
  return `The database server runs PostgreSQL ${version}; Trustwork needs PostgreSQL ${OLDEST_POSTGRES_MAJOR} or newer (17 recommended). Upgrade the server, or unset DATABASE_URL to use the embedded one.`;
}

export interface Migrated {
  /** Names of the migrations this call applied. */
  applied: string[];
  /** The server's version as it prints it, e.g. "15.20 (Debian 15.20-0+deb12u1)". */
  serverVersion: string;
}

/** Applies pending `migrations` (every one unless told: a restore stops at the backup's last). */
export async function migrate(ownerUrl: string, migrations: readonly MigrationClass[] = MIGRATIONS): Promise<Migrated> {
  const dataSource = await new DataSource({ ...postgresOptions(ownerUrl, 1), migrations: [...migrations] }).initialize();
  try {
    // Checked before any migration, which may use what older servers lack.
    const [server] = await dataSource.query(`SELECT current_setting('server_version_num')::int AS number, current_setting('server_version') AS version`);
    const reason = unsupportedServerReason(server.number, server.version);
    if (reason) throw new Error(reason);
    const migrations = await dataSource.runMigrations({ transaction: 'each' });
    return { applied: migrations.map((migration) => migration.name), serverVersion: server.version };
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The API never connects as the owner: its login role is a member of the group role
 * the migrations grant to, with neither superuser nor BYPASSRLS, so policies apply.
 */
export async function ensureApiRole(ownerUrl: string, user: string, password: string): Promise<string> {
  const dataSource = await new DataSource(postgresOptions(ownerUrl, 1)).initialize();
  try {
    const quotedPassword = await dataSource.query('SELECT quote_literal($1) AS literal', [password]);
    const passwordLiteral: string = quotedPassword[0].literal;
    const [{ exists }] = await dataSource.query('SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists', [user]);
    const verb = exists ? 'ALTER' : 'CREATE';
    await dataSource.query(`${verb} ROLE "${user}" WITH LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${passwordLiteral}`);
    await dataSource.query(`GRANT "${API_GROUP_ROLE}" TO "${user}"`);
  } finally {
    await dataSource.destroy();
  }
  const url = new URL(ownerUrl);
  url.username = user;
  url.password = encodeURIComponent(password);
  return url.toString();
}
