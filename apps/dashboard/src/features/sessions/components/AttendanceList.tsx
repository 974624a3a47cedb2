import { Badge, Group } from '@mantine/core';
import { type TherapySession } from '@trustwork/contracts';
import { ANSWER_COLORS, personAnswer } from '../session-wording';

interface AttendanceListProps {
  session: Pick<TherapySession, 'status' | 'attendance' | 'cancellation' | 'attendeeIds'>;
  /** The case's people, to name each answer. */
  participants: { id: string; displayName: string }[];
}

/** Each attending person's answer as words ("Alex Morgan: Confirmed"), not colour only. */
export function AttendanceList({ session, participants }: AttendanceListProps) {
  const attending = participants.filter((participant) => session.attendeeIds.includes(participant.id));
  return (
    <Group gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {attending.map((participant) => {
        const answer = personAnswer(session, participant.id);
        return (
          <li key={participant.id}>
            <Badge variant="light" color={ANSWER_COLORS[answer]} tt="none" fw={500}>
              {participant.displayName}: {answer}
            </Badge>
          </li>
        );
      })}
    </Group>
  );
}
