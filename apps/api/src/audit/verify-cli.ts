import 'reflect-metadata';
import { Client } from 'pg';
import { loadAppConfig } from '../config/app-config';
import { openOwnerDatabase, runCommand } from '../database/command-line';
import { chainReport, verifyEveryPractice } from './audit-chain';

/**
 * `npm run audit:verify`: every practice's audit chain, checked as the database owner
 * (DATABASE_URL, or the embedded database, the running API's too), one line per practice.
 * A check changes nothing, migrations included. Exits 1 when any chain is broken.
 */
async function run(): Promise<boolean> {
  const database = await openOwnerDatabase(loadAppConfig(), 'verify');
  const client = new Client({ connectionString: database.ownerUrl });
  try {
    await client.connect();
    const [{ chained }] = (await client.query<{ chained: boolean }>(`SELECT to_regclass('public.audit_chain') IS NOT NULL AS chained`)).rows;
    if (!chained) throw new Error(`${database.name} has no audit chain yet: start this version of Trustwork on it (or run npm run db:migrate) first.`);
    const verified = await verifyEveryPractice(client);
    for (const { practiceName, result } of verified) console.log(chainReport(practiceName, result));
    if (verified.length === 0) console.log('No practices yet: nothing to verify.');
    return verified.every(({ result }) => result.intact);
  } finally {
    await client.end();
    await database.close();
  }
}

runCommand(run);
