import { type CaseProgress } from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';
import { toSearchParams } from '../../../lib/search-params';

/** Practice-local calendar dates, both included. */
export interface ProgressRange {
  from: string;
  to: string;
}

export const progressKeys = {
  all: ['progress'] as const,
  ofCase: (caseId: string, range: ProgressRange) => [...progressKeys.all, caseId, range] as const,
};

export function fetchCaseProgress(caseId: string, range: ProgressRange, signal?: AbortSignal): Promise<CaseProgress> {
  return apiClient.get<CaseProgress>(`/cases/${encodeURIComponent(caseId)}/progress${toSearchParams(range)}`, { signal });
}
