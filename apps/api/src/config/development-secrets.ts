import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

interface DevelopmentSecrets {
  jwtSecret: string;
  databaseAppPassword: string;
}

/**
 * Outside production, secrets nobody configured are generated once into the data
 * directory (never a constant in the code), so every machine gets its own.
 */
export function readOrCreateDevelopmentSecrets(
  dataDir: string,
  need: { needJwtSecret: boolean; needDatabasePassword: boolean },
): DevelopmentSecrets | undefined {
  if (!need.needJwtSecret && !need.needDatabasePassword) return undefined;
  const file = path.join(dataDir, 'secrets.json');
  if (fs.existsSync(file)) {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as DevelopmentSecrets;
  }
  const secrets: DevelopmentSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    databaseAppPassword: randomBytes(24).toString('base64url'),
  };
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
