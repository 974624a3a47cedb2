import { Badge, Group } from '@mantine/core';
import { ExerciseSource, type ExerciseSummary } from '@trustwork/contracts';
import { sourceText } from '../library-wording';

/** Where the exercise comes from, and whether it is archived. */
export function ExerciseBadges({ exercise }: { exercise: ExerciseSummary }) {
  return (
    <Group gap={6}>
      <Badge variant="light" color={exercise.source === ExerciseSource.BuiltIn ? 'gray' : 'teal'}>
        {sourceText(exercise)}
      </Badge>
      {exercise.archived && (
        <Badge variant="outline" color="orange">
          Archived
        </Badge>
      )}
    </Group>
  );
}
