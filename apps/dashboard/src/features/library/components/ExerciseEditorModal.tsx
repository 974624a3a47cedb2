import { Button, Divider, Menu, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { type ExerciseDetail } from '@trustwork/contracts';
import { CADENCE_KINDS, DEFINITION_LIMITS, PROMPT_TYPES, type CadenceKind } from '@trustwork/trust-program';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { useApiFormErrors } from '../../../lib/use-api-form-errors';
import { validateRequired } from '../../../lib/validation';
import { PROMPT_TYPE_LABELS, exerciseFormValues, exerciseRequest, newPromptDraft, type ExerciseFormValues } from '../exercise-form';
import { useCreateExercise, useUpdateExercise } from '../hooks/use-library';
import { AUDIENCE_OPTIONS, PHASE_OPTIONS } from '../library-wording';
import { PromptEditor } from './PromptEditor';

const API_FIELDS = ['title', 'phase', 'audience', 'sheet', 'minutes', 'purpose', 'instructions', 'clinicianNotes'] as const;

const CADENCE_LABELS: Record<CadenceKind, string> = {
  once: 'Once, by a due date',
  daily: 'Every day',
  weekly: 'Some days each week',
  'as-needed': 'When needed',
};
const CADENCE_OPTIONS = CADENCE_KINDS.map((kind) => ({ value: kind, label: CADENCE_LABELS[kind] }));

const requiredForScale = (what: string) => (value: string, values: ExerciseFormValues, path: string) => {
  const index = Number(path.split('.')[1]);
  return values.prompts[index]?.type === 'scale' ? validateRequired(what)(value) : null;
};

interface ExerciseEditorProps {
  /** The template to edit; absent for a new one. */
  exercise?: ExerciseDetail;
  onClose: () => void;
  /** With the saved template, to show it. */
  onSaved: (saved: ExerciseDetail) => void;
}

function ExerciseEditor({ exercise, onClose, onSaved }: ExerciseEditorProps) {
  const create = useCreateExercise();
  const update = useUpdateExercise();
  const saving = create.isPending || update.isPending;
  const form = useForm<ExerciseFormValues>({
    initialValues: exerciseFormValues(exercise),
    validate: {
      title: validateRequired('a title'),
      purpose: validateRequired('the purpose'),
      instructions: validateRequired('instructions for the client'),
      prompts: {
        label: validateRequired('the question'),
        minLabel: requiredForScale('words for 0'),
        maxLabel: requiredForScale('words for 10'),
        options: { label: validateRequired('the answer') },
      },
    },
  });
  const apiErrors = useApiFormErrors(form, API_FIELDS);
  const values = form.getValues();

  const handleSubmit = form.onSubmit((submitted) => {
    apiErrors.clear();
    const request = exerciseRequest(submitted);
    const onSuccess = (saved: ExerciseDetail) => {
      notifications.show({
        color: 'teal',
        message: exercise ? `"${saved.title}" saved as version ${saved.version}.` : `"${saved.title}" added to your practice's templates.`,
      });
      onSaved(saved);
    };
    if (exercise) update.mutate({ id: exercise.id, changes: { ...request, version: exercise.version } }, { onSuccess, onError: apiErrors.show });
    else create.mutate(request, { onSuccess, onError: apiErrors.show });
  }, apiErrors.revealErrors);

  return (
    <form ref={apiErrors.formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't save the template" messages={apiErrors.messages} />
        <TextInput label="Title" description="Shown to the client." required maxLength={DEFINITION_LIMITS.titleLength} data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Phase" data={PHASE_OPTIONS} allowDeselect={false} required {...form.getInputProps('phase')} />
          <Select label="Who does it" data={AUDIENCE_OPTIONS} allowDeselect={false} required {...form.getInputProps('audience')} />
        </SimpleGrid>
        {values.audience === 'together' && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="sheet-label">
              Answer sheet
            </Text>
            <SegmentedControl
              aria-labelledby="sheet-label"
              data={[
                { value: 'own', label: 'Each writes their own' },
                { value: 'shared', label: 'One sheet they write together' },
              ]}
              {...form.getInputProps('sheet')}
            />
          </Stack>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="How often" data={CADENCE_OPTIONS} allowDeselect={false} required {...form.getInputProps('cadenceKind')} />
          {values.cadenceKind === 'once' && (
            <NumberInput label="Due after (days)" min={1} max={DEFINITION_LIMITS.maxDueInDays} allowDecimal={false} {...form.getInputProps('dueInDays')} />
          )}
          {values.cadenceKind === 'weekly' && (
            <NumberInput label="Times a week" min={1} max={7} allowDecimal={false} {...form.getInputProps('timesPerWeek')} />
          )}
          <NumberInput label="About how many minutes" min={1} max={DEFINITION_LIMITS.maxMinutes} allowDecimal={false} required {...form.getInputProps('minutes')} />
        </SimpleGrid>
        <Textarea
          label="Purpose"
          description="For you and your colleagues: what the exercise is for."
          required
          autosize
          minRows={2}
          maxLength={DEFINITION_LIMITS.purposeLength}
          {...form.getInputProps('purpose')}
        />
        <Textarea
          label="Instructions"
          description="Shown to the client above the questions."
          required
          autosize
          minRows={3}
          maxLength={DEFINITION_LIMITS.instructionsLength}
          {...form.getInputProps('instructions')}
        />
        <Textarea
          label="Notes for the clinician (optional)"
          description="Never shown to the client: cautions, when not to use it, how to adapt it."
          autosize
          minRows={2}
          maxLength={DEFINITION_LIMITS.clinicianNotesLength}
          {...form.getInputProps('clinicianNotes')}
        />

        <Divider />
        <Title order={3} size="h4">
          Questions
        </Title>
        {values.prompts.map((prompt, index) => (
          <PromptEditor key={prompt.id} form={form} index={index} count={values.prompts.length} />
        ))}
        <Menu position="bottom-start">
          <Menu.Target>
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} disabled={values.prompts.length >= DEFINITION_LIMITS.maxPrompts} w="fit-content">
              Add a question
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {PROMPT_TYPES.map((type) => (
              <Menu.Item key={type} onClick={() => form.insertListItem('prompts', newPromptDraft(type))}>
                {PROMPT_TYPE_LABELS[type]}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>

        <FormActions submitLabel={exercise ? 'Save new version' : 'Save template'} saving={saving} onCancel={onClose} />
      </Stack>
    </form>
  );
}

interface ExerciseEditorModalProps extends ExerciseEditorProps {
  opened: boolean;
}

/** Writes a new practice template, or a new version of one; built-ins are duplicated first. */
export function ExerciseEditorModal({ opened, exercise, onClose, onSaved }: ExerciseEditorModalProps) {
  const narrow = useMediaQuery('(max-width: 48em)');
  return (
    <Modal opened={opened} onClose={onClose} title={exercise ? `Edit "${exercise.title}"` : 'New template'} size="xl" fullScreen={narrow}>
      {/* Mounted only while open, so each opening starts from the template as saved. */}
      {opened && <ExerciseEditor exercise={exercise} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}
