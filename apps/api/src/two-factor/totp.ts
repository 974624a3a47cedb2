import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '@trustwork/contracts';
import { generateSecret, generateURI, verifySync } from 'otplib';

/** RFC 6238 as every authenticator app does it: SHA-1, 30-second steps, 6 digits. */
const ALGORITHM = 'sha1';
/** One step either way: a phone clock slightly off, or a code typed just as it changed. */
const DRIFT_SECONDS = TOTP_PERIOD_SECONDS;
const ISSUER = 'Trustwork';
const CODE = new RegExp(`^\\d{${TOTP_DIGITS}}$`);

/** A new secret: 20 random bytes (RFC 4226's recommended length), Base32 for typing into an app. */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpAddress(secret: string, email: string): string {
  return generateURI({ issuer: ISSUER, label: email, secret, algorithm: ALGORITHM, digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });
}

/**
 * The time step of a code that is right for `secret` at `now` (one step of drift either way),
 * or null. A code whose step is at or before `lastStep`, the last one accepted, is a replay.
 */
export function acceptedStep(secret: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const token = code.replace(/\s/g, '');
  if (!CODE.test(token)) return null;
  const result = verifySync({
    secret,
    token,
    algorithm: ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    epoch: Math.floor(now / 1000),
    epochTolerance: DRIFT_SECONDS,
    afterTimeStep: lastStep ?? undefined,
  });
  // The union also covers HOTP results, which carry no time step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
