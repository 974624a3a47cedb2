import { createHash, randomBytes } from 'node:crypto';

/** 256 bits of randomness, URL-safe: refresh tokens and (later) portal links. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Secret tokens are stored only as this hash. */
export function sha256(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
