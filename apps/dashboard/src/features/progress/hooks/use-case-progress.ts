import { useCallback } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { practiceToday, usePracticeTimeZone } from '../../../lib/practice-time';
import { useAddressParams } from '../../../lib/use-address-params';
import { useNow } from '../../../lib/use-now';
import { fetchCaseProgress, progressKeys, type ProgressRange } from '../api/progress-api';
import { DEFAULT_PROGRESS_PERIOD, progressRange, readProgressPeriod, type ProgressPeriod } from '../progress-range';

/**
 * `enabled` is false for roles the API would refuse: check-ins are clinical. While another
 * period loads, the previous one stays on screen (`isPlaceholderData`) so nothing jumps.
 */
export function useCaseProgress(caseId: string, range: ProgressRange, enabled: boolean) {
  return useQuery({
    queryKey: progressKeys.ofCase(caseId, range),
    queryFn: ({ signal }) => fetchCaseProgress(caseId, range, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/**
 * The period shown and whether as tables, kept in the address so a view can be bookmarked
 * or reopened after looking at another tab. Dates end on the practice's today.
 */
export function useProgressView() {
  const { params, changeParams } = useAddressParams();
  const period = readProgressPeriod(params.get('period'));
  const asTable = params.get('view') === 'table';
  const today = practiceToday(usePracticeTimeZone(), useNow());

  const update = useCallback((name: string, value: string | null) => changeParams({ [name]: value }, { replace: true }), [changeParams]);

  const setPeriod = useCallback(
    (next: ProgressPeriod) => update('period', next === DEFAULT_PROGRESS_PERIOD ? null : next),
    [update],
  );
  const setAsTable = useCallback((table: boolean) => update('view', table ? 'table' : null), [update]);

  return { period, range: progressRange(period, today), asTable, setPeriod, setAsTable };
}
