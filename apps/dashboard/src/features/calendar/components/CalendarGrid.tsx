import { Box, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { SessionStatus, type AgendaSession } from '@trustwork/contracts';
import { practiceDate } from '../../../lib/practice-time';
import { dayName, GRID_MINUTES, hourName, placement, sessionLanes, shortDayName, SLOT_HOURS, takesHour } from '../calendar-days';
import { CalendarSessionCard } from './CalendarSessionCard';

/** Pixels per hour: a 50-minute session is tall enough for its people and their answers. */
const HOUR_HEIGHT = 96;
const PX_PER_MINUTE = HOUR_HEIGHT / 60;
const HOURS_WIDTH = 68;

interface CalendarGridProps {
  label: string;
  dates: string[];
  sessions: AgendaSession[];
  timeZone: string;
  /** Booking needs the permission; without it, free hours are not buttons. */
  onSlot?: (date: string, hour: number) => void;
  onOpenSession: (session: AgendaSession) => void;
}

interface DayColumnProps extends Omit<CalendarGridProps, 'label' | 'dates'> {
  date: string;
}

function DayColumn({ date, sessions, timeZone, onSlot, onOpenSession }: DayColumnProps) {
  const headingId = `calendar-day-${date}`;
  const busy = sessions.filter((session) => session.status !== SessionStatus.Cancelled);
  const lanes = sessionLanes(sessions);
  return (
    <Box component="section" aria-labelledby={headingId} miw={120} style={{ flex: 1 }}>
      <Title order={3} size="sm" fw={600} ta="center" py={6} id={headingId} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <span aria-hidden>{shortDayName(date)}</span>
        <VisuallyHidden>{dayName(date)}</VisuallyHidden>
      </Title>
      <Box
        pos="relative"
        h={GRID_MINUTES * PX_PER_MINUTE}
        style={{
          borderLeft: '1px solid var(--mantine-color-gray-3)',
          backgroundImage: `repeating-linear-gradient(to bottom, transparent 0, transparent ${HOUR_HEIGHT - 1}px, var(--mantine-color-gray-2) ${HOUR_HEIGHT - 1}px, var(--mantine-color-gray-2) ${HOUR_HEIGHT}px)`,
        }}
      >
        {onSlot &&
          SLOT_HOURS.filter((hour) => !busy.some((session) => takesHour(session, hour, timeZone))).map((hour) => (
            <UnstyledButton
              key={hour}
              aria-label={`Schedule at ${dayName(date)}, ${hourName(hour)}`}
              onClick={() => onSlot(date, hour)}
              style={{ position: 'absolute', top: (hour - SLOT_HOURS[0]) * HOUR_HEIGHT, height: HOUR_HEIGHT, left: 0, right: 0 }}
            />
          ))}
        {sessions.map((session) => {
          const { top, height } = placement(session, timeZone);
          return (
            <CalendarSessionCard
              key={session.id}
              session={session}
              timeZone={timeZone}
              top={top * PX_PER_MINUTE}
              height={height * PX_PER_MINUTE}
              lane={lanes.get(session.id) ?? { lane: 0, lanes: 1 }}
              onOpen={() => onOpenSession(session)}
            />
          );
        })}
      </Box>
    </Box>
  );
}

/** Day columns by the practice's hours; each free hour is a button that books a session then. */
export function CalendarGrid({ label, dates, sessions, timeZone, onSlot, onOpenSession }: CalendarGridProps) {
  return (
    <Box component="section" aria-label={label} style={{ overflowX: 'auto', position: 'relative' }}>
      <Box style={{ display: 'flex', minWidth: HOURS_WIDTH + dates.length * 120 }}>
        <Box w={HOURS_WIDTH} pt={34} aria-hidden style={{ flexShrink: 0 }}>
          {SLOT_HOURS.map((hour) => (
            <Text key={hour} size="xs" c="dimmed" h={HOUR_HEIGHT} ta="right" pr={6} style={{ transform: 'translateY(-0.6em)', whiteSpace: 'nowrap' }}>
              {hourName(hour)}
            </Text>
          ))}
        </Box>
        {dates.map((date) => (
          <DayColumn
            key={date}
            date={date}
            sessions={sessions.filter((session) => practiceDate(session.startsAt, timeZone) === date)}
            timeZone={timeZone}
            onSlot={onSlot}
            onOpenSession={onOpenSession}
          />
        ))}
      </Box>
    </Box>
  );
}
