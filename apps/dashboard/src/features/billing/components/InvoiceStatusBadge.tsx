import { Badge } from '@mantine/core';
import { type InvoiceSummary } from '@trustwork/contracts';

/** Where an invoice stands, in a word: a draft, a credit note, owed, or nothing left to pay. */
export function InvoiceStatusBadge({ invoice }: { invoice: InvoiceSummary }) {
  if (invoice.status === 'draft') return <Badge color="gray" variant="light">Draft</Badge>;
  if (invoice.kind === 'credit-note') return <Badge color="grape" variant="light">Credit note</Badge>;
  return invoice.outstanding > 0 ? <Badge color="orange" variant="light">Owed</Badge> : <Badge color="teal" variant="light">Settled</Badge>;
}
