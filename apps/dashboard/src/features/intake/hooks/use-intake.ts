import { useMutation, useQueryClient } from '@tanstack/react-query';
import { caseKeys } from '../../cases/api/cases-api';
import { createIntake, findExistingParticipants } from '../api/intake-api';

export function useCreateIntake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createIntake,
    // The new case opens at once from the success screen; caseloads include it on their next look.
    onSuccess: (created) => {
      queryClient.setQueryData(caseKeys.detail(created.case.id), created.case);
      void queryClient.invalidateQueries({ queryKey: caseKeys.caseloads() });
    },
  });
}

/** A mutation rather than a query: each look-up is audited, so it runs only when an e-mail is finished, never on a refetch. */
export function useFindExistingParticipants() {
  return useMutation({ mutationFn: findExistingParticipants });
}
