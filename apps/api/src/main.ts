import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigurationError, loadAppConfig, type AppConfig } from './config/app-config';
import { createApp } from './app-factory';
import { prepareDatabase } from './database/database-setup';
import { seedDemoCaseload } from './database/demo-caseload';
import { EmbeddedPostgresUnreachable } from './database/embedded-postgres';
import { DEMO_PASSWORD, DEMO_TEAM, seedDemoPracticeIfEmpty } from './database/seed';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const database = await prepareDatabase(config, { log: (message) => console.log(`[database] ${message}`) });
  const demo = config.seedDemoPractice && config.environment !== 'production';
  const seeded = demo && (await seedDemoPracticeIfEmpty(database.ownerUrl));

  // Background jobs (pg-boss) keep their own schema, so they connect as the owner.
  config.database.ownerUrl = database.ownerUrl;
  const app = await createApp(config, database.appUrl);
  if (seeded) {
    await seedDemoCaseload(app, database.ownerUrl);
    console.log('[database] Seeded the demo practice');
  }
  stopCleanlyOnSignals(app, database.stop);
  await app.listen({ port: config.port, host: config.host });
  console.log(readyMessage(config, demo));
}

/** Start-up ends with where to open each app and how to sign in: the lines a newcomer looks for. */
function readyMessage(config: AppConfig, demo: boolean): string {
  const host = ['0.0.0.0', '::'].includes(config.host) ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const lines = [
    '[trustwork] Ready:',
    `  Dashboard      ${config.links.dashboardUrl}/`,
    `  Client portal  ${config.links.portalUrl}/ (clients open it from their personal link)`,
    `  API            http://${host}:${config.port}/api (docs at /api/docs)`,
  ];
  if (demo) lines.push(`  Demo sign-in   ${DEMO_TEAM.map((member) => member.email).join(', ')}; password ${DEMO_PASSWORD}`);
  return lines.join('\n');
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
  if (error instanceof ConfigurationError || error instanceof EmbeddedPostgresUnreachable) {
    console.error(error.message);
  } else {
    console.error('[trustwork] Failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
