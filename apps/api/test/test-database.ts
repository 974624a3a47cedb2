import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ensureApiRole, migrate } from '../src/database/database-setup';

/** The login role the tests' API instances connect as (unprivileged, like production). */
export const TEST_APP_ROLE = 'trustwork_app_test';

export function ownerDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_OWNER_URL;
  if (!url) throw new Error('TEST_DATABASE_OWNER_URL is unset: run the tests through jest (its global setup starts the database).');
  return url;
}

export function appDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_APP_URL;
  if (!url) throw new Error('TEST_DATABASE_APP_URL is unset: run the tests through jest.');
  return url;
}

/** A direct connection for assertions that look underneath the API. */
export async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/** A database of its own beside the run's, migrated, with an API login role: for suites that must not share state. */
export interface ScratchDatabase {
  ownerUrl: string;
  appUrl: string;
  drop(): Promise<void>;
}

export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  const database = await createEmptyDatabase(label);
  await migrate(database.ownerUrl);
  const appUrl = await ensureApiRole(database.ownerUrl, `trustwork_app_${label}_test`, randomBytes(18).toString('base64url'));
  return { ...database, appUrl };
}

/** A new database on the run's server with nothing in it, not even the migrations (what a restore goes into). */
export async function createEmptyDatabase(label: string): Promise<Omit<ScratchDatabase, 'appUrl'>> {
  const name = `trustwork_${label}_${randomBytes(4).toString('hex')}`;
  const server = await connect(ownerDatabaseUrl());
  await server.query(`CREATE DATABASE "${name}"`);
  await server.end();
  return {
    ownerUrl: Object.assign(new URL(ownerDatabaseUrl()), { pathname: `/${name}` }).toString(),
    drop: async () => {
      const admin = await connect(ownerDatabaseUrl());
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
