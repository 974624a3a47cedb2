import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { SessionStatus, type TherapySession } from '@trustwork/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useUpdateSession } from '../hooks/use-case-sessions';

interface CancelSessionModalProps {
  session: TherapySession;
  /** "14 Jul 2026, 10:00 – 10:50". */
  when: string;
  opened: boolean;
  onClose: () => void;
}

export function CancelSessionModal({ session, when, opened, onClose }: CancelSessionModalProps) {
  const update = useUpdateSession(session.caseId);
  const send = useMutateOnce(update);

  const close = () => {
    update.reset();
    onClose();
  };

  const confirm = () =>
    send(
      { sessionId: session.id, changes: { status: SessionStatus.Cancelled } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Session cancelled', message: when });
          close();
        },
      },
    );

  return (
    <Modal opened={opened} onClose={close} title="Cancel this session?" centered>
      <Stack>
        <FormAlert title="We couldn't cancel the session" messages={update.error ? [update.error.message] : []} />
        <Text size="sm">
          The session on <strong>{when}</strong> stays in the list, marked cancelled, and the time is free again. If this
          is a mistake you can mark it as scheduled again.
        </Text>
        <Text size="sm">Remember to let them know.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Keep session
          </Button>
          <Button color="red" loading={update.isPending} onClick={confirm}>
            Cancel session
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
