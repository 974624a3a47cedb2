import {
  CaseExportFormat,
  type CaseDetail,
  type CaseEvent,
  type CaseExport,
  type CaseExportQuery,
  type CaseloadQuery,
  type CaseSummary,
  type CreateCaseEventRequest,
  type CreateCaseRequest,
  type Page,
  type UpdateCaseRequest,
} from '@trustwork/contracts';
import { apiClient, type ApiFile } from '../../../lib/api-client';
import { toSearchParams } from '../../../lib/search-params';

export const caseKeys = {
  all: ['cases'] as const,
  caseloads: () => [...caseKeys.all, 'caseload'] as const,
  caseload: (query: Omit<CaseloadQuery, 'cursor'>) => [...caseKeys.caseloads(), query] as const,
  detail: (caseId: string) => [...caseKeys.all, 'detail', caseId] as const,
  events: (caseId: string) => [...caseKeys.all, 'events', caseId] as const,
};

export function fetchCaseload(query: CaseloadQuery, signal?: AbortSignal): Promise<Page<CaseSummary>> {
  return apiClient.get<Page<CaseSummary>>(`/cases${toSearchParams(query)}`, { signal });
}

export function fetchCase(caseId: string, signal?: AbortSignal): Promise<CaseDetail> {
  return apiClient.get<CaseDetail>(`/cases/${encodeURIComponent(caseId)}`, { signal });
}

export function createCase(request: CreateCaseRequest): Promise<CaseDetail> {
  return apiClient.post<CaseDetail>('/cases', request);
}

export interface CaseUpdate {
  caseId: string;
  changes: UpdateCaseRequest;
}

export function updateCase({ caseId, changes }: CaseUpdate): Promise<CaseDetail> {
  return apiClient.patch<CaseDetail>(`/cases/${encodeURIComponent(caseId)}`, changes);
}

export function fetchCaseEvents(caseId: string, signal?: AbortSignal): Promise<CaseEvent[]> {
  return apiClient.get<CaseEvent[]>(`/cases/${encodeURIComponent(caseId)}/events`, { signal });
}

export interface NewCaseEvent {
  caseId: string;
  event: CreateCaseEventRequest;
}

export function addCaseEvent({ caseId, event }: NewCaseEvent): Promise<CaseEvent> {
  return apiClient.post<CaseEvent>(`/cases/${encodeURIComponent(caseId)}/events`, event);
}

/** The whole case, or with `participant` only what belongs to that person's records request. */
export function exportCase(caseId: string, query: CaseExportQuery = {}): Promise<CaseExport> {
  return apiClient.get<CaseExport>(`/cases/${encodeURIComponent(caseId)}/export${toSearchParams(query)}`);
}

/** The same export as a readable PDF (same content, same exclusions), saved as the file the API names. */
export function exportCasePdf(caseId: string, query: Omit<CaseExportQuery, 'format'> = {}): Promise<ApiFile> {
  return apiClient.getFile(`/cases/${encodeURIComponent(caseId)}/export${toSearchParams({ ...query, format: CaseExportFormat.Pdf })}`);
}
