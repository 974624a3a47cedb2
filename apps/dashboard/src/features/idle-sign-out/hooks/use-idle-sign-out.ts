import { useCallback, useEffect, useRef, useState } from 'react';
import { activity } from '../../../lib/activity';
import { reloadCurrentUser } from '../../../lib/api-client';
import { signOut } from '../../auth/api/auth-api';

/** The warning comes this long before the practice's limit. */
const WARNING_MS = 60_000;
const TICK_MS = 1_000;
/**
 * While the person is active without sending requests (reading a long record), the server
 * hears of them this often, or it would refuse the next refresh as idle.
 */
const REPORT_EVERY_MS = 60_000;

function tellServer(): void {
  void reloadCurrentUser().catch(() => undefined);
}

/**
 * The practice's automatic sign-out: watches for the person in this tab and the others,
 * warns a minute before `idleMinutes` pass without activity, then signs out. Answers the
 * seconds left while warning (null otherwise) and the way to stay.
 */
export function useIdleSignOut(idleMinutes: number) {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const signingOut = useRef(false);

  useEffect(() => {
    // Signing in (or coming back to a restored session) is activity the server has just seen.
    activity.reset();
    return activity.watch();
  }, []);

  useEffect(() => {
    const tick = () => {
      const now = Date.now();
      const left = activity.lastActiveAt() + idleMinutes * 60_000 - now;
      if (left <= 0) {
        if (!signingOut.current) {
          signingOut.current = true;
          void signOut(idleMinutes);
        }
        return;
      }
      setSecondsLeft(left <= WARNING_MS ? Math.ceil(left / 1000) : null);
      if (activity.isRecent() && now - activity.lastReportedAt() >= REPORT_EVERY_MS) tellServer();
    };
    const timer = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(timer);
  }, [idleMinutes]);

  const staySignedIn = useCallback(() => {
    activity.record();
    setSecondsLeft(null);
    // A real request, so the server counts the activity too.
    tellServer();
  }, []);

  return { secondsLeft, staySignedIn };
}
