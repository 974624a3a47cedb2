import { randomBytes } from 'node:crypto';
import { sha256 } from '../common/crypto/tokens';

/** Crockford's Base32, lower case: no i, l, o or u to misread, 5 bits a character. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** A recovery code: 12 characters (60 bits) in groups easy to copy, like `k7pd-m2xq-9frt`. */
export function newRecoveryCode(): string {
  // 256 is a multiple of 32, so taking 5 bits of each byte keeps every character equally likely.
  const characters = [...randomBytes(GROUPS * GROUP_LENGTH)].map((byte) => ALPHABET[byte & 31]);
  return Array.from({ length: GROUPS }, (_, group) => characters.slice(group * GROUP_LENGTH, (group + 1) * GROUP_LENGTH).join('')).join('-');
}

/** What is stored: the hash of the code as typed, whatever its case, spaces, dashes or look-alike letters. */
export function recoveryCodeHash(typed: string): string {
  const normalised = typed
    .toLowerCase()
    .replace(/[\s-]/g, '')
    .replace(/[il]/g, '1')
    .replace(/o/g, '0');
  return sha256(normalised);
}
