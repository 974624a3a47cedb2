import { Stack, Text, Title } from '@mantine/core';
import { NOTE_TEMPLATE_SECTIONS, type SessionNote } from '@trustwork/contracts';

/** A stored note's sections as text, for reading. */
export function NoteSectionsView({ note }: { note: SessionNote }) {
  return (
    <Stack gap="md">
      {NOTE_TEMPLATE_SECTIONS[note.template].map(({ key, label }) => {
        const text = note.sections[key]?.trim();
        return (
          <div key={key}>
            {/* A free-text note has one unnamed section: no heading needed. */}
            {note.template !== 'free' && (
              <Title order={3} size="h5" mb={4}>
                {label}
              </Title>
            )}
            {text ? (
              <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
            ) : (
              <Text c="dimmed" fs="italic">
                Nothing written
              </Text>
            )}
          </div>
        );
      })}
    </Stack>
  );
}
