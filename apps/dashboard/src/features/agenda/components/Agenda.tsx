import { type ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { Permission, SessionStatus, type AgendaSession } from '@trustwork/contracts';
import { LoadFailed } from '../../../components/LoadFailed';
import { formatDay, practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { SessionListSkeleton } from '../../sessions/components/SessionListSkeleton';
import { agendaWeek, formatDateRange, groupByPracticeDay, sessionEndsAt, type AgendaDay } from '../agenda-days';
import { useAgenda } from '../hooks/use-agenda';
import { useAgendaView } from '../hooks/use-agenda-view';
import { AgendaControls } from './AgendaControls';
import { AgendaSessionList } from './AgendaSessionList';
import { AgendaEmpty } from './AgendaEmpty';

interface AgendaSectionProps {
  id: string;
  title: string;
  level: 2 | 3;
  children: ReactNode;
}

function AgendaSection({ id, title, level, children }: AgendaSectionProps) {
  return (
    <Stack component="section" aria-labelledby={id} gap="xs">
      <Title id={id} order={level} size={level === 2 ? 'h3' : 'h5'}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The session happening now, or else the next one still to come today. */
function currentSession(sessions: AgendaSession[], now: Date) {
  const session = sessions.find(
    (candidate) => candidate.status === SessionStatus.Scheduled && sessionEndsAt(candidate) > now.getTime(),
  );
  if (!session) return undefined;
  return { id: session.id, marker: new Date(session.startsAt) <= now ? ('Now' as const) : ('Up next' as const) };
}

interface AgendaDaysProps {
  days: AgendaDay[];
  now: Date;
  level: 2 | 3;
}

function AgendaDays({ days, now, level }: AgendaDaysProps) {
  const timeZone = usePracticeTimeZone();
  return days.map((day) => (
    <AgendaSection key={day.date} id={`agenda-day-${day.date}`} title={formatDay(day.sessions[0].startsAt, timeZone)} level={level}>
      <AgendaSessionList sessions={day.sessions} now={now} />
    </AgendaSection>
  ));
}

/** Today first and most prominent, then the six days after it. */
function ThisWeek({ days, today, now }: { days: AgendaDay[]; today: string; now: Date }) {
  const todays = days.find((day) => day.date === today)?.sessions ?? [];
  const comingUp = days.filter((day) => day.date !== today);
  return (
    <>
      <Paper withBorder radius="md" p="md" bg="gray.0">
        <AgendaSection id="agenda-today" title="Today's sessions" level={2}>
          {todays.length > 0 ? (
            <AgendaSessionList sessions={todays} now={now} current={currentSession(todays, now)} />
          ) : (
            <Text c="dimmed">No sessions today.</Text>
          )}
        </AgendaSection>
      </Paper>
      <AgendaSection id="agenda-coming-up" title="Coming up" level={2}>
        {comingUp.length > 0 ? (
          <Stack gap="lg">
            <AgendaDays days={comingUp} now={now} level={3} />
          </Stack>
        ) : (
          <Text c="dimmed">Nothing else is booked for the next six days.</Text>
        )}
      </AgendaSection>
    </>
  );
}

/** Home's agenda: a week of sessions across the cases this person may open. */
export function Agenda({ now }: { now: Date }) {
  const user = useCurrentUser();
  const timeZone = usePracticeTimeZone();
  const { weekOffset, onlyMine, setWeekOffset, setOnlyMine } = useAgendaView();
  // Only one who both sees every case and takes cases (an owner) has their own among others'.
  const seesEveryCase = usePermission(Permission.ViewAllCases);
  const takesCases = usePermission(Permission.TakeCases);
  const isOwner = seesEveryCase && takesCases;
  const today = practiceToday(timeZone, now);
  const week = agendaWeek(today, weekOffset, timeZone);
  const agenda = useAgenda({ from: week.from, to: week.to, clinicianId: isOwner && onlyMine ? user.id : undefined });
  const rangeLabel = formatDateRange(week.firstDate, week.lastDate);

  let body: ReactNode;
  if (agenda.isPending) body = <SessionListSkeleton rows={4} />;
  else if (agenda.isError)
    body = (
      <LoadFailed
        title="We couldn't load your sessions"
        query={agenda}
      />
    );
  else if (agenda.data.length === 0)
    body = (
      <AgendaEmpty
        title={
          weekOffset === 0
            ? 'No sessions booked for today or the next six days'
            : `No sessions booked for ${rangeLabel}`
        }
        onShowWholePractice={isOwner && onlyMine ? () => setOnlyMine(false) : undefined}
      />
    );
  else {
    const days = groupByPracticeDay(agenda.data, timeZone);
    body =
      weekOffset === 0 ? (
        <ThisWeek days={days} today={today} now={now} />
      ) : (
        <AgendaDays days={days} now={now} level={2} />
      );
  }

  return (
    <Stack gap="lg">
      <AgendaControls
        weekOffset={weekOffset}
        rangeLabel={rangeLabel}
        onWeekChange={setWeekOffset}
        onlyMine={isOwner ? { checked: onlyMine, onChange: setOnlyMine } : undefined}
      />
      {body}
    </Stack>
  );
}
