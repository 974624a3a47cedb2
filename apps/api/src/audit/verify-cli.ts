import 'reflect-metadata';
import { Client } from 'pg';
import { loadAppConfig } from '../config/app-config';
import { prepareDatabase } from '../database/database-setup';
import { chainReport, verifyEveryPractice } from './audit-chain';

/**
 * `npm run audit:verify`: every practice's audit chain, checked as the database owner
 * (DATABASE_URL, or the embedded database when it is unset), one line per practice.
 * Exits 1 when any chain is broken.
 */
async function run(): Promise<boolean> {
  const database = await prepareDatabase(loadAppConfig(), { log: (message) => console.log(message) });
  const client = new Client({ connectionString: database.ownerUrl });
  try {
    await client.connect();
    const verified = await verifyEveryPractice(client);
    for (const { practiceName, result } of verified) console.log(chainReport(practiceName, result));
    if (verified.length === 0) console.log('No practices yet: nothing to verify.');
    return verified.every(({ result }) => result.intact);
  } finally {
    await client.end();
    await database.stop();
  }
}

run().then(
  (allIntact) => {
    if (!allIntact) process.exitCode = 1;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
