import {
  type AgendaQuery,
  type AgendaSession,
  type CancelSessionRequest,
  type SessionClash,
  type SessionClashResponse,
  type ScheduleSessionRequest,
  type TherapySession,
  type UpdateSessionRequest,
} from '@trustwork/contracts';
import { apiClient, isApiRequestError } from '../../../lib/api-client';
import { toSearchParams } from '../../../lib/search-params';

export const sessionKeys = {
  all: ['sessions'] as const,
  agendas: () => [...sessionKeys.all, 'agenda'] as const,
  agenda: (query: AgendaQuery) => [...sessionKeys.agendas(), query] as const,
  ofCase: (caseId: string) => [...sessionKeys.all, 'case', caseId] as const,
};

export function fetchAgenda(query: AgendaQuery, signal?: AbortSignal): Promise<AgendaSession[]> {
  return apiClient.get<AgendaSession[]>(`/sessions${toSearchParams(query)}`, { signal });
}

export function fetchCaseSessions(caseId: string, signal?: AbortSignal): Promise<TherapySession[]> {
  return apiClient.get<TherapySession[]>(`/cases/${encodeURIComponent(caseId)}/sessions`, { signal });
}

export interface NewSession {
  caseId: string;
  session: ScheduleSessionRequest;
}

export function scheduleSession({ caseId, session }: NewSession): Promise<TherapySession> {
  return apiClient.post<TherapySession>(`/cases/${encodeURIComponent(caseId)}/sessions`, session);
}

export interface SessionUpdate {
  sessionId: string;
  changes: UpdateSessionRequest;
}

export function updateSession({ sessionId, changes }: SessionUpdate): Promise<TherapySession> {
  return apiClient.patch<TherapySession>(`/sessions/${encodeURIComponent(sessionId)}`, changes);
}

export interface SessionCancellationRequest {
  sessionId: string;
  request: CancelSessionRequest;
}

export function cancelSession({ sessionId, request }: SessionCancellationRequest): Promise<TherapySession> {
  return apiClient.post<TherapySession>(`/sessions/${encodeURIComponent(sessionId)}/cancel`, request);
}

/** The clashes a 409 names (someone would be in two places), or none for any other failure. */
export function clashesOf(error: unknown): SessionClash[] {
  if (!isApiRequestError(error, 409)) return [];
  const { clashes } = error.body as Partial<SessionClashResponse>;
  return Array.isArray(clashes) ? clashes : [];
}
