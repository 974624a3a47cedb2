import { useCallback } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type SessionNote, type TherapySession } from '@trustwork/contracts';
import { attentionKeys } from '../../agenda/api/attention-api';
import { fetchCaseSessions, sessionKeys } from '../../sessions/api/sessions-api';
import { addAddendum, fetchNote, noteKeys, signNote } from '../api/notes-api';

/** The session's note, or null while it has none. */
export function useSessionNote(sessionId: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: noteKeys.ofSession(sessionId),
    queryFn: ({ signal }) => fetchNote(sessionId, signal),
    enabled,
  });
}

/** One session, found in its case's session list (shared with the case's Sessions tab); null if not there. */
export function useCaseSession(caseId: string, sessionId: string) {
  const select = useCallback(
    (sessions: TherapySession[]) => sessions.find((session) => session.id === sessionId) ?? null,
    [sessionId],
  );
  return useQuery({
    queryKey: sessionKeys.ofCase(caseId),
    queryFn: ({ signal }) => fetchCaseSessions(caseId, signal),
    select,
  });
}

/**
 * Puts the API's latest copy of a note in the cache. When that changes the session's note
 * state (none → draft → signed), the lists showing it (the case's sessions, the agenda, what
 * needs attention) refetch.
 */
export function useStoreNote(caseId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (note: SessionNote) => {
      queryClient.setQueryData(noteKeys.ofSession(note.sessionId), note);
      const listed = queryClient
        .getQueryData<TherapySession[]>(sessionKeys.ofCase(caseId))
        ?.find((session) => session.id === note.sessionId);
      if (listed?.noteState === note.status) return;
      void queryClient.invalidateQueries({ queryKey: sessionKeys.ofCase(caseId) });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.agendas() });
      void queryClient.invalidateQueries({ queryKey: attentionKeys.all });
    },
    [caseId, queryClient],
  );
}

export function useSignNote(caseId: string) {
  const storeNote = useStoreNote(caseId);
  return useMutation({ mutationFn: signNote, onSuccess: storeNote });
}

export function useAddAddendum(caseId: string) {
  const storeNote = useStoreNote(caseId);
  return useMutation({ mutationFn: addAddendum, onSuccess: storeNote });
}
