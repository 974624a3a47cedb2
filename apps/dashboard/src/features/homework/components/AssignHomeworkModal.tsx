import { Checkbox, Group, Modal, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendar } from '@tabler/icons-react';
import {
  AssignTo,
  type CaseDetail,
  type CreateAssignmentRequest,
  type ExercisePhase,
  type ExerciseSummary,
} from '@trustwork/contracts';
import {
  EXERCISE_AUDIENCE_LABELS,
  EXERCISE_PHASES,
  THROUGHOUT_PHASE,
  describeCadence,
  phaseByNumber,
  suggestedAssignment,
  suggestedSchedule,
  type Weekday,
} from '@trustwork/trust-program';
import { useEffect, useEffectEvent, useId } from 'react';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { LoadFailed } from '../../../components/LoadFailed';
import { practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { WEEKDAYS } from '../homework-wording';
import { useAssignableExercises, useAssignHomework, useMeasures } from '../hooks/use-homework';

dayjs.extend(utc);

type ScheduleKind = 'once' | 'daily' | 'weekly';

interface AssignValues {
  exerciseId: string | null;
  /** A participant's id, or 'each' or 'together'. */
  who: string;
  schedule: ScheduleKind;
  /** Calendar dates, "2026-03-14", as the date pickers give them. */
  dueOn: string | null;
  daysOfWeek: string[];
  startsOn: string | null;
  endsOn: string | null;
  instructions: string;
}

const API_FIELDS = [
  'exerciseId',
  'version',
  'assignTo',
  'participantId',
  'dueOn',
  'recurrence.daysOfWeek',
  'recurrence.startsOn',
  'recurrence.endsOn',
  'recurrence',
  'instructions',
] as const;
type ApiField = (typeof API_FIELDS)[number];

const FIELD_PATHS: Record<ApiField, string | null> = {
  exerciseId: 'exerciseId',
  version: 'exerciseId',
  assignTo: 'who',
  participantId: 'who',
  dueOn: 'dueOn',
  'recurrence.daysOfWeek': 'daysOfWeek',
  'recurrence.startsOn': 'startsOn',
  'recurrence.endsOn': 'endsOn',
  recurrence: null,
  instructions: 'instructions',
};

const INSTRUCTIONS_MAX_LENGTH = 2000;
/** A recurring exercise runs four weeks unless changed: long enough to form a habit, short enough to review. */
const DEFAULT_RUN_DAYS = 27;
const DEFAULT_DUE_IN_DAYS = 7;
const DAY_NUMBERS: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const SCHEDULES: { value: ScheduleKind; label: string }[] = [
  { value: 'once', label: 'Once' },
  { value: 'daily', label: 'Every day' },
  { value: 'weekly', label: 'Weekly' },
];

const addDays = (date: string, days: number) => dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');

function phaseGroupName(phase: ExercisePhase): string {
  if (phase === 'throughout') return `Throughout · ${THROUGHOUT_PHASE.title}`;
  return `Phase ${phase} · ${phaseByNumber(phase)?.title ?? ''}`;
}

/** Who the exercise is meant for, made concrete for this case; blank when the therapist has to choose. */
function suggestedWho(exercise: ExerciseSummary, caseRecord: CaseDetail): string {
  const suggestion = suggestedAssignment(exercise);
  if (suggestion.mode !== 'one') return suggestion.mode;
  const matches = caseRecord.participants.filter((participant) => participant.breachRole === suggestion.breachRole);
  return matches.length === 1 ? matches[0].id : '';
}

/** The exercise's own rhythm as a starting schedule, from today in the practice. */
function suggestedDates(exercise: ExerciseSummary, today: string): Pick<AssignValues, 'schedule' | 'dueOn' | 'daysOfWeek' | 'startsOn' | 'endsOn'> {
  const suggestion = suggestedSchedule(exercise.cadence);
  const run = { startsOn: today, endsOn: addDays(today, DEFAULT_RUN_DAYS), daysOfWeek: [] as string[], dueOn: null };
  switch (suggestion.kind) {
    case 'daily':
      return { ...run, schedule: 'daily' };
    case 'weekly':
      return { ...run, schedule: 'weekly', daysOfWeek: suggestion.days.map((day) => String(DAY_NUMBERS[day])) };
    case 'due':
      return { ...run, schedule: 'once', dueOn: addDays(today, suggestion.inDays) };
    case 'open':
      return { ...run, schedule: 'once', dueOn: addDays(today, DEFAULT_DUE_IN_DAYS) };
  }
}

/**
 * A questionnaire goes to each person on their own sheet (answers are scored per person), once
 * in a week's time unless the therapist sets a weekly rhythm.
 */
function measureDefaults(today: string): Omit<AssignValues, 'exerciseId' | 'instructions'> {
  return {
    who: AssignTo.Each,
    schedule: 'once',
    dueOn: addDays(today, DEFAULT_DUE_IN_DAYS),
    daysOfWeek: [],
    startsOn: today,
    endsOn: addDays(today, DEFAULT_RUN_DAYS),
  };
}

function toRequest(values: AssignValues): CreateAssignmentRequest {
  const who =
    values.who === AssignTo.Each || values.who === AssignTo.Together
      ? { assignTo: values.who }
      : { assignTo: AssignTo.Participant, participantId: values.who };
  const when =
    values.schedule === 'once'
      ? { dueOn: values.dueOn as string }
      : {
          recurrence: {
            frequency: values.schedule,
            ...(values.schedule === 'weekly' && { daysOfWeek: values.daysOfWeek.map(Number).sort((a, b) => a - b) }),
            startsOn: values.startsOn as string,
            endsOn: values.endsOn as string,
          },
        };
  const instructions = values.instructions.trim();
  return { exerciseId: values.exerciseId as string, ...who, ...when, ...(instructions && { instructions }) };
}

interface AssignHomeworkFormProps {
  caseRecord: CaseDetail;
  /** An exercise (or measure) to start from, e.g. one suggested for the case's new phase. */
  initialExerciseId?: string;
  onDone: () => void;
}

function AssignHomeworkForm({ caseRecord, initialExerciseId, onDone }: AssignHomeworkFormProps) {
  const scheduleLabelId = useId();
  const timeZone = usePracticeTimeZone();
  const today = practiceToday(timeZone);
  const exercises = useAssignableExercises(true);
  // Without the measures (still loading, or refused) the library alone is offered: nothing to report.
  const allMeasures = useMeasures().data;
  const measures = (allMeasures ?? []).filter((measure) => measure.relationshipTypes.includes(caseRecord.relationshipType));
  const assign = useAssignHomework(caseRecord.id);
  const form = useForm<AssignValues>({
    initialValues: {
      exerciseId: null,
      who: '',
      schedule: 'once',
      dueOn: addDays(today, DEFAULT_DUE_IN_DAYS),
      daysOfWeek: [],
      startsOn: today,
      endsOn: addDays(today, DEFAULT_RUN_DAYS),
      instructions: '',
    },
    validate: {
      exerciseId: (value) => (value ? null : 'Choose an exercise.'),
      who: (value) => (value ? null : 'Choose who does it.'),
      dueOn: (value, values) => (values.schedule !== 'once' || value ? null : 'Choose the due date.'),
      daysOfWeek: (value, values) => (values.schedule !== 'weekly' || value.length > 0 ? null : 'Choose at least one day.'),
      startsOn: (value, values) => (values.schedule === 'once' || value ? null : 'Choose the first day.'),
      endsOn: (value, values) => {
        if (values.schedule === 'once') return null;
        if (!value) return 'Choose the last day.';
        return values.startsOn && value < values.startsOn ? 'The last day must be on or after the first.' : null;
      },
      instructions: (value) =>
        value.trim().length > INSTRUCTIONS_MAX_LENGTH ? `Keep the note to ${INSTRUCTIONS_MAX_LENGTH} characters.` : null,
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS, (field) => FIELD_PATHS[field]);
  const values = form.getValues();
  const byId = new Map((exercises.data ?? []).map((exercise) => [exercise.id, exercise]));
  const measureById = new Map(measures.map((measure) => [measure.exerciseId, measure]));
  const chosen = values.exerciseId ? byId.get(values.exerciseId) : undefined;
  const chosenMeasure = values.exerciseId ? measureById.get(values.exerciseId) : undefined;

  const chooseExercise = (exerciseId: string | null) => {
    const exercise = exerciseId ? byId.get(exerciseId) : undefined;
    if (exercise) form.setValues({ exerciseId, who: suggestedWho(exercise, caseRecord), ...suggestedDates(exercise, today) });
    else if (exerciseId && measureById.has(exerciseId)) form.setValues({ exerciseId, ...measureDefaults(today) });
    else form.setValues({ exerciseId });
  };

  // An exercise chosen elsewhere is filled in, with its suggestions, once it has loaded.
  const preselect = useEffectEvent(() => {
    if (!initialExerciseId || form.getValues().exerciseId !== null) return;
    const known = byId.has(initialExerciseId) || measureById.has(initialExerciseId);
    if (known) chooseExercise(initialExerciseId);
  });
  useEffect(() => preselect(), [exercises.data, allMeasures]);

  const handleSubmit = form.onSubmit((submitted) => {
    apiErrors.clear();
    assign.mutate(toRequest(submitted), {
      onSuccess: (made) => {
        notifications.show({
          color: 'teal',
          title: chosenMeasure ? 'Questionnaire assigned' : 'Homework assigned',
          message: made.length > 1 ? `${made[0].exercise.title} · one for each of them` : made[0]?.exercise.title,
        });
        onDone();
      },
      onError: apiErrors.show,
    });
  }, apiErrors.revealErrors);

  if (exercises.isError) {
    return (
      <LoadFailed
        title="We couldn't load the library"
        query={exercises}
      />
    );
  }

  const measureGroup = { group: 'Measures', items: measures.map((measure) => ({ value: measure.exerciseId, label: measure.title })) };
  const exerciseOptions = [
    measureGroup,
    ...EXERCISE_PHASES.map((phase) => ({
      group: phaseGroupName(phase),
      items: (exercises.data ?? []).filter((exercise) => exercise.phase === phase).map((exercise) => ({ value: exercise.id, label: exercise.title })),
    })),
  ].filter((group) => group.items.length > 0);
  const description = chosenMeasure
    ? chosenMeasure.purpose
    : chosen && `For ${EXERCISE_AUDIENCE_LABELS[chosen.audience].toLowerCase()} · ${describeCadence(chosen.cadence)} · about ${chosen.minutes} minutes`;

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't assign the homework" messages={apiErrors.messages} />
        <Select
          label="Exercise"
          placeholder={exercises.data ? 'Search the library' : 'Loading the library…'}
          description={description}
          data={exerciseOptions}
          searchable
          nothingFoundMessage="No exercise matches"
          disabled={!exercises.data}
          required
          maxDropdownHeight={320}
          renderOption={({ option }) => {
            const exercise = byId.get(option.value);
            const measure = measureById.get(option.value);
            return (
              <div>
                <Text size="sm">{option.label}</Text>
                {(exercise || measure) && (
                  <Text size="xs" c="dimmed">
                    {exercise ? EXERCISE_AUDIENCE_LABELS[exercise.audience] : `Questionnaire · ${measure?.itemCount} questions`}
                  </Text>
                )}
              </div>
            );
          }}
          {...form.getInputProps('exerciseId')}
          onChange={chooseExercise}
        />
        <Radio.Group label="Who does it" required {...form.getInputProps('who')}>
          <Stack gap={6} mt={6}>
            {caseRecord.participants.map((participant) => (
              <Radio key={participant.id} value={participant.id} label={`${participant.displayName} only`} />
            ))}
            <Radio value={AssignTo.Each} label="Each of them, on their own sheet" />
            {/* A questionnaire's score is one person's: never a shared sheet. */}
            {!chosenMeasure && <Radio value={AssignTo.Together} label="Both together, on one shared sheet" />}
          </Stack>
        </Radio.Group>
        <Stack gap={6}>
          <Text size="sm" fw={500} id={scheduleLabelId}>
            When
          </Text>
          <SegmentedControl
            aria-labelledby={scheduleLabelId}
            // Daily is too often to repeat a questionnaire.
            data={chosenMeasure ? SCHEDULES.filter((schedule) => schedule.value !== 'daily') : SCHEDULES}
            {...form.getInputProps('schedule')}
          />
        </Stack>
        {values.schedule === 'once' ? (
          <DatePickerInput
            label="Due on"
            valueFormat="ddd D MMM YYYY"
            minDate={today}
            leftSection={<IconCalendar size={16} aria-hidden />}
            required
            {...form.getInputProps('dueOn')}
          />
        ) : (
          <>
            {values.schedule === 'weekly' && (
              <Checkbox.Group label="On these days" required {...form.getInputProps('daysOfWeek')}>
                <Group gap="md" mt={6}>
                  {WEEKDAYS.map(({ day, short, long }) => (
                    <Checkbox key={day} value={String(day)} label={short} aria-label={long} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <DatePickerInput
                label="First day"
                valueFormat="ddd D MMM YYYY"
                leftSection={<IconCalendar size={16} aria-hidden />}
                required
                {...form.getInputProps('startsOn')}
              />
              <DatePickerInput
                label="Last day"
                valueFormat="ddd D MMM YYYY"
                minDate={values.startsOn ?? today}
                leftSection={<IconCalendar size={16} aria-hidden />}
                required
                {...form.getInputProps('endsOn')}
              />
            </SimpleGrid>
          </>
        )}
        <Textarea
          label="Note for them"
          description="Optional. Shown with the exercise in their portal."
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps('instructions')}
        />
        <FormActions submitLabel="Assign" saving={assign.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

interface AssignHomeworkModalProps {
  caseRecord: CaseDetail;
  /** Opens with this exercise chosen. */
  initialExerciseId?: string;
  opened: boolean;
  onClose: () => void;
}

export function AssignHomeworkModal({ caseRecord, initialExerciseId, opened, onClose }: AssignHomeworkModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Assign homework" size="lg" centered>
      <AssignHomeworkForm caseRecord={caseRecord} initialExerciseId={initialExerciseId} onDone={onClose} />
    </Modal>
  );
}
