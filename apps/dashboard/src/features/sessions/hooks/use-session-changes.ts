import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type TherapySession } from '@trustwork/contracts';
import { attentionKeys } from '../../agenda/api/attention-api';
import { caseKeys } from '../../cases/api/cases-api';
import { cancelSession, scheduleSession, sessionKeys, updateSession } from '../api/sessions-api';

/**
 * Puts the saved session into its case's list at once, then refetches whatever shows the
 * schedule: calendars and agendas, the next/last session on the case and in the caseload, and
 * what needs attention. A series or a scope changes more sessions than the one answered.
 */
export function useStoreSession() {
  const queryClient = useQueryClient();
  return (saved: TherapySession) => {
    queryClient.setQueryData<TherapySession[]>(sessionKeys.ofCase(saved.caseId), (sessions) =>
      sessions && [saved, ...sessions.filter((session) => session.id !== saved.id)],
    );
    void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    void queryClient.invalidateQueries({ queryKey: caseKeys.detail(saved.caseId) });
    void queryClient.invalidateQueries({ queryKey: caseKeys.caseloads() });
    void queryClient.invalidateQueries({ queryKey: attentionKeys.all });
  };
}

export function useScheduleSession() {
  const storeSession = useStoreSession();
  return useMutation({ mutationFn: scheduleSession, onSuccess: storeSession });
}

export function useChangeSession() {
  const storeSession = useStoreSession();
  return useMutation({ mutationFn: updateSession, onSuccess: storeSession });
}

export function useCancelSession() {
  const storeSession = useStoreSession();
  return useMutation({ mutationFn: cancelSession, onSuccess: storeSession });
}
