import { useState } from 'react';
import { Anchor, Table } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { type InvoiceSummary } from '@trustwork/contracts';
import { formatCalendarDate } from '../../../lib/practice-time';
import { useCaseInvoices } from '../hooks/use-invoices';
import { CaseListSection } from './CaseListSection';
import { InvoiceDrawer } from './InvoiceDrawer';
import { InvoiceStatusBadge } from './InvoiceStatusBadge';
import { Money } from './Money';
import { NewInvoiceModal } from './NewInvoiceModal';

const dateOrDash = (date: string | null) => (date ? formatCalendarDate(date) : '—');

function InvoicesTable({ invoices, onOpen }: { invoices: InvoiceSummary[]; onOpen: (invoiceId: string) => void }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Number</Table.Th>
            <Table.Th>Payer</Table.Th>
            <Table.Th>Issued on</Table.Th>
            <Table.Th>Due on</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
            <Table.Th ta="right">Paid</Table.Th>
            <Table.Th ta="right">Owed</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoices.map((invoice) => (
            <Table.Tr key={invoice.id} onClick={() => onOpen(invoice.id)} style={{ cursor: 'pointer' }}>
              <Table.Th scope="row" fw={500}>
                {/* The row is clickable for a mouse; this button is the way in for a keyboard and a screen reader. */}
                <Anchor component="button" type="button" onClick={(event) => {
                    event.stopPropagation();
                    onOpen(invoice.id);
                  }}
                >
                  {invoice.number ?? 'Draft'}
                </Anchor>
              </Table.Th>
              <Table.Td>{invoice.payer.name}</Table.Td>
              <Table.Td>{dateOrDash(invoice.issuedOn)}</Table.Td>
              <Table.Td>{dateOrDash(invoice.dueOn)}</Table.Td>
              <Table.Td ta="right">
                <Money amount={invoice.total} />
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={invoice.paid} />
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={invoice.outstanding} />
              </Table.Td>
              <Table.Td>
                <InvoiceStatusBadge invoice={invoice} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The case's invoices and credit notes, newest as the API orders them; a row opens the invoice. */
export function InvoicesSection({ caseId }: { caseId: string }) {
  const invoices = useCaseInvoices(caseId);
  const [creating, setCreating] = useState(false);
  const [openInvoiceId, setOpenInvoiceId] = useState<string | null>(null);
  return (
    <>
      <CaseListSection
        title="Invoices"
        query={invoices}
        loadFailedTitle="We couldn't load the invoices"
        addLabel="New invoice"
        onAdd={() => setCreating(true)}
        empty={{ icon: <IconFileInvoice />, title: 'No invoices yet', text: "Gather a payer's charges into a draft, then issue it when it is ready." }}
      >
        {(items) => <InvoicesTable invoices={items} onOpen={setOpenInvoiceId} />}
      </CaseListSection>
      <NewInvoiceModal caseId={caseId} opened={creating} onClose={() => setCreating(false)} onCreated={(invoice) => setOpenInvoiceId(invoice.id)} />
      <InvoiceDrawer caseId={caseId} invoiceId={openInvoiceId} onClose={() => setOpenInvoiceId(null)} />
    </>
  );
}
