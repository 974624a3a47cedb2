import { useCallback } from 'react';
import { AUDIT_RECORD_TYPES, type AuditEventQuery, type AuditRecordType } from '@trustwork/contracts';
import { useAddressParams } from '../../../lib/use-address-params';
import { practiceDayRange } from '../../../lib/practice-time';

export interface AuditFilters {
  /** A team member's id. */
  person: string | null;
  recordType: AuditRecordType | null;
  /** Practice-local dates, "2026-03-14", both days included. */
  fromDate: string | null;
  toDate: string | null;
  caseId: string | null;
  /** Reads (opening, listing, exporting) left out: only what was created or changed. */
  changesOnly: true | null;
}

/** Filter → name in the address, so a filtered log can be bookmarked or sent to a colleague. */
const PARAM_NAMES: Record<keyof AuditFilters, string> = {
  person: 'person',
  recordType: 'record',
  fromDate: 'from',
  toDate: 'to',
  caseId: 'caseId',
  changesOnly: 'changes',
};

/** How "changes only" reads in the address: `?changes=only`. */
const CHANGES_ONLY = 'only';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function readDate(value: string | null): string | null {
  return value && DATE.test(value) ? value : null;
}

function readRecordType(value: string | null): AuditRecordType | null {
  return AUDIT_RECORD_TYPES.find((type) => type === value) ?? null;
}

export function useAuditFilters() {
  const { params, setParams, changeParams } = useAddressParams();
  const filters: AuditFilters = {
    person: params.get(PARAM_NAMES.person) || null,
    recordType: readRecordType(params.get(PARAM_NAMES.recordType)),
    fromDate: readDate(params.get(PARAM_NAMES.fromDate)),
    toDate: readDate(params.get(PARAM_NAMES.toDate)),
    caseId: params.get(PARAM_NAMES.caseId) || null,
    changesOnly: params.get(PARAM_NAMES.changesOnly) === CHANGES_ONLY ? true : null,
  };
  const hasFilters = Object.values(filters).some((value) => value !== null);

  const setFilters = useCallback(
    (changes: Partial<AuditFilters>) =>
      changeParams(
        Object.fromEntries(Object.entries(changes).map(([key, value]) => [PARAM_NAMES[key as keyof AuditFilters], value === true ? CHANGES_ONLY : value])),
        { replace: true },
      ),
    [changeParams],
  );

  const clearFilters = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { filters, hasFilters, setFilters, clearFilters };
}

/** The API query for these filters; dates become the start and end of those days in the practice. */
export function toAuditQuery(filters: AuditFilters, timeZone: string): Omit<AuditEventQuery, 'cursor'> {
  return {
    actorId: filters.person ?? undefined,
    recordType: filters.recordType ?? undefined,
    caseId: filters.caseId ?? undefined,
    changesOnly: filters.changesOnly ?? undefined,
    from: filters.fromDate ? practiceDayRange(filters.fromDate, 1, timeZone).from : undefined,
    to: filters.toDate ? practiceDayRange(filters.toDate, 1, timeZone).to : undefined,
  };
}
