import {
  type AuthTokens,
  type CompletePasswordResetRequest,
  type ConfirmEmailRequest,
  type CurrentUser,
  type LoginRequest,
  type LoginResponse,
  type PasswordResetRequest,
  type RegisterPracticeRequest,
  type TwoFactorLoginRequest,
  type UpdateMeRequest,
} from '@trustwork/contracts';
import { apiClient, endSignInOnServer, refreshSession } from '../../../lib/api-client';
import { session } from '../../../lib/session';
import { flushUnsavedWork } from '../../../lib/unsaved-work';

// The session restored from its cookie on load; settled either way.
let restoring: Promise<void> = Promise.resolve();

/**
 * The sign-in forms show while the session is still being restored: a sign-in sent then waits
 * for the restore's answer, which would otherwise end or replace the session it starts.
 */
async function afterRestore<T>(send: () => Promise<T>): Promise<T> {
  await restoring;
  return send();
}

/** The password step: tokens, or a challenge for the code when the account has two-factor. */
export function signIn(credentials: LoginRequest): Promise<LoginResponse> {
  return afterRestore(() => apiClient.post<LoginResponse>('/auth/login', credentials, { auth: 'none' }));
}

/** The code step, answering the password step's challenge. */
export function completeTwoFactorSignIn(request: TwoFactorLoginRequest): Promise<AuthTokens> {
  return apiClient.post<AuthTokens>('/auth/login/two-factor', request, { auth: 'none' });
}

export function registerPractice(request: RegisterPracticeRequest): Promise<AuthTokens> {
  return afterRestore(() => apiClient.post<AuthTokens>('/auth/register', request, { auth: 'none' }));
}

/**
 * Signs out: first sends what autosave has not (a note draft), while the session still
 * lets it; then leaves at once in every tab, and ends the sign-in on the server.
 * `idleMinutes` when it is the practice's automatic sign-out.
 */
export async function signOut(idleMinutes?: number): Promise<void> {
  await flushUnsavedWork();
  const accessToken = session.getAccessToken();
  if (idleMinutes === undefined) session.end('signed-out');
  else session.endAfterIdle(idleMinutes);
  await endSignInOnServer(accessToken);
}

/** On boot: trade the sign-in cookie, if any, for a fresh session, so a reload keeps the therapist signed in. */
export function restoreSession(): Promise<void> {
  session.markRestoring();
  restoring = refreshSession().then(
    () => undefined,
    () => {
      // refreshSession already ended the session if the cookie was refused; otherwise the API was out of reach.
      if (session.getState().status === 'restoring') session.end('unreachable');
    },
  );
  return restoring;
}

/** Always accepted, whether or not the address has an account: the answer must not tell. */
export function requestPasswordReset(request: PasswordResetRequest): Promise<void> {
  return apiClient.post<void>('/auth/password-reset', request, { auth: 'none' });
}

export function completePasswordReset(request: CompletePasswordResetRequest): Promise<void> {
  return apiClient.post<void>('/auth/password-reset/complete', request, { auth: 'none' });
}

export function confirmEmail(request: ConfirmEmailRequest): Promise<void> {
  return apiClient.post<void>('/auth/email-confirmation', request, { auth: 'none' });
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
