import { useQuery } from '@tanstack/react-query';
import { fetchCaseSessions, sessionKeys } from '../../sessions/api/sessions-api';
import { useChangeSession } from '../../sessions/hooks/use-session-changes';

export function useCaseSessions(caseId: string) {
  return useQuery({
    queryKey: sessionKeys.ofCase(caseId),
    queryFn: ({ signal }) => fetchCaseSessions(caseId, signal),
  });
}

/** A change to one of the case's sessions; callers name the case, though the saved session names it too. */
export const useUpdateSession: (caseId: string) => ReturnType<typeof useChangeSession> = useChangeSession;
