import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { ensureApiRole, migrate } from '../src/database/database-setup';
import { findFreePort, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { TEST_APP_ROLE } from './test-database';
import { reachableRedis } from './test-redis';

declare global {
  var stopTestDatabase: (() => Promise<void>) | undefined;
}

/**
 * Once per run: a real PostgreSQL with the migrations applied. Embedded in a fresh
 * temporary directory, or a fresh database on the server DATABASE_URL names.
 */
export default async function globalSetup(): Promise<void> {
  const databaseName = `trustwork_test_${randomBytes(4).toString('hex')}`;
  let ownerUrl: string;
  if (process.env.DATABASE_URL) {
    const server = new URL(process.env.DATABASE_URL);
    const maintenance = new Client({ connectionString: process.env.DATABASE_URL });
    await maintenance.connect();
    await maintenance.query(`CREATE DATABASE "${databaseName}"`);
    await maintenance.end();
    server.pathname = `/${databaseName}`;
    ownerUrl = server.toString();
    globalThis.stopTestDatabase = async () => {
      const cleanup = new Client({ connectionString: process.env.DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
      await cleanup.end();
    };
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), persistent: false });
    await embedded.createDatabase(databaseName);
    ownerUrl = embedded.adminUrl(databaseName);
    globalThis.stopTestDatabase = () => embedded.stop();
  }

  const { serverVersion } = await migrate(ownerUrl);
  // Read at collection time by suites that need a program of the server's major (pg_dump).
  process.env.TEST_POSTGRES_MAJOR = String(parseInt(serverVersion, 10));
  // Says which server the suites ran on: CI runs them on the oldest supported major.
  console.log(`\nAPI suites on PostgreSQL ${serverVersion} (${process.env.DATABASE_URL ? 'the server DATABASE_URL names' : 'embedded'})`);
  const appPassword = randomBytes(18).toString('base64url');
  process.env.TEST_DATABASE_OWNER_URL = ownerUrl;
  process.env.TEST_DATABASE_APP_URL = await ensureApiRole(ownerUrl, TEST_APP_ROLE, appPassword);
  process.env.TEST_JWT_SECRET = randomBytes(48).toString('base64url');
  // Every test app logs at debug level here; the global teardown scans it for secrets.
  process.env.TEST_LOG_FILE = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-test-log-')), 'api.log');
  // Decided before any suite is collected, so a test that needs Redis can register itself as skipped.
  const redisUrl = await reachableRedis();
  if (redisUrl) process.env.TEST_REDIS_REACHABLE_URL = redisUrl;
}
