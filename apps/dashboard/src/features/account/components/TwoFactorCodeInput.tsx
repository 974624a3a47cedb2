import { TextInput, type TextInputProps } from '@mantine/core';
import { TOTP_DIGITS } from '@trustwork/contracts';

/** Where the code from the authenticator app is typed; phones offer the digits keypad and the code from a text. */
export function TwoFactorCodeInput(props: TextInputProps) {
  return (
    <TextInput
      label={`${TOTP_DIGITS}-digit code`}
      inputMode="numeric"
      autoComplete="one-time-code"
      // Room for the space some apps show in the middle.
      maxLength={TOTP_DIGITS + 1}
      w={180}
      {...props}
    />
  );
}
