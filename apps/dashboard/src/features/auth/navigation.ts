import { type Location } from 'react-router';

/** Why the sign-in page opened, for its notice. */
export type SignInNotice = { kind: 'expired' } | { kind: 'idle'; minutes: number } | { kind: 'password-reset' };

/** Router state handed to /sign-in: where to return afterwards, and why we are here. */
export interface SignInNavigationState {
  from?: string;
  notice?: SignInNotice;
  /** The history entry of the code step, so the browser's Back returns to the password step. */
  codeStep?: boolean;
}

export function signInStateFor(location: Location, notice?: SignInNotice): SignInNavigationState {
  return { from: `${location.pathname}${location.search}${location.hash}`, notice };
}

function readNotice(value: unknown): SignInNotice | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, minutes } = value as Record<string, unknown>;
  if (kind === 'expired' || kind === 'password-reset') return { kind };
  return kind === 'idle' && typeof minutes === 'number' ? { kind, minutes } : undefined;
}

export function readSignInState(state: unknown): SignInNavigationState {
  if (typeof state !== 'object' || state === null) return {};
  const { from, notice, codeStep } = state as Record<string, unknown>;
  return {
    // Only ever an in-app path, never another origin.
    from: typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : undefined,
    notice: readNotice(notice),
    codeStep: codeStep === true,
  };
}
