import { Checkbox, Fieldset, Group, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { type ExerciseDetail, type ExercisePrompt } from '@trustwork/contracts';

const SCALE_POINTS = Array.from({ length: 11 }, (_, point) => String(point));

/** One prompt as the portal asks it, to look at, not to answer. */
function PromptPreview({ prompt }: { prompt: ExercisePrompt }) {
  const common = { label: prompt.label, description: prompt.help, withAsterisk: prompt.required };
  switch (prompt.type) {
    case 'text':
      return prompt.multiline ? <Textarea {...common} autosize minRows={3} /> : <TextInput {...common} />;
    case 'scale':
      return (
        <Radio.Group {...common}>
          <Group gap="xs" mt={6}>
            {SCALE_POINTS.map((point) => (
              <Radio key={point} value={point} label={point} />
            ))}
          </Group>
          <Group justify="space-between" mt={4}>
            <Text size="xs" c="dimmed">
              0 = {prompt.minLabel}
            </Text>
            <Text size="xs" c="dimmed">
              10 = {prompt.maxLabel}
            </Text>
          </Group>
        </Radio.Group>
      );
    case 'yes-no':
      return (
        <Radio.Group {...common}>
          <Group gap="md" mt={6}>
            <Radio value="yes" label="Yes" />
            <Radio value="no" label="No" />
          </Group>
        </Radio.Group>
      );
    case 'choice':
      return prompt.multiple ? (
        <Checkbox.Group {...common}>
          <Stack gap={6} mt={6}>
            {prompt.options.map((option) => (
              <Checkbox key={option.key} value={option.key} label={option.label} />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : (
        <Radio.Group {...common}>
          <Stack gap={6} mt={6}>
            {prompt.options.map((option) => (
              <Radio key={option.key} value={option.key} label={option.label} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'date':
      return <DateInput {...common} placeholder="Pick a date" />;
  }
}

/** The sheet as the client will see it in their portal; every field is disabled. */
export function ClientPreview({ exercise }: { exercise: ExerciseDetail }) {
  return (
    <Fieldset legend="As the client will see it" disabled radius="md">
      <Stack gap="md">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {exercise.instructions}
        </Text>
        {exercise.prompts.map((prompt) => (
          <PromptPreview key={prompt.key} prompt={prompt} />
        ))}
      </Stack>
    </Fieldset>
  );
}
