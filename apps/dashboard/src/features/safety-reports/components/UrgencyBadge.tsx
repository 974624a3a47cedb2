import { Badge } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { SAFETY_REPORT_URGENCY_LABELS, SafetyReportUrgency } from '@trustwork/contracts';
import { URGENCY_STYLES } from '../safety-report-wording';

export function UrgencyBadge({ urgency }: { urgency: SafetyReportUrgency }) {
  const { color, variant } = URGENCY_STYLES[urgency];
  return (
    <Badge
      color={color}
      variant={variant}
      tt="none"
      leftSection={urgency === SafetyReportUrgency.Urgent ? <IconAlertTriangle size={12} aria-hidden /> : undefined}
    >
      {SAFETY_REPORT_URGENCY_LABELS[urgency]}
    </Badge>
  );
}
