import { Anchor, Badge, Table } from '@mantine/core';
import { INVOICE_KIND_LABELS, INVOICE_STATUS_LABELS, type InvoiceSummary } from '@trustwork/contracts';
import { Link } from 'react-router';
import { SidewaysTable } from '../../../components/SidewaysTable';
import { formatCalendarDate } from '../../../lib/practice-time';
import { Money, MONEY_CELL } from './Money';

/** The practice's invoices and credit notes; each opens its case's Billing tab. */
export function PracticeInvoicesTable({ invoices }: { invoices: InvoiceSummary[] }) {
  return (
    <SidewaysTable label="Invoices" minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Invoices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Number</Table.Th>
            <Table.Th scope="col">Payer</Table.Th>
            <Table.Th scope="col">Issued</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" {...MONEY_CELL}>
              Total
            </Table.Th>
            <Table.Th scope="col" {...MONEY_CELL}>
              Owed
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoices.map((invoice) => {
            const kind = INVOICE_KIND_LABELS[invoice.kind];
            const number = invoice.number ?? `Draft ${kind.toLowerCase()}`;
            return (
              <Table.Tr key={invoice.id}>
                <Table.Td>
                  {/* Drafts have no number yet: the payer tells them apart for a screen reader. */}
                  <Anchor component={Link} to={`/cases/${invoice.caseId}/billing`} aria-label={`${number} for ${invoice.payer.name}`}>
                    {number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{invoice.payer.name}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{invoice.issuedOn ? formatCalendarDate(invoice.issuedOn) : '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={invoice.status === 'draft' ? 'gray' : 'blue'}>
                    {invoice.kind === 'credit-note' ? kind : INVOICE_STATUS_LABELS[invoice.status]}
                  </Badge>
                </Table.Td>
                <Table.Td {...MONEY_CELL}>
                  <Money amount={invoice.total} />
                </Table.Td>
                <Table.Td {...MONEY_CELL} fw={invoice.outstanding > 0 ? 700 : undefined}>
                  <Money amount={invoice.outstanding} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </SidewaysTable>
  );
}
