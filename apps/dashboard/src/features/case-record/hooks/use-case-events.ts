import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CaseEvent, type CreateCaseEventRequest } from '@trustwork/contracts';
import { addCaseEvent, caseKeys, fetchCaseEvents } from '../../cases/api/cases-api';

/** The case's timeline; `enabled` is false for roles the API would refuse (assistants). */
export function useCaseEvents(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.events(caseId),
    queryFn: ({ signal }) => fetchCaseEvents(caseId, signal),
    enabled,
  });
}

export function useAddCaseEvent(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (event: CreateCaseEventRequest) => addCaseEvent({ caseId, event }),
    onSuccess: (added) => {
      // Show the entry at once; the refetch then confirms the server's order.
      queryClient.setQueryData<CaseEvent[]>(caseKeys.events(caseId), (events) => events && [added, ...events]);
      void queryClient.invalidateQueries({ queryKey: caseKeys.events(caseId) });
    },
  });
}
