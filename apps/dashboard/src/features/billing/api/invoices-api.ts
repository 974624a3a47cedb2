import { type Charge, type CreateCreditNoteRequest, type CreateInvoiceRequest, type Invoice, type InvoiceSummary } from '@trustwork/contracts';
import { apiClient, type ApiFile } from '../../../lib/api-client';
import { billingKeys } from './billing-settings-api';

export const invoiceKeys = {
  ofCase: (caseId: string) => [...billingKeys.ofCase(caseId), 'invoices'] as const,
  detail: (caseId: string, invoiceId: string) => [...invoiceKeys.ofCase(caseId), invoiceId] as const,
  uninvoicedCharges: (caseId: string) => [...billingKeys.ofCase(caseId), 'charges', 'uninvoiced'] as const,
};

const invoicePath = (invoiceId: string) => `/invoices/${encodeURIComponent(invoiceId)}`;

export function fetchCaseInvoices(caseId: string, signal?: AbortSignal): Promise<InvoiceSummary[]> {
  return apiClient.get<InvoiceSummary[]>(`/cases/${encodeURIComponent(caseId)}/invoices`, { signal });
}

export function fetchInvoice(invoiceId: string, signal?: AbortSignal): Promise<Invoice> {
  return apiClient.get<Invoice>(invoicePath(invoiceId), { signal });
}

/** Charges on no invoice yet, drafts' included or not as the API decides: the lines a new invoice may take. */
export function fetchUninvoicedCharges(caseId: string, signal?: AbortSignal): Promise<Charge[]> {
  return apiClient.get<Charge[]>(`/cases/${encodeURIComponent(caseId)}/charges?uninvoiced=true`, { signal });
}

export function createInvoice({ caseId, request }: { caseId: string; request: CreateInvoiceRequest }): Promise<Invoice> {
  return apiClient.post<Invoice>(`/cases/${encodeURIComponent(caseId)}/invoices`, request);
}

export function deleteInvoice(invoiceId: string): Promise<void> {
  return apiClient.delete(invoicePath(invoiceId));
}

export function issueInvoice(invoiceId: string): Promise<Invoice> {
  return apiClient.post<Invoice>(`${invoicePath(invoiceId)}/issue`);
}

export function emailInvoice(invoiceId: string): Promise<Invoice> {
  return apiClient.post<Invoice>(`${invoicePath(invoiceId)}/email`);
}

export function fetchInvoicePdf(invoiceId: string): Promise<ApiFile> {
  return apiClient.getFile(`${invoicePath(invoiceId)}/pdf`);
}

export function createCreditNote({ invoiceId, request }: { invoiceId: string; request: CreateCreditNoteRequest }): Promise<Invoice> {
  return apiClient.post<Invoice>(`${invoicePath(invoiceId)}/credit-notes`, request);
}
