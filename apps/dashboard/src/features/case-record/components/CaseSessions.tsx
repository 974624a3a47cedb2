import { Button, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarPlus, IconCalendarOff } from '@tabler/icons-react';
import { Permission, type CaseDetail, type TherapySession } from '@trustwork/contracts';
import { EmptyState } from '../../../components/EmptyState';
import { LoadFailed } from '../../../components/LoadFailed';
import { usePracticeTimeZone } from '../../../lib/practice-time';
import { useNow } from '../../../lib/use-now';
import { usePermission } from '../../auth/hooks/use-session';
import { SessionListSkeleton } from '../../sessions/components/SessionListSkeleton';
import { groupSessions } from '../case-sessions';
import { useCaseSessions } from '../hooks/use-case-sessions';
import { SessionFormModal } from './SessionFormModal';
import { SessionRow } from './SessionRow';
import { TabSectionHeader } from './TabSectionHeader';

interface SessionGroupProps {
  title: string;
  sessions: TherapySession[];
  empty: string;
  caseRecord: CaseDetail;
  now: Date;
}

function SessionGroup({ title, sessions, empty, caseRecord, now }: SessionGroupProps) {
  const headingId = `sessions-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId} mb="xs">
        {title}
      </Title>
      {sessions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {sessions.map((session) => (
            <SessionRow key={session.id} session={session} caseRecord={caseRecord} now={now} />
          ))}
        </Stack>
      )}
    </section>
  );
}

export function CaseSessions({ caseRecord }: { caseRecord: CaseDetail }) {
  const timeZone = usePracticeTimeZone();
  const now = useNow();
  const canSchedule = usePermission(Permission.ScheduleSessions);
  const canReadNotes = usePermission(Permission.ViewClinicalRecords);
  const sessions = useCaseSessions(caseRecord.id);
  const [scheduling, schedule] = useDisclosure(false);
  const scheduleButton = (label: string, variant: 'filled' | 'light') =>
    canSchedule && (
      <Button variant={variant} leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={schedule.open}>
        {label}
      </Button>
    );

  let body;
  if (sessions.data) {
    const { upcoming, past } = groupSessions(sessions.data, now, timeZone);
    body =
      sessions.data.length === 0 ? (
        <EmptyState
          icon={<IconCalendarOff size={22} />}
          title="No sessions yet"
          headingOrder={3}
          action={scheduleButton('Schedule the first session', 'light')}
        >
          <Text>Book the first session here; it will also appear on the Home agenda.</Text>
        </EmptyState>
      ) : (
        <Stack gap="xl">
          <SessionGroup title="Today and upcoming" empty="Nothing booked from today on." sessions={upcoming} caseRecord={caseRecord} now={now} />
          <SessionGroup title="Past" empty="No earlier sessions." sessions={past} caseRecord={caseRecord} now={now} />
        </Stack>
      );
  } else if (sessions.isError) {
    body = (
      <LoadFailed
        title="We couldn't load the sessions"
        query={sessions}
      />
    );
  } else {
    body = <SessionListSkeleton rows={3} />;
  }

  return (
    <>
      <TabSectionHeader
        title="Sessions & notes"
        description={
          canReadNotes
            ? `Times in the practice's time zone (${timeZone}).`
            : `Times in the practice's time zone (${timeZone}). Session notes are kept by the clinicians.`
        }
        action={sessions.data && sessions.data.length > 0 ? scheduleButton('Schedule session', 'filled') : undefined}
      />
      {body}
      <SessionFormModal caseRecord={caseRecord} opened={scheduling} onClose={schedule.close} />
    </>
  );
}
