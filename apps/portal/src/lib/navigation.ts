import { useMemo, useSyncExternalStore } from 'react';
import { PORTAL_BASE as BASE } from '../portal-base';

/** The parts of the participant's space the home screen leads to, by the last part of their address. */
const SECTION_PATHS = {
  homework: 'homework',
  shared: 'shared',
  'check-in': 'check-in',
  'talk-privately': 'private',
  agreements: 'agreements',
  sessions: 'sessions',
  billing: 'billing',
} as const;
export type Section = keyof typeof SECTION_PATHS;

/**
 * Where the participant is in their space. Each screen has its own address under /p/
 * (never holding the token), so the phone's Back and Forward move between screens and a
 * reload shows the same one. The history API is enough for a handful of screens: no router needed.
 */
export type Place =
  | { screen: 'home' }
  | { screen: Section }
  | { screen: 'exercise'; assignmentId: string }
  | { screen: 'agreement'; agreementId: string }
  | { screen: 'session'; sessionId: string };

export const HOME: Place = { screen: 'home' };

export function pathOf(place: Place): string {
  switch (place.screen) {
    case 'home':
      return BASE;
    case 'exercise':
      return `${BASE}${SECTION_PATHS.homework}/${encodeURIComponent(place.assignmentId)}`;
    case 'agreement':
      // Agreement ids may hold a colon (`builtin:informed-consent`).
      return `${BASE}${SECTION_PATHS.agreements}/${encodeURIComponent(place.agreementId)}`;
    case 'session':
      return `${BASE}${SECTION_PATHS.sessions}/${encodeURIComponent(place.sessionId)}`;
    default:
      return BASE + SECTION_PATHS[place.screen];
  }
}

/** The place an address names; anything unknown is home. */
export function placeOf(pathname: string): Place {
  if (!pathname.startsWith(BASE)) return HOME;
  const parts = pathname.slice(BASE.length).split('/').filter(Boolean);
  if (parts.length === 2) return recordPlace(parts[0], parts[1]);
  const section = (Object.keys(SECTION_PATHS) as Section[]).find((key) => parts.length === 1 && SECTION_PATHS[key] === parts[0]);
  return section ? { screen: section } : HOME;
}

/** One record of a section: `homework/<id>`, `agreements/<id>`, `sessions/<id>`. */
function recordPlace(section: string, encodedId: string): Place {
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    return HOME;
  }
  if (section === SECTION_PATHS.homework) return { screen: 'exercise', assignmentId: id };
  if (section === SECTION_PATHS.agreements) return { screen: 'agreement', agreementId: id };
  if (section === SECTION_PATHS.sessions) return { screen: 'session', sessionId: id };
  return HOME;
}

/** How many screens deep this history entry is, counted from where the visit began. */
function depth(): number {
  const state: unknown = window.history.state;
  const value = state && typeof state === 'object' && 'depth' in state ? state.depth : 0;
  return typeof value === 'number' ? value : 0;
}

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

// pushState and replaceState fire no event of their own.
function changed(): void {
  listeners.forEach((listener) => listener());
}

/** Opens a screen one level deeper, as a new history entry. */
export function goTo(place: Place): void {
  window.history.pushState({ depth: depth() + 1 }, '', pathOf(place));
  changed();
}

/** Shows a place in this history entry (a fresh start, a forgotten link). */
export function replaceWith(place: Place): void {
  window.history.replaceState(window.history.state, '', pathOf(place));
  changed();
}

/**
 * The screen's own Back button does what the phone's does when the parent screen opened
 * this one; after a reload in a new tab there is no such entry, so it shows the parent.
 */
export function goBackTo(parent: Place): void {
  if (depth() > 0) window.history.back();
  else replaceWith(parent);
}

export function usePlace(): Place {
  const pathname = useSyncExternalStore(subscribe, () => window.location.pathname);
  return useMemo(() => placeOf(pathname), [pathname]);
}
