import type { ReactNode } from 'react';
import type { Loaded } from '../lib/use-portal-load';

interface LoadStateProps<T> {
  loaded: Loaded<T>;
  onRetry: () => void;
  /** What is loading, for the status line: "your homework". */
  what: string;
  children: (data: T) => ReactNode;
}

/** A screen section's loading placeholder, its failure with a retry, or its content. */
export function LoadState<T>({ loaded, onRetry, what, children }: LoadStateProps<T>) {
  if (loaded.state === 'loading') {
    return (
      <>
        <p className="note" role="status">
          Loading {what}…
        </p>
        <div className="skeleton" aria-hidden="true">
          <span />
          <span />
        </div>
      </>
    );
  }
  if (loaded.state === 'problem') {
    return (
      <div className="problem" role="alert">
        <p>{loaded.problem.message}</p>
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  return <>{children(loaded.data)}</>;
}
