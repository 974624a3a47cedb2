import { Stack } from '@mantine/core';
import { type Participant, type SessionNote } from '@trustwork/contracts';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { NoteAddenda } from './NoteAddenda';
import { NoteDocument } from './NoteDocument';

/** A signed note: fixed for good, followed by its addenda. */
export function SignedNote({ caseId, note, participants }: { caseId: string; note: SessionNote; participants: Participant[] }) {
  const timeZone = usePracticeTimeZone();
  const signer = note.signedBy?.name ?? 'a former team member';
  const signedAt = note.signedAt ?? note.updatedAt;
  return (
    <Stack gap="lg">
      <NoteDocument note={note} participants={participants} byline={`Signed by ${signer} on ${formatDateTime(signedAt, timeZone)}`} />
      <NoteAddenda caseId={caseId} note={note} />
    </Stack>
  );
}
