import type {
  BillingService,
  BillingSettings,
  ClinicianCredentials,
  CreateBillingServiceRequest,
  UpdateBillingServiceRequest,
  UpdateBillingSettingsRequest,
  UpdateClinicianCredentialsRequest,
} from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';

/** Everything under `ofCase(caseId)` refreshes together: invalidate that prefix after any change to a case's billing. */
export const billingKeys = {
  all: ['billing'] as const,
  settings: () => [...billingKeys.all, 'settings'] as const,
  services: () => [...billingKeys.all, 'services'] as const,
  clinicians: () => [...billingKeys.all, 'clinicians'] as const,
  ofCase: (caseId: string) => [...billingKeys.all, 'case', caseId] as const,
  aging: () => [...billingKeys.all, 'aging'] as const,
  practiceInvoices: (status: string) => [...billingKeys.all, 'invoices', status] as const,
};

export function fetchBillingSettings(signal?: AbortSignal): Promise<BillingSettings> {
  return apiClient.get<BillingSettings>('/billing/settings', { signal });
}

export function updateBillingSettings(changes: UpdateBillingSettingsRequest): Promise<BillingSettings> {
  return apiClient.patch<BillingSettings>('/billing/settings', changes);
}

/** Archived services too: the table offers to restore them. */
export function fetchBillingServices(signal?: AbortSignal): Promise<BillingService[]> {
  return apiClient.get<BillingService[]>('/billing/services?includeArchived=true', { signal });
}

export function createBillingService(request: CreateBillingServiceRequest): Promise<BillingService> {
  return apiClient.post<BillingService>('/billing/services', request);
}

export interface BillingServiceChange {
  serviceId: string;
  changes: UpdateBillingServiceRequest;
}

export function updateBillingService({ serviceId, changes }: BillingServiceChange): Promise<BillingService> {
  return apiClient.patch<BillingService>(`/billing/services/${encodeURIComponent(serviceId)}`, changes);
}

export function fetchClinicianCredentials(signal?: AbortSignal): Promise<ClinicianCredentials[]> {
  return apiClient.get<ClinicianCredentials[]>('/billing/clinicians', { signal });
}

export interface CredentialsChange {
  userId: string;
  request: UpdateClinicianCredentialsRequest;
}

export function updateClinicianCredentials({ userId, request }: CredentialsChange): Promise<ClinicianCredentials> {
  return apiClient.put<ClinicianCredentials>(`/billing/clinicians/${encodeURIComponent(userId)}`, request);
}
