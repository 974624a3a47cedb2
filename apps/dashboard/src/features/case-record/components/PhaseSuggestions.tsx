import { useEffect, useId, useRef } from 'react';
import { Button, Group, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { phaseByNumber } from '@trustwork/trust-program';
import { Link } from 'react-router';
import { LoadFailed } from '../../../components/LoadFailed';
import { useExercises } from '../../library/hooks/use-library';
import { assignExercisePath } from '../case-record-paths';

interface PhaseSuggestionsProps {
  caseId: string;
  /** The phase the case has just moved to. */
  phase: number;
  onDone: () => void;
}

/** After a move to another phase: that phase's exercises from the library, each a step from being assigned. */
export function PhaseSuggestions({ caseId, phase, onDone }: PhaseSuggestionsProps) {
  const exercises = useExercises({ phase: String(phase) });
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that had focus is gone: take the reader to what replaced it.
  useEffect(() => heading.current?.focus(), []);

  let body;
  if (exercises.isError) body = <LoadFailed title="We couldn't load the suggestions" query={exercises} />;
  else if (!exercises.data) {
    body = (
      <Stack gap="xs" role="status" aria-busy="true">
        <VisuallyHidden>Loading the suggestions…</VisuallyHidden>
        <Skeleton height={48} radius="sm" />
        <Skeleton height={48} radius="sm" />
      </Stack>
    );
  } else if (exercises.data.length === 0) {
    body = (
      <Text size="sm" c="dimmed">
        The library has no exercises for this phase yet.
      </Text>
    );
  } else {
    body = (
      <Stack component="ul" gap="xs" m={0} p={0} aria-labelledby={headingId} style={{ listStyle: 'none' }}>
        {exercises.data.map((exercise) => (
          <Paper component="li" key={exercise.id} withBorder radius="sm" p="sm">
            <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
              <div style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={500}>
                  {exercise.title}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {exercise.purpose}
                </Text>
              </div>
              <Button
                component={Link}
                to={assignExercisePath(caseId, exercise.id)}
                variant="light"
                size="xs"
                // A button clips its label (overflow: hidden), so it never shrinks beside a long purpose.
                flex="none"
                aria-label={`Assign ${exercise.title}`}
                onClick={onDone}
              >
                Assign
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <div>
        <Title order={3} size="h5" id={headingId} ref={heading} tabIndex={-1}>
          Suggested for phase {phase}
        </Title>
        <Text size="sm" c="dimmed">
          {phaseByNumber(phase)?.title}: exercises the library offers for this phase.
        </Text>
      </div>
      {body}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Done
        </Button>
      </Group>
    </Stack>
  );
}
