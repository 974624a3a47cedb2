import 'reflect-metadata';
import { loadAppConfig } from '../config/app-config';
import { createApp } from '../app-factory';
import { runCommand } from './command-line';
import { seedDemoCaseload } from './demo-caseload';
import { prepareDatabase } from './database-setup';
import { seedDemoPracticeIfEmpty } from './seed';

/** `npm run db:migrate` and `npm run db:seed`. */
async function run(command: string | undefined): Promise<void> {
  if (command !== 'migrate' && command !== 'seed') {
    throw new Error('Usage: cli.ts migrate|seed');
  }
  const config = loadAppConfig();
  // prepareDatabase applies pending migrations (and starts the embedded server if needed).
  const database = await prepareDatabase(config, { log: (message) => console.log(message) });
  try {
    if (command === 'seed') {
      if (config.environment === 'production') throw new Error('The demo practice is never seeded in production.');
      const seeded = await seedDemoPracticeIfEmpty(database.ownerUrl);
      if (seeded) {
        // Seeding sends no reminders: no workers, and pg-boss on the owner connection prepareDatabase found.
        const app = await createApp({ ...config, jobs: false, database: { ...config.database, ownerUrl: database.ownerUrl } }, database.appUrl);
        await seedDemoCaseload(app, database.ownerUrl).finally(() => app.close());
      }
      console.log(seeded ? 'Seeded the demo practice.' : 'The database already has a practice; nothing seeded.');
    } else {
      console.log('Migrations are up to date.');
    }
  } finally {
    await database.stop();
  }
}

runCommand(() => run(process.argv[2]));
