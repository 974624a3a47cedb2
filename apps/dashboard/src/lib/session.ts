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

  end(reason: SignedOutReason): void {
    accessToken = null;
    // When the API was merely unreachable the refresh token may still be good: keep it for the next reload.
    if (reason !== 'unreachable') writeRefreshToken(null);
    setState({ status: 'signed-out', reason });
  },

  /** Back to a blank slate; tests call this between cases. */
  reset(): void {
    accessToken = null;
    writeRefreshToken(null);
    setState({ status: 'signed-out' });
  },
};
