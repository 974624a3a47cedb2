import { Code, Table, Text } from '@mantine/core';
import { type AuditEvent } from '@trustwork/contracts';
import { SidewaysTable } from '../../../components/SidewaysTable';
import { formatDateTime, usePracticeTimeZone } from '../../../lib/practice-time';
import { AuditCases } from './AuditCases';
import { actionLabel, actorLabel, recordLabel } from './audit-wording';

interface AuditEventsTableProps {
  events: AuditEvent[];
  /** Narrows the log to one case; not offered when it already is. */
  onShowCase?: (caseId: string) => void;
}

export function AuditEventsTable({ events, onShowCase }: AuditEventsTableProps) {
  const timeZone = usePracticeTimeZone();
  return (
    <SidewaysTable label="Audit events" minWidth={820}>
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
            return (
              <Table.Tr key={event.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt, timeZone)}</time>
                </Table.Td>
                <Table.Td>{actorLabel(event)}</Table.Td>
                <Table.Td>{label ?? <Code>{event.action}</Code>}</Table.Td>
                <Table.Td>{recordLabel(event)}</Table.Td>
                <Table.Td>
                  <AuditCases cases={event.cases} onShowCase={onShowCase} />
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
    </SidewaysTable>
  );
}
