import { Button, Group, Modal, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useIdleSignOut } from '../hooks/use-idle-sign-out';

function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** What a screen reader hears: a few times, not every second. */
function spokenCountdown(seconds: number): string {
  if (seconds > 30) return '1 minute';
  return seconds > 10 ? '30 seconds' : '10 seconds';
}

interface IdleSignOutProps {
  /** The practice's limit without activity. */
  idleMinutes: number;
}

/** Warns a minute before the practice's automatic sign-out, with a way to stay. */
export function IdleSignOut({ idleMinutes }: IdleSignOutProps) {
  const { secondsLeft, staySignedIn } = useIdleSignOut(idleMinutes);
  const warning = secondsLeft !== null;

  return (
    <Modal opened={warning} onClose={staySignedIn} title="Are you still there?" withCloseButton={false} centered>
      {warning && (
        <Stack>
          <Text aria-hidden="true">
            You&apos;ll be signed out in {formatCountdown(secondsLeft)} for your clients&apos; privacy.
          </Text>
          <VisuallyHidden role="status" aria-live="polite">
            You&apos;ll be signed out in {spokenCountdown(secondsLeft)} for your clients&apos; privacy.
          </VisuallyHidden>
          <Group justify="flex-end">
            <Button onClick={staySignedIn} data-autofocus>
              Stay signed in
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
