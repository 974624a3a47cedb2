import { Text } from '@mantine/core';
import { SessionStatus, type TherapySession } from '@trustwork/contracts';
import { AttendanceList } from '../../sessions/components/AttendanceList';
import { cancellationText } from '../../sessions/session-wording';

interface SessionConfirmationsProps {
  session: Pick<TherapySession, 'status' | 'attendance' | 'cancellation' | 'attendeeIds'>;
  participants: { id: string; displayName: string }[];
}

/** Who has said they will come; for a cancelled session, who cancelled it and whether late. */
export function SessionConfirmations({ session, participants }: SessionConfirmationsProps) {
  if (session.status === SessionStatus.Cancelled) {
    const cancelled = cancellationText(session, participants);
    return cancelled ? (
      <Text size="sm" c={session.cancellation?.late ? 'orange.8' : 'dimmed'}>
        {cancelled}
      </Text>
    ) : null;
  }
  // Held or missed sessions are past answering.
  if (session.status !== SessionStatus.Scheduled) return null;
  return <AttendanceList session={session} participants={participants} />;
}
