import { Badge, Group, List, Text } from '@mantine/core';
import { ALERT_KIND_LABELS, SAFETY_REPORT_URGENCY_LABELS, type SessionBrief } from '@trustwork/contracts';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { casePath } from '../../case-record/case-record-paths';
import { participantNames } from '../brief-wording';
import { BriefSection } from './BriefSection';

/** What needs a look first: the case's open alerts, and the safety reports of the period. */
export function BriefAttention({ brief }: { brief: SessionBrief }) {
  const timeZone = usePracticeTimeZone();
  const names = participantNames(brief);
  const toCase = { to: casePath(brief.caseId), label: 'Open the case’s alerts' };
  return (
    <>
      <BriefSection title="Open alerts" link={toCase} empty={brief.openAlerts.length === 0 ? 'No open alerts.' : undefined}>
        <List spacing="xs" size="sm">
          {brief.openAlerts.map((alert) => (
            <List.Item key={alert.id}>
              <Group gap={6} wrap="wrap">
                <Badge variant="light" color={alert.kind === 'safety-report' ? 'red' : 'orange'} tt="none">
                  {ALERT_KIND_LABELS[alert.kind]}
                </Badge>
                {alert.participantId && <Text size="sm" fw={500}>{names.get(alert.participantId)}</Text>}
                <Text size="sm">{alert.summary}</Text>
                <Text size="sm" c="dimmed">
                  raised {formatDateTime(alert.raisedAt, timeZone)}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      </BriefSection>
      <BriefSection
        title="Safety reports"
        link={{ to: casePath(brief.caseId), label: 'Read the reports' }}
        empty={brief.safetyReports.length === 0 ? 'No safety reports in this period.' : undefined}
      >
        <List spacing="xs" size="sm">
          {brief.safetyReports.map((report) => (
            <List.Item key={report.id}>
              <Group gap={6} wrap="wrap">
                <Badge variant={report.urgency === 'urgent' ? 'filled' : 'light'} color="red" tt="none">
                  {SAFETY_REPORT_URGENCY_LABELS[report.urgency]}
                </Badge>
                <Text size="sm" fw={500}>
                  {names.get(report.participantId)}
                </Text>
                <Text size="sm" c="dimmed">
                  sent {formatDateTime(report.submittedAt, timeZone)}
                </Text>
                <Text size="sm" fw={report.acknowledgedAt ? undefined : 600}>
                  {report.acknowledgedAt ? `Acknowledged ${formatDateTime(report.acknowledgedAt, timeZone)}` : 'Not yet acknowledged'}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
      </BriefSection>
    </>
  );
}
