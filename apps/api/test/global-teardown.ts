import fs from 'node:fs';
import path from 'node:path';
import { secretsInLog } from './log-secrets';

export default async function globalTeardown(): Promise<void> {
  await globalThis.stopTestDatabase?.();
  assertLogHoldsNoSecrets(process.env.TEST_LOG_FILE);
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
