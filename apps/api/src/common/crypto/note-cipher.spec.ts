import { randomBytes } from 'node:crypto';
import { CiphertextUnreadable, generateNoteKeyEntry, NoteCipher, NoteKeyFormatError, parseNoteKeyring } from './note-cipher';

const cipherWith = (...entries: string[]) => new NoteCipher(parseNoteKeyring(entries.join(',')));

function unreadableReason(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (error instanceof CiphertextUnreadable) return error.reason;
    throw error;
  }
  throw new Error('expected the ciphertext to be unreadable');
}

describe('NoteCipher', () => {
  const current = generateNoteKeyEntry('2026-02');
  const previous = generateNoteKeyEntry('2026-01');

  it('round-trips text, with a fresh IV each time and no plaintext in the bytes', () => {
    const cipher = cipherWith(current);
    const text = JSON.stringify({ subjective: 'Sam said the secret phone was the worst part. Ünïcödé ✓' });
    const first = cipher.encrypt(text, 'note:session-1');
    const second = cipher.encrypt(text, 'note:session-1');
    expect(first.keyId).toBe('2026-02');
    expect(first.data[0]).toBe(1);
    expect(first.data.equals(second.data)).toBe(false);
    expect(first.data.subarray(1, 13).equals(second.data.subarray(1, 13))).toBe(false);
    expect(first.data.includes(Buffer.from('secret phone'))).toBe(false);
    expect(cipher.decrypt(first, 'note:session-1')).toBe(text);
    expect(cipher.decrypt(second, 'note:session-1')).toBe(text);
    expect(cipher.decrypt(cipher.encrypt('', 'x'), 'x')).toBe('');
  });

  it('writes with the first key and still reads rows written with an older one', () => {
    const old = cipherWith(previous).encrypt('written before the rotation', 'note:a');
    const rotated = cipherWith(current, previous);
    expect(rotated.currentKeyId).toBe('2026-02');
    expect(rotated.encrypt('new', 'note:a').keyId).toBe('2026-02');
    expect(rotated.decrypt(old, 'note:a')).toBe('written before the rotation');
  });

  it('refuses a key id it does not have', () => {
    const encrypted = cipherWith(previous).encrypt('text', 'note:a');
    expect(unreadableReason(() => cipherWith(current).decrypt(encrypted, 'note:a'))).toBe('unknown-key');
    // Same id, different key material: authentication fails rather than returning garbage.
    const impostor = cipherWith(generateNoteKeyEntry('2026-01'));
    expect(unreadableReason(() => impostor.decrypt(encrypted, 'note:a'))).toBe('authentication-failed');
  });

  it('refuses a tampered tag, IV or ciphertext, and damaged headers', () => {
    const cipher = cipherWith(current);
    const encrypted = cipher.encrypt('the original text', 'note:a');
    for (const offset of [1, 13, 20, 29, encrypted.data.length - 1]) {
      const data = Buffer.from(encrypted.data);
      data[offset] ^= 0x01;
      expect(unreadableReason(() => cipher.decrypt({ keyId: encrypted.keyId, data }, 'note:a'))).toBe('authentication-failed');
    }
    const wrongVersion = Buffer.from(encrypted.data);
    wrongVersion[0] = 9;
    expect(unreadableReason(() => cipher.decrypt({ keyId: encrypted.keyId, data: wrongVersion }, 'note:a'))).toBe('malformed');
    expect(unreadableReason(() => cipher.decrypt({ keyId: encrypted.keyId, data: encrypted.data.subarray(0, 20) }, 'note:a'))).toBe('malformed');
  });

  it('binds the ciphertext to its row: other associated data fails', () => {
    const cipher = cipherWith(current);
    const encrypted = cipher.encrypt('belongs to session 1', 'note:session-1');
    expect(unreadableReason(() => cipher.decrypt(encrypted, 'note:session-2'))).toBe('authentication-failed');
    expect(unreadableReason(() => cipher.decrypt(encrypted, 'note-addendum:session-1'))).toBe('authentication-failed');
  });

  it('stores text in a text column as keyId:base64 and reads it back under an older key', () => {
    const stored = cipherWith(previous).encryptToText('JBSWY3DPEHPK3PXP', 'two-factor:user-1');
    expect(stored.startsWith('2026-01:')).toBe(true);
    expect(stored).not.toContain('JBSWY3DPEHPK3PXP');
    expect(cipherWith(current, previous).decryptText(stored, 'two-factor:user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(unreadableReason(() => cipherWith(current, previous).decryptText(stored, 'two-factor:user-2'))).toBe('authentication-failed');
    expect(unreadableReason(() => cipherWith(current).decryptText('no key named', 'two-factor:user-1'))).toBe('malformed');
  });
});

describe('parseNoteKeyring', () => {
  const key = randomBytes(32).toString('base64');

  it('reads one or several keyId:base64 entries, first one first', () => {
    expect(parseNoteKeyring(`k1:${key}`).keys.map((entry) => entry.id)).toEqual(['k1']);
    const several = parseNoteKeyring(` 2026-02:${key} , 2026-01:${randomBytes(32).toString('base64')} `);
    expect(several.keys.map((entry) => entry.id)).toEqual(['2026-02', '2026-01']);
    expect(several.keys[0].key.equals(Buffer.from(key, 'base64'))).toBe(true);
  });

  it('explains a wrong length or format without repeating the key', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => parseNoteKeyring(`k1:${short}`)).toThrow('NOTES_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
    expect(() => parseNoteKeyring(`k1:${short}`)).not.toThrow(short);
    expect(() => parseNoteKeyring('k1:not base64 at all!')).toThrow(/must be 32 bytes, base64-encoded/);
    expect(() => parseNoteKeyring(key)).toThrow(NoteKeyFormatError);
    expect(() => parseNoteKeyring(key)).not.toThrow(key);
    expect(() => parseNoteKeyring('')).toThrow(/keyId:base64/);
    expect(() => parseNoteKeyring(`k1:${key},k1:${key}`)).toThrow(/names key "k1" twice/);
  });
});
