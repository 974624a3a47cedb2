import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AssignmentStatus, type Assignment } from '@trustwork/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useUpdateAssignment } from '../hooks/use-homework';

interface CancelAssignmentModalProps {
  assignment: Assignment;
  /** "Alex Morgan", "Both together". */
  assignee: string;
  opened: boolean;
  onClose: () => void;
}

export function CancelAssignmentModal({ assignment, assignee, opened, onClose }: CancelAssignmentModalProps) {
  const update = useUpdateAssignment(assignment.caseId);
  const send = useMutateOnce(update);

  const close = () => {
    update.reset();
    onClose();
  };

  const confirm = () =>
    send(
      { assignmentId: assignment.id, changes: { status: AssignmentStatus.Cancelled } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Homework cancelled', message: `${assignment.exercise.title} · ${assignee}` });
          close();
        },
      },
    );

  return (
    <Modal opened={opened} onClose={close} title="Cancel this homework?" centered>
      <Stack>
        <FormAlert title="We couldn't cancel the homework" messages={update.error ? [update.error.message] : []} />
        <Text size="sm">
          <strong>{assignment.exercise.title}</strong> ({assignee}) leaves their portal for good and no more dates fall due.
          Answers already sent stay here to read.
        </Text>
        <Text size="sm">This can&apos;t be undone. To stop it for a while instead, pause it.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Keep homework
          </Button>
          <Button color="red" loading={update.isPending} onClick={confirm}>
            Cancel homework
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
