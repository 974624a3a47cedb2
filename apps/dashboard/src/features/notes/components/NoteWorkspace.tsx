import { type ConfidentialityPolicy, type Participant, type SessionNote } from '@trustwork/contracts';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { unsavedAutosaver } from '../hooks/note-autosaver';
import { autosaverKey } from '../hooks/use-note-autosave';
import { DraftByColleague } from './DraftByColleague';
import { NoteDraftEditor } from './NoteDraftEditor';
import { SignedNote } from './SignedNote';

interface NoteWorkspaceProps {
  caseId: string;
  sessionId: string;
  note: SessionNote | null;
  participants: Participant[];
  attendeeIds: string[];
  policy: ConfidentialityPolicy | null;
}

/**
 * The right view of a note for the signed-in therapist: the editor for a new note or their
 * own draft, read-only for a signed note or a colleague's draft. Text typed here but not yet
 * saved keeps the editor open whatever the server says, until the therapist decides.
 */
export function NoteWorkspace({ caseId, sessionId, note, participants, attendeeIds, policy }: NoteWorkspaceProps) {
  const me = useCurrentUser();
  const writable = note === null || (note.status === 'draft' && note.author?.id === me.id);
  if (writable || unsavedAutosaver(autosaverKey(me.id, sessionId))) {
    return <NoteDraftEditor key={sessionId} caseId={caseId} sessionId={sessionId} note={note} participants={participants} attendeeIds={attendeeIds} policy={policy} />;
  }
  return note.status === 'signed' ? (
    <SignedNote caseId={caseId} note={note} participants={participants} />
  ) : (
    <DraftByColleague note={note} participants={participants} />
  );
}
