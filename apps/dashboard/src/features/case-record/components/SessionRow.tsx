import { ActionIcon, Flex, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCalendarEvent, IconCircleCheck, IconDots, IconRepeat, IconUserOff, IconX } from '@tabler/icons-react';
import { Permission, SESSION_KIND_LABELS, SessionStatus, type CaseDetail, type TherapySession } from '@trustwork/contracts';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { NoteAboutBadge } from '../../notes/components/NoteAboutBadge';
import { AttendanceList } from '../../sessions/components/AttendanceList';
import { CancelSessionModal } from '../../sessions/components/CancelSessionModal';
import { SessionStatusBadge } from '../../sessions/components/SessionStatusBadge';
import { MODALITY_ICONS, placeText, seriesText } from '../../sessions/session-wording';
import { attendeesText, sessionTimeRange } from '../case-sessions';
import { personName } from '../case-wording';
import { useUpdateSession } from '../hooks/use-case-sessions';
import { SessionFormModal } from './SessionFormModal';
import { SessionNoteAction } from './SessionNoteAction';

const STATUS_CHANGE_TOASTS: Partial<Record<SessionStatus, string>> = {
  completed: 'Marked completed',
  'no-show': 'Marked as a no-show',
  scheduled: 'Marked as scheduled again',
};

interface SessionRowProps {
  session: TherapySession;
  caseRecord: CaseDetail;
  now: Date;
}

export function SessionRow({ session, caseRecord, now }: SessionRowProps) {
  const user = useCurrentUser();
  const timeZone = usePracticeTimeZone();
  const canReadNotes = usePermission(Permission.ViewClinicalRecords);
  const canSchedule = usePermission(Permission.ScheduleSessions);
  const update = useUpdateSession(caseRecord.id);
  // A double click must not send the status change twice.
  const sendUpdate = useMutateOnce(update);
  const [editing, edit] = useDisclosure(false);
  const [cancelling, cancel] = useDisclosure(false);

  const when = formatDateTime(session.startsAt, timeZone);
  const timeRange = sessionTimeRange(session, timeZone);
  const ModalityIcon = MODALITY_ICONS[session.modality];
  const scheduled = session.status === SessionStatus.Scheduled;
  // Attendance can only be recorded once the session has begun.
  const started = Date.parse(session.startsAt) <= now.getTime();
  const cancelled = session.status === SessionStatus.Cancelled;
  const details = [
    placeText(session),
    `${session.durationMinutes} min`,
    attendeesText(session.attendeeIds, caseRecord.participants),
    `Clinician: ${session.clinician ? personName(session.clinician, user) : 'none assigned'}`,
  ].join(' · ');

  const setStatus = (status: SessionStatus) =>
    sendUpdate(
      { sessionId: session.id, changes: { status } },
      {
        onSuccess: () => notifications.show({ color: 'teal', title: STATUS_CHANGE_TOASTS[status], message: timeRange }),
        onError: (error) => notifications.show({ color: 'red', title: "We couldn't update the session", message: error.message }),
      },
    );

  return (
    <Paper component="li" withBorder radius="md" py="sm" px="md">
      <Flex direction={{ base: 'column', sm: 'row' }} gap={{ base: 6, sm: 'md' }} align={{ base: 'stretch', sm: 'center' }}>
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Text
            fw={600}
            c={cancelled ? 'dimmed' : undefined}
            td={cancelled ? 'line-through' : undefined}
            style={{ fontVariantNumeric: 'tabular-nums' }}
          >
            <time dateTime={session.startsAt}>{timeRange}</time>
          </Text>
          <Group gap={6} wrap="nowrap">
            <ModalityIcon size={16} aria-hidden color="var(--mantine-color-dimmed)" />
            <Text size="sm" c="dimmed">
              {details}
            </Text>
          </Group>
          <Group gap={6}>
            <Text size="sm" c="dimmed">
              {SESSION_KIND_LABELS[session.kind]}
            </Text>
            {session.series && (
              <Group gap={4} wrap="nowrap">
                <IconRepeat size={14} aria-hidden color="var(--mantine-color-dimmed)" />
                <Text size="sm" c="dimmed">
                  {seriesText(session.series)}
                </Text>
              </Group>
            )}
          </Group>
          <AttendanceList session={session} participants={caseRecord.participants} />
        </Stack>
        <Group gap="xs" wrap="wrap">
          <SessionStatusBadge status={session.status} />
          {canReadNotes && <NoteAboutBadge aboutParticipantId={session.noteAboutParticipantId} participants={caseRecord.participants} />}
          {canReadNotes && <SessionNoteAction session={session} now={now} when={when} />}
          {canSchedule && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" size="lg" aria-label={`Change the session on ${when}`} loading={update.isPending}>
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {scheduled && (
                  <Menu.Item leftSection={<IconCalendarEvent size={16} aria-hidden />} onClick={edit.open}>
                    Reschedule or edit…
                  </Menu.Item>
                )}
                {scheduled && started && (
                  <>
                    <Menu.Item leftSection={<IconCircleCheck size={16} aria-hidden />} onClick={() => setStatus(SessionStatus.Completed)}>
                      Mark completed
                    </Menu.Item>
                    <Menu.Item leftSection={<IconUserOff size={16} aria-hidden />} onClick={() => setStatus(SessionStatus.NoShow)}>
                      Mark no-show
                    </Menu.Item>
                  </>
                )}
                {scheduled && (
                  <Menu.Item color="red" leftSection={<IconX size={16} aria-hidden />} onClick={cancel.open}>
                    Cancel session…
                  </Menu.Item>
                )}
                {!scheduled && (
                  <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setStatus(SessionStatus.Scheduled)}>
                    Mark as scheduled again
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Flex>
      <SessionFormModal caseRecord={caseRecord} session={session} opened={editing} onClose={edit.close} />
      <CancelSessionModal session={session} when={timeRange} opened={cancelling} onClose={cancel.close} />
    </Paper>
  );
}
