import { useEffect, useState } from 'react';
import { Screen } from '../components/Screen';
import type { PortalApiError } from '../portal-api';

interface ProblemScreenProps {
  problem: PortalApiError;
  onRetry: () => void;
}

/** A failed load the participant can retry: offline, too many requests, or our fault. */
export function ProblemScreen({ problem, onRetry }: ProblemScreenProps) {
  if (problem.kind === 'rate-limited') {
    return <WaitScreen seconds={problem.retryAfterSeconds} onRetry={onRetry} />;
  }
  const title = problem.kind === 'offline' ? 'No connection' : 'Something went wrong';
  return (
    <Screen title={title}>
      <p className="lead" role="alert">
        {problem.message}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </Screen>
  );
}

function WaitScreen({ seconds, onRetry }: { seconds: number; onRetry: () => void }) {
  const [left, setLeft] = useState(seconds);

  useEffect(() => {
    // Counted against the clock: a phone may pause timers while the page is in the background.
    const until = Date.now() + seconds * 1000;
    const timer = window.setInterval(() => {
      const remaining = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(remaining);
      if (remaining === 0) window.clearInterval(timer);
    }, 1000);
    return () => window.clearInterval(timer);
  }, [seconds]);

  return (
    <Screen title="Please wait a moment">
      <p className="lead">There were a lot of requests from this link in a short time. This is a safety measure.</p>
      {/* Only the end of the wait is announced, not every passing second. */}
      <p className="note" aria-live="polite">
        {left > 0 ? '' : 'You can try again now.'}
      </p>
      {left > 0 && <p className="note">You can try again in {formatWait(left)}.</p>}
      <button type="button" className="button" onClick={onRetry} disabled={left > 0}>
        Try again
      </button>
    </Screen>
  );
}

function formatWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'about a minute' : `about ${minutes} minutes`;
}
