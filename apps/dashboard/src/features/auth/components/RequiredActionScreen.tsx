import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { IconAlertCircle } from '@tabler/icons-react';
import { type RequiredAccountAction } from '@trustwork/contracts';
import { reloadCurrentUser } from '../../../lib/api-client';
import { ChoosePasswordForm } from '../../account/components/ChoosePasswordForm';
import { TwoFactorSetup } from '../../account/components/TwoFactorSetup';
import { useSignOut } from '../hooks/use-auth-mutations';
import { AuthLayout } from './AuthLayout';

const SCREENS: Record<RequiredAccountAction, { title: string; why: string }> = {
  'choose-password': {
    title: 'Choose your own password',
    why: 'You signed in with a temporary password. Choose one that only you know before you carry on.',
  },
  'enrol-two-factor': {
    title: 'Set up two-factor sign-in',
    why: "Your practice requires two-factor sign-in, so that a password alone cannot open your clients' records. Set it up to carry on.",
  },
};

/**
 * Everything the signed-in person sees while their account needs something first. Once it is
 * done, the server's answer to "who am I" clears it and the page they asked for opens.
 */
export function RequiredActionScreen({ action }: { action: RequiredAccountAction }) {
  const signOut = useSignOut();
  const carryOn = useMutation({ mutationFn: reloadCurrentUser });
  const done = () => carryOn.mutate();
  const { title, why } = SCREENS[action];

  return (
    <AuthLayout
      title={title}
      subtitle={why}
      footer={
        <Anchor component="button" type="button" onClick={() => signOut.mutate()}>
          Sign out
        </Anchor>
      }
    >
      <Stack>
        {carryOn.isError && (
          <Alert color="red" icon={<IconAlertCircle />} title="That's done, but we couldn't carry on">
            <Stack gap="xs" align="flex-start">
              {carryOn.error.message}
              <Button size="xs" variant="default" onClick={done} loading={carryOn.isPending}>
                Try again
              </Button>
            </Stack>
          </Alert>
        )}
        {action === 'choose-password' ? <ChoosePasswordForm onChosen={done} /> : <TwoFactorSetup onEnabled={done} />}
      </Stack>
    </AuthLayout>
  );
}
