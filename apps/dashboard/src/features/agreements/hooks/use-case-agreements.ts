import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CaseAgreements } from '@trustwork/contracts';
import { downloadBlob } from '../../case-record/download-json';
import { caseKeys } from '../../cases/api/cases-api';
import {
  caseAgreementKeys,
  changeConfidentialityPolicy,
  fetchCaseAgreements,
  fetchSignedCopy,
  sendAgreementReminder,
  setCaseAgreements,
  type SignedCopy,
} from '../api/case-agreements';

export function useCaseAgreements(caseId: string) {
  return useQuery({
    queryKey: caseAgreementKeys.forCase(caseId),
    queryFn: ({ signal }) => fetchCaseAgreements(caseId, signal),
  });
}

/** A change the API answers with the case's agreements as they now stand. */
function useCaseAgreementsChange<Variables extends { caseId: string }>(mutationFn: (variables: Variables) => Promise<CaseAgreements>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (saved, { caseId }) => {
      queryClient.setQueryData(caseAgreementKeys.forCase(caseId), saved);
      // The case page's badge shows the policy, and the timeline may list the change.
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
}

export const useChangeConfidentialityPolicy = () => useCaseAgreementsChange(changeConfidentialityPolicy);
export const useSetCaseAgreements = () => useCaseAgreementsChange(setCaseAgreements);

export function useSendAgreementReminder() {
  return useMutation({ mutationFn: sendAgreementReminder });
}

/** Saves a signed copy as `fileName`: the API names every copy alike, and a practice keeps several side by side. */
export function useDownloadSignedCopy() {
  return useMutation({
    mutationFn: async ({ fileName, ...copy }: SignedCopy & { fileName: string }) => {
      const file = await fetchSignedCopy(copy);
      downloadBlob(file.blob, fileName);
    },
  });
}
