import { type SafetyReport } from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';

export const safetyReportKeys = {
  all: ['safety-reports'] as const,
  ofCase: (caseId: string) => [...safetyReportKeys.all, 'case', caseId] as const,
};

/** Every report of the case, open ones first (owners and the case's clinicians only). */
export function fetchCaseSafetyReports(caseId: string, signal?: AbortSignal): Promise<SafetyReport[]> {
  return apiClient.get<SafetyReport[]>(`/cases/${encodeURIComponent(caseId)}/safety-reports`, { signal });
}

/** Marks the report read; the API clears its alert too. Takes no note: notes live on the alert. */
export function acknowledgeSafetyReport(reportId: string): Promise<SafetyReport> {
  return apiClient.post<SafetyReport>(`/safety-reports/${encodeURIComponent(reportId)}/acknowledge`, {});
}
