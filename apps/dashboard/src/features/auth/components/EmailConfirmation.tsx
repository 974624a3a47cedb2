import { useEffect, useRef } from 'react';
import { Alert, Anchor, Group, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import { reloadCurrentUser } from '../../../lib/api-client';
import { session } from '../../../lib/session';
import { useConfirmEmail } from '../hooks/use-auth-mutations';
import { useLinkToken } from '../hooks/use-link-token';
import { useSession } from '../hooks/use-session';

/** The page an e-mailed confirmation link opens: confirms the new address at once. */
export function EmailConfirmation() {
  const token = useLinkToken();
  const confirm = useConfirmEmail();
  const signedIn = useSession().status === 'signed-in';
  const { mutate } = confirm;
  // The link works once: React's development double run must not send it twice.
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    mutate(
      { token },
      // Signed in here: show the new address straight away.
      { onSuccess: () => void (session.getState().status === 'signed-in' && reloadCurrentUser().catch(() => undefined)) },
    );
  }, [token, mutate]);

  const carryOn = (
    <Anchor component={Link} to={signedIn ? '/' : '/sign-in'}>
      {signedIn ? 'Back to Trustwork' : 'Sign in'}
    </Anchor>
  );

  if (confirm.isSuccess) {
    return (
      <Alert color="teal" icon={<IconCircleCheck />} title="Your e-mail address is confirmed" role="status">
        <Stack gap="xs" align="flex-start">
          From now on, sign in with your new address and look for Trustwork's e-mails there.
          {carryOn}
        </Stack>
      </Alert>
    );
  }
  if (!token || confirm.isError) {
    return (
      <Alert color="red" icon={<IconAlertCircle />} title="We couldn't confirm your e-mail address">
        <Stack gap="xs" align="flex-start">
          {confirm.error?.message ?? 'The link is incomplete. Open it again from the e-mail.'} You can change your address again
          under Your settings.
          {carryOn}
        </Stack>
      </Alert>
    );
  }
  return (
    <Group role="status" gap="sm">
      <Loader size="sm" aria-hidden />
      <Text>Confirming your e-mail address…</Text>
    </Group>
  );
}
