import { useQuery } from '@tanstack/react-query';
import {
  createCreditNote,
  createInvoice,
  deleteInvoice,
  emailInvoice,
  fetchCaseInvoices,
  fetchInvoice,
  fetchInvoicePdf,
  fetchUninvoicedCharges,
  invoiceKeys,
  issueInvoice,
} from '../api/invoices-api';
import { useBillingChange, useDownloadPdf } from './use-billing-change';

export function useCaseInvoices(caseId: string) {
  return useQuery({ queryKey: invoiceKeys.ofCase(caseId), queryFn: ({ signal }) => fetchCaseInvoices(caseId, signal) });
}

export function useInvoice(caseId: string, invoiceId: string) {
  return useQuery({ queryKey: invoiceKeys.detail(caseId, invoiceId), queryFn: ({ signal }) => fetchInvoice(invoiceId, signal) });
}

export function useUninvoicedCharges(caseId: string) {
  return useQuery({ queryKey: invoiceKeys.uninvoicedCharges(caseId), queryFn: ({ signal }) => fetchUninvoicedCharges(caseId, signal) });
}

export const useCreateInvoice = (caseId: string) => useBillingChange(caseId, createInvoice);
export const useDeleteInvoice = (caseId: string) => useBillingChange(caseId, deleteInvoice);
export const useIssueInvoice = (caseId: string) => useBillingChange(caseId, issueInvoice);
export const useEmailInvoice = (caseId: string) => useBillingChange(caseId, emailInvoice);
export const useCreateCreditNote = (caseId: string) => useBillingChange(caseId, createCreditNote);
export const useDownloadInvoicePdf = () => useDownloadPdf(fetchInvoicePdf);
