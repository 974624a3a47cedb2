import { DEFAULT_CURRENCY } from '@trustwork/contracts';
import { useQuery } from '@tanstack/react-query';
import { billingKeys, fetchBillingSettings } from '../api/billing-settings-api';

export function useBillingSettings() {
  return useQuery({ queryKey: billingKeys.settings(), queryFn: ({ signal }) => fetchBillingSettings(signal), staleTime: 60_000 });
}

/** The practice's currency; the default until the settings arrive, so amounts show at once. */
export function useCurrency(): string {
  return useBillingSettings().data?.currency ?? DEFAULT_CURRENCY;
}
