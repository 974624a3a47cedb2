import {
  type AgreementReminderRequest,
  type AgreementReminderResult,
  type CaseAgreements,
  type ChangeConfidentialityPolicyRequest,
  type SetCaseAgreementsRequest,
} from '@trustwork/contracts';
import { apiClient, type ApiFile } from '../../../lib/api-client';

export const caseAgreementKeys = {
  all: ['case-agreements'] as const,
  forCase: (caseId: string) => [...caseAgreementKeys.all, caseId] as const,
};

const agreementsPath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/agreements`;

/** The case's policy and its history, and who has signed which of its agreements. */
export function fetchCaseAgreements(caseId: string, signal?: AbortSignal): Promise<CaseAgreements> {
  return apiClient.get<CaseAgreements>(agreementsPath(caseId), { signal });
}

export interface PolicyChoice {
  caseId: string;
  request: ChangeConfidentialityPolicyRequest;
}

/** Both people are asked to sign the new policy. */
export function changeConfidentialityPolicy({ caseId, request }: PolicyChoice): Promise<CaseAgreements> {
  return apiClient.put<CaseAgreements>(`/cases/${encodeURIComponent(caseId)}/confidentiality-policy`, request);
}

export interface CaseAgreementsChoice {
  caseId: string;
  request: SetCaseAgreementsRequest;
}

/** The agreements both people sign besides the policy's, which the API keeps for you. */
export function setCaseAgreements({ caseId, request }: CaseAgreementsChoice): Promise<CaseAgreements> {
  return apiClient.put<CaseAgreements>(agreementsPath(caseId), request);
}

export interface AgreementReminder {
  caseId: string;
  request: AgreementReminderRequest;
}

export function sendAgreementReminder({ caseId, request }: AgreementReminder): Promise<AgreementReminderResult> {
  return apiClient.post<AgreementReminderResult>(`${agreementsPath(caseId)}/reminders`, request);
}

export interface SignedCopy {
  caseId: string;
  signatureId: string;
}

/** One person's signed copy as a PDF: the text they signed, their signature and the document's hash. */
export function fetchSignedCopy({ caseId, signatureId }: SignedCopy): Promise<ApiFile> {
  return apiClient.getFile(`${agreementsPath(caseId)}/signatures/${encodeURIComponent(signatureId)}/pdf`);
}
