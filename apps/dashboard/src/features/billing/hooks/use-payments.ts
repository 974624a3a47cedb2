import { useQuery } from '@tanstack/react-query';
import { fetchCasePayments, paymentKeys, recordPayment, refundPayment } from '../api/payments-api';
import { useBillingChange } from './use-billing-change';

export function useCasePayments(caseId: string) {
  return useQuery({ queryKey: paymentKeys.ofCase(caseId), queryFn: ({ signal }) => fetchCasePayments(caseId, signal) });
}

export const useRecordPayment = (caseId: string) => useBillingChange(caseId, recordPayment);
export const useRefundPayment = (caseId: string) => useBillingChange(caseId, refundPayment);
