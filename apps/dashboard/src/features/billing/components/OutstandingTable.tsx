import { Anchor, Table, Text } from '@mantine/core';
import { AGING_BUCKETS, type AgingReport } from '@trustwork/contracts';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/EmptyState';
import { SidewaysTable } from '../../../components/SidewaysTable';
import { Money, MONEY_CELL } from './Money';

/** "Who owes what": one row per payer with something outstanding, largest first, as the API orders them. */
export function OutstandingTable({ report }: { report: AgingReport }) {
  if (report.payers.length === 0) {
    return (
      <EmptyState title="Nothing is outstanding." headingOrder={3}>
        <Text>Every issued invoice has been paid or credited.</Text>
      </EmptyState>
    );
  }
  return (
    <SidewaysTable label="Who owes what" minWidth={860}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Who owes what">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Payer</Table.Th>
            <Table.Th scope="col">Case</Table.Th>
            {AGING_BUCKETS.map(({ key, label }) => (
              <Table.Th key={key} scope="col" {...MONEY_CELL}>
                {label}
              </Table.Th>
            ))}
            <Table.Th scope="col" {...MONEY_CELL}>
              Total owed
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.payers.map((row) => (
            <Table.Tr key={row.payer.id}>
              <Table.Th scope="row" fw={500}>
                {row.payer.name}
              </Table.Th>
              <Table.Td>
                <Anchor component={Link} to={`/cases/${row.payer.caseId}/billing`}>
                  {row.caseName}
                </Anchor>
              </Table.Td>
              {AGING_BUCKETS.map(({ key }) => (
                <Table.Td key={key} {...MONEY_CELL}>
                  <Money amount={row[key]} />
                </Table.Td>
              ))}
              <Table.Td {...MONEY_CELL} fw={700}>
                <Money amount={row.total} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SidewaysTable>
  );
}
