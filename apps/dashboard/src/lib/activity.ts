import { hearOtherTabs, tellOtherTabs } from './tab-messages';

/**
 * A request sent within this long of the person's last activity is theirs; later, nobody
 * asked for it (a refetch of an open page), so the server must not count it as activity.
 */
const RECENT_MS = 60_000;
/** The other tabs hear of activity at most this often: it keeps them signed in too. */
const SHARE_EVERY_MS = 5_000;

// Element events, caught on their way down; focus only when the window itself gains it,
// since the app moves focus by itself (a dialog opening) and that is not the person.
const PERSON_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'scroll', 'touchstart'] as const;

let lastActiveAt = Date.now();
let lastSharedAt = 0;
let lastReportedAt = 0;

function noteActivity(at: number): void {
  lastActiveAt = Math.max(lastActiveAt, Math.min(at, Date.now()));
}

/** When the person last did something in this browser, in any tab. */
export const activity = {
  lastActiveAt: (): number => lastActiveAt,

  /** Whether a request sent now is the person's own (see RECENT_MS). */
  isRecent: (): boolean => Date.now() - lastActiveAt < RECENT_MS,

  /** The person did something in this tab. */
  record(): void {
    const now = Date.now();
    noteActivity(now);
    if (now - lastSharedAt < SHARE_EVERY_MS) return;
    lastSharedAt = now;
    tellOtherTabs({ type: 'active', at: now });
  },

  /** A request that counts as activity went to the server. */
  reported(): void {
    lastReportedAt = Date.now();
  },

  /** When the server last heard of the person from this tab. */
  lastReportedAt: (): number => lastReportedAt,

  /** Listens for the person in this tab and in the others; returns a function that stops. */
  watch(): () => void {
    const onPerson = () => activity.record();
    PERSON_EVENTS.forEach((name) => window.addEventListener(name, onPerson, { capture: true, passive: true }));
    window.addEventListener('focus', onPerson);
    const stopHearing = hearOtherTabs((message) => {
      if (message.type === 'active') noteActivity(message.at);
    });
    return () => {
      PERSON_EVENTS.forEach((name) => window.removeEventListener(name, onPerson, { capture: true }));
      window.removeEventListener('focus', onPerson);
      stopHearing();
    };
  },

  /** Starts afresh on signing in, which the server has just counted as activity; tests call it between cases. */
  reset(): void {
    lastActiveAt = Date.now();
    lastSharedAt = 0;
    lastReportedAt = lastActiveAt;
  },
};
