import { useEffect, useRef } from 'react';
import { PORTAL_IDLE_MINUTES } from '@trustwork/contracts';

const IDLE_MS = PORTAL_IDLE_MINUTES * 60_000;
const TOUCHES = ['pointerdown', 'keydown', 'input', 'scroll', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once the page has gone PORTAL_IDLE_MINUTES untouched (phones are shared),
 * then waits for the next touch before counting again. Off while `watching` is false.
 */
export function useIdleClose(watching: boolean, onIdle: () => void): void {
  const latest = useRef(onIdle);
  latest.current = onIdle;

  useEffect(() => {
    if (!watching) return;
    let touchedAt = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (delay: number) => {
      timer = setTimeout(check, delay);
    };
    // One timer, moved on only when it fires: a touch just notes the time.
    const check = () => {
      const left = touchedAt + IDLE_MS - Date.now();
      if (left > 0) schedule(left);
      else {
        timer = undefined;
        latest.current();
      }
    };
    const onTouch = () => {
      touchedAt = Date.now();
      if (timer === undefined) schedule(IDLE_MS);
    };
    TOUCHES.forEach((name) => window.addEventListener(name, onTouch, { capture: true, passive: true }));
    schedule(IDLE_MS);
    return () => {
      clearTimeout(timer);
      TOUCHES.forEach((name) => window.removeEventListener(name, onTouch, { capture: true }));
    };
  }, [watching]);
}
