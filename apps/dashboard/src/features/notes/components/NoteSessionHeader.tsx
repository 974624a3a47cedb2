import { Anchor, Group, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { SESSION_MODALITY_LABELS, SESSION_STATUS_LABELS, type CaseDetail, type TherapySession } from '@trustwork/contracts';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime, formatTime, usePracticeTimeZone } from '../../../lib/practice-time';

interface NoteSessionHeaderProps {
  caseId: string;
  therapyCase: CaseDetail | undefined;
  /** Null when the case has no such session. */
  session: TherapySession | null | undefined;
  loading: boolean;
}

/** Who the session was with, when and how, in words: "Alex Rivera & Sam Rivera · 2 Apr 2026, 16:00–16:50 · In person". */
function describeSession(therapyCase: CaseDetail, session: TherapySession, timeZone: string): string {
  const names = therapyCase.participants.map((participant) => participant.displayName).join(' & ');
  // Sessions include both people unless one was left out: say so when they were.
  const absent = therapyCase.participants.filter((participant) => !session.attendeeIds.includes(participant.id));
  const attendance =
    absent.length > 0 && absent.length < therapyCase.participants.length
      ? ` (${absent.map((participant) => participant.displayName).join(' & ')} not attending)`
      : '';
  const endsAt = new Date(new Date(session.startsAt).getTime() + session.durationMinutes * 60_000).toISOString();
  return [
    `${names}${attendance}`,
    `${formatDateTime(session.startsAt, timeZone)}–${formatTime(endsAt, timeZone)}`,
    SESSION_MODALITY_LABELS[session.modality],
    SESSION_STATUS_LABELS[session.status],
  ].join(' · ');
}

export function NoteSessionHeader({ caseId, therapyCase, session, loading }: NoteSessionHeaderProps) {
  const timeZone = usePracticeTimeZone();
  let description: string | undefined;
  if (therapyCase && session) description = describeSession(therapyCase, session, timeZone);
  else if (loading) description = 'Loading the session…';
  return (
    <Stack gap="xs">
      <Anchor component={Link} to={`/cases/${encodeURIComponent(caseId)}/sessions`} size="sm" w="fit-content">
        <Group gap={4} wrap="nowrap" component="span">
          <IconArrowLeft size={16} aria-hidden />
          Back to sessions
        </Group>
      </Anchor>
      {/* Names stay out of the title, which also names the browser tab anyone nearby can read. */}
      <PageHeader title="Session note" description={description} />
    </Stack>
  );
}
