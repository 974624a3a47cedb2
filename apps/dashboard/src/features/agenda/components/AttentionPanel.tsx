import { type ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconFileText, IconPencil, IconUserOff } from '@tabler/icons-react';
import {
  ALERT_KIND_LABELS,
  Permission,
  SessionStatus,
  type AttentionAlert,
  type AttentionCase,
  type AttentionSession,
} from '@trustwork/contracts';
import { Link } from 'react-router';
import { LoadFailed } from '../../../components/LoadFailed';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { casePath, sessionNotePath } from '../../case-record/case-record-paths';
import { useUpdateSession } from '../../case-record/hooks/use-case-sessions';
import { caseName } from '../../cases/participant-wording';
import { useAgendaView } from '../hooks/use-agenda-view';
import { useAttention } from '../hooks/use-attention';

function CaseLink({ of }: { of: AttentionCase }) {
  return (
    <Anchor component={Link} to={casePath(of.id)} fw={600}>
      {caseName(of.participants)}
    </Anchor>
  );
}

interface AttentionGroupProps {
  id: string;
  title: string;
  children: ReactNode;
}

function AttentionGroup({ id, title, children }: AttentionGroupProps) {
  return (
    <Stack component="section" aria-labelledby={id} gap="xs">
      <Title id={id} order={3} size="h5">
        {title}
      </Title>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {children}
      </Stack>
    </Stack>
  );
}

function AlertItem({ alert }: { alert: AttentionAlert }) {
  const timeZone = usePracticeTimeZone();
  return (
    <Paper component="li" withBorder radius="md" py="xs" px="sm" bg={alert.urgent ? 'red.0' : undefined}>
      <Group gap="xs" wrap="wrap">
        {alert.urgent && (
          <Badge color="red" variant="filled">
            Urgent
          </Badge>
        )}
        <Text fw={600}>{ALERT_KIND_LABELS[alert.kind]}</Text>
        <Text c="dimmed">·</Text>
        <CaseLink of={alert.case} />
      </Group>
      <Text size="sm">{alert.summary}</Text>
      <Text size="xs" c="dimmed">
        Raised <time dateTime={alert.raisedAt}>{formatDateTime(alert.raisedAt, timeZone)}</time>
      </Text>
    </Paper>
  );
}

/** A session in the panel: its case and what is left to do on the left, the actions that do it on the right. */
function SessionItem({ session, detail, children }: { session: AttentionSession; detail: ReactNode; children: ReactNode }) {
  return (
    <Paper component="li" withBorder radius="md" py="xs" px="sm">
      <Group justify="space-between" gap="xs">
        <Stack gap={0}>
          <CaseLink of={session.case} />
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
        </Stack>
        {children}
      </Group>
    </Paper>
  );
}

function NoteItem({ session }: { session: AttentionSession }) {
  const timeZone = usePracticeTimeZone();
  const when = formatDateTime(session.startsAt, timeZone);
  const draft = session.noteState === 'draft';
  const NoteIcon = draft ? IconFileText : IconPencil;
  return (
    <SessionItem
      session={session}
      detail={
        <>
          Session of <time dateTime={session.startsAt}>{when}</time> · {draft ? 'draft not signed' : 'no note yet'}
        </>
      }
    >
      <Button
        component={Link}
        to={sessionNotePath(session.case.id, session.id)}
        size="compact-sm"
        variant="light"
        color={draft ? 'yellow' : 'orange'}
        leftSection={<NoteIcon size={16} aria-hidden />}
      >
        {draft ? 'Finish and sign' : 'Write note'}
        <VisuallyHidden>{` for the session of ${when} with ${caseName(session.case.participants)}`}</VisuallyHidden>
      </Button>
    </SessionItem>
  );
}

/** The same change the case page's session menu makes, with the same confirmation. */
const CLOSINGS = [
  { status: SessionStatus.Completed, label: 'Mark completed', done: 'Marked completed', icon: IconCircleCheck },
  { status: SessionStatus.NoShow, label: 'Mark no-show', done: 'Marked as a no-show', icon: IconUserOff },
] as const;

function SessionToCloseItem({ session }: { session: AttentionSession }) {
  const timeZone = usePracticeTimeZone();
  const canSchedule = usePermission(Permission.ScheduleSessions);
  const update = useUpdateSession(session.case.id);
  const send = useMutateOnce(update);
  const when = formatDateTime(session.startsAt, timeZone);
  const close = (status: SessionStatus, done: string) =>
    send(
      { sessionId: session.id, changes: { status } },
      {
        onSuccess: () => notifications.show({ color: 'teal', title: done, message: `${caseName(session.case.participants)}, ${when}` }),
        onError: (error) => notifications.show({ color: 'red', title: "We couldn't update the session", message: error.message }),
      },
    );
  return (
    <SessionItem
      session={session}
      detail={
        <>
          <time dateTime={session.startsAt}>{when}</time> · over, still marked scheduled
        </>
      }
    >
      {canSchedule && (
        <Group gap="xs">
          {CLOSINGS.map(({ status, label, done, icon: ClosingIcon }) => (
            <Button
              key={status}
              size="compact-sm"
              variant={status === SessionStatus.Completed ? 'light' : 'default'}
              leftSection={<ClosingIcon size={16} aria-hidden />}
              loading={update.isPending && update.variables?.changes.status === status}
              disabled={update.isPending}
              onClick={() => close(status, done)}
            >
              {label}
              <VisuallyHidden>{`: the session of ${when} with ${caseName(session.case.participants)}`}</VisuallyHidden>
            </Button>
          ))}
        </Group>
      )}
    </SessionItem>
  );
}

function AttentionSkeleton() {
  return (
    <Stack gap="xs" role="status" aria-busy="true">
      <VisuallyHidden>Loading what needs your attention…</VisuallyHidden>
      {Array.from({ length: 3 }, (_, row) => (
        <Skeleton key={row} height={48} radius="md" />
      ))}
    </Stack>
  );
}

/**
 * Home's first panel: open alerts (urgent safety reports first), notes to sign and sessions
 * to close, each linking to where it is resolved. Follows Home's "Only my cases" switch.
 */
export function AttentionPanel() {
  const user = useCurrentUser();
  const { onlyMine } = useAgendaView();
  const attention = useAttention({ clinicianId: onlyMine ? user.id : undefined });

  let body: ReactNode;
  if (attention.isPending) body = <AttentionSkeleton />;
  else if (attention.isError) body = <LoadFailed title="We couldn't load what needs your attention" query={attention} />;
  else if (attention.data.count === 0) body = <Text c="dimmed">Nothing needs your attention.</Text>;
  else {
    const { alerts, unsignedNotes, sessionsToClose } = attention.data;
    body = (
      <Stack gap="md">
        {alerts.length > 0 && (
          <AttentionGroup id="attention-alerts" title="Alerts">
            {alerts.map((alert) => (
              <AlertItem key={alert.id} alert={alert} />
            ))}
          </AttentionGroup>
        )}
        {unsignedNotes.length > 0 && (
          <AttentionGroup id="attention-notes" title="Notes to sign">
            {unsignedNotes.map((session) => (
              <NoteItem key={session.id} session={session} />
            ))}
          </AttentionGroup>
        )}
        {sessionsToClose.length > 0 && (
          <AttentionGroup id="attention-sessions" title="Sessions to close">
            {sessionsToClose.map((session) => (
              <SessionToCloseItem key={session.id} session={session} />
            ))}
          </AttentionGroup>
        )}
      </Stack>
    );
  }

  return (
    <Paper component="section" aria-labelledby="attention-title" withBorder radius="md" p="md" mb="lg">
      <Group gap="xs" mb="sm">
        <Title id="attention-title" order={2} size="h3">
          Needs your attention
        </Title>
        {attention.data && attention.data.count > 0 && (
          <Badge color="orange" variant="light" aria-hidden>
            {attention.data.count}
          </Badge>
        )}
      </Group>
      {body}
    </Paper>
  );
}
