import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  caseBillingKeys,
  createCharge,
  deleteCharge,
  fetchCaseBilling,
  fetchCharges,
  fetchDiagnoses,
  setCaseBilling,
  setDiagnoses,
  updateCharge,
} from '../api/case-billing-api';
import { useBillingChange } from './use-billing-change';

export function useCaseBilling(caseId: string) {
  return useQuery({ queryKey: caseBillingKeys.summary(caseId), queryFn: ({ signal }) => fetchCaseBilling(caseId, signal) });
}

export function useCharges(caseId: string) {
  return useQuery({ queryKey: caseBillingKeys.charges(caseId), queryFn: ({ signal }) => fetchCharges(caseId, signal) });
}

// Who pays and each charge move the balances, so the whole tab is read again.
export const useSetCaseBilling = (caseId: string) => useBillingChange(caseId, setCaseBilling);
export const useCreateCharge = (caseId: string) => useBillingChange(caseId, createCharge);
export const useUpdateCharge = (caseId: string) => useBillingChange(caseId, updateCharge);
export const useDeleteCharge = (caseId: string) => useBillingChange(caseId, deleteCharge);

export function useDiagnoses(caseId: string, participantId: string) {
  return useQuery({ queryKey: caseBillingKeys.diagnoses(caseId, participantId), queryFn: ({ signal }) => fetchDiagnoses(participantId, signal) });
}

export function useSetDiagnoses(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setDiagnoses,
    onSuccess: (saved) => queryClient.setQueryData(caseBillingKeys.diagnoses(caseId, saved.participantId), saved),
  });
}
