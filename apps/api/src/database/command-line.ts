import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';
import { embeddedDataDir, startEmbeddedDatabase } from './database-setup';
import { EMBEDDED_DATABASE, embeddedSuperuserUrl } from './embedded-postgres';

/** The database a command-line tool works on, as the database owner. */
export interface OwnerDatabase {
  ownerUrl: string;
  /** How the messages name it. */
  name: string;
  close(): Promise<void>;
}

/**
 * DATABASE_URL's database; otherwise the embedded one, through the running API's server (a
 * second server cannot start on the same folder and port) or one started for the purpose.
 * Only a restore may start on a folder that holds no database yet: anything else there is a
 * mistyped DATA_DIR, and an empty new database would look like a good answer.
 */
export async function openOwnerDatabase(config: AppConfig, purpose: 'back up' | 'verify' | 'restore into'): Promise<OwnerDatabase> {
  if (config.database.ownerUrl) {
    return { ownerUrl: config.database.ownerUrl, name: `database "${new URL(config.database.ownerUrl).pathname.slice(1)}"`, close: async () => undefined };
  }
  const dataDir = embeddedDataDir(config);
  const name = `the embedded database in ${dataDir}`;
  const running = embeddedSuperuserUrl(dataDir, config.database.embeddedPort, EMBEDDED_DATABASE);
  if (running && (await answers(running))) return { ownerUrl: running, name, close: async () => undefined };
  if (purpose !== 'restore into' && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new Error(`There is nothing to ${purpose}: ${dataDir} holds no embedded database. Set DATA_DIR (or DATABASE_URL) to the one to ${purpose}.`);
  }
  const embedded = await startEmbeddedDatabase(config);
  return { ownerUrl: embedded.ownerUrl, name, close: () => embedded.stop() };
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

/**
 * Runs a command-line tool: on failure it prints the message alone (each says what to do, a
 * stack trace would bury it) and exits 1; `main` answering false exits 1 too.
 */
export function runCommand(main: () => Promise<boolean | void>): void {
  main().then(
    (succeeded) => {
      if (succeeded === false) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
