import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AgreementDetail, type AgreementQuery } from '@trustwork/contracts';
import { agreementKeys, createAgreement, fetchAgreement, fetchAgreements, updateAgreement } from '../api/agreement-library';

export function useAgreements(query: AgreementQuery = {}) {
  return useQuery({
    queryKey: agreementKeys.list(query),
    queryFn: ({ signal }) => fetchAgreements(query, signal),
    // Keep the last list on screen while another one loads, so the page doesn't jump.
    placeholderData: (previous) => previous,
  });
}

/** One agreement (null: none open), at `version` or, when null, its current version. */
export function useAgreement(id: string | null, version: number | null = null) {
  return useQuery({
    queryKey: agreementKeys.detail(id ?? '', version),
    queryFn: ({ signal }) => fetchAgreement(id ?? '', version, signal),
    enabled: id !== null,
  });
}

/** The saved agreement is its newest version: show it at once, and refresh every list it appears in. */
function useAgreementMutation<Variables>(mutationFn: (variables: Variables) => Promise<AgreementDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (saved) => {
      const current = agreementKeys.detail(saved.id, null);
      queryClient.setQueryData(current, saved);
      // Older versions now list one more version after them.
      void queryClient.invalidateQueries({
        queryKey: agreementKeys.details(saved.id),
        predicate: (query) => query.queryKey[query.queryKey.length - 1] !== null,
      });
      void queryClient.invalidateQueries({ queryKey: agreementKeys.lists() });
    },
  });
}

export const useCreateAgreement = () => useAgreementMutation(createAgreement);
export const useUpdateAgreement = () => useAgreementMutation(updateAgreement);
