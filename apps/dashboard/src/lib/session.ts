import { type AuthTokens, type CurrentUser } from '@trustwork/contracts';
import { hearOtherTabs, tellOtherTabs } from './tab-messages';

/** Where the refresh token was kept before it moved into an HttpOnly cookie; cleared on load. */
export const LEGACY_REFRESH_TOKEN_KEY = 'trustwork.refreshToken';

/** Why nobody is signed in; the sign-in page words its notice from this. */
export type SignedOutReason = 'signed-out' | 'expired' | 'unreachable';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-in'; user: CurrentUser }
  | { status: 'signed-out'; reason?: SignedOutReason }
  /** Signed out automatically after the practice's limit without activity. */
  | { status: 'signed-out'; reason: 'idle'; idleMinutes: number };

type SignedOutState = Extract<SessionState, { status: 'signed-out' }>;
type Listener = () => void;

let state: SessionState = { status: 'signed-out' };
// The access token lives in memory only; the refresh token is a cookie page scripts cannot read.
let accessToken: string | null = null;
// Counts the sessions that have ended, so an answer that arrives afterwards cannot bring one back.
let endings = 0;
const listeners = new Set<Listener>();

function setState(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

function endInThisTab(signedOut: SignedOutState): void {
  accessToken = null;
  endings += 1;
  setState(signedOut);
}

// A refresh token stored by an older version is readable by any script on the page: drop it.
try {
  window.localStorage.removeItem(LEGACY_REFRESH_TOKEN_KEY);
} catch {
  // Storage is off, so nothing was kept there.
}

/** The signed-in therapist's session, shared by the API client and React (via useSyncExternalStore). */
export const session = {
  getState: (): SessionState => state,

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  getAccessToken: (): string | null => accessToken,

  markRestoring(): void {
    setState({ status: 'restoring' });
  },

  start(tokens: AuthTokens): void {
    accessToken = tokens.accessToken;
    setState({ status: 'signed-in', user: tokens.user });
  },

  /** New details of the signed-in user (their practice's settings, say), keeping the session. */
  updateUser(user: CurrentUser): void {
    if (state.status === 'signed-in') setState({ status: 'signed-in', user });
  },

  /**
   * Ends the session in this tab (with no reason: there was none to restore). The other tabs
   * share the sign-in cookie, so a deliberate sign-out ends theirs too; an expired session
   * they discover at their next request.
   */
  end(reason?: SignedOutReason): void {
    endInThisTab(reason ? { status: 'signed-out', reason } : { status: 'signed-out' });
    if (reason === 'signed-out') tellOtherTabs({ type: 'signed-out', reason });
  },

  /** Ends the session in every tab after the practice's limit without activity. */
  endAfterIdle(idleMinutes: number): void {
    endInThisTab({ status: 'signed-out', reason: 'idle', idleMinutes });
    tellOtherTabs({ type: 'signed-out', reason: 'idle', idleMinutes });
  },

  /** Changes each time a session ends; compare before and after a slow call to see whether it still matters. */
  endings: (): number => endings,

  /** Back to a blank slate; tests call this between cases. */
  reset(): void {
    endInThisTab({ status: 'signed-out' });
  },

  /** Follows sign-outs in the other tabs of this browser. Returns a function that stops listening. */
  followOtherTabs(): () => void {
    return hearOtherTabs((message) => {
      if (message.type !== 'signed-out' || state.status === 'signed-out') return;
      endInThisTab(
        message.reason === 'idle'
          ? { status: 'signed-out', reason: 'idle', idleMinutes: message.idleMinutes }
          : { status: 'signed-out', reason: 'signed-out' },
      );
    });
  },
};
