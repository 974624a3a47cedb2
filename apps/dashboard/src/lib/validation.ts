import { PASSWORD_MIN_LENGTH } from '@trustwork/contracts';

// Deliberately loose: the API has the final word, this only catches typos early.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateEmail(value: string): string | null {
  const email = value.trim();
  if (!email) return 'Enter an e-mail address.';
  return EMAIL_SHAPE.test(email) ? null : 'Enter a valid e-mail address, like name@practice.com.';
}

export function validateRequired(label: string) {
  return (value: string): string | null => (value.trim() ? null : `Enter ${label}.`);
}

export function validateNewPassword(value: string): string | null {
  return value.length >= PASSWORD_MIN_LENGTH ? null : `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
}

/** Beside every field where someone chooses a password. */
export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A short sentence you will remember works well.`;

export function validatePasswordsMatch(value: string, values: { newPassword: string }): string | null {
  return value === values.newPassword ? null : 'The passwords do not match.';
}
