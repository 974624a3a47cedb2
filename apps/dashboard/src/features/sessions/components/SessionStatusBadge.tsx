import { Badge } from '@mantine/core';
import { SESSION_STATUS_LABELS, type SessionStatus } from '@trustwork/contracts';

const STATUS_COLORS: Record<SessionStatus, string> = {
  scheduled: 'blue',
  completed: 'teal',
  cancelled: 'gray',
  'no-show': 'orange',
};

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {SESSION_STATUS_LABELS[status]}
    </Badge>
  );
}
