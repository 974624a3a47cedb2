import {
  type ChangeEmailRequest,
  type ChangePasswordRequest,
  type ConfirmTwoFactorRequest,
  type RecoveryCodes,
  type SignInSession,
  type StepUpRequest,
  type StepUpResult,
  type TwoFactorCodeRequest,
  type TwoFactorEnrolment,
  type TwoFactorStatus,
} from '@trustwork/contracts';
import { apiClient } from '../../../lib/api-client';

export const accountKeys = {
  all: ['account'] as const,
  twoFactor: () => [...accountKeys.all, 'two-factor'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
};

/** The new address gets a confirmation link; the old one stays until it is opened. */
export function changeEmail(request: ChangeEmailRequest): Promise<void> {
  return apiClient.post<void>('/me/email', request);
}

/** Every other signed-in device is signed out; this one stays. */
export function changePassword(request: ChangePasswordRequest): Promise<void> {
  return apiClient.post<void>('/me/password', request);
}

/** Proves the person is at the keyboard, for the most sensitive actions of the next few minutes. */
export function stepUp(request: StepUpRequest): Promise<StepUpResult> {
  return apiClient.post<StepUpResult>('/me/step-up', request);
}

export function fetchTwoFactorStatus(signal?: AbortSignal): Promise<TwoFactorStatus> {
  return apiClient.get<TwoFactorStatus>('/me/two-factor', { signal });
}

/** A new secret for the authenticator app; nothing changes until its first code confirms it. */
export function startTwoFactorEnrolment(): Promise<TwoFactorEnrolment> {
  return apiClient.post<TwoFactorEnrolment>('/me/two-factor/enrolment');
}

export function confirmTwoFactor(request: ConfirmTwoFactorRequest): Promise<RecoveryCodes> {
  return apiClient.post<RecoveryCodes>('/me/two-factor', request);
}

export function disableTwoFactor(request: TwoFactorCodeRequest): Promise<void> {
  return apiClient.post<void>('/me/two-factor/disable', request);
}

/** New recovery codes; the old ones stop working. */
export function regenerateRecoveryCodes(request: TwoFactorCodeRequest): Promise<RecoveryCodes> {
  return apiClient.post<RecoveryCodes>('/me/two-factor/recovery-codes', request);
}

export function fetchSignInSessions(signal?: AbortSignal): Promise<SignInSession[]> {
  return apiClient.get<SignInSession[]>('/me/sessions', { signal });
}

export function signOutSession(id: string): Promise<void> {
  return apiClient.delete(`/me/sessions/${encodeURIComponent(id)}`);
}

export function signOutOtherSessions(): Promise<void> {
  return apiClient.post<void>('/me/sessions/sign-out-others');
}
