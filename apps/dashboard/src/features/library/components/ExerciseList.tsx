import { Button, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBooks } from '@tabler/icons-react';
import { type ExercisePhase, type ExerciseSummary } from '@trustwork/contracts';
import { EXERCISE_PHASES } from '@trustwork/trust-program';
import { EmptyState } from '../../../components/EmptyState';
import { LibraryGridSkeleton } from '../../../components/LibraryCard';
import { LoadFailed } from '../../../components/LoadFailed';
import { useExercises } from '../hooks/use-library';
import { type useLibraryFilters } from '../hooks/use-library-filters';
import { phaseName, phaseSummary } from '../library-wording';
import { ExerciseCard } from './ExerciseCard';

function PhaseSection({ phase, exercises, onOpen }: { phase: ExercisePhase; exercises: ExerciseSummary[]; onOpen: (id: string) => void }) {
  const headingId = `library-phase-${phase}`;
  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId}>
        {phaseName(phase)}
      </Title>
      <Text size="sm" c="dimmed" mb="sm" maw={720}>
        {phaseSummary(phase)}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {exercises.map((exercise) => (
          <ExerciseCard key={exercise.id} exercise={exercise} onOpen={onOpen} />
        ))}
      </SimpleGrid>
    </section>
  );
}

type LibraryFilters = ReturnType<typeof useLibraryFilters>;

/** The library's exercises under their programme phase, in the programme's order. */
export function ExerciseList({ filters }: { filters: LibraryFilters }) {
  const exercises = useExercises(filters.query);

  if (exercises.isPending) return <LibraryGridSkeleton label="Loading the library…" sections={2} cardHeight={140} />;
  if (exercises.isError) {
    return (
      <LoadFailed
        title="We couldn't load the library"
        query={exercises}
      />
    );
  }

  if (exercises.data.length === 0) {
    return (
      <EmptyState
        icon={<IconBooks size={22} />}
        title="No exercises match"
        action={
          filters.isFiltered && (
            <Button variant="light" onClick={filters.clearFilters}>
              Clear filters
            </Button>
          )
        }
      >
        <Text>Try fewer words, another phase, or anyone as the person who does it. Archived templates show only when you ask for them.</Text>
      </EmptyState>
    );
  }

  // In the programme's order, leaving out phases with nothing that matches.
  const phases = EXERCISE_PHASES.filter((phase) => exercises.data.some((exercise) => exercise.phase === phase));
  return (
    <Stack gap="xl" aria-busy={exercises.isPlaceholderData}>
      {phases.map((phase) => (
        <PhaseSection
          key={phase}
          phase={phase}
          exercises={exercises.data.filter((exercise) => exercise.phase === phase)}
          onOpen={filters.openExercise}
        />
      ))}
    </Stack>
  );
}
