import { Alert, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { type Participant, type SessionNote } from '@trustwork/contracts';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { NoteDocument } from './NoteDocument';

/**
 * A draft written by someone else. Only its author can sign it, and the signature vouches
 * for every word, so others read it here rather than edit it.
 */
export function DraftByColleague({ note, participants }: { note: SessionNote; participants: Participant[] }) {
  const timeZone = usePracticeTimeZone();
  const author = note.author?.name;
  return (
    <Stack gap="lg">
      <Alert color="blue" icon={<IconInfoCircle />} title="Read-only draft">
        {author ? `Only the author, ${author}, can sign this note.` : 'Only the author of this note can sign it.'} You
        can read their latest saved draft here, but not change it.
      </Alert>
      <NoteDocument
        note={note}
        participants={participants}
        byline={`Draft${author ? ` by ${author}` : ''}, last saved ${formatDateTime(note.updatedAt, timeZone)}`}
      />
    </Stack>
  );
}
