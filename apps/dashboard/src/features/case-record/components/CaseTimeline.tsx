import { Button, Group, Skeleton, Stack, Text, ThemeIcon, Timeline, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowsExchange, IconPlus, IconTimeline } from '@tabler/icons-react';
import { Permission, type CaseDetail, type CaseEvent } from '@trustwork/contracts';
import { EmptyState } from '../../../components/EmptyState';
import { LoadFailed } from '../../../components/LoadFailed';
import { isApiRequestError } from '../../../lib/api-client';
import { formatCalendarDate, formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { personName, phaseChangeTitle } from '../case-wording';
import { useCaseEvents } from '../hooks/use-case-events';
import { timelineEntries } from '../timeline-entries';
import { AddEventModal } from './AddEventModal';
import { EVENT_KIND_STYLES, EventKindBadge } from './EventKindBadge';
import { TabSectionHeader } from './TabSectionHeader';
import { ClinicalOnlyNotice } from './ClinicalOnlyNotice';

function TimelineSkeleton() {
  return (
    <Stack gap="lg" role="status" aria-busy="true">
      <VisuallyHidden>Loading the timeline…</VisuallyHidden>
      {Array.from({ length: 3 }, (_, row) => (
        <Group key={row} gap="md" wrap="nowrap" align="flex-start">
          <Skeleton height={28} circle />
          <Stack gap={6} style={{ flex: 1 }}>
            <Skeleton height={18} width="40%" radius="sm" />
            <Skeleton height={14} width="25%" radius="sm" />
            <Skeleton height={14} width="80%" radius="sm" />
          </Stack>
        </Group>
      ))}
    </Stack>
  );
}

function EventDetails({ event, caseRecord }: { event: CaseEvent; caseRecord: CaseDetail }) {
  const user = useCurrentUser();
  const about = caseRecord.participants.find((participant) => participant.id === event.participantId);
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <EventKindBadge kind={event.kind} />
        <Text component="h3" fw={650} size="md" m={0}>
          {event.title}
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        <time dateTime={event.occurredOn}>{formatCalendarDate(event.occurredOn)}</time>
        {about && ` · About ${about.displayName}`}
        {` · Recorded by ${personName(event.createdBy, user)}`}
      </Text>
      {event.details && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {event.details}
        </Text>
      )}
    </Stack>
  );
}

export function CaseTimeline({ caseRecord }: { caseRecord: CaseDetail }) {
  const user = useCurrentUser();
  const timeZone = usePracticeTimeZone();
  const canView = usePermission(Permission.ViewClinicalRecords);
  // Assistants are never asked to fetch what the API would refuse them; a 403 says the same if roles change.
  const events = useCaseEvents(caseRecord.id, canView);
  const [adding, addEvent] = useDisclosure(false);

  if (!canView || isApiRequestError(events.error, 403)) {
    return (
      <ClinicalOnlyNotice caseId={caseRecord.id} title="Timeline entries are clinical records">
        Your role can&apos;t see them. You can still book and change this case&apos;s sessions.
      </ClinicalOnlyNotice>
    );
  }

  const header = (
    <TabSectionHeader
      title="Timeline"
      description="Breaches, setbacks, milestones and phase changes, newest first."
      action={
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={addEvent.open}>
          Add entry
        </Button>
      }
    />
  );

  let body;
  if (events.data) {
    const entries = timelineEntries(events.data, caseRecord.phaseHistory, timeZone);
    body = (
      <Stack gap="lg">
        {events.data.length === 0 && (
          <EmptyState
            icon={<IconTimeline size={22} />}
            title="No timeline entries yet"
            headingOrder={3}
            action={
              <Button variant="light" onClick={addEvent.open}>
                Add the first entry
              </Button>
            }
          >
            <Text>Record the breach that brought them to you, then setbacks and milestones as the work goes on.</Text>
          </EmptyState>
        )}
        <Timeline
          component="ol"
          aria-label="Timeline, newest first"
          active={-1}
          bulletSize={28}
          lineWidth={2}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {entries.map((entry) => {
            if (entry.type === 'phase') {
              return (
                <Timeline.Item
                  key={entry.key}
                  component="li"
                  lineVariant="dashed"
                  bullet={<IconArrowsExchange size={14} aria-hidden />}
                  color="gray"
                >
                  <Text size="sm" c="dimmed">
                    {phaseChangeTitle(entry.change, entry.first)}
                    {' · '}
                    <time dateTime={entry.change.changedAt}>{formatDateTime(entry.change.changedAt, timeZone)}</time>, by{' '}
                    {personName(entry.change.changedBy, user)}
                  </Text>
                </Timeline.Item>
              );
            }
            const { color, icon: KindIcon } = EVENT_KIND_STYLES[entry.event.kind];
            return (
              <Timeline.Item
                key={entry.key}
                component="li"
                color={color}
                bullet={
                  <ThemeIcon size={28} radius="xl" color={color} variant="light" aria-hidden>
                    <KindIcon size={16} />
                  </ThemeIcon>
                }
              >
                <EventDetails event={entry.event} caseRecord={caseRecord} />
              </Timeline.Item>
            );
          })}
        </Timeline>
      </Stack>
    );
  } else if (events.isError) {
    body = (
      <LoadFailed
        title="We couldn't load the timeline"
        query={events}
      />
    );
  } else {
    body = <TimelineSkeleton />;
  }

  return (
    <>
      {header}
      {body}
      <AddEventModal caseRecord={caseRecord} opened={adding} onClose={addEvent.close} />
    </>
  );
}
