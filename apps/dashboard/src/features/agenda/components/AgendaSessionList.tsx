import { Stack } from '@mantine/core';
import { type AgendaSession } from '@trustwork/contracts';
import { AgendaSessionRow } from './AgendaSessionRow';

interface AgendaSessionListProps {
  sessions: AgendaSession[];
  now: Date;
  /** The session to mark as happening now or next, on today's list. */
  current?: { id: string; marker: 'Now' | 'Up next' };
}

export function AgendaSessionList({ sessions, now, current }: AgendaSessionListProps) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {sessions.map((session) => (
        <AgendaSessionRow
          key={session.id}
          session={session}
          now={now}
          marker={current?.id === session.id ? current.marker : undefined}
        />
      ))}
    </Stack>
  );
}
