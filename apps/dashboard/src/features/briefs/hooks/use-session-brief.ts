import { useQuery } from '@tanstack/react-query';
import { briefKeys, fetchSessionBrief } from '../api/briefs-api';

/** The session's brief; `enabled` is false for roles the API would refuse (assistants). */
export function useSessionBrief(sessionId: string, enabled: boolean) {
  return useQuery({
    queryKey: briefKeys.ofSession(sessionId),
    queryFn: ({ signal }) => fetchSessionBrief(sessionId, signal),
    enabled,
  });
}
