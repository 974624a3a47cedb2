import { type ReactNode } from 'react';
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { NOTE_TEMPLATE_LABELS, type Participant, type SessionNote } from '@trustwork/contracts';
import { NoteAboutBadge } from './NoteAboutBadge';
import { NoteSectionsView } from './NoteSectionsView';

interface NoteDocumentProps {
  note: SessionNote;
  participants: Participant[];
  /** Who and when: "Signed by … on …", "Last saved …". */
  byline: ReactNode;
}

/** A note shown read-only: a signed one, or a colleague's draft. */
export function NoteDocument({ note, participants, byline }: NoteDocumentProps) {
  const signed = note.status === 'signed';
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="note-heading">
      <Stack gap="md">
        <Stack gap={4}>
          <Group justify="space-between" gap="sm">
            <Title order={2} size="h3" id="note-heading">
              {NOTE_TEMPLATE_LABELS[note.template]} note
            </Title>
            <Group gap="xs">
              <NoteAboutBadge aboutParticipantId={note.aboutParticipantId} participants={participants} />
              <Badge
                variant="light"
                color={signed ? 'teal' : 'yellow'}
                leftSection={signed ? <IconLock size={12} aria-hidden /> : undefined}
              >
                {signed ? 'Signed' : 'Draft'}
              </Badge>
            </Group>
          </Group>
          <Text size="sm" c="dimmed">
            {byline}
          </Text>
        </Stack>
        <NoteSectionsView note={note} />
      </Stack>
    </Paper>
  );
}
