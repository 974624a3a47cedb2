import { useParams } from 'react-router';
import { SessionBriefView } from '../features/briefs/components/SessionBriefView';

export default function SessionBriefPage() {
  const { sessionId = '' } = useParams();
  // Keyed so moving to another session's brief starts afresh.
  return <SessionBriefView key={sessionId} sessionId={sessionId} />;
}
