import { type AgingReport, type InvoiceStatus, type InvoiceSummary, type Page } from '@trustwork/contracts';
import { apiClient, type ApiFile } from '../../../lib/api-client';
import { toSearchParams } from '../../../lib/search-params';

export interface PracticeInvoicesQuery {
  status?: InvoiceStatus;
  cursor?: string;
}

export function fetchAgingReport(signal?: AbortSignal): Promise<AgingReport> {
  return apiClient.get<AgingReport>('/billing/aging', { signal });
}

/** The same report as a CSV for the accountant; reading it is recorded as an export. */
export function fetchAgingCsv(): Promise<ApiFile> {
  return apiClient.getFile('/billing/aging.csv');
}

export function fetchPracticeInvoices(query: PracticeInvoicesQuery, signal?: AbortSignal): Promise<Page<InvoiceSummary>> {
  return apiClient.get<Page<InvoiceSummary>>(`/billing/invoices${toSearchParams(query)}`, { signal });
}
