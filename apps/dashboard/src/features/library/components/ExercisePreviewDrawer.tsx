import { Button, Drawer, Group, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArchiveOff, IconCopy, IconPencil } from '@tabler/icons-react';
import { ExerciseSource, Permission, type ExerciseDetail } from '@trustwork/contracts';
import { LoadFailed } from '../../../components/LoadFailed';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { usePermission } from '../../auth/hooks/use-session';
import { useDuplicateExercise, useExercise } from '../hooks/use-library';
import { EXERCISE_AUDIENCE_LABELS, phaseName, rhythmText } from '../library-wording';
import { ArchiveExerciseModal } from './ArchiveExerciseModal';
import { ClientPreview } from './ClientPreview';
import { ExerciseBadges } from './ExerciseBadges';
import { ExerciseEditorModal } from './ExerciseEditorModal';

interface ExercisePreviewDrawerProps {
  /** The exercise to show; null when the drawer is closed. */
  exerciseId: string | null;
  onOpen: (id: string) => void;
  onClose: () => void;
}

function PreviewSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-busy="true">
      <VisuallyHidden>Loading the exercise…</VisuallyHidden>
      <Skeleton height={20} width="60%" radius="sm" />
      <Skeleton height={14} width="80%" radius="sm" />
      <Skeleton height={240} radius="md" />
    </Stack>
  );
}

function ExerciseActions({ exercise, onOpen }: { exercise: ExerciseDetail; onOpen: (id: string) => void }) {
  const duplicate = useDuplicateExercise();
  const [archiving, archive] = useDisclosure(false);
  const [editing, edit] = useDisclosure(false);
  const isOwnTemplate = exercise.source === ExerciseSource.Practice;

  const makeCopy = () =>
    duplicate.mutate(exercise.id, {
      onSuccess: (copy) => {
        notifications.show({ color: 'teal', title: 'Copy saved', message: `"${copy.title}" is now one of your practice's templates.` });
        onOpen(copy.id);
      },
      onError: (error) => notifications.show({ color: 'red', title: "We couldn't make a copy", message: error.message }),
    });

  return (
    <Group gap="xs">
      <Button variant="light" leftSection={<IconCopy size={16} aria-hidden />} loading={duplicate.isPending} onClick={makeCopy}>
        Duplicate
      </Button>
      {isOwnTemplate && (
        <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
          Edit
        </Button>
      )}
      {isOwnTemplate && (
        <Button
          variant="default"
          leftSection={exercise.archived ? <IconArchiveOff size={16} aria-hidden /> : <IconArchive size={16} aria-hidden />}
          onClick={archive.open}
        >
          {exercise.archived ? 'Restore' : 'Archive'}
        </Button>
      )}
      <ArchiveExerciseModal exercise={exercise} opened={archiving} onClose={archive.close} />
      <ExerciseEditorModal opened={editing} exercise={exercise} onClose={edit.close} onSaved={edit.close} />
    </Group>
  );
}

function VersionLine({ exercise }: { exercise: ExerciseDetail }) {
  const timeZone = usePracticeTimeZone();
  if (exercise.source === ExerciseSource.BuiltIn) return <Text size="sm" c="dimmed">From the Trustwork programme.</Text>;
  const savedBy = exercise.versionCreatedBy ? ` by ${exercise.versionCreatedBy.name}` : '';
  const savedAt = exercise.versionCreatedAt ? ` on ${formatDateTime(exercise.versionCreatedAt, timeZone)}` : '';
  return (
    <Text size="sm" c="dimmed">
      Version {exercise.version}, saved{savedBy}
      {savedAt}.
    </Text>
  );
}

function ExercisePreview({ exercise, onOpen }: { exercise: ExerciseDetail; onOpen: (id: string) => void }) {
  const canManage = usePermission(Permission.ViewClinicalRecords);
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <ExerciseBadges exercise={exercise} />
        <Text size="sm">{phaseName(exercise.phase)}</Text>
        <Text size="sm">
          {EXERCISE_AUDIENCE_LABELS[exercise.audience]} · {rhythmText(exercise)}
        </Text>
        <VersionLine exercise={exercise} />
      </Stack>
      {canManage && <ExerciseActions exercise={exercise} onOpen={onOpen} />}
      <section aria-labelledby="exercise-purpose-heading">
        <Title order={3} size="h5" id="exercise-purpose-heading">
          Purpose
        </Title>
        <Text size="sm">{exercise.purpose}</Text>
      </section>
      <ClientPreview exercise={exercise} />
      {/* Notes are optional: a template without them shows no empty box. */}
      {exercise.clinicianNotes && (
        <Paper withBorder radius="md" p="md" bg="var(--mantine-color-gray-light)" component="section" aria-labelledby="exercise-notes-heading">
          <Title order={3} size="h5" id="exercise-notes-heading">
            Notes for the clinician
          </Title>
          <Text size="xs" c="dimmed" mb={4}>
            Never shown to the client.
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {exercise.clinicianNotes}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}

/** One exercise in full: what it is for, the sheet the client sees, and the notes they don't. */
export function ExercisePreviewDrawer({ exerciseId, onOpen, onClose }: ExercisePreviewDrawerProps) {
  const exercise = useExercise(exerciseId);

  let body;
  if (exercise.data) body = <ExercisePreview exercise={exercise.data} onOpen={onOpen} />;
  else if (exercise.isError) {
    body = (
      <LoadFailed
        title="We couldn't open this exercise"
        query={exercise}
      />
    );
  } else body = <PreviewSkeleton />;

  return (
    <Drawer opened={exerciseId !== null} onClose={onClose} position="right" size="xl" title={exercise.data?.title ?? 'Exercise'}>
      {body}
    </Drawer>
  );
}
