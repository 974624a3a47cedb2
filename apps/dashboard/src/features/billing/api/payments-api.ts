import { type Payment, type RecordPaymentRequest, type RefundPaymentRequest } from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';
import { billingKeys } from './billing-settings-api';

export const paymentKeys = {
  ofCase: (caseId: string) => [...billingKeys.ofCase(caseId), 'payments'] as const,
};

export function fetchCasePayments(caseId: string, signal?: AbortSignal): Promise<Payment[]> {
  return apiClient.get<Payment[]>(`/cases/${encodeURIComponent(caseId)}/payments`, { signal });
}

export function recordPayment({ caseId, request }: { caseId: string; request: RecordPaymentRequest }): Promise<Payment> {
  return apiClient.post<Payment>(`/cases/${encodeURIComponent(caseId)}/payments`, request);
}

export function refundPayment({ paymentId, request }: { paymentId: string; request: RefundPaymentRequest }): Promise<Payment> {
  return apiClient.post<Payment>(`/payments/${encodeURIComponent(paymentId)}/refunds`, request);
}
