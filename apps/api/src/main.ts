import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigurationError, loadAppConfig } from './config/app-config';
import { createApp } from './app-factory';
import { prepareDatabase } from './database/database-setup';
import { seedDemoCaseload } from './database/demo-caseload';
import { seedDemoPracticeIfEmpty } from './database/seed';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const database = await prepareDatabase(config, { log: (message) => console.log(`[database] ${message}`) });
  const seeded = config.seedDemoPractice && config.environment !== 'production' && (await seedDemoPracticeIfEmpty(database.ownerUrl));

  // Background jobs (pg-boss) keep their own schema, so they connect as the owner.
  config.database.ownerUrl = database.ownerUrl;
  const app = await createApp(config, database.appUrl);
  if (seeded) {
    await seedDemoCaseload(app, database.ownerUrl);
    console.log('[database] Seeded the demo practice (see README for the sign-ins)');
  }
  stopCleanlyOnSignals(app, database.stop);
  await app.listen({ port: config.port, host: config.host });
  console.log(`[trustwork] API listening on http://localhost:${config.port}/api (docs at /api/docs)`);
}

/** Close HTTP first (in-flight requests finish), then the embedded database, if any. */
function stopCleanlyOnSignals(app: NestFastifyApplication, stopDatabase: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[trustwork] ${signal} received, shutting down`);
    await app.close().catch(() => undefined);
    await stopDatabase();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
  } else {
    console.error('[trustwork] Failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
