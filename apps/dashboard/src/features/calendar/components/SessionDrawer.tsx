import { Anchor, Button, Drawer, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconCircleCheck, IconRepeat, IconUserOff, IconX } from '@tabler/icons-react';
import { Permission, SESSION_KIND_LABELS, SessionStatus, type AgendaSession } from '@trustwork/contracts';
import { Link } from 'react-router';
import { formatDateTime, formatTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { usePermission } from '../../auth/hooks/use-session';
import { sessionBriefPath } from '../../briefs/brief-paths';
import { caseSessionsPath } from '../../case-record/case-record-paths';
import { AttendanceList } from '../../sessions/components/AttendanceList';
import { CancelSessionModal } from '../../sessions/components/CancelSessionModal';
import { SessionStatusBadge } from '../../sessions/components/SessionStatusBadge';
import { useChangeSession } from '../../sessions/hooks/use-session-changes';
import { MODALITY_ICONS, placeText, seriesText } from '../../sessions/session-wording';
import { MoveSessionModal } from './MoveSessionModal';

interface SessionDrawerProps {
  session: AgendaSession | undefined;
  now: Date;
  onClose: () => void;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function SessionDetails({ session, now }: { session: AgendaSession; now: Date }) {
  const timeZone = usePracticeTimeZone();
  const canSchedule = usePermission(Permission.ScheduleSessions);
  const canReadBriefs = usePermission(Permission.ViewClinicalRecords);
  const change = useChangeSession();
  const sendChange = useMutateOnce(change);
  const [moving, move] = useDisclosure(false);
  const [cancelling, cancel] = useDisclosure(false);
  const ends = new Date(Date.parse(session.startsAt) + session.durationMinutes * 60_000).toISOString();
  const when = `${formatDateTime(session.startsAt, timeZone)} – ${formatTime(ends, timeZone)}`;
  const scheduled = session.status === SessionStatus.Scheduled;
  const started = Date.parse(session.startsAt) <= now.getTime();
  const ModalityIcon = MODALITY_ICONS[session.modality];

  const setStatus = (status: SessionStatus, title: string) =>
    sendChange(
      { sessionId: session.id, changes: { status } },
      {
        onSuccess: () => notifications.show({ color: 'teal', title, message: when }),
        onError: (error) => notifications.show({ color: 'red', title: "We couldn't update the session", message: error.message }),
      },
    );

  return (
    <Stack>
      <Group gap="xs">
        <SessionStatusBadge status={session.status} />
        <Text size="sm">{SESSION_KIND_LABELS[session.kind]}</Text>
      </Group>
      <Stack component="dl" gap="sm" m={0}>
        <Fact label="When">
          <time dateTime={session.startsAt}>{when}</time> ({session.durationMinutes} min)
        </Fact>
        <Fact label="Place">
          <Group component="span" gap={4} wrap="nowrap">
            <ModalityIcon size={14} aria-hidden />
            {placeText(session)}
          </Group>
        </Fact>
        {session.videoUrl && (
          <Fact label="Video link">
            <Anchor href={session.videoUrl} target="_blank" rel="noreferrer">
              {session.videoUrl}
            </Anchor>
          </Fact>
        )}
        {session.series && (
          <Fact label="Series">
            <Group component="span" gap={4} wrap="nowrap">
              <IconRepeat size={14} aria-hidden />
              {seriesText(session.series)}
            </Group>
          </Fact>
        )}
        <Fact label="Answers">
          <AttendanceList session={session} participants={session.participants} />
        </Fact>
        {session.cancellation?.reason && <Fact label="Reason for cancelling">{session.cancellation.reason}</Fact>}
      </Stack>
      <Group gap="md">
        <Anchor component={Link} to={caseSessionsPath(session.caseId)} size="sm">
          Open the case
        </Anchor>
        {canReadBriefs && (
          <Anchor component={Link} to={sessionBriefPath(session.id)} size="sm">
            Open the brief
          </Anchor>
        )}
      </Group>
      {canSchedule && scheduled && (
        <Group gap="xs">
          <Button size="xs" variant="light" leftSection={<IconCalendarEvent size={16} aria-hidden />} onClick={move.open}>
            Move
          </Button>
          {started && (
            <>
              <Button size="xs" variant="light" color="teal" leftSection={<IconCircleCheck size={16} aria-hidden />} loading={change.isPending} onClick={() => setStatus(SessionStatus.Completed, 'Marked held')}>
                Mark held
              </Button>
              <Button size="xs" variant="light" color="orange" leftSection={<IconUserOff size={16} aria-hidden />} loading={change.isPending} onClick={() => setStatus(SessionStatus.NoShow, 'Marked as a no-show')}>
                No-show
              </Button>
            </>
          )}
          <Button size="xs" variant="light" color="red" leftSection={<IconX size={16} aria-hidden />} onClick={cancel.open}>
            Cancel session
          </Button>
        </Group>
      )}
      <MoveSessionModal session={session} opened={moving} onClose={move.close} />
      <CancelSessionModal session={session} when={when} opened={cancelling} onClose={cancel.close} />
    </Stack>
  );
}

/** One session's details and what can be done with it; closing returns focus to its card. */
export function SessionDrawer({ session, now, onClose }: SessionDrawerProps) {
  return (
    <Drawer opened={session !== undefined} onClose={onClose} position="right" title="Session">
      {session && <SessionDetails session={session} now={now} />}
    </Drawer>
  );
}
