import { Group, Text, UnstyledButton } from '@mantine/core';
import { SESSION_KIND_LABELS, SessionStatus, type AgendaSession } from '@trustwork/contracts';
import { formatTime } from '../../../lib/practice-time';
import { type Lane } from '../calendar-days';
import { MODALITY_ICONS, personAnswer, placeText } from '../../sessions/session-wording';

interface CalendarSessionCardProps {
  session: AgendaSession;
  timeZone: string;
  /** Position in the day's column, in pixels. */
  top: number;
  height: number;
  /** Its place beside sessions at the same time. */
  lane: Lane;
  onOpen: () => void;
}

/**
 * A session in its day's column: when and who, then each person's answer, as words. The
 * kind and place are in its description (and the drawer), so a 50-minute card stays legible.
 */
export function CalendarSessionCard({ session, timeZone, top, height, lane, onOpen }: CalendarSessionCardProps) {
  const ModalityIcon = MODALITY_ICONS[session.modality];
  const cancelled = session.status === SessionStatus.Cancelled;
  const ends = new Date(Date.parse(session.startsAt) + session.durationMinutes * 60_000).toISOString();
  const attending = session.participants.filter((participant) => session.attendeeIds.includes(participant.id));
  const where = `${SESSION_KIND_LABELS[session.kind]}, ${placeText(session)}`;
  return (
    <UnstyledButton
      title={where}
      style={{
        position: 'absolute',
        top,
        height,
        left: `calc(${(lane.lane / lane.lanes) * 100}% + 2px)`,
        width: `calc(${100 / lane.lanes}% - 4px)`,
        zIndex: 1,
        overflow: 'hidden',
        padding: '2px 6px',
        borderRadius: 'var(--mantine-radius-sm)',
        borderLeft: `3px solid var(--mantine-color-${cancelled ? 'gray-5' : 'blue-6'})`,
        background: cancelled ? 'var(--mantine-color-gray-1)' : 'var(--mantine-color-blue-0)',
        color: cancelled ? 'var(--mantine-color-gray-7)' : 'var(--mantine-color-blue-9)',
      }}
      onClick={onOpen}
    >
      <Group component="span" gap={4} wrap="nowrap">
        <ModalityIcon size={12} aria-hidden style={{ flexShrink: 0 }} />
        <Text span display="block" size="xs" fw={600} truncate td={cancelled ? 'line-through' : undefined}>
          {formatTime(session.startsAt, timeZone)}–{formatTime(ends, timeZone)}{' '}
        </Text>
      </Group>
      <Text span display="block" size="xs" fw={600} truncate>
        {attending.map((participant) => participant.displayName).join(' & ')}
      </Text>
      {attending.map((participant) => (
        <Text span display="block" key={participant.id} size="xs" truncate>
          {participant.displayName}: {personAnswer(session, participant.id)}
        </Text>
      ))}
    </UnstyledButton>
  );
}
