import { useId, useState, type ReactNode } from 'react';
import { Badge, Button, Group, Paper, Skeleton, Stack, Switch, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCircleCheck } from '@tabler/icons-react';
import { ALERT_KIND_LABELS, AlertKind, AlertStatus, Permission, type CaseAlert, type CaseDetail } from '@trustwork/contracts';
import { LoadFailed } from '../../../components/LoadFailed';
import { isApiRequestError } from '../../../lib/api-client';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useCurrentUser, usePermission } from '../../auth/hooks/use-session';
import { personName } from '../../case-record/case-wording';
import { SafetyReportList } from '../../safety-reports/components/SafetyReportList';
import { SafetyReportModal } from '../../safety-reports/components/SafetyReportModal';
import { ALERT_KIND_STYLES, byUrgency } from '../alert-wording';
import { useCaseAlerts } from '../hooks/use-alerts';
import { AcknowledgeAlertModal } from './AcknowledgeAlertModal';

function Raised({ alert }: { alert: CaseAlert }) {
  const timeZone = usePracticeTimeZone();
  return (
    <>
      Raised <time dateTime={alert.raisedAt}>{formatDateTime(alert.raisedAt, timeZone)}</time>
    </>
  );
}

/**
 * The kind, whose it is and the server's one-line summary: the same for open and handled
 * alerts. `when`, if given, follows on the first line, keeping the row two lines high.
 */
function AlertText({ alert, when }: { alert: CaseAlert; when?: ReactNode }) {
  return (
    <Stack gap={2} miw={0} style={{ flex: 1 }}>
      <Group gap="xs">
        <Badge color={ALERT_KIND_STYLES[alert.kind].color} variant="dot" tt="none">
          {ALERT_KIND_LABELS[alert.kind]}
        </Badge>
        {alert.participant && (
          <Text size="sm" fw={500}>
            {alert.participant.displayName}
          </Text>
        )}
        {when && (
          <Text size="xs" c="dimmed">
            {when}
          </Text>
        )}
      </Group>
      <Text size="sm">{alert.summary}</Text>
    </Stack>
  );
}

function alertName(alert: CaseAlert): string {
  const label = ALERT_KIND_LABELS[alert.kind].toLowerCase();
  return alert.participant ? `${label} for ${alert.participant.displayName}` : label;
}

interface OpenAlertRowProps {
  alert: CaseAlert;
  onAcknowledge: (alert: CaseAlert) => void;
  onReadReport: (reportId: string | null) => void;
}

function OpenAlertRow({ alert, onAcknowledge, onReadReport }: OpenAlertRowProps) {
  return (
    <Paper
      component="li"
      withBorder
      radius="sm"
      p="sm"
      // A coloured edge ranks the alert at a glance without shouting.
      style={{ borderLeft: `4px solid var(--mantine-color-${ALERT_KIND_STYLES[alert.kind].color}-filled)` }}
    >
      <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
        <AlertText alert={alert} when={<Raised alert={alert} />} />
        {/* A safety report is acknowledged only where it is read, never unread from here. */}
        {alert.kind === AlertKind.SafetyReport ? (
          <Button variant="filled" color="red" size="xs" aria-label={`Read the ${alertName(alert)}`} onClick={() => onReadReport(alert.safetyReportId)}>
            Read the safety report
          </Button>
        ) : (
          <Button variant="light" size="xs" aria-label={`Acknowledge ${alertName(alert)}`} onClick={() => onAcknowledge(alert)}>
            Acknowledge
          </Button>
        )}
      </Group>
    </Paper>
  );
}

function HandledText({ alert }: { alert: CaseAlert }) {
  const user = useCurrentUser();
  const timeZone = usePracticeTimeZone();
  if (alert.status === AlertStatus.Resolved) {
    return (
      <>
        Resolved by itself
        {alert.resolvedAt && (
          <>
            {' '}
            <time dateTime={alert.resolvedAt}>{formatDateTime(alert.resolvedAt, timeZone)}</time>
          </>
        )}
      </>
    );
  }
  return (
    <>
      Acknowledged by {personName(alert.acknowledgedBy, user)}
      {alert.acknowledgedAt && (
        <>
          {' '}
          <time dateTime={alert.acknowledgedAt}>{formatDateTime(alert.acknowledgedAt, timeZone)}</time>
        </>
      )}
    </>
  );
}

function AlertsSkeleton({ label }: { label: string }) {
  return (
    <Stack gap="xs" role="status" aria-busy="true">
      <VisuallyHidden>{label}</VisuallyHidden>
      <Skeleton height={18} width="40%" radius="sm" />
      <Skeleton height={14} width="70%" radius="sm" />
    </Stack>
  );
}

function HandledAlerts({ caseId }: { caseId: string }) {
  const alerts = useCaseAlerts(caseId, 'all', true);
  if (alerts.isError) return <LoadFailed title="We couldn't load the handled alerts" query={alerts} />;
  if (!alerts.data) return <AlertsSkeleton label="Loading the handled alerts…" />;
  const handled = alerts.data.filter((alert) => alert.status !== AlertStatus.Open);
  if (handled.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No alert has been handled yet.
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="sm" m={0} p={0} aria-label="Handled alerts" style={{ listStyle: 'none' }}>
      {handled.map((alert) => (
        <Stack component="li" key={alert.id} gap={4}>
          <AlertText alert={alert} />
          <Text size="xs" c="dimmed">
            <Raised alert={alert} /> · <HandledText alert={alert} />
          </Text>
          {alert.note && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              Note: {alert.note}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}

function NothingNeedsAttention() {
  return (
    <Group gap="sm" wrap="nowrap">
      <ThemeIcon variant="light" color="teal" radius="xl" aria-hidden>
        <IconCircleCheck size={18} />
      </ThemeIcon>
      <div>
        <Text size="sm" fw={500}>
          Nothing needs attention
        </Text>
        <Text size="xs" c="dimmed">
          Safety reports, sharp drops in check-ins, low measure scores, overdue homework and missing check-ins show here.
        </Text>
      </div>
    </Group>
  );
}

/**
 * What in this case needs a clinician's look, most urgent first, and a way to mark each
 * handled. Quiet when there is nothing; assistants never see it (alerts are clinical).
 */
export function AlertPanel({ caseRecord }: { caseRecord: CaseDetail }) {
  const clinical = usePermission(Permission.ViewClinicalRecords);
  const alerts = useCaseAlerts(caseRecord.id, AlertStatus.Open, clinical);
  const headingId = useId();
  const [showHandled, setShowHandled] = useState(false);
  const [chosen, setChosen] = useState<CaseAlert | null>(null);
  const [acknowledging, acknowledge] = useDisclosure(false);
  const [reportId, setReportId] = useState<string | null>(null);
  const [reading, read] = useDisclosure(false);

  // A 403 means the role changed under us: say nothing rather than show an error.
  if (!clinical || isApiRequestError(alerts.error, 403)) return null;

  const open = alerts.data ? [...alerts.data].sort(byUrgency) : null;
  const openAcknowledge = (alert: CaseAlert) => {
    setChosen(alert);
    acknowledge.open();
  };
  const openReport = (id: string | null) => {
    setReportId(id);
    read.open();
  };

  let body;
  if (alerts.isError) body = <LoadFailed title="We couldn't load the alerts" query={alerts} />;
  else if (!open) body = <AlertsSkeleton label="Loading the alerts…" />;
  else if (open.length === 0) body = <NothingNeedsAttention />;
  else {
    body = (
      <Stack component="ul" gap="xs" m={0} p={0} aria-labelledby={headingId} style={{ listStyle: 'none' }}>
        {open.map((alert) => (
          <OpenAlertRow key={alert.id} alert={alert} onAcknowledge={openAcknowledge} onReadReport={openReport} />
        ))}
      </Stack>
    );
  }

  return (
    <Paper withBorder radius="md" p="md" mb="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" gap="sm" mb="sm">
        <Group gap="xs">
          <Title order={2} size="h5" id={headingId}>
            Needs attention
          </Title>
          {open && open.length > 0 && (
            <Badge color="gray" variant="light">
              {open.length}
            </Badge>
          )}
        </Group>
        <Switch
          size="sm"
          label="Show handled alerts and safety reports"
          checked={showHandled}
          onChange={(event) => setShowHandled(event.currentTarget.checked)}
        />
      </Group>
      {body}
      {showHandled && (
        <Stack gap="xs" mt="md" pt="md" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Title order={3} size="h6">
            Handled
          </Title>
          <HandledAlerts caseId={caseRecord.id} />
          <Title order={3} size="h6" mt="sm">
            Safety reports
          </Title>
          <SafetyReportList caseRecord={caseRecord} onRead={openReport} />
        </Stack>
      )}
      <AcknowledgeAlertModal alert={chosen} opened={acknowledging} onClose={acknowledge.close} />
      <SafetyReportModal caseRecord={caseRecord} reportId={reportId} opened={reading} onClose={read.close} />
    </Paper>
  );
}
