import type { BillingSettings, UpdateBillingSettingsRequest } from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';

export const billingKeys = {
  all: ['billing'] as const,
  settings: () => [...billingKeys.all, 'settings'] as const,
  ofCase: (caseId: string) => [...billingKeys.all, 'case', caseId] as const,
};

export function fetchBillingSettings(signal?: AbortSignal): Promise<BillingSettings> {
  return apiClient.get<BillingSettings>('/billing/settings', { signal });
}

export function updateBillingSettings(changes: UpdateBillingSettingsRequest): Promise<BillingSettings> {
  return apiClient.patch<BillingSettings>('/billing/settings', changes);
}
