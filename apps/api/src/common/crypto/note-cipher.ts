import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Clinical free text (note sections, addenda) is stored only as AES-256-GCM ciphertext.
 *
 * One bytea per row: format version (1 byte) | IV (12 random bytes) | auth tag (16) | ciphertext.
 * The row's `key_id` column names the key, so keys can rotate: new writes use the current
 * key, older rows stay readable while their key is still configured. The caller passes the
 * row's identity as additional authenticated data, so a ciphertext copied onto another
 * row (or into another table) fails to decrypt instead of showing the wrong person's note.
 *
 * Keys come from NOTES_ENCRYPTION_KEY: comma-separated `keyId:base64` entries, each key
 * 32 random bytes (`openssl rand -base64 32`). The FIRST entry encrypts new writes; every
 * entry can decrypt. Rotate by putting a new entry first and keeping the old ones after it.
 */

const FORMAT_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
const KEY_ID = /^[A-Za-z0-9._-]{1,40}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const NOTE_KEY_FORMAT_HELP = 'NOTES_ENCRYPTION_KEY must be keyId:base64 entries separated by commas, e.g. 2026-01:<output of openssl rand -base64 32>';

export interface NoteKey {
  id: string;
  key: Buffer;
}

/** The configured keys; `keys[0]` encrypts new writes. */
export interface NoteKeyring {
  keys: readonly NoteKey[];
}

export interface EncryptedText {
  keyId: string;
  data: Buffer;
}

/** A bad NOTES_ENCRYPTION_KEY. The message never contains the key itself. */
export class NoteKeyFormatError extends Error {}

export type UnreadableReason = 'unknown-key' | 'malformed' | 'authentication-failed';

/** A stored ciphertext that cannot be decrypted: missing key, damaged bytes, or moved rows. */
export class CiphertextUnreadable extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly keyId: string,
  ) {
    super(`Ciphertext under key "${keyId}" is unreadable (${reason})`);
    this.name = 'CiphertextUnreadable';
  }
}

/** Parses NOTES_ENCRYPTION_KEY; throws NoteKeyFormatError with a message safe to print. */
export function parseNoteKeyring(value: string): NoteKeyring {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new NoteKeyFormatError(NOTE_KEY_FORMAT_HELP);
  const keys: NoteKey[] = [];
  for (const entry of entries) {
    const separator = entry.indexOf(':');
    const id = separator > 0 ? entry.slice(0, separator) : '';
    const encoded = separator > 0 ? entry.slice(separator + 1).trim() : '';
    if (!KEY_ID.test(id) || !encoded) throw new NoteKeyFormatError(NOTE_KEY_FORMAT_HELP);
    const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
    if (key.length !== KEY_BYTES) {
      throw new NoteKeyFormatError(`NOTES_ENCRYPTION_KEY must be 32 bytes, base64-encoded (key "${id}" is not)`);
    }
    if (keys.some((existing) => existing.id === id)) throw new NoteKeyFormatError(`NOTES_ENCRYPTION_KEY names key "${id}" twice`);
    keys.push({ id, key });
  }
  return { keys };
}

/** A fresh key entry, for development secrets and tests. */
export function generateNoteKeyEntry(id: string): string {
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

export class NoteCipher {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly current: NoteKey;

  constructor(keyring: NoteKeyring) {
    if (keyring.keys.length === 0) throw new NoteKeyFormatError(NOTE_KEY_FORMAT_HELP);
    this.current = keyring.keys[0];
    this.keys = new Map(keyring.keys.map((entry) => [entry.id, entry.key]));
  }

  /** The key new writes use. */
  get currentKeyId(): string {
    return this.current.id;
  }

  encrypt(plaintext: string, associatedData: string): EncryptedText {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const data = Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), ciphertext]);
    return { keyId: this.current.id, data };
  }

  /** For a text column (a two-factor secret): `keyId:base64`, the key named beside the ciphertext. */
  encryptToText(plaintext: string, associatedData: string): string {
    const { keyId, data } = this.encrypt(plaintext, associatedData);
    return `${keyId}:${data.toString('base64')}`;
  }

  /** The plaintext of `encryptToText`'s output, or CiphertextUnreadable. */
  decryptText(stored: string, associatedData: string): string {
    const separator = stored.indexOf(':');
    if (separator <= 0) throw new CiphertextUnreadable('malformed', '');
    return this.decrypt({ keyId: stored.slice(0, separator), data: Buffer.from(stored.slice(separator + 1), 'base64') }, associatedData);
  }

  /** The plaintext, or CiphertextUnreadable: never garbage, never a partial text. */
  decrypt(encrypted: EncryptedText, associatedData: string): string {
    const key = this.keys.get(encrypted.keyId);
    if (!key) throw new CiphertextUnreadable('unknown-key', encrypted.keyId);
    const { data } = encrypted;
    if (data.length < HEADER_BYTES || data[0] !== FORMAT_VERSION) throw new CiphertextUnreadable('malformed', encrypted.keyId);
    const iv = data.subarray(1, 1 + IV_BYTES);
    const tag = data.subarray(1 + IV_BYTES, HEADER_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new CiphertextUnreadable('authentication-failed', encrypted.keyId);
    }
  }
}
