import { Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { LoadFailed } from '../../../components/LoadFailed';
import { formatCalendarDate } from '../../../lib/practice-time';
import { useAgingReport } from '../hooks/use-billing-reports';
import { AgingSummary } from './AgingSummary';
import { OutstandingTable } from './OutstandingTable';

function OutstandingSkeleton() {
  return (
    <Stack gap="sm" role="status" aria-busy="true">
      <VisuallyHidden>Loading what is owed…</VisuallyHidden>
      <Skeleton height={72} radius="md" />
      {Array.from({ length: 3 }, (_, row) => (
        <Skeleton key={row} height={36} radius="sm" />
      ))}
    </Stack>
  );
}

/** The aging report: what is owed by age, then who owes it. */
export function OutstandingReport() {
  const report = useAgingReport();
  if (report.isPending) return <OutstandingSkeleton />;
  if (!report.data) return <LoadFailed title="We couldn't load what is owed" query={report} />;
  return (
    <Stack gap="lg">
      {report.isRefetchError && <LoadFailed title="We couldn't refresh what is owed" query={report} />}
      <AgingSummary totals={report.data.totals} />
      <Stack gap="sm" component="section" aria-labelledby="who-owes-what">
        <div>
          <Title order={2} size="h3" id="who-owes-what">
            Who owes what
          </Title>
          <Text size="sm" c="dimmed">
            Issued invoices not yet paid or credited, on {formatCalendarDate(report.data.asOf)}, by days since each was issued.
          </Text>
        </div>
        <OutstandingTable report={report.data} />
      </Stack>
    </Stack>
  );
}
