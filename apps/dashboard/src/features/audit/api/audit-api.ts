import { type AuditChainVerification, type AuditEvent, type AuditEventQuery, type Page } from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';
import { toSearchParams } from '../../../lib/search-params';

export const auditKeys = {
  all: ['audit-events'] as const,
  list: (query: Omit<AuditEventQuery, 'cursor'>) => [...auditKeys.all, query] as const,
};

export function fetchAuditEvents(query: AuditEventQuery, signal?: AbortSignal): Promise<Page<AuditEvent>> {
  return apiClient.get<Page<AuditEvent>>(`/audit-events${toSearchParams(query)}`, { signal });
}

/** Whether every event is as it was recorded; the check is itself recorded. */
export function verifyAuditChain(): Promise<AuditChainVerification> {
  return apiClient.get<AuditChainVerification>('/audit-events/verify');
}
