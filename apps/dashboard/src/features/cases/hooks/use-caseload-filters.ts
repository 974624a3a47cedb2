import { useCallback, useMemo } from 'react';
import {
  CASE_STATUSES,
  CASELOAD_SORTS,
  CaseloadSort,
  Permission,
  RELATIONSHIP_TYPES,
  type CaseloadQuery,
  type CaseStatus,
  type RelationshipType,
} from '@trustwork/contracts';
import { FIRST_PHASE, LAST_PHASE } from '@trustwork/trust-program';
import { useAddressParams } from '../../../lib/use-address-params';
import { usePermission } from '../../auth/hooks/use-session';

/** Address parameter for each filter: short, so a shared link stays readable. */
const PARAMS = {
  search: 'q',
  status: 'status',
  phase: 'phase',
  clinicianId: 'clinician',
  relationshipType: 'relationship',
  sort: 'sort',
  attention: 'attention',
} as const;

export type CaseloadFilterName = keyof typeof PARAMS;
export type CaseloadFilters = Omit<CaseloadQuery, 'cursor' | 'limit'>;

/**
 * The orders a role may choose, and the one it starts with: cases that need attention first
 * for those who see alerts; for the others, alerts are hidden, so that order means nothing.
 */
function useCaseloadSorts() {
  const seesAlerts = usePermission(Permission.ViewClinicalRecords);
  return useMemo(
    () =>
      seesAlerts
        ? { sorts: CASELOAD_SORTS, defaultSort: CaseloadSort.Attention }
        : { sorts: CASELOAD_SORTS.filter((sort) => sort !== CaseloadSort.Attention), defaultSort: CaseloadSort.Updated },
    [seesAlerts],
  );
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return allowed.find((option) => option === value);
}

function parsePhase(value: string | null): number | undefined {
  const phase = Number(value);
  return value && Number.isInteger(phase) && phase >= FIRST_PHASE && phase <= LAST_PHASE ? phase : undefined;
}

/**
 * The caseload's search, filters and order, kept in the address so a view can be bookmarked
 * or shared and the back button steps through earlier ones. A value the API would refuse
 * (an edited or stale link) is ignored rather than shown as an error.
 */
export function useCaseloadFilters() {
  const { params, setParams, changeParams } = useAddressParams();
  const { sorts, defaultSort } = useCaseloadSorts();

  const filters = useMemo<CaseloadFilters>(
    () => ({
      search: params.get(PARAMS.search)?.trim() || undefined,
      status: oneOf<CaseStatus>(CASE_STATUSES, params.get(PARAMS.status)),
      phase: parsePhase(params.get(PARAMS.phase)),
      clinicianId: params.get(PARAMS.clinicianId) || undefined,
      relationshipType: oneOf<RelationshipType>(RELATIONSHIP_TYPES, params.get(PARAMS.relationshipType)),
      sort: oneOf(sorts, params.get(PARAMS.sort)) ?? defaultSort,
      // Only ever `true`: "off" leaves the parameter out of the address and the request alike.
      attention: params.get(PARAMS.attention) === 'true' || undefined,
    }),
    [params, sorts, defaultSort],
  );

  /**
   * Each choice in a filter is a step back can return to; typing in the search box replaces
   * the current step, so back does not replay every keystroke.
   */
  const setFilter = useCallback(
    (name: CaseloadFilterName, value: string | null) => {
      const isDefault = name === 'sort' && value === defaultSort;
      changeParams({ [PARAMS[name]]: isDefault ? null : value }, { replace: name === 'search' });
    },
    [changeParams, defaultSort],
  );

  /** Clears what narrows the list; the chosen order stays. */
  const clearFilters = useCallback(
    () =>
      setParams((previous) => {
        const next = new URLSearchParams();
        const sort = previous.get(PARAMS.sort);
        if (sort) next.set(PARAMS.sort, sort);
        return next;
      }),
    [setParams],
  );

  const narrowed = Boolean(filters.search || filters.status || filters.phase || filters.clinicianId || filters.relationshipType);
  const isFiltered = narrowed || Boolean(filters.attention);
  /** Only "needs attention" is on: an empty list then is good news rather than a search that found nothing. */
  const onlyAttention = Boolean(filters.attention) && !narrowed;

  return { filters, sorts, setFilter, clearFilters, isFiltered, onlyAttention };
}
