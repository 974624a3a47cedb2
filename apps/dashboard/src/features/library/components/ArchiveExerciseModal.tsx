import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ExerciseDetail } from '@trustwork/contracts';
import { FormAlert } from '../../../components/FormAlert';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useSetExerciseArchived } from '../hooks/use-library';

interface ArchiveExerciseModalProps {
  exercise: ExerciseDetail;
  opened: boolean;
  onClose: () => void;
}

/** Confirms archiving a practice template, or bringing it back. */
export function ArchiveExerciseModal({ exercise, opened, onClose }: ArchiveExerciseModalProps) {
  const setArchived = useSetExerciseArchived();
  const send = useMutateOnce(setArchived);
  const archiving = !exercise.archived;

  const close = () => {
    setArchived.reset();
    onClose();
  };

  const confirm = () =>
    send(
      { id: exercise.id, archived: archiving },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: saved.archived ? `"${saved.title}" is archived.` : `"${saved.title}" is back in the library.`,
          });
          close();
        },
      },
    );

  return (
    <Modal opened={opened} onClose={close} title={archiving ? 'Archive this template?' : 'Restore this template?'} centered>
      <Stack>
        <FormAlert title="That didn't work" messages={setArchived.error ? [setArchived.error.message] : []} />
        <Text size="sm">
          {archiving
            ? `"${exercise.title}" leaves the library list. Wherever it is already assigned it keeps working, answers included. You can restore it at any time from Show archived templates.`
            : `"${exercise.title}" comes back into the library list, ready to assign.`}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color={archiving ? 'orange' : 'teal'} loading={setArchived.isPending} onClick={confirm}>
            {archiving ? 'Archive' : 'Restore'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
