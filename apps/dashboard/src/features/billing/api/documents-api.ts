import { apiClient, type ApiFile } from '../../../lib/api-client';
import { toSearchParams } from '../../../lib/search-params';

/** A period of calendar days in the practice's zone, both ends included. */
export interface DocumentPeriod {
  from: string;
  to: string;
}

/** A payer's account over the period, as a PDF. */
export function fetchStatementPdf({ payerId, from, to }: DocumentPeriod & { payerId: string }): Promise<ApiFile> {
  return apiClient.getFile(`/payers/${encodeURIComponent(payerId)}/statement.pdf${toSearchParams({ from, to })}`);
}

/** One person's sessions over the period, to claim from an insurer, as a PDF. */
export function fetchSuperbillPdf({ participantId, from, to }: DocumentPeriod & { participantId: string }): Promise<ApiFile> {
  return apiClient.getFile(`/participants/${encodeURIComponent(participantId)}/superbill.pdf${toSearchParams({ from, to })}`);
}
