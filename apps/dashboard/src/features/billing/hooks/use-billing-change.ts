import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiFile } from '../../../lib/api-client';
import { downloadBlob } from '../../case-record/download-json';
import { billingKeys } from '../api/billing-settings-api';

/**
 * A change to money owed or paid (an invoice, a credit note, a payment): the case's whole tab
 * and the practice's aging and invoice lists move with it, so all of them are read again.
 */
export function useBillingChange<Variables, Result>(caseId: string, mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Not awaited: a deleted draft's drawer closes at once rather than waiting for its own query to fail.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: billingKeys.ofCase(caseId) });
      void queryClient.invalidateQueries({ queryKey: billingKeys.aging() });
      void queryClient.invalidateQueries({ queryKey: [...billingKeys.all, 'invoices'] });
    },
  });
}

/** Saves a PDF the API sends under a name of ours, so several sit side by side in a download folder. */
export function useDownloadPdf<Request>(fetchPdf: (request: Request) => Promise<ApiFile>) {
  return useMutation({
    mutationFn: async ({ request, fileName }: { request: Request; fileName: string }) => {
      const file = await fetchPdf(request);
      downloadBlob(file.blob, fileName);
    },
  });
}
