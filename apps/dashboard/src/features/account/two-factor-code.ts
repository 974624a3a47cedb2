import { TOTP_DIGITS } from '@trustwork/contracts';

const CODE_SHAPE = new RegExp(`^\\d{${TOTP_DIGITS}}$`);

/** Authenticator apps show "123 456": the space is not part of the code. */
export function normaliseCode(value: string): string {
  return value.replace(/\s/g, '');
}

export function validateTwoFactorCode(value: string): string | null {
  return CODE_SHAPE.test(normaliseCode(value)) ? null : `Enter the ${TOTP_DIGITS}-digit code from your authenticator app.`;
}
