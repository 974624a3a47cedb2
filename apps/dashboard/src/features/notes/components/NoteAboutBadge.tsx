import { Badge } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { type Participant } from '@trustwork/contracts';
import { confidentialNoteLabel } from './note-about';

interface NoteAboutBadgeProps {
  aboutParticipantId: string | null | undefined;
  participants: Pick<Participant, 'id' | 'displayName'>[];
}

/** Marks a note about one participant only; a joint note needs no marker. */
export function NoteAboutBadge({ aboutParticipantId, participants }: NoteAboutBadgeProps) {
  const label = confidentialNoteLabel(aboutParticipantId, participants);
  if (!label) return null;
  return (
    <Badge variant="light" color="grape" leftSection={<IconLock size={12} aria-hidden />} style={{ textTransform: 'none' }}>
      {label}
    </Badge>
  );
}
