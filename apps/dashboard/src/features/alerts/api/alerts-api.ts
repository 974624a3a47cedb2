import { type AcknowledgeAlertRequest, type CaseAlert, type CaseAlertQuery } from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';
import { toSearchParams } from '../../../lib/search-params';

export type AlertListStatus = NonNullable<CaseAlertQuery['status']>;

export const alertKeys = {
  all: ['alerts'] as const,
  ofCase: (caseId: string, status: AlertListStatus) => [...alertKeys.all, 'case', caseId, status] as const,
};

export function fetchCaseAlerts(caseId: string, status: AlertListStatus, signal?: AbortSignal): Promise<CaseAlert[]> {
  return apiClient.get<CaseAlert[]>(`/cases/${encodeURIComponent(caseId)}/alerts${toSearchParams({ status })}`, { signal });
}

export interface AlertAcknowledgement {
  alertId: string;
  request: AcknowledgeAlertRequest;
}

export function acknowledgeAlert({ alertId, request }: AlertAcknowledgement): Promise<CaseAlert> {
  return apiClient.post<CaseAlert>(`/alerts/${encodeURIComponent(alertId)}/acknowledge`, request);
}
