import { type AuthTokens, type CurrentUser } from '@trustwork/contracts';

export const REFRESH_TOKEN_STORAGE_KEY = 'trustwork.refreshToken';

/** Why nobody is signed in; the sign-in page words its notice from this. */
export type SignedOutReason = 'signed-out' | 'expired' | 'unreachable';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-in'; user: CurrentUser }
  | { status: 'signed-out'; reason?: SignedOutReason };

type Listener = () => void;

let state: SessionState = { status: 'signed-out' };
// The access token lives in memory only; the refresh token is stored so a reload keeps the session.
let accessToken: string | null = null;
// Counts the sessions that have ended, so an answer that arrives afterwards cannot bring one back.
let endings = 0;
const listeners = new Set<Listener>();

function setState(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

// Storage can be unavailable (privacy modes, blocked cookies); the session then lasts for the tab.
function readRefreshToken(): string | null {
  try {
    return window.localStorage.getItem(REFRESH_TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeRefreshToken(token: string | null): void {
  try {
    if (token) window.localStorage.setItem(REFRESH_TOKEN_STORAGE_KEY, token);
    else window.localStorage.removeItem(REFRESH_TOKEN_STORAGE_KEY);
  } catch {
    // Nothing to do: see readRefreshToken.
  }
}

/** Signs this tab out; storage is the caller's business. */
function endInThisTab(reason?: SignedOutReason): void {
  accessToken = null;
  endings += 1;
  setState(reason ? { status: 'signed-out', reason } : { status: 'signed-out' });
}

/** The signed-in therapist's session, shared by the API client and React (via useSyncExternalStore). */
export const session = {
  getState: (): SessionState => state,

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  getAccessToken: (): string | null => accessToken,

  getRefreshToken: readRefreshToken,

  markRestoring(): void {
    setState({ status: 'restoring' });
  },

  start(tokens: AuthTokens): void {
    accessToken = tokens.accessToken;
    writeRefreshToken(tokens.refreshToken);
    setState({ status: 'signed-in', user: tokens.user });
  },

  /** New details of the signed-in user (their practice's settings, say), keeping the session. */
  updateUser(user: CurrentUser): void {
    if (state.status === 'signed-in') setState({ status: 'signed-in', user });
  },

  end(reason: SignedOutReason): void {
    // When the API was merely unreachable the refresh token may still be good: keep it for the next reload.
    if (reason !== 'unreachable') writeRefreshToken(null);
    endInThisTab(reason);
  },

  /** Changes each time a session ends; compare before and after a slow call to see whether it still matters. */
  endings: (): number => endings,

  /** Back to a blank slate; tests call this between cases. */
  reset(): void {
    writeRefreshToken(null);
    endInThisTab();
  },

  /**
   * Follows the other tabs of this browser, which share the stored refresh token.
   * Returns a function that stops listening.
   */
  followOtherTabs(): () => void {
    const onStorage = (event: StorageEvent) => {
      // A null key means the other tab cleared storage altogether.
      if (event.key !== null && event.key !== REFRESH_TOKEN_STORAGE_KEY) return;
      // A new value means another tab refreshed, or someone signed in there (perhaps as a colleague).
      // Either way this tab carries on: its next refresh reads the stored token (inside the refresh
      // lock) and so continues with whoever is signed in now, taking the user from the answer.
      if (event.newValue !== null) return;
      // Gone: another tab signed out, or its session was refused. Leave storage alone, as that tab
      // may already have stored a newer sign-in that a late event must not wipe.
      if (state.status !== 'signed-out') endInThisTab('signed-out');
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  },
};

