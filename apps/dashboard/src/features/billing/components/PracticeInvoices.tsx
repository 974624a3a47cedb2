import { type ReactNode, useState } from 'react';
import { Button, Group, SegmentedControl, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { type InvoiceStatus } from '@trustwork/contracts';
import { EmptyState } from '../../../components/EmptyState';
import { LoadFailed } from '../../../components/LoadFailed';
import { usePracticeInvoices } from '../hooks/use-billing-reports';
import { PracticeInvoicesTable } from './PracticeInvoicesTable';

type StatusFilter = InvoiceStatus | 'all';

const FILTERS: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'draft', label: 'Drafts' },
  { value: 'issued', label: 'Issued' },
];

const EMPTY_WORDS: Record<StatusFilter, string> = {
  all: 'No invoices yet. Create one from a case’s Billing tab.',
  draft: 'No drafts waiting to be issued.',
  issued: 'No invoices have been issued yet.',
};

/** Every invoice and credit note of the practice, filtered by status, with more on request. */
export function PracticeInvoices() {
  const [filter, setFilter] = useState<StatusFilter>('all');
  const invoices = usePracticeInvoices(filter === 'all' ? undefined : filter);

  let body: ReactNode;
  if (invoices.isPending) {
    body = (
      <Stack gap="sm" role="status" aria-busy="true">
        <VisuallyHidden>Loading invoices…</VisuallyHidden>
        {Array.from({ length: 4 }, (_, row) => (
          <Skeleton key={row} height={36} radius="sm" />
        ))}
      </Stack>
    );
  } else if (!invoices.data) {
    body = <LoadFailed title="We couldn't load the invoices" query={invoices} />;
  } else {
    const items = invoices.data.pages.flatMap((page) => page.items);
    const count = `${items.length} ${items.length === 1 ? 'invoice' : 'invoices'}`;
    body =
      items.length === 0 ? (
        <EmptyState title="No invoices to show" headingOrder={3}>
          <Text>{EMPTY_WORDS[filter]}</Text>
        </EmptyState>
      ) : (
        <Stack gap="md">
          {invoices.isRefetchError && <LoadFailed title="We couldn't refresh the invoices" query={invoices} />}
          <PracticeInvoicesTable invoices={items} />
          {invoices.isFetchNextPageError && (
            <LoadFailed
              title="We couldn't load more invoices"
              message={invoices.error.message}
              retrying={invoices.isFetchingNextPage}
              onRetry={() => void invoices.fetchNextPage()}
            />
          )}
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {invoices.hasNextPage ? `Showing the latest ${count}.` : `Showing all ${count}.`}
            </Text>
            {invoices.hasNextPage && !invoices.isFetchNextPageError && (
              <Button variant="default" loading={invoices.isFetchingNextPage} onClick={() => void invoices.fetchNextPage()}>
                Load more
              </Button>
            )}
          </Group>
        </Stack>
      );
  }

  return (
    <Stack gap="sm" component="section" aria-labelledby="practice-invoices">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={2} size="h3" id="practice-invoices">
          Invoices
        </Title>
        <SegmentedControl aria-label="Show invoices" value={filter} onChange={(value) => setFilter(value as StatusFilter)} data={FILTERS} />
      </Group>
      {body}
    </Stack>
  );
}
