import { Text } from '@mantine/core';
import { type ExerciseSummary } from '@trustwork/contracts';
import { LibraryCard } from '../../../components/LibraryCard';
import { EXERCISE_AUDIENCE_LABELS, rhythmText } from '../library-wording';
import { ExerciseBadges } from './ExerciseBadges';

interface ExerciseCardProps {
  exercise: ExerciseSummary;
  onOpen: (id: string) => void;
}

export function ExerciseCard({ exercise, onOpen }: ExerciseCardProps) {
  return (
    <LibraryCard title={exercise.title} onOpen={() => onOpen(exercise.id)}>
      <ExerciseBadges exercise={exercise} />
      <Text size="sm" c="dimmed">
        {EXERCISE_AUDIENCE_LABELS[exercise.audience]} · {rhythmText(exercise)}
      </Text>
      <Text size="sm" lineClamp={3}>
        {exercise.purpose}
      </Text>
    </LibraryCard>
  );
}
