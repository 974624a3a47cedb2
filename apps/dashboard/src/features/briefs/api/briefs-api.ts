import { type SessionBrief } from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';

export const briefKeys = {
  all: ['briefs'] as const,
  ofSession: (sessionId: string) => [...briefKeys.all, sessionId] as const,
};

export function fetchSessionBrief(sessionId: string, signal?: AbortSignal): Promise<SessionBrief> {
  return apiClient.get<SessionBrief>(`/sessions/${encodeURIComponent(sessionId)}/brief`, { signal });
}
