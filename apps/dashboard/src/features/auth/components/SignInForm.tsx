import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { type LoginRequest } from '@trustwork/contracts';
import { useLocation } from 'react-router';
import { isApiRequestError } from '../../../lib/api-client';
import { describeWait } from '../../../lib/format';
import { validateEmail } from '../../../lib/validation';
import { useSignIn } from '../hooks/use-auth-mutations';
import { useSession } from '../hooks/use-session';
import { readSignInState } from '../navigation';

function describeSignInError(error: Error): string {
  if (isApiRequestError(error, 429)) {
    return error.retryAfterSeconds
      ? `Too many sign-in attempts. Please wait ${describeWait(error.retryAfterSeconds)} and try again.`
      : 'Too many sign-in attempts. Please wait a few minutes and try again.';
  }
  return error.message;
}

export function SignInForm() {
  const location = useLocation();
  const { sessionExpired } = readSignInState(location.state);
  const sessionState = useSession();
  const signIn = useSignIn();
  const form = useForm<LoginRequest>({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: validateEmail,
      password: (value) => (value ? null : 'Enter your password.'),
    },
  });

  const unreachable = sessionState.status === 'signed-out' && sessionState.reason === 'unreachable';

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => signIn.mutate({ email: values.email.trim(), password: values.password }))}
    >
      <Stack>
        {sessionExpired && !signIn.error && (
          <Alert color="yellow" icon={<IconInfoCircle />} role="status">
            Your session has expired. Please sign in again.
          </Alert>
        )}
        {unreachable && !signIn.error && (
          <Alert color="yellow" icon={<IconInfoCircle />} role="status">
            We couldn&apos;t reach Trustwork to restore your session. Sign in again, or reload the page in a moment.
          </Alert>
        )}
        {signIn.error && (
          <Alert color="red" icon={<IconAlertCircle />} title="We couldn't sign you in">
            {describeSignInError(signIn.error)}
          </Alert>
        )}
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="username"
          required
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          key={form.key('password')}
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={signIn.isPending} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
