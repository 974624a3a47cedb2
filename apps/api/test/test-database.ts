import { Client } from 'pg';

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
