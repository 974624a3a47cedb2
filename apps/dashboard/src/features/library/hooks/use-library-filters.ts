import { useCallback, useMemo } from 'react';
import { type ExerciseAudience, type ExerciseQuery } from '@trustwork/contracts';
import { EXERCISE_AUDIENCES, EXERCISE_PHASES } from '@trustwork/trust-program';
import { useAddressParams } from '../../../lib/use-address-params';

/** Address parameter for each filter, and for the exercise open in the preview. */
const PARAMS = {
  phase: 'phase',
  audience: 'audience',
  search: 'q',
  includeArchived: 'archived',
  exercise: 'exercise',
} as const;

export type LibraryFilterName = Exclude<keyof typeof PARAMS, 'exercise'>;

const PHASE_VALUES = EXERCISE_PHASES.map(String);

/**
 * The library's filters and open exercise, kept in the address so a view can be bookmarked or
 * shared and back steps through it. A value the API would refuse (a stale link) is ignored.
 */
export function useLibraryFilters() {
  const { params, setParams, changeParams } = useAddressParams();

  const query = useMemo<ExerciseQuery>(() => {
    const phase = params.get(PARAMS.phase);
    const audience = params.get(PARAMS.audience);
    return {
      phase: phase && PHASE_VALUES.includes(phase) ? phase : undefined,
      audience: EXERCISE_AUDIENCES.find((value): value is ExerciseAudience => value === audience),
      search: params.get(PARAMS.search)?.trim() || undefined,
      includeArchived: params.get(PARAMS.includeArchived) === 'true' || undefined,
    };
  }, [params]);

  const update = useCallback(
    (name: keyof typeof PARAMS, value: string | null, replace = false) => changeParams({ [PARAMS[name]]: value }, { replace }),
    [changeParams],
  );

  // Typing replaces the current step, so back does not replay every keystroke.
  const setFilter = useCallback(
    (name: LibraryFilterName, value: string | null) => update(name, value, name === 'search'),
    [update],
  );

  const clearFilters = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  const openExercise = useCallback((id: string | null) => update('exercise', id), [update]);

  return {
    query,
    isFiltered: Boolean(query.phase || query.audience || query.search),
    setFilter,
    clearFilters,
    openExerciseId: params.get(PARAMS.exercise),
    openExercise,
  };
}
