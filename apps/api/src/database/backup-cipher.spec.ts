import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BackupKeyError, BackupUnreadable, decryptBackup, encryptBackup, parseBackupKey, readBackupHeader, type BackupDescription } from './backup-cipher';

const description: BackupDescription = { format: 'sql-copy', serverMajor: 15, createdAt: '2026-12-03T18:00:00.000Z' };
const newKey = () => parseBackupKey(randomBytes(32).toString('base64'));

/** Pushes `input` through `transform` in pieces of `pieceBytes`, returning everything it gave out. */
async function through(transform: NodeJS.ReadWriteStream, input: Buffer, pieceBytes = 10_000): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < input.length; offset += pieceBytes) pieces.push(input.subarray(offset, offset + pieceBytes));
  const output: Buffer[] = [];
  await pipeline(
    Readable.from(pieces),
    transform,
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        output.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(output);
}

describe('the backup cipher', () => {
  const key = newKey();
  // Several 64 KiB chunks and a partial last one.
  const database = randomBytes(200_000);
  const sealed = 64 * 1024 + 16;
  /** Where the sealed chunks begin: the file is the header, the data and one 16-byte tag for each of its 4 chunks. */
  const chunksStart = (file: Buffer) => file.length - database.length - 4 * 16;

  it('decrypts what it encrypted, in any size of piece, and never holds the plaintext in the file', async () => {
    const file = await through(encryptBackup(key, description), database);
    expect(file.includes(database.subarray(0, 64))).toBe(false);
    expect(await through(decryptBackup(key), file, 7_919)).toEqual(database);
    expect(await through(decryptBackup(key), file, file.length)).toEqual(database);
  });

  it('round-trips an empty input and input of exactly one chunk', async () => {
    expect(await through(decryptBackup(key), await through(encryptBackup(key, description), Buffer.alloc(0)))).toEqual(Buffer.alloc(0));
    const oneChunk = randomBytes(64 * 1024);
    expect(await through(decryptBackup(key), await through(encryptBackup(key, description), oneChunk))).toEqual(oneChunk);
  });

  it('tells a different key apart from damage', async () => {
    const file = await through(encryptBackup(key, description), database);
    const other = newKey();
    await expect(through(decryptBackup(other), file)).rejects.toThrow(
      new BackupUnreadable(
        `This backup was made with a different key (key ${key.id}; BACKUP_ENCRYPTION_KEY is key ${other.id}). Set BACKUP_ENCRYPTION_KEY to the key it was made with.`,
      ),
    );
  });

  it('refuses a file cut short, whether inside a chunk or at a chunk boundary', async () => {
    const file = await through(encryptBackup(key, description), database);
    const start = chunksStart(file);
    for (const length of [start + sealed, start + 2 * sealed, 10]) {
      await expect(through(decryptBackup(key), file.subarray(0, length))).rejects.toThrow(/incomplete: it was cut short/);
    }
    // Inside a chunk, a missing end looks like any other damage.
    await expect(through(decryptBackup(key), file.subarray(0, file.length - 1))).rejects.toThrow(/altered, damaged or cut short/);
  });

  it('refuses a file with any one byte changed: header, chunk or tag', async () => {
    const file = await through(encryptBackup(key, description), database);
    for (const position of [20, Math.floor(file.length / 2), file.length - 1]) {
      const altered = Buffer.from(file);
      altered[position] ^= 0x01;
      await expect(through(decryptBackup(key), altered)).rejects.toThrow(/altered, damaged or cut short/);
    }
  });

  it('refuses chunks swapped and bytes added after the end', async () => {
    const file = await through(encryptBackup(key, description), database);
    const start = chunksStart(file);
    const swapped = Buffer.concat([file.subarray(0, start), file.subarray(start + sealed, start + 2 * sealed), file.subarray(start, start + sealed), file.subarray(start + 2 * sealed)]);
    await expect(through(decryptBackup(key), swapped)).rejects.toThrow(/altered, damaged or cut short/);
    await expect(through(decryptBackup(key), Buffer.concat([file, Buffer.from('x')]))).rejects.toThrow(/altered, damaged or cut short/);
  });

  it('refuses a file that is not a backup', async () => {
    await expect(through(decryptBackup(key), Buffer.from('PGDMP custom archive'))).rejects.toThrow('This file is not a Trustwork backup.');
    await expect(through(decryptBackup(key), Buffer.alloc(0))).rejects.toThrow('This file is not a Trustwork backup.');
  });

  it('reads the header without the key', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-backup-'));
    try {
      const file = path.join(folder, 'backup.twbk');
      fs.writeFileSync(file, await through(encryptBackup(key, { ...description, format: 'pg-dump', toolMajor: 15 }), database));
      expect(await readBackupHeader(file)).toEqual({ ...description, format: 'pg-dump', toolMajor: 15, keyId: key.id, noncePrefix: expect.any(String) });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('names a missing file and a folder given for a file in words, not as ENOENT or EISDIR', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trustwork-backup-'));
    try {
      const missing = path.join(folder, 'tonight.twbk');
      await expect(readBackupHeader(missing)).rejects.toThrow(new BackupUnreadable(`There is no file ${missing}: check the name and the folder.`));
      await expect(readBackupHeader(folder)).rejects.toThrow(new BackupUnreadable(`${folder} is a folder: name the backup file in it.`));
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('BACKUP_ENCRYPTION_KEY', () => {
  it('must be 32 bytes in base64, and says how to make one', () => {
    for (const value of [undefined, '', '   ']) {
      expect(() => parseBackupKey(value)).toThrow(BackupKeyError);
      expect(() => parseBackupKey(value)).toThrow(/^BACKUP_ENCRYPTION_KEY is not set\. Make a key with `openssl rand -base64 32`/);
    }
    for (const value of [randomBytes(16).toString('base64'), 'not base64 at all!', randomBytes(32).toString('hex')]) {
      expect(() => parseBackupKey(value)).toThrow(/must be 32 bytes, base64-encoded\. Make a key with `openssl rand -base64 32`/);
    }
  });

  it('names a key by a fingerprint that does not reveal it', () => {
    const value = randomBytes(32).toString('base64');
    const { id } = parseBackupKey(value);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(parseBackupKey(` ${value}\n`).id).toBe(id);
    expect(value).not.toContain(id);
  });
});
