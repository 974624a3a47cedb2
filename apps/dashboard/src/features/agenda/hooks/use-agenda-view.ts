import { useCallback } from 'react';
import { useAddressParams } from '../../../lib/use-address-params';

/** A year either way is plenty; anything else in the address is ignored. */
const MAX_WEEK_OFFSET = 52;

function parseWeekOffset(value: string | null): number {
  const offset = Number(value ?? 0);
  return Number.isInteger(offset) && Math.abs(offset) <= MAX_WEEK_OFFSET ? offset : 0;
}

/**
 * Which week Home shows and whether an owner narrowed it to their own cases. Kept in the
 * address, so coming back from a case returns to the same view.
 */
export function useAgendaView() {
  const { params, changeParams } = useAddressParams();
  const weekOffset = parseWeekOffset(params.get('week'));
  const onlyMine = params.get('mine') === '1';

  const update = useCallback((name: string, value: string | null) => changeParams({ [name]: value }, { replace: true }), [changeParams]);

  const setWeekOffset = useCallback((offset: number) => update('week', offset === 0 ? null : String(offset)), [update]);
  const setOnlyMine = useCallback((mine: boolean) => update('mine', mine ? '1' : null), [update]);

  return { weekOffset, onlyMine, setWeekOffset, setOnlyMine };
}
