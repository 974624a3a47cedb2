import { Anchor, Badge, Flex, Group, Paper, Stack, Text } from '@mantine/core';
import { Permission, SessionStatus, type AgendaSession } from '@trustwork/contracts';
import { Link } from 'react-router';
import { formatTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { caseTitle, sessionEndsAt } from '../agenda-days';
import { SessionStatusBadge } from '../../sessions/components/SessionStatusBadge';
import { kindText, MODALITY_ICONS, shortPlaceText } from '../../sessions/session-wording';
import { SessionBriefLink } from './SessionBriefLink';
import { SessionConfirmations } from './SessionConfirmations';
import { SessionNoteLink } from './SessionNoteLink';

interface AgendaSessionRowProps {
  session: AgendaSession;
  now: Date;
  /** Marks today's current or next session. */
  marker?: 'Now' | 'Up next';
}

export function AgendaSessionRow({ session, now, marker }: AgendaSessionRowProps) {
  const timeZone = usePracticeTimeZone();
  const user = useCurrentUser();
  const canReadNotes = usePermission(Permission.ViewClinicalRecords);
  const seesEveryCase = usePermission(Permission.ViewAllCases);
  const start = formatTime(session.startsAt, timeZone);
  const end = formatTime(new Date(sessionEndsAt(session)).toISOString(), timeZone);
  const title = caseTitle(session);
  const description = `the ${start} session with ${title}`;
  const cancelled = session.status === SessionStatus.Cancelled;
  const ModalityIcon = MODALITY_ICONS[session.modality];
  // A clinician's agenda holds only their own cases; owners and assistants see everyone's, so say whose.
  const clinicianName =
    seesEveryCase && session.clinician
      ? session.clinician.id === user.id
        ? 'You'
        : session.clinician.name
      : null;

  return (
    <Paper component="li" withBorder radius="md" py="sm" px="md" bg={marker ? 'teal.0' : undefined}>
      <Flex direction={{ base: 'column', xs: 'row' }} gap={{ base: 6, xs: 'md' }} align={{ base: 'stretch', xs: 'center' }}>
        <Text
          fw={600}
          miw="10rem"
          c={cancelled ? 'dimmed' : undefined}
          td={cancelled ? 'line-through' : undefined}
          style={{ fontVariantNumeric: 'tabular-nums' }}
        >
          <time dateTime={session.startsAt}>{start}</time> – {end}
        </Text>
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Anchor component={Link} to={`/cases/${encodeURIComponent(session.caseId)}`} fw={600}>
            {title}
          </Anchor>
          <Group gap={6} wrap="nowrap" c="dimmed">
            <ModalityIcon size={16} aria-hidden />
            <Text size="sm" c="dimmed" truncate>
              {kindText(session.kind, session.attendeeIds, session.participants)} · {shortPlaceText(session)}
              {clinicianName && ` · ${clinicianName}`}
            </Text>
          </Group>
          <SessionConfirmations session={session} participants={session.participants} />
        </Stack>
        <Group gap="xs" wrap="wrap">
          {marker && (
            <Badge variant="filled" color="teal">
              {marker}
            </Badge>
          )}
          <SessionStatusBadge status={session.status} />
          {canReadNotes && <SessionBriefLink session={session} now={now} description={description} />}
          {canReadNotes && <SessionNoteLink session={session} now={now} description={description} />}
        </Group>
      </Flex>
    </Paper>
  );
}
