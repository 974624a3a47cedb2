import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generateNoteKeyEntry } from '../common/crypto/note-cipher';

interface DevelopmentSecrets {
  jwtSecret: string;
  databaseAppPassword: string;
  /** NOTES_ENCRYPTION_KEY's format: `keyId:base64`. */
  notesEncryptionKey: string;
}

const GENERATORS: { [Name in keyof DevelopmentSecrets]: () => string } = {
  jwtSecret: () => randomBytes(48).toString('base64url'),
  databaseAppPassword: () => randomBytes(24).toString('base64url'),
  notesEncryptionKey: () => generateNoteKeyEntry('dev'),
};

/**
 * Outside production, secrets nobody configured are generated once into the data
 * directory (never a constant in the code), so every machine gets its own. A file
 * written before a secret existed gains it, keeping the secrets it already had.
 */
export function readOrCreateDevelopmentSecrets(
  dataDir: string,
  need: { needJwtSecret: boolean; needDatabasePassword: boolean; needNotesEncryptionKey: boolean },
): DevelopmentSecrets | undefined {
  if (!need.needJwtSecret && !need.needDatabasePassword && !need.needNotesEncryptionKey) return undefined;
  const file = path.join(dataDir, 'secrets.json');
  const existing: Partial<DevelopmentSecrets> = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const missing = (Object.keys(GENERATORS) as (keyof DevelopmentSecrets)[]).filter((name) => typeof existing[name] !== 'string' || !existing[name]);
  if (missing.length === 0) return existing as DevelopmentSecrets;
  const secrets = { ...existing } as DevelopmentSecrets;
  for (const name of missing) secrets[name] = GENERATORS[name]();
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
