import {
  type AuthTokens,
  type CurrentUser,
  type LoginRequest,
  type RegisterPracticeRequest,
  type UpdateMeRequest,
} from '@trustwork/contracts';
import { apiClient, refreshSession } from '../../../lib/api-client';
import { session } from '../../../lib/session';

export function signIn(credentials: LoginRequest): Promise<AuthTokens> {
  return apiClient.post<AuthTokens>('/auth/login', credentials, { auth: 'none' });
}

export function registerPractice(request: RegisterPracticeRequest): Promise<AuthTokens> {
  return apiClient.post<AuthTokens>('/auth/register', request, { auth: 'none' });
}

/** Revokes the refresh token on the server. Best effort: signing out locally must never be blocked. */
export async function signOut(): Promise<void> {
  const refreshToken = session.getRefreshToken();
  if (!refreshToken) return;
  await apiClient.post<void>('/auth/logout', { refreshToken }, { auth: 'token-only' }).catch(() => undefined);
}

/** On boot: trade a stored refresh token for a fresh session, so a reload keeps the therapist signed in. */
export async function restoreSession(): Promise<void> {
  if (!session.getRefreshToken()) return;
  session.markRestoring();
  try {
    await refreshSession();
  } catch {
    // refreshSession already ended the session if the token was refused; otherwise the API was out of reach.
    if (session.getState().status === 'restoring') session.end('unreachable');
  }
}

export const meKeys = {
  all: ['me'] as const,
};

/** The signed-in person as the server has them now, own settings included. */
export function fetchMe(signal?: AbortSignal): Promise<CurrentUser> {
  return apiClient.get<CurrentUser>('/me', { signal });
}

export function updateMe(changes: UpdateMeRequest): Promise<CurrentUser> {
  return apiClient.patch<CurrentUser>('/me', changes);
}
