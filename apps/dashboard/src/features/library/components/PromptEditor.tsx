import { ActionIcon, Button, Checkbox, Group, NumberInput, Paper, Stack, Switch, Text, TextInput } from '@mantine/core';
import { type UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { DEFINITION_LIMITS } from '@trustwork/trust-program';
import { PROMPT_TYPE_LABELS, type ExerciseFormValues } from '../exercise-form';

interface PromptEditorProps {
  form: UseFormReturnType<ExerciseFormValues>;
  index: number;
  count: number;
}

/** One question of the sheet: its wording, whether it must be answered, and its type's own fields. */
export function PromptEditor({ form, index, count }: PromptEditorProps) {
  const prompt = form.getValues().prompts[index];
  if (!prompt) return null;
  const path = `prompts.${index}`;
  const number = index + 1;

  return (
    <Paper withBorder radius="md" p="md" component="fieldset" aria-label={`Question ${number}`} m={0}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>
            Question {number} · {PROMPT_TYPE_LABELS[prompt.type]}
          </Text>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move question ${number} up`}
              disabled={index === 0}
              onClick={() => form.reorderListItem('prompts', { from: index, to: index - 1 })}
            >
              <IconArrowUp size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Move question ${number} down`}
              disabled={index === count - 1}
              onClick={() => form.reorderListItem('prompts', { from: index, to: index + 1 })}
            >
              <IconArrowDown size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove question ${number}`}
              disabled={count === 1}
              onClick={() => form.removeListItem('prompts', index)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        </Group>
        <TextInput label="Question" required maxLength={DEFINITION_LIMITS.labelLength} {...form.getInputProps(`${path}.label`)} />
        <TextInput
          label="Extra guidance"
          description="Optional, shown under the question."
          maxLength={DEFINITION_LIMITS.helpLength}
          {...form.getInputProps(`${path}.help`)}
        />
        <Checkbox label="An answer is needed to send the sheet" {...form.getInputProps(`${path}.required`, { type: 'checkbox' })} />

        {prompt.type === 'text' && (
          <Group grow align="flex-start">
            <Switch label="Room for several lines" {...form.getInputProps(`${path}.multiline`, { type: 'checkbox' })} />
            <NumberInput
              label="Longest answer (characters)"
              min={1}
              max={DEFINITION_LIMITS.textMaxLength}
              allowDecimal={false}
              {...form.getInputProps(`${path}.maxLength`)}
            />
          </Group>
        )}

        {prompt.type === 'scale' && (
          <Group grow align="flex-start">
            <TextInput label="Words for 0" required maxLength={DEFINITION_LIMITS.optionLabelLength} {...form.getInputProps(`${path}.minLabel`)} />
            <TextInput label="Words for 10" required maxLength={DEFINITION_LIMITS.optionLabelLength} {...form.getInputProps(`${path}.maxLabel`)} />
          </Group>
        )}

        {prompt.type === 'choice' && (
          <Stack gap="xs">
            {prompt.options.map((_option, optionIndex) => (
              <Group key={optionIndex} gap="xs" wrap="nowrap" align="flex-end">
                <TextInput
                  label={`Answer ${optionIndex + 1}`}
                  required
                  maxLength={DEFINITION_LIMITS.optionLabelLength}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`${path}.options.${optionIndex}.label`)}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={`Remove answer ${optionIndex + 1} of question ${number}`}
                  disabled={prompt.options.length <= DEFINITION_LIMITS.minOptions}
                  onClick={() => form.removeListItem(`${path}.options`, optionIndex)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group justify="space-between">
              <Button
                variant="subtle"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                disabled={prompt.options.length >= DEFINITION_LIMITS.maxOptions}
                onClick={() => form.insertListItem(`${path}.options`, { key: '', label: '' })}
              >
                Add an answer
              </Button>
              <Checkbox label="Several answers may be picked" {...form.getInputProps(`${path}.multiple`, { type: 'checkbox' })} />
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
