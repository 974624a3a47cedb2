import { type Location } from 'react-router';

/** Router state handed to /sign-in: where to return afterwards, and why we are here. */
export interface SignInNavigationState {
  from?: string;
  sessionExpired?: boolean;
}

export function signInStateFor(location: Location, sessionExpired: boolean): SignInNavigationState {
  return { from: `${location.pathname}${location.search}${location.hash}`, sessionExpired };
}

export function readSignInState(state: unknown): SignInNavigationState {
  if (typeof state !== 'object' || state === null) return {};
  const { from, sessionExpired } = state as Record<string, unknown>;
  return {
    // Only ever an in-app path, never another origin.
    from: typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : undefined,
    sessionExpired: sessionExpired === true,
  };
}
