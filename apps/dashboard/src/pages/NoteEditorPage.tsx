import { useParams } from 'react-router';
import { SessionNoteView } from '../features/notes/components/SessionNoteView';

export default function NoteEditorPage() {
  const { caseId = '', sessionId = '' } = useParams();
  // Keyed so moving to another session's note starts afresh.
  return <SessionNoteView key={sessionId} caseId={caseId} sessionId={sessionId} />;
}
