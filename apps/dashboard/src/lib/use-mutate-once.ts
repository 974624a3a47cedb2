import { useCallback, useRef } from 'react';
import { type MutateOptions, type UseMutationResult } from '@tanstack/react-query';

/**
 * The mutation's `mutate`, ignoring calls while one is in flight: `isPending` disables the
 * button only after a render, and a double-click's second click can come before it.
 */
export function useMutateOnce<TData, TError, TVariables, TContext>({ mutate }: UseMutationResult<TData, TError, TVariables, TContext>) {
  const inFlight = useRef(false);
  return useCallback(
    (variables: TVariables, options: MutateOptions<TData, TError, TVariables, TContext> = {}) => {
      if (inFlight.current) return;
      inFlight.current = true;
      mutate(variables, {
        ...options,
        onSettled: (...settled) => {
          inFlight.current = false;
          options.onSettled?.(...settled);
        },
      });
    },
    [mutate],
  );
}
