import { useEffect, useState } from 'react';

const MINUTE = 60_000;

/**
 * The current time, refreshed every minute: Home and a case's sessions stay open all day,
 * so "today", "up next" and which sessions still need a note must move on without a reload.
 */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), MINUTE);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
