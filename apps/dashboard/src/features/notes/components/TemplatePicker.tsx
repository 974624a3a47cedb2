import { Group, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { NOTE_TEMPLATE_LABELS, NOTE_TEMPLATES, type NoteTemplate } from '@trustwork/contracts';
import { NOTE_TEMPLATE_DESCRIPTIONS } from './note-templates';

/** The first step of a new note: which structure to write it in. */
export function TemplatePicker({ onChoose }: { onChoose: (template: NoteTemplate) => void }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="template-heading">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="template-heading">
            Choose a template
          </Title>
          <Text size="sm" c="dimmed">
            This session has no note yet. Pick a structure to start writing; you can switch later.
          </Text>
        </Stack>
        <Radio.Group
          aria-labelledby="template-heading"
          onChange={(value) => onChoose(value as NoteTemplate)}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {NOTE_TEMPLATES.map((template) => (
              <Radio.Card key={template} value={template} p="md" radius="md">
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator />
                  <div>
                    <Text fw={600}>{NOTE_TEMPLATE_LABELS[template]}</Text>
                    <Text size="sm" c="dimmed">
                      {NOTE_TEMPLATE_DESCRIPTIONS[template]}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
      </Stack>
    </Paper>
  );
}
