import type {
  CaseBilling,
  Charge,
  CreateChargeRequest,
  ParticipantDiagnoses,
  SetCaseBillingRequest,
  SetDiagnosesRequest,
  UpdateChargeRequest,
} from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';
import { billingKeys } from './billing-settings-api';

/** Under the case's billing prefix, so one invalidation of `billingKeys.ofCase` refreshes the whole tab. */
export const caseBillingKeys = {
  summary: (caseId: string) => [...billingKeys.ofCase(caseId), 'summary'] as const,
  charges: (caseId: string) => [...billingKeys.ofCase(caseId), 'charges'] as const,
  diagnoses: (caseId: string, participantId: string) => [...billingKeys.ofCase(caseId), 'diagnoses', participantId] as const,
};

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}`;

/** Who pays, and what each payer owes. */
export function fetchCaseBilling(caseId: string, signal?: AbortSignal): Promise<CaseBilling> {
  return apiClient.get<CaseBilling>(`${casePath(caseId)}/billing`, { signal });
}

export interface WhoPaysChoice {
  caseId: string;
  request: SetCaseBillingRequest;
}

export function setCaseBilling({ caseId, request }: WhoPaysChoice): Promise<CaseBilling> {
  return apiClient.put<CaseBilling>(`${casePath(caseId)}/billing`, request);
}

export function fetchCharges(caseId: string, signal?: AbortSignal): Promise<Charge[]> {
  return apiClient.get<Charge[]>(`${casePath(caseId)}/charges`, { signal });
}

export interface NewCharge {
  caseId: string;
  request: CreateChargeRequest;
}

export function createCharge({ caseId, request }: NewCharge): Promise<Charge> {
  return apiClient.post<Charge>(`${casePath(caseId)}/charges`, request);
}

export interface ChargeChange {
  chargeId: string;
  changes: UpdateChargeRequest;
}

export function updateCharge({ chargeId, changes }: ChargeChange): Promise<Charge> {
  return apiClient.patch<Charge>(`/charges/${encodeURIComponent(chargeId)}`, changes);
}

export function deleteCharge(chargeId: string): Promise<void> {
  return apiClient.delete(`/charges/${encodeURIComponent(chargeId)}`);
}

const diagnosesPath = (participantId: string) => `/participants/${encodeURIComponent(participantId)}/diagnoses`;

export function fetchDiagnoses(participantId: string, signal?: AbortSignal): Promise<ParticipantDiagnoses> {
  return apiClient.get<ParticipantDiagnoses>(diagnosesPath(participantId), { signal });
}

export interface DiagnosesChange {
  participantId: string;
  request: SetDiagnosesRequest;
}

export function setDiagnoses({ participantId, request }: DiagnosesChange): Promise<ParticipantDiagnoses> {
  return apiClient.put<ParticipantDiagnoses>(diagnosesPath(participantId), request);
}
