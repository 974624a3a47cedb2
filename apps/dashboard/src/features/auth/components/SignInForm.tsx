import { useState } from 'react';
import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { isTwoFactorChallenge, type LoginRequest, type TwoFactorChallenge } from '@trustwork/contracts';
import { Link, useLocation, useNavigate } from 'react-router';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { validateEmail } from '../../../lib/validation';
import { useSignIn } from '../hooks/use-auth-mutations';
import { useSession } from '../hooks/use-session';
import { readSignInState, type SignInNotice } from '../navigation';
import { describeSignInError } from '../sign-in-errors';
import { TwoFactorStep } from './TwoFactorStep';

function describeNotice(notice: SignInNotice): string {
  switch (notice.kind) {
    case 'expired':
      return 'Your session has expired. Please sign in again.';
    case 'idle':
      return `You were signed out after ${notice.minutes} minutes without activity.`;
    case 'password-reset':
      return 'Your password is changed. Sign in with your new password.';
  }
}

function Notice({ children }: { children: string }) {
  return (
    <Alert color="yellow" icon={<IconInfoCircle />} role="status">
      {children}
    </Alert>
  );
}

interface PendingChallenge {
  challenge: TwoFactorChallenge;
  /** Reckoned when it came, so going Back and Forward again does not lengthen it. */
  expiresAt: number;
  /** Whether the code step has a history entry of its own (not after a reload on it). */
  entryAdded: boolean;
}

/** The password step, then the code step when the account has two-factor. */
export function SignInForm() {
  const location = useLocation();
  const navigate = useNavigate();
  const signInState = readSignInState(location.state);
  const { notice } = signInState;
  const sessionState = useSession();
  const signIn = useSignIn();
  const send = useMutateOnce(signIn);
  const [challenge, setChallenge] = useState<PendingChallenge | null>(null);
  /** Why the code step sent the person back here, if it did. */
  const [backBecause, setBackBecause] = useState<string | null>(null);
  const form = useForm<LoginRequest>({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: {
      email: validateEmail,
      password: (value) => (value ? null : 'Enter your password.'),
    },
  });

  // The browser's Back leaves the code step for the password step, and Forward returns to it.
  if (challenge && signInState.codeStep) {
    return (
      <TwoFactorStep
        challenge={challenge.challenge}
        expiresAt={challenge.expiresAt}
        onBack={(reason) => {
          setChallenge(null);
          setBackBecause(reason);
          signIn.reset();
          // Back over the code step's own entry, as the browser's Back would.
          if (challenge.entryAdded) void navigate(-1);
          else void navigate(location.pathname, { replace: true, state: { ...signInState, codeStep: false } });
        }}
      />
    );
  }

  const unreachable = sessionState.status === 'signed-out' && sessionState.reason === 'unreachable';
  const quiet = signIn.error !== null;
  const submit = form.onSubmit((values) => {
    setBackBecause(null);
    send(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: (answer) => {
          if (!isTwoFactorChallenge(answer)) return;
          setChallenge({ challenge: answer, expiresAt: Date.now() + answer.expiresIn * 1000, entryAdded: !signInState.codeStep });
          // Not kept for the way back: the code step is the password's proof now.
          form.setFieldValue('password', '');
          void navigate(location.pathname, { replace: signInState.codeStep, state: { ...signInState, codeStep: true } });
        },
      },
    );
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack>
        {!quiet && backBecause && <Notice>{backBecause}</Notice>}
        {!quiet && !backBecause && notice && <Notice>{describeNotice(notice)}</Notice>}
        {!quiet && unreachable && (
          <Notice>We couldn&apos;t reach Trustwork to restore your session. Sign in again, or reload the page in a moment.</Notice>
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
        <Group justify="flex-end" mt={-8}>
          <Anchor component={Link} to="/forgot-password" size="sm">
            Forgot password?
          </Anchor>
        </Group>
        <Button type="submit" loading={signIn.isPending} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
