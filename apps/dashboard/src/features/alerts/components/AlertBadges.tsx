import { Badge, Group } from '@mantine/core';
import { type AlertKind } from '@trustwork/contracts';
import { ALERT_KIND_STYLES, alertsSummary, sortKinds } from '../alert-wording';

interface AlertBadgesProps {
  /** Open alerts in all. */
  count: number;
  /** Their kinds, each once. */
  kinds: readonly AlertKind[];
}

/**
 * A case's open alerts at a glance: the total, coloured by the most urgent kind, then one
 * short badge per kind (a coloured dot beside dark text, which stays legible in every colour). Read out as one phrase ("2 alerts: safety report, homework overdue")
 * rather than badge by badge.
 */
export function AlertBadges({ count, kinds }: AlertBadgesProps) {
  const ordered = sortKinds(kinds);
  const mostUrgent = ordered[0];
  return (
    <Group role="img" aria-label={alertsSummary(count, ordered)} gap={4} wrap="wrap">
      <Badge color={mostUrgent ? ALERT_KIND_STYLES[mostUrgent].color : 'gray'} variant="filled" autoContrast circle={count < 10}>
        {count}
      </Badge>
      {ordered.map((kind) => (
        <Badge key={kind} color={ALERT_KIND_STYLES[kind].color} variant="dot" tt="none">
          {ALERT_KIND_STYLES[kind].short}
        </Badge>
      ))}
    </Group>
  );
}
