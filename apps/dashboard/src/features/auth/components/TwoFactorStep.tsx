import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { ApiErrorCode, TOTP_DIGITS, type TwoFactorChallenge } from '@trustwork/contracts';
import { isApiRequestError } from '../../../lib/api-client';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { TwoFactorCodeInput } from '../../account/components/TwoFactorCodeInput';
import { normaliseCode, validateTwoFactorCode } from '../../account/two-factor-code';
import { useTwoFactorSignIn } from '../hooks/use-auth-mutations';
import { describeSignInError } from '../sign-in-errors';

const CHALLENGE_EXPIRED = 'That sign-in took too long. Please enter your password again.';

interface CodeValues {
  /** Which the person is typing: the app's code, or one of their recovery codes. */
  kind: 'code' | 'recovery';
  code: string;
  recoveryCode: string;
}

interface TwoFactorStepProps {
  challenge: TwoFactorChallenge;
  /** When the challenge runs out (ms since the epoch). */
  expiresAt: number;
  /** Back to the password step, saying why when it was not the person's choice. */
  onBack: (reason: string | null) => void;
}

/** The second step of signing in with two-factor: a code from the app, or a recovery code. */
export function TwoFactorStep({ challenge, expiresAt, onBack }: TwoFactorStepProps) {
  const complete = useTwoFactorSignIn();
  const send = useMutateOnce(complete);
  const form = useForm<CodeValues>({
    initialValues: { kind: 'code', code: '', recoveryCode: '' },
    validate: {
      code: (value, values) => (values.kind === 'code' ? validateTwoFactorCode(value) : null),
      recoveryCode: (value, values) => (values.kind === 'recovery' && !value.trim() ? 'Enter one of your recovery codes.' : null),
    },
  });
  const { kind } = form.getValues();

  const switchTo = (next: CodeValues['kind']) => {
    complete.reset();
    form.setValues({ kind: next, code: '', recoveryCode: '' });
    form.clearErrors();
  };

  const submit = form.onSubmit((values) => {
    if (Date.now() >= expiresAt) {
      onBack(CHALLENGE_EXPIRED);
      return;
    }
    const { challengeToken } = challenge;
    send(values.kind === 'code' ? { challengeToken, code: normaliseCode(values.code) } : { challengeToken, recoveryCode: values.recoveryCode.trim() }, {
      onError: (error) => {
        if (isApiRequestError(error, 401) && Date.now() >= expiresAt) onBack(CHALLENGE_EXPIRED);
        // Voided early (too many wrong codes): the server's own words say why.
        else if (isApiRequestError(error, 401) && error.body.code === ApiErrorCode.SignInExpired) onBack(error.message);
        else form.setValues({ code: '', recoveryCode: '' });
      },
    });
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        <Text>
          {kind === 'code'
            ? `Enter the ${TOTP_DIGITS}-digit code your authenticator app shows for Trustwork.`
            : 'Enter one of the recovery codes you saved when you set up two-factor. Each works once.'}
        </Text>
        {complete.error && (
          <Alert color="red" icon={<IconAlertCircle />} title="We couldn't sign you in">
            {describeSignInError(complete.error)}
          </Alert>
        )}
        {kind === 'code' ? (
          <TwoFactorCodeInput key="code" required autoFocus {...form.getInputProps('code')} />
        ) : (
          <TextInput key="recovery" label="Recovery code" autoComplete="off" spellCheck={false} required autoFocus {...form.getInputProps('recoveryCode')} />
        )}
        <Anchor component="button" type="button" size="sm" ta="left" onClick={() => switchTo(kind === 'code' ? 'recovery' : 'code')}>
          {kind === 'code' ? 'Use a recovery code instead' : 'Use a code from your app instead'}
        </Anchor>
        <Group justify="space-between">
          <Button variant="default" onClick={() => onBack(null)}>
            Back
          </Button>
          <Button type="submit" loading={complete.isPending}>
            Sign in
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
