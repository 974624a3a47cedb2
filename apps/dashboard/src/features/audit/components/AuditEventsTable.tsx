import { ActionIcon, Anchor, Code, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { type AuditEvent } from '@trustwork/contracts';
import { Link } from 'react-router';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { actionLabel, actorLabel, RECORD_TYPE_LABELS } from './audit-wording';

interface AuditEventsTableProps {
  events: AuditEvent[];
  /** Narrows the log to one case; not offered when it already is. */
  onShowCase?: (caseId: string) => void;
}

export function AuditEventsTable({ events, onShowCase }: AuditEventsTableProps) {
  const timeZone = usePracticeTimeZone();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Audit events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">What</Table.Th>
            <Table.Th scope="col">Record</Table.Th>
            <Table.Th scope="col">Case</Table.Th>
            <Table.Th scope="col">From address</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const label = actionLabel(event.action);
            const { caseId } = event;
            return (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, timeZone)}</time>
                </Table.Td>
                <Table.Td>{actorLabel(event)}</Table.Td>
                <Table.Td>{label ?? <Code>{event.action}</Code>}</Table.Td>
                <Table.Td>{RECORD_TYPE_LABELS[event.recordType] ?? event.recordType}</Table.Td>
                <Table.Td>
                  {caseId ? (
                    <Group gap={4} wrap="nowrap">
                      <Anchor component={Link} to={`/cases/${encodeURIComponent(caseId)}`} size="sm">
                        Open case
                      </Anchor>
                      {onShowCase && (
                        <Tooltip label="Only this case's activity">
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            size="sm"
                            aria-label="Show only this case's activity"
                            onClick={() => onShowCase(caseId)}
                          >
                            <IconFilter size={14} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" c={event.ipAddress ? undefined : 'dimmed'}>
                    {event.ipAddress ?? '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
