import { Badge, Button, Group, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { type CaseDetail } from '@trustwork/contracts';
import { LoadFailed } from '../../../components/LoadFailed';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { useCaseSafetyReports } from '../hooks/use-safety-reports';
import { newestFirst, senderName } from '../safety-report-wording';
import { UrgencyBadge } from './UrgencyBadge';

interface SafetyReportListProps {
  caseRecord: CaseDetail;
  /** Opens the report in the panel's report modal. */
  onRead: (reportId: string) => void;
}

/** Every safety report of the case, newest first, each openable to read; only for clinical roles. */
export function SafetyReportList({ caseRecord, onRead }: SafetyReportListProps) {
  const reports = useCaseSafetyReports(caseRecord.id, true);
  const timeZone = usePracticeTimeZone();

  if (reports.isError) return <LoadFailed title="We couldn't load the safety reports" query={reports} />;
  if (!reports.data) {
    return (
      <Stack gap="xs" role="status" aria-busy="true">
        <VisuallyHidden>Loading the safety reports…</VisuallyHidden>
        <Skeleton height={18} width="50%" radius="sm" />
      </Stack>
    );
  }
  if (reports.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No safety reports on this case.
      </Text>
    );
  }

  return (
    <Stack component="ul" gap="xs" m={0} p={0} aria-label="Safety reports" style={{ listStyle: 'none' }}>
      {[...reports.data].sort(newestFirst).map((report) => {
        const sender = senderName(report, caseRecord);
        const sent = formatDateTime(report.submittedAt, timeZone);
        const open = report.acknowledgedAt === null;
        return (
          <Group component="li" key={report.id} justify="space-between" gap="sm" wrap="nowrap">
            <Group gap="xs" miw={0}>
              <UrgencyBadge urgency={report.urgency} />
              <Text size="sm" fw={500}>
                {sender}
              </Text>
              <Text size="xs" c="dimmed">
                <time dateTime={report.submittedAt}>{sent}</time>
              </Text>
              {open ? (
                <Badge color="red" variant="dot" tt="none">
                  Not yet acknowledged
                </Badge>
              ) : (
                <Text size="xs" c="dimmed">
                  Acknowledged
                </Text>
              )}
            </Group>
            <Button variant="subtle" size="xs" aria-label={`Read the safety report from ${sender}, sent ${sent}`} onClick={() => onRead(report.id)}>
              Read
            </Button>
          </Group>
        );
      })}
    </Stack>
  );
}
