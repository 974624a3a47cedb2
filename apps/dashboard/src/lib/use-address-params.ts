import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** Parameters to change in the address's query: a value sets one, null or '' removes it; the others stay. */
export type AddressParamChanges = Record<string, string | null | undefined>;

/**
 * The address's query (where views keep their filters and periods, so they can be bookmarked)
 * and a way to change some of its parameters. `replace` swaps the current history entry instead
 * of adding one, so Back does not step through every keystroke or view switch.
 */
export function useAddressParams() {
  const [params, setParams] = useSearchParams();
  const changeParams = useCallback(
    (changes: AddressParamChanges, { replace }: { replace: boolean }) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(changes)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace },
      ),
    [setParams],
  );
  return { params, setParams, changeParams };
}
