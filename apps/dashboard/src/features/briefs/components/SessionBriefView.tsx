import { Alert, Button, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconLock, IconPrinter } from '@tabler/icons-react';
import { Permission, type SessionBrief } from '@trustwork/contracts';
import { Link } from 'react-router';
import { LoadFailed } from '../../../components/LoadFailed';
import { PageHeader } from '../../../components/PageHeader';
import { isApiRequestError } from '../../../lib/api-client';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { usePermission } from '../../auth/hooks/use-session';
import { casePath } from '../../case-record/case-record-paths';
import { SessionNotFound } from '../../notes/components/NoteStates';
import { SessionConfirmations } from '../../agenda/components/SessionConfirmations';
import { kindText, shortPlaceText } from '../../sessions/session-wording';
import { periodInWords } from '../brief-wording';
import { useSessionBrief } from '../hooks/use-session-brief';
import { BriefAgreements } from './BriefAgreements';
import { BriefAttention } from './BriefAttention';
import { BriefCheckIns } from './BriefCheckIns';
import { BriefAnswers, BriefHomework } from './BriefHomework';
import { BriefMeasures } from './BriefMeasures';
import { BriefPhase } from './BriefPhase';
import { BriefTimeline } from './BriefTimeline';
import './brief-print.css';

function BriefRestricted() {
  return (
    <Alert color="gray" icon={<IconLock />} title="The brief isn't available to your role">
      <Text size="sm">It draws on homework answers, check-ins and safety reports, which are clinical records your role can&apos;t read.</Text>
    </Alert>
  );
}

function BriefSkeleton() {
  return (
    <Stack gap="md" role="status" aria-label="Loading the brief">
      <Skeleton height={16} width="50%" />
      {[0, 1, 2].map((row) => (
        <Paper key={row} withBorder radius="md" p="md">
          <Skeleton height={20} width={160} mb="sm" />
          <Skeleton height={14} mb={6} />
          <Skeleton height={14} width="70%" />
        </Paper>
      ))}
    </Stack>
  );
}

/** The attendees, as the agenda has them: one entry of `attendance` per person coming. */
const attendeeIdsOf = (brief: SessionBrief) => brief.session.attendance.map((entry) => entry.participantId);

/** "Alex Morgan & Jordan Lee · 17 June 2026, 14:00 · Joint · 12 Harbour Lane". */
function headerFacts(brief: SessionBrief, timeZone: string): string {
  const people = brief.participants.map((participant) => participant.displayName).join(' & ');
  const kind = kindText(brief.session.kind, attendeeIdsOf(brief), brief.participants);
  return `${people} · ${formatDateTime(brief.startsAt, timeZone)} · ${kind} · ${shortPlaceText(brief.session)}`;
}

function BriefDocument({ brief }: { brief: SessionBrief }) {
  const timeZone = usePracticeTimeZone();
  return (
    <Stack gap="md">
      <SessionConfirmations session={{ ...brief.session, attendeeIds: attendeeIdsOf(brief) }} participants={brief.participants} />
      <Text c="dimmed" size="sm">
        {periodInWords(brief.period, timeZone)}.
      </Text>
      <BriefAttention brief={brief} />
      <BriefAgreements brief={brief} />
      <BriefCheckIns brief={brief} />
      <BriefHomework brief={brief} />
      <BriefAnswers brief={brief} />
      <BriefMeasures brief={brief} />
      <BriefTimeline brief={brief} />
      <BriefPhase brief={brief} />
    </Stack>
  );
}

/** What happened in the case since its previous session, to read (or print) just before this one. */
export function SessionBriefView({ sessionId }: { sessionId: string }) {
  const timeZone = usePracticeTimeZone();
  const mayRead = usePermission(Permission.ViewClinicalRecords);
  // Never fetched for a role the API would refuse; a 403 says the same if roles change.
  const brief = useSessionBrief(sessionId, mayRead);
  const data = brief.data;

  let body;
  if (!mayRead || isApiRequestError(brief.error, 403)) body = <BriefRestricted />;
  else if (isApiRequestError(brief.error, 404)) body = <SessionNotFound />;
  else if (brief.error) body = <LoadFailed title="We couldn't load the brief" query={brief} />;
  else if (!data) body = <BriefSkeleton />;
  else body = <BriefDocument brief={data} />;

  return (
    <Stack gap={0} maw={960} data-session-brief="">
      <PageHeader
        title="Session brief"
        description={data && headerFacts(data, timeZone)}
        actions={
          data && (
            <Group gap="xs" className="brief-screen-only">
              <Button
                component={Link}
                to={casePath(data.caseId)}
                variant="default"
                size="sm"
                leftSection={<IconExternalLink size={16} aria-hidden />}
              >
                Open case
              </Button>
              <Button size="sm" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
                Print
              </Button>
            </Group>
          )
        }
      />
      <div aria-busy={mayRead && brief.isPending}>{body}</div>
    </Stack>
  );
}
