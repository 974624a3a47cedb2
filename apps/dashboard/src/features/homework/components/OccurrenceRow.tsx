import { Badge, Group, Text } from '@mantine/core';
import { OccurrenceStatus, type Occurrence } from '@trustwork/contracts';
import { formatShortCalendarDate, OCCURRENCE_STATUS_STYLES } from '../homework-wording';

/** How many past (and today's) dates to show: enough to see a pattern, few enough for one line. */
const RECENT_DATES = 4;

/** The last few dates and the next one: where each stands, in words as well as colour. */
export function OccurrenceRow({ name, occurrences }: { name: string; occurrences: Occurrence[] }) {
  const past = occurrences.filter((occurrence) => occurrence.status !== OccurrenceStatus.Upcoming).slice(-RECENT_DATES);
  const next = occurrences.find((occurrence) => occurrence.status === OccurrenceStatus.Upcoming);
  const shown = next ? [...past, next] : past;
  return (
    <Group gap="xs" wrap="wrap" align="center">
      <Text size="sm" fw={600} miw={120}>
        {name}
      </Text>
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          No dates in the last eight weeks or the next two.
        </Text>
      ) : (
        <Group component="ul" gap={6} wrap="wrap" m={0} p={0} aria-label={`Recent dates for ${name}`} style={{ listStyle: 'none' }}>
          {shown.map((occurrence) => {
            const { label, color } = OCCURRENCE_STATUS_STYLES[occurrence.status];
            return (
              <li key={occurrence.on}>
                <Badge variant="light" color={color} tt="none" size="md" radius="sm">
                  <time dateTime={occurrence.on}>{formatShortCalendarDate(occurrence.on)}</time> · {label}
                </Badge>
              </li>
            );
          })}
        </Group>
      )}
    </Group>
  );
}
