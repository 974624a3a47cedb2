import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ScheduleSessionRequest, type TherapySession } from '@trustwork/contracts';
import { attentionKeys } from '../../agenda/api/attention-api';
import { caseKeys } from '../../cases/api/cases-api';
import { fetchCaseSessions, scheduleSession, sessionKeys, updateSession } from '../../sessions/api/sessions-api';

export function useCaseSessions(caseId: string) {
  return useQuery({
    queryKey: sessionKeys.ofCase(caseId),
    queryFn: ({ signal }) => fetchCaseSessions(caseId, signal),
  });
}

/**
 * Puts the saved session into the case's list at once, then refetches whatever shows the
 * schedule: agendas, the next/last session on the case and in the caseload, and what needs attention.
 */
function useStoreSession(caseId: string) {
  const queryClient = useQueryClient();
  return (saved: TherapySession) => {
    queryClient.setQueryData<TherapySession[]>(sessionKeys.ofCase(caseId), (sessions) =>
      sessions && [saved, ...sessions.filter((session) => session.id !== saved.id)],
    );
    void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    void queryClient.invalidateQueries({ queryKey: caseKeys.caseloads() });
    void queryClient.invalidateQueries({ queryKey: attentionKeys.all });
  };
}

export function useScheduleSession(caseId: string) {
  const storeSession = useStoreSession(caseId);
  return useMutation({
    mutationFn: (session: ScheduleSessionRequest) => scheduleSession({ caseId, session }),
    onSuccess: storeSession,
  });
}

export function useUpdateSession(caseId: string) {
  const storeSession = useStoreSession(caseId);
  return useMutation({ mutationFn: updateSession, onSuccess: storeSession });
}
