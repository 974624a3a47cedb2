import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { type TeamMember } from '@trustwork/contracts';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useUpdateTeamMember } from '../hooks/use-team';

interface MemberAccessModalProps {
  /** The colleague whose access changes; kept while the modal animates closed. */
  member: TeamMember | null;
  opened: boolean;
  onClose: () => void;
}

/** Confirms deactivating or reactivating a colleague before it happens. */
export function MemberAccessModal({ member, opened, onClose }: MemberAccessModalProps) {
  const updateMember = useUpdateTeamMember();
  const send = useMutateOnce(updateMember);
  const deactivating = member?.active ?? true;

  const close = () => {
    updateMember.reset();
    onClose();
  };

  const confirm = () => {
    if (!member) return;
    send(
      { id: member.id, changes: { active: !member.active } },
      {
        onSuccess: (updated) => {
          notifications.show({
            color: 'teal',
            message: updated.active
              ? `${updated.name} can sign in again.`
              : `${updated.name} has been deactivated and signed out.`,
          });
          close();
        },
      },
    );
  };

  const action = deactivating ? 'Deactivate' : 'Reactivate';

  return (
    <Modal opened={opened} onClose={close} title={`${action} ${member?.name ?? ''}?`} centered>
      <Stack>
        {updateMember.error && (
          <Alert color="red" icon={<IconAlertCircle />}>
            {updateMember.error.message}
          </Alert>
        )}
        <Text>
          {deactivating
            ? 'They will be signed out and can no longer sign in. You can reactivate them later.'
            : 'They will be able to sign in again with their existing password.'}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color={deactivating ? 'red' : 'teal'} loading={updateMember.isPending} onClick={confirm}>
            {action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
