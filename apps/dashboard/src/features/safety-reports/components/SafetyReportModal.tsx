import { useId, useState, type FormEvent } from 'react';
import { Button, Group, Modal, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  AlertStatus,
  SAFETY_REPORT_URGENCY_CHOICES,
  type CaseAlert,
  type CaseDetail,
  type SafetyReport,
} from '@trustwork/contracts';
import { FormActions } from '../../../components/FormActions';
import { FormAlert } from '../../../components/FormAlert';
import { useFormErrorFocus } from '../../../components/use-form-error-focus';
import { LoadFailed } from '../../../components/LoadFailed';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useMutateOnce } from '../../../lib/use-mutate-once';
import { AlertNoteField, noteRequest } from '../../alerts/components/AcknowledgeAlertModal';
import { useAcknowledgeAlert, useCaseAlerts } from '../../alerts/hooks/use-alerts';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { personName } from '../../case-record/case-wording';
import { useAcknowledgeSafetyReport, useCaseSafetyReports } from '../hooks/use-safety-reports';
import { senderName } from '../safety-report-wording';
import { UrgencyBadge } from './UrgencyBadge';

/** Who, when, how urgent, and the message in the participant's own words, line breaks kept. */
function ReportText({ report, caseRecord }: { report: SafetyReport; caseRecord: CaseDetail }) {
  const timeZone = usePracticeTimeZone();
  const messageId = useId();
  return (
    <Stack gap="sm">
      <Group gap="xs" justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text fw={600}>{senderName(report, caseRecord)}</Text>
          <Text size="sm" c="dimmed">
            Sent <time dateTime={report.submittedAt}>{formatDateTime(report.submittedAt, timeZone)}</time>
          </Text>
        </Stack>
        <UrgencyBadge urgency={report.urgency} />
      </Group>
      {/* The words they picked, so "urgent" reads as the request it was. */}
      <Text size="sm">
        They chose: &ldquo;{SAFETY_REPORT_URGENCY_CHOICES[report.urgency]}&rdquo;
      </Text>
      <Stack gap={4}>
        <Title order={3} size="h6" id={messageId}>
          Their message
        </Title>
        <Paper withBorder radius="sm" p="md" bg="var(--mantine-color-default-hover)" aria-labelledby={messageId} component="blockquote" m={0}>
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{report.message}</Text>
        </Paper>
      </Stack>
    </Stack>
  );
}

function Acknowledged({ report, onClose }: { report: SafetyReport; onClose: () => void }) {
  const user = useCurrentUser();
  const timeZone = usePracticeTimeZone();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        Acknowledged by {personName(report.acknowledgedBy, user)}
        {report.acknowledgedAt && (
          <>
            {' '}
            <time dateTime={report.acknowledgedAt}>{formatDateTime(report.acknowledgedAt, timeZone)}</time>
          </>
        )}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}

interface AcknowledgeReportFormProps {
  report: SafetyReport;
  caseId: string;
  /** The report's open alert; undefined while the alerts load or if it has none. */
  alert: CaseAlert | undefined;
  alertsSettled: boolean;
  sender: string;
  onDone: () => void;
}

/**
 * Acknowledges through the report's alert, so the note is kept with it; a report without an
 * open alert is acknowledged directly (the API then has nowhere to keep a note).
 */
function AcknowledgeReportForm({ report, caseId, alert, alertsSettled, sender, onDone }: AcknowledgeReportFormProps) {
  const acknowledgeAlert = useAcknowledgeAlert(caseId);
  const acknowledgeReport = useAcknowledgeSafetyReport(caseId);
  const sendAlertAcknowledgement = useMutateOnce(acknowledgeAlert);
  const sendReportAcknowledgement = useMutateOnce(acknowledgeReport);
  const [note, setNote] = useState('');
  const takesNote = alert !== undefined || !alertsSettled;
  const error = acknowledgeAlert.error ?? acknowledgeReport.error;
  const { formRef } = useFormErrorFocus(error);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const onSuccess = () => {
      notifications.show({ color: 'teal', title: 'Safety report acknowledged', message: `From ${sender}` });
      onDone();
    };
    if (alert) sendAlertAcknowledgement({ alertId: alert.id, request: noteRequest(note) }, { onSuccess });
    else sendReportAcknowledgement(report.id, { onSuccess });
  };

  return (
    <form ref={formRef} noValidate onSubmit={handleSubmit}>
      <Stack>
        <FormAlert title="We couldn't acknowledge the report" messages={error ? [error.message] : []} />
        <Text size="sm" c="dimmed">
          Acknowledge it once you have followed it up. This also clears its alert.
        </Text>
        {takesNote && <AlertNoteField value={note} onChange={setNote} autofocus={false} />}
        <FormActions
          submitLabel="Acknowledge"
          // Waits for the alerts so the note goes where it belongs.
          saving={acknowledgeAlert.isPending || acknowledgeReport.isPending || !alertsSettled}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

function ReportSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-busy="true">
      <VisuallyHidden>Loading the safety report…</VisuallyHidden>
      <Skeleton height={18} width="40%" radius="sm" />
      <Skeleton height={14} width="30%" radius="sm" />
      <Skeleton height={96} radius="sm" />
    </Stack>
  );
}

function ReportView({ caseRecord, reportId, onClose }: { caseRecord: CaseDetail; reportId: string | null; onClose: () => void }) {
  const reports = useCaseSafetyReports(caseRecord.id, true);
  // The panel's own query: already in the cache, so this asks nothing more of the API.
  const openAlerts = useCaseAlerts(caseRecord.id, AlertStatus.Open, true);

  if (reports.isError) return <LoadFailed title="We couldn't load the safety report" query={reports} />;
  if (!reports.data) return <ReportSkeleton />;
  const report = reports.data.find((candidate) => candidate.id === reportId);
  if (!report) {
    return (
      <Text size="sm" role="alert">
        We couldn&apos;t find this report on the case. Reload the page; if it is still missing, contact support.
      </Text>
    );
  }

  return (
    <Stack>
      <ReportText report={report} caseRecord={caseRecord} />
      {report.acknowledgedAt ? (
        <Acknowledged report={report} onClose={onClose} />
      ) : (
        <AcknowledgeReportForm
          report={report}
          caseId={caseRecord.id}
          alert={openAlerts.data?.find((alert) => alert.safetyReportId === report.id)}
          alertsSettled={openAlerts.data !== undefined || openAlerts.isError}
          sender={senderName(report, caseRecord)}
          onDone={onClose}
        />
      )}
    </Stack>
  );
}

interface SafetyReportModalProps {
  caseRecord: CaseDetail;
  /**
   * The report chosen last; it stays set while the modal closes, so the content does not
   * empty mid-transition. Null only for an alert that names no report: that says so.
   */
  reportId: string | null;
  opened: boolean;
  onClose: () => void;
}

/**
 * The one place a safety report is read and acknowledged: its alert cannot be acknowledged
 * anywhere else, so nobody marks it handled without having had the message in front of them.
 */
export function SafetyReportModal({ caseRecord, reportId, opened, onClose }: SafetyReportModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Safety report" size="lg" centered>
      {/* The modal mounts its content on opening, so the note starts empty each time. */}
      <ReportView caseRecord={caseRecord} reportId={reportId} onClose={onClose} />
    </Modal>
  );
}
