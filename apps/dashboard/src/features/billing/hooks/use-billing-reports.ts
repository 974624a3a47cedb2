import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { type InvoiceStatus } from '@trustwork/contracts';
import { practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { downloadBlob } from '../../case-record/download-json';
import { billingKeys } from '../api/billing-settings-api';
import { fetchAgingCsv, fetchAgingReport, fetchPracticeInvoices } from '../api/reports-api';

// What is owed changes on every case's Billing tab: each visit to the report reads it afresh.
const FRESH_EACH_VISIT = { staleTime: 0 } as const;

/** What each payer owes today, by how long it has been owed. */
export function useAgingReport() {
  return useQuery({ queryKey: billingKeys.aging(), queryFn: ({ signal }) => fetchAgingReport(signal), ...FRESH_EACH_VISIT });
}

/** The practice's invoices and credit notes, newest first, a page at a time; `status` undefined for all. */
export function usePracticeInvoices(status: InvoiceStatus | undefined) {
  return useInfiniteQuery({
    queryKey: billingKeys.practiceInvoices(status ?? 'all'),
    queryFn: ({ pageParam, signal }) => fetchPracticeInvoices({ status, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    ...FRESH_EACH_VISIT,
  });
}

/** Saves the aging report as a CSV, under the API's name or one dated today in the practice. */
export function useDownloadAgingCsv() {
  const timeZone = usePracticeTimeZone();
  return useMutation({
    mutationFn: async () => {
      const file = await fetchAgingCsv();
      downloadBlob(file.blob, file.fileName ?? `trustwork-aging-${practiceToday(timeZone)}.csv`);
    },
  });
}
