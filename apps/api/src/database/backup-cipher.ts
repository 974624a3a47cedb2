import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * A backup file is encrypted as a stream of AES-256-GCM chunks, so a database of any size
 * is never held in memory and a truncated or altered file is refused.
 *
 * Layout: "TWBK" | file format version (1 byte) | header length (2 bytes) | header (JSON)
 * | sealed chunks. Each chunk holds 64 KiB of plaintext (the last one up to 64 KiB, possibly
 * none) followed by its 16-byte tag. Chunk i's nonce is the header's random 8-byte prefix
 * and i (4 bytes); its additional data is the SHA-256 of everything before the chunks and
 * one byte saying whether it is the last. So the header cannot be changed, chunks cannot be
 * reordered or dropped, and a file cut at a chunk boundary lacks its last chunk.
 */

const MAGIC = Buffer.from('TWBK');
const FILE_FORMAT_VERSION = 1;
const PREAMBLE_BYTES = MAGIC.length + 1 + 2;
const MAX_HEADER_BYTES = 4096;
const CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;
const NONCE_PREFIX_BYTES = 8;
const KEY_BYTES = 32;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export const BACKUP_KEY_HELP =
  'Make a key with `openssl rand -base64 32`, keep it somewhere other than the backups (a password manager), and set BACKUP_ENCRYPTION_KEY to it.';

/** How the database went into the file: pg_dump's custom format, or COPY through SQL. */
export type BackupFormat = 'pg-dump' | 'sql-copy';
export const BACKUP_FORMATS: readonly BackupFormat[] = ['pg-dump', 'sql-copy'];

/** What the backup says about itself, readable without the key. */
export interface BackupDescription {
  format: BackupFormat;
  /** The major version of the server it was taken from, e.g. 15. */
  serverMajor: number;
  createdAt: string;
  /** pg_dump's major version (pg-dump format only): restoring needs a pg_restore at least as new. */
  toolMajor?: number;
}

export interface BackupHeader extends BackupDescription {
  /** Fingerprint of the key that encrypted it, so a wrong key is named instead of failing as damage. */
  keyId: string;
  noncePrefix: string;
}

/** A missing or malformed BACKUP_ENCRYPTION_KEY. The message never contains the key. */
export class BackupKeyError extends Error {}

/** A file that cannot be restored: not a backup, another key, cut short or altered. */
export class BackupUnreadable extends Error {}

export interface BackupKey {
  key: Buffer;
  id: string;
}

/** Reads BACKUP_ENCRYPTION_KEY: 32 bytes, base64. */
export function parseBackupKey(value: string | undefined): BackupKey {
  const encoded = value?.trim() ?? '';
  if (!encoded) throw new BackupKeyError(`BACKUP_ENCRYPTION_KEY is not set. ${BACKUP_KEY_HELP}`);
  const key = BASE64.test(encoded) ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
  if (key.length !== KEY_BYTES) throw new BackupKeyError(`BACKUP_ENCRYPTION_KEY must be 32 bytes, base64-encoded. ${BACKUP_KEY_HELP}`);
  return { key, id: keyFingerprint(key) };
}

/** 64 bits of a hash of the key: enough to tell keys apart, nothing towards guessing one. */
function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update('trustwork backup key\0').update(key).digest('hex').slice(0, 16);
}

/** Encrypts whatever is piped through it into the backup file format. */
export function encryptBackup(backupKey: BackupKey, description: BackupDescription): Transform {
  const noncePrefix = randomBytes(NONCE_PREFIX_BYTES);
  const header: BackupHeader = { ...description, keyId: backupKey.id, noncePrefix: noncePrefix.toString('base64') };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const preamble = Buffer.alloc(PREAMBLE_BYTES);
  MAGIC.copy(preamble);
  preamble.writeUInt8(FILE_FORMAT_VERSION, MAGIC.length);
  preamble.writeUInt16BE(headerBytes.length, MAGIC.length + 1);
  const start = Buffer.concat([preamble, headerBytes]);
  const chunks = new ChunkSealer(backupKey.key, noncePrefix, createHash('sha256').update(start).digest());

  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const stream = new Transform({
    transform(data: Buffer, _encoding, done: TransformCallback) {
      pending.push(data);
      pendingBytes += data.length;
      // Strictly more than a chunk: whatever is left when the input ends is sealed as the last one.
      if (pendingBytes > CHUNK_BYTES) {
        let all = Buffer.concat(pending);
        while (all.length > CHUNK_BYTES) {
          this.push(chunks.seal(all.subarray(0, CHUNK_BYTES), false));
          all = all.subarray(CHUNK_BYTES);
        }
        pending = [all];
        pendingBytes = all.length;
      }
      done();
    },
    flush(done: TransformCallback) {
      this.push(chunks.seal(Buffer.concat(pending), true));
      done();
    },
  });
  stream.push(start);
  return stream;
}

/**
 * Decrypts a backup file piped through it. Everything it passes on has been authenticated;
 * it fails with BackupUnreadable at the first chunk that is not, and at the end when the
 * last chunk is missing. Only a complete pass proves the whole file intact.
 */
export function decryptBackup(backupKey: BackupKey): Transform {
  let buffered = Buffer.alloc(0);
  let chunks: ChunkSealer | undefined;
  const open = (stream: Transform, sealed: Buffer, last: boolean) => stream.push(chunks?.open(sealed, last));
  return new Transform({
    transform(data: Buffer, _encoding, done: TransformCallback) {
      buffered = Buffer.concat([buffered, data]);
      try {
        if (!chunks) {
          const parsed = parsePreamble(buffered);
          if (!parsed) return done();
          assertSameKey(parsed.header, backupKey);
          chunks = new ChunkSealer(backupKey.key, Buffer.from(parsed.header.noncePrefix, 'base64'), createHash('sha256').update(buffered.subarray(0, parsed.length)).digest());
          buffered = buffered.subarray(parsed.length);
        }
        // More than one sealed chunk left: the first is not the last.
        while (buffered.length > SEALED_CHUNK_BYTES) {
          open(this, buffered.subarray(0, SEALED_CHUNK_BYTES), false);
          buffered = buffered.subarray(SEALED_CHUNK_BYTES);
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        if (!chunks) {
          // Too short for its own header: a file that starts like a backup was cut short.
          throw buffered.length >= MAGIC.length && buffered.subarray(0, MAGIC.length).equals(MAGIC) ? cutShort() : notABackup();
        }
        open(this, buffered, true);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** The header of a backup file, read without decrypting anything. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const handle = await fs.open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new BackupUnreadable(`There is no file ${file}: check the name and the folder.`);
    throw error;
  });
  try {
    if ((await handle.stat()).isDirectory()) throw new BackupUnreadable(`${file} is a folder: name the backup file in it.`);
    const start = Buffer.alloc(PREAMBLE_BYTES + MAX_HEADER_BYTES);
    const { bytesRead } = await handle.read(start, 0, start.length, 0);
    const parsed = parsePreamble(start.subarray(0, bytesRead));
    if (!parsed) throw bytesRead >= MAGIC.length && start.subarray(0, MAGIC.length).equals(MAGIC) ? cutShort() : notABackup();
    return parsed.header;
  } finally {
    await handle.close();
  }
}

/** The header, once enough bytes have arrived; undefined until then. */
function parsePreamble(bytes: Buffer): { header: BackupHeader; length: number } | undefined {
  const magic = bytes.subarray(0, Math.min(bytes.length, MAGIC.length));
  if (!magic.equals(MAGIC.subarray(0, magic.length))) throw notABackup();
  if (bytes.length < PREAMBLE_BYTES) return undefined;
  const version = bytes.readUInt8(MAGIC.length);
  if (version !== FILE_FORMAT_VERSION) {
    throw new BackupUnreadable(`This backup was written in file format ${version}, which this version of Trustwork cannot read: restore it with the version that made it, or a newer one.`);
  }
  const headerLength = bytes.readUInt16BE(MAGIC.length + 1);
  if (headerLength > MAX_HEADER_BYTES) throw altered();
  if (bytes.length < PREAMBLE_BYTES + headerLength) return undefined;
  let header: BackupHeader;
  try {
    header = JSON.parse(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerLength).toString('utf8')) as BackupHeader;
  } catch {
    throw altered();
  }
  const prefix = typeof header?.noncePrefix === 'string' ? Buffer.from(header.noncePrefix, 'base64') : Buffer.alloc(0);
  if (!BACKUP_FORMATS.includes(header.format) || typeof header.keyId !== 'string' || prefix.length !== NONCE_PREFIX_BYTES) throw altered();
  return { header, length: PREAMBLE_BYTES + headerLength };
}

export function assertSameKey(header: BackupHeader, backupKey: BackupKey): void {
  if (header.keyId !== backupKey.id) {
    throw new BackupUnreadable(
      `This backup was made with a different key (key ${header.keyId}; BACKUP_ENCRYPTION_KEY is key ${backupKey.id}). Set BACKUP_ENCRYPTION_KEY to the key it was made with.`,
    );
  }
}

class ChunkSealer {
  private counter = 0;

  constructor(
    private readonly key: Buffer,
    private readonly noncePrefix: Buffer,
    private readonly headerDigest: Buffer,
  ) {}

  seal(plaintext: Buffer, last: boolean): Buffer {
    const cipher = createCipheriv('aes-256-gcm', this.key, this.nextNonce());
    cipher.setAAD(this.additionalData(last));
    return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  }

  open(sealed: Buffer, last: boolean): Buffer {
    if (sealed.length < TAG_BYTES) throw cutShort();
    const nonce = this.nextNonce();
    const attempt = (asLast: boolean) => {
      const decipher = createDecipheriv('aes-256-gcm', this.key, nonce);
      decipher.setAAD(this.additionalData(asLast));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
    };
    try {
      return attempt(last);
    } catch {
      // A file cut at a chunk boundary ends on a sound chunk that was not sealed as the last.
      if (last && opens(() => attempt(false))) throw cutShort();
      throw altered();
    }
  }

  private nextNonce(): Buffer {
    const nonce = Buffer.alloc(NONCE_PREFIX_BYTES + 4);
    this.noncePrefix.copy(nonce);
    nonce.writeUInt32BE(this.counter, NONCE_PREFIX_BYTES);
    this.counter += 1;
    return nonce;
  }

  private additionalData(last: boolean): Buffer {
    return Buffer.concat([this.headerDigest, Buffer.from([last ? 1 : 0])]);
  }
}

function opens(attempt: () => Buffer): boolean {
  try {
    attempt();
    return true;
  } catch {
    return false;
  }
}

const notABackup = () => new BackupUnreadable('This file is not a Trustwork backup.');
const cutShort = () => new BackupUnreadable('This backup file is incomplete: it was cut short (an interrupted copy or a full disk?). Use another backup.');
const altered = () => new BackupUnreadable('This backup file has been altered, damaged or cut short: it cannot be trusted. Use another backup.');
