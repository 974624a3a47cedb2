import { type CaseAlert } from '@trustwork/contracts';
import { ALEX, CASE_ID } from '../../case-record/__tests__/case-record-fixtures';

export const ALERTS_PATH = `/api/cases/${CASE_ID}/alerts`;

/** An open alert for Alex; a safety-report alert names its report in the overrides. */
export function caseAlert(overrides: Partial<CaseAlert> & Pick<CaseAlert, 'id' | 'kind' | 'summary' | 'raisedAt'>): CaseAlert {
  return {
    caseId: CASE_ID,
    status: 'open',
    participant: { id: ALEX, displayName: 'Alex Morgan' },
    safetyReportId: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    note: null,
    resolvedAt: null,
    ...overrides,
  };
}
