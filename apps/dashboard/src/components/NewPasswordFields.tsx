import { PasswordInput } from '@mantine/core';
import { type UseFormReturnType } from '@mantine/form';
import { NEW_PASSWORD_HINT } from '../lib/validation';

interface NewPasswordValues {
  newPassword: string;
  confirmPassword: string;
}

/** A new password, with the hint for choosing one, and the same again to catch a typo (validatePasswordsMatch). */
export function NewPasswordFields<Values extends NewPasswordValues>({ form }: { form: UseFormReturnType<Values> }) {
  return (
    <>
      <PasswordInput
        label="New password"
        description={NEW_PASSWORD_HINT}
        autoComplete="new-password"
        required
        key={form.key('newPassword')}
        {...form.getInputProps('newPassword')}
      />
      <PasswordInput
        label="Confirm new password"
        autoComplete="new-password"
        required
        key={form.key('confirmPassword')}
        {...form.getInputProps('confirmPassword')}
      />
    </>
  );
}
