import { type ReactNode } from 'react';
import { Button, Group, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { EmptyState } from '../../../components/EmptyState';
import { LoadFailed } from '../../../components/LoadFailed';
import { usePracticeTimeZone } from '../../../lib/practice-time';
import { toAuditQuery, useAuditFilters } from '../hooks/use-audit-filters';
import { useAuditEvents } from '../hooks/use-audit-events';
import { AuditEventsTable } from './AuditEventsTable';
import { AuditFilterBar } from './AuditFilterBar';

function AuditSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-busy="true">
      <VisuallyHidden>Loading the audit log…</VisuallyHidden>
      {Array.from({ length: 6 }, (_, row) => (
        <Skeleton key={row} height={36} radius="sm" />
      ))}
    </Stack>
  );
}

function AuditEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <EmptyState
      title={filtered ? 'No activity matches these filters' : 'Nothing has been recorded yet'}
      action={
        filtered && (
          <Button variant="light" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClear}>
            Clear filters
          </Button>
        )
      }
    >
      <Text>
        {filtered
          ? 'Try a wider date range, or another person or kind of record.'
          : 'Each time someone at the practice opens or changes a case, a session or a note, it is listed here.'}
      </Text>
    </EmptyState>
  );
}

/** The practice's audit log: filters, the events, and more on request. */
export function AuditLog() {
  const timeZone = usePracticeTimeZone();
  const { filters, hasFilters, setFilters, clearFilters } = useAuditFilters();
  const events = useAuditEvents(toAuditQuery(filters, timeZone));

  let body: ReactNode;
  if (events.isPending) body = <AuditSkeleton />;
  else if (!events.data) {
    body = (
      <LoadFailed
        title="We couldn't load the audit log"
        query={events}
      />
    );
  } else {
    const items = events.data.pages.flatMap((page) => page.items);
    const count = `${items.length} ${items.length === 1 ? 'event' : 'events'}`;
    body =
      items.length === 0 ? (
        <AuditEmpty filtered={hasFilters} onClear={clearFilters} />
      ) : (
        <Stack gap="md">
          {events.isRefetchError && (
            <LoadFailed
              title="We couldn't refresh the audit log"
              query={events}
            />
          )}
          <AuditEventsTable
            events={items}
            onShowCase={filters.caseId ? undefined : (caseId) => setFilters({ caseId })}
          />
          {events.isFetchNextPageError && (
            <LoadFailed
              title="We couldn't load more events"
              message={events.error.message}
              retrying={events.isFetchingNextPage}
              onRetry={() => void events.fetchNextPage()}
            />
          )}
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {events.hasNextPage ? `Showing the latest ${count}.` : `Showing all ${count}.`}
            </Text>
            {events.hasNextPage && !events.isFetchNextPageError && (
              <Button variant="default" loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
                Load more
              </Button>
            )}
          </Group>
        </Stack>
      );
  }

  return (
    <>
      <AuditFilterBar filters={filters} hasFilters={hasFilters} onChange={setFilters} onClear={clearFilters} />
      {body}
    </>
  );
}
