import { DEFAULT_CURRENCY } from '@trustwork/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  billingKeys,
  createBillingService,
  fetchBillingServices,
  fetchBillingSettings,
  fetchClinicianCredentials,
  updateBillingService,
  updateBillingSettings,
  updateClinicianCredentials,
} from '../api/billing-settings-api';

export function useBillingSettings() {
  return useQuery({ queryKey: billingKeys.settings(), queryFn: ({ signal }) => fetchBillingSettings(signal), staleTime: 60_000 });
}

/** The practice's currency; the default until the settings arrive, so amounts show at once. */
export function useCurrency(): string {
  return useBillingSettings().data?.currency ?? DEFAULT_CURRENCY;
}

export function useUpdateBillingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateBillingSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(billingKeys.settings(), saved);
      // Every amount on screen is written in the currency.
      void queryClient.invalidateQueries({ queryKey: billingKeys.all });
    },
  });
}

export function useBillingServices() {
  return useQuery({ queryKey: billingKeys.services(), queryFn: ({ signal }) => fetchBillingServices(signal) });
}

/** A change to the services, after which the table is read again. */
function useServicesChange<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: billingKeys.services() }),
  });
}

export const useCreateBillingService = () => useServicesChange(createBillingService);
export const useUpdateBillingService = () => useServicesChange(updateBillingService);

export function useClinicianCredentials() {
  return useQuery({ queryKey: billingKeys.clinicians(), queryFn: ({ signal }) => fetchClinicianCredentials(signal) });
}

export function useUpdateClinicianCredentials() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateClinicianCredentials,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: billingKeys.clinicians() }),
  });
}
