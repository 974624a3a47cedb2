import {
  type AgreementDetail,
  type AgreementQuery,
  type AgreementSummary,
  type CreateAgreementRequest,
  type UpdateAgreementRequest,
} from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';
import { toSearchParams } from '../../../lib/search-params';

export const agreementKeys = {
  all: ['agreements'] as const,
  lists: () => [...agreementKeys.all, 'list'] as const,
  list: (query: AgreementQuery) => [...agreementKeys.lists(), query] as const,
  details: (id: string) => [...agreementKeys.all, 'detail', id] as const,
  /** `version` null: the current one. */
  detail: (id: string, version: number | null) => [...agreementKeys.details(id), version] as const,
};

const agreementPath = (id: string) => `/agreements/${encodeURIComponent(id)}`;

export function fetchAgreements(query: AgreementQuery, signal?: AbortSignal): Promise<AgreementSummary[]> {
  // Leave `includeArchived` out unless asked for, so the API's default applies.
  return apiClient.get<AgreementSummary[]>(`/agreements${toSearchParams({ ...query, includeArchived: query.includeArchived || undefined })}`, {
    signal,
  });
}

/** One agreement at `version`, or at its current version when `version` is null. */
export function fetchAgreement(id: string, version: number | null, signal?: AbortSignal): Promise<AgreementDetail> {
  return apiClient.get<AgreementDetail>(`${agreementPath(id)}${toSearchParams({ version })}`, { signal });
}

export function createAgreement(request: CreateAgreementRequest): Promise<AgreementDetail> {
  return apiClient.post<AgreementDetail>('/agreements', request);
}

export interface AgreementUpdate {
  id: string;
  changes: UpdateAgreementRequest;
}

/** A new title or body writes a new version; `archived` alone hides or shows it for new cases. */
export function updateAgreement({ id, changes }: AgreementUpdate): Promise<AgreementDetail> {
  return apiClient.patch<AgreementDetail>(agreementPath(id), changes);
}
