import { Group, List, Text } from '@mantine/core';
import { type SessionBrief } from '@trustwork/contracts';
import { formatCalendarDate } from '../../../lib/practice-time';
import { casePath } from '../../case-record/case-record-paths';
import { EventKindBadge } from '../../case-record/components/EventKindBadge';
import { participantNames } from '../brief-wording';
import { BriefSection } from './BriefSection';

/** Timeline events dated or recorded in the period. */
export function BriefTimeline({ brief }: { brief: SessionBrief }) {
  const names = participantNames(brief);
  return (
    <BriefSection
      title="New on the timeline"
      link={{ to: casePath(brief.caseId), label: 'Open the timeline' }}
      empty={brief.events.length === 0 ? 'Nothing new on the timeline.' : undefined}
    >
      <List size="sm" spacing="xs">
        {brief.events.map((event) => (
          <List.Item key={event.id}>
            <Group gap={6} wrap="wrap">
              <EventKindBadge kind={event.kind} />
              <Text size="sm" fw={500}>
                {event.title}
              </Text>
              <Text size="sm" c="dimmed">
                <time dateTime={event.occurredOn}>{formatCalendarDate(event.occurredOn)}</time>
                {event.participantId && ` · ${names.get(event.participantId)}`}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </BriefSection>
  );
}
