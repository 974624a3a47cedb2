import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { type ExerciseSummary } from '@trustwork/contracts';
import { EXERCISE_AUDIENCE_LABELS, rhythmText } from '../library-wording';
import { ExerciseBadges } from './ExerciseBadges';

interface ExerciseCardProps {
  exercise: ExerciseSummary;
  onOpen: (id: string) => void;
}

export function ExerciseCard({ exercise, onOpen }: ExerciseCardProps) {
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={exercise.title}>
      <Stack gap={6}>
        <Text component="h3" fw={650} size="md" m={0}>
          {/* A button, not a link: it opens the preview over the list rather than a new page. */}
          <Anchor component="button" type="button" inherit c="inherit" ta="left" onClick={() => onOpen(exercise.id)}>
            {exercise.title}
          </Anchor>
        </Text>
        <ExerciseBadges exercise={exercise} />
        <Text size="sm" c="dimmed">
          {EXERCISE_AUDIENCE_LABELS[exercise.audience]} · {rhythmText(exercise)}
        </Text>
        <Text size="sm" lineClamp={3}>
          {exercise.purpose}
        </Text>
      </Stack>
    </Paper>
  );
}
