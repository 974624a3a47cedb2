import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { chainReport, verifyEveryPractice } from '../src/audit/audit-chain';
import { secretsInLog } from './log-secrets';

export default async function globalTeardown(): Promise<void> {
  let brokenChains: string[];
  try {
    brokenChains = await brokenAuditChains(process.env.TEST_DATABASE_OWNER_URL);
  } finally {
    await globalThis.stopTestDatabase?.();
  }
  assertLogHoldsNoSecrets(process.env.TEST_LOG_FILE);
  if (brokenChains.length > 0) throw new Error(`After this test run, audit chains are broken:\n${brokenChains.join('\n')}`);
}

/** Every audited request of every suite (concurrent ones too) must leave each practice's audit chain whole. */
async function brokenAuditChains(ownerUrl: string | undefined): Promise<string[]> {
  if (!ownerUrl) return [];
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return (await verifyEveryPractice(client)).filter(({ result }) => !result.intact).map(({ practiceName, result }) => chainReport(practiceName, result));
  } finally {
    await client.end();
  }
}

/** Fails the run when any test app logged a password, token or portal link. */
function assertLogHoldsNoSecrets(logFile: string | undefined): void {
  if (!logFile) return;
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
  const found = secretsInLog(log);
  if (found.length > 0) {
    throw new Error(`The API's log during this test run holds ${found.join(', ')}: see ${logFile}`);
  }
  fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
}
