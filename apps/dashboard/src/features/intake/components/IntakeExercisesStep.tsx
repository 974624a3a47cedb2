import { ActionIcon, Checkbox, Group, Loader, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { type UseFormReturnType } from '@mantine/form';
import { IconCalendar, IconTrash } from '@tabler/icons-react';
import { AssignTo, type ExerciseSummary } from '@trustwork/contracts';
import { EXERCISE_AUDIENCE_LABELS, EXERCISE_PHASES, THROUGHOUT_PHASE, describeCadence, phaseByNumber } from '@trustwork/trust-program';
import { LoadFailed } from '../../../components/LoadFailed';
import { practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { scheduleText } from '../../homework/homework-wording';
import { useAssignableExercises } from '../../homework/hooks/use-homework';
import { suggestedExercise, type IntakeValues } from '../intake-form';

/** More than this and a first week's homework stops being a start. */
export const MAX_FIRST_EXERCISES = 10;

function phaseGroupName(phase: ExerciseSummary['phase']): string {
  if (phase === 'throughout') return `Throughout · ${THROUGHOUT_PHASE.title}`;
  return `Phase ${phase} · ${phaseByNumber(phase)?.title ?? ''}`;
}

interface IntakeExercisesStepProps {
  form: UseFormReturnType<IntakeValues>;
  /** "Partner 1", "Parent": used until a name is typed. */
  labels: readonly [string, string];
}

/** Step 3: the first homework, suggested from the chosen phase, each with who does it and when. */
export function IntakeExercisesStep({ form, labels }: IntakeExercisesStepProps) {
  const timeZone = usePracticeTimeZone();
  const today = practiceToday(timeZone);
  const library = useAssignableExercises(true);
  const values = form.getValues();
  const phase = Number(values.phase);
  const chosenIds = new Set(values.exercises.map((exercise) => exercise.exerciseId));
  const available = (library.data ?? []).filter((exercise) => !exercise.archived);
  const suggestions = available.filter((exercise) => exercise.phase === phase);
  const names = values.participants.map((participant, index) => participant.displayName.trim() || labels[index]);
  const full = values.exercises.length >= MAX_FIRST_EXERCISES;

  const add = (exercise: ExerciseSummary) => form.insertListItem('exercises', suggestedExercise(exercise, values, today));
  const remove = (exerciseId: string) => form.removeListItem('exercises', values.exercises.findIndex((chosen) => chosen.exerciseId === exerciseId));

  if (library.isError) return <LoadFailed title="We couldn't load the library" query={library} />;
  if (!library.data) {
    return (
      <Group gap="xs" aria-live="polite">
        <Loader size="sm" />
        <Text c="dimmed">Loading the library…</Text>
      </Group>
    );
  }

  const whoOptions = [
    { value: '0', label: `${names[0]} only` },
    { value: '1', label: `${names[1]} only` },
    { value: AssignTo.Each, label: 'Each of them, on their own sheet' },
    { value: AssignTo.Together, label: 'Both together, on one shared sheet' },
  ];
  const otherOptions = EXERCISE_PHASES.map((group) => ({
    group: phaseGroupName(group),
    items: available.filter((exercise) => exercise.phase === group && !chosenIds.has(exercise.id)).map((exercise) => ({ value: exercise.id, label: exercise.title })),
  })).filter((group) => group.items.length > 0);

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Suggested for phase {phase} · {phaseByNumber(phase)?.title}
        </Title>
        {suggestions.length === 0 ? (
          <Text size="sm" c="dimmed">
            The library has no exercises for this phase. Add any exercise below, or go on without homework: you can assign it from the case.
          </Text>
        ) : (
          suggestions.map((exercise) => (
            <Checkbox
              key={exercise.id}
              label={exercise.title}
              description={`For ${EXERCISE_AUDIENCE_LABELS[exercise.audience].toLowerCase()} · ${describeCadence(exercise.cadence)} · about ${exercise.minutes} minutes`}
              checked={chosenIds.has(exercise.id)}
              disabled={full && !chosenIds.has(exercise.id)}
              onChange={(event) => (event.currentTarget.checked ? add(exercise) : remove(exercise.id))}
            />
          ))
        )}
      </Stack>

      <Select
        label="Add another exercise from the library"
        placeholder="Search the library"
        data={otherOptions}
        searchable
        nothingFoundMessage="No exercise matches"
        value={null}
        disabled={full}
        description={full ? `Up to ${MAX_FIRST_EXERCISES} exercises to start with.` : undefined}
        onChange={(exerciseId) => {
          const exercise = available.find((candidate) => candidate.id === exerciseId);
          if (exercise) add(exercise);
        }}
      />

      <Stack gap="sm" aria-live="polite">
        <Title order={3} size="h5">
          Chosen ({values.exercises.length})
        </Title>
        {values.exercises.length === 0 && (
          <Text size="sm" c="dimmed">
            None yet. Homework is optional at intake.
          </Text>
        )}
        {values.exercises.map((exercise, index) => (
          <Paper key={exercise.exerciseId} withBorder p="sm" radius="md" component="section" aria-label={exercise.title}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={500}>{exercise.title}</Text>
              <ActionIcon variant="subtle" color="gray" aria-label={`Remove ${exercise.title}`} onClick={() => remove(exercise.exerciseId)}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
            {form.errors[`exercises.${index}.exerciseId`] && (
              <Text size="sm" c="red" role="alert">
                {form.errors[`exercises.${index}.exerciseId`]}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
              <Select label="Who does it" required data={whoOptions} allowDeselect={false} {...form.getInputProps(`exercises.${index}.who`)} />
              {exercise.recurrence ? (
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    When
                  </Text>
                  <Text size="sm">{scheduleText(exercise)}</Text>
                  <Text size="xs" c={form.errors[`exercises.${index}.dueOn`] ? 'red' : 'dimmed'}>
                    {form.errors[`exercises.${index}.dueOn`] ?? 'You can change the schedule from the case’s homework afterwards.'}
                  </Text>
                </Stack>
              ) : (
                <DatePickerInput
                  label="Due on"
                  valueFormat="ddd D MMM YYYY"
                  minDate={today}
                  leftSection={<IconCalendar size={16} aria-hidden />}
                  required
                  {...form.getInputProps(`exercises.${index}.dueOn`)}
                />
              )}
            </SimpleGrid>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
