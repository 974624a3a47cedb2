import { Badge } from '@mantine/core';
import { CASE_STATUS_LABELS, type CaseStatus } from '@trustwork/contracts';

const STATUS_COLORS: Record<CaseStatus, string> = {
  intake: 'grape',
  active: 'teal',
  paused: 'yellow',
  closed: 'gray',
};

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {CASE_STATUS_LABELS[status]}
    </Badge>
  );
}
