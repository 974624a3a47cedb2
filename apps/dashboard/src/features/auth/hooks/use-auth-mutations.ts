import { isTwoFactorChallenge } from '@trustwork/contracts';
import { useMutation } from '@tanstack/react-query';
import { session } from '../../../lib/session';
import {
  completePasswordReset,
  completeTwoFactorSignIn,
  confirmEmail,
  registerPractice,
  requestPasswordReset,
  signIn,
  signOut,
} from '../api/auth-api';

// Routing follows the session: RedirectIfSignedIn and RequireSession move the therapist on.

/** The password step; a two-factor challenge leaves the session alone until the code step. */
export function useSignIn() {
  return useMutation({
    mutationFn: signIn,
    onSuccess: (answer) => {
      if (!isTwoFactorChallenge(answer)) session.start(answer);
    },
  });
}

export function useTwoFactorSignIn() {
  return useMutation({ mutationFn: completeTwoFactorSignIn, onSuccess: (tokens) => session.start(tokens) });
}

export function useRegisterPractice() {
  return useMutation({ mutationFn: registerPractice, onSuccess: (tokens) => session.start(tokens) });
}

export function useSignOut() {
  return useMutation({ mutationFn: () => signOut() });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

export function useCompletePasswordReset() {
  return useMutation({ mutationFn: completePasswordReset });
}

export function useConfirmEmail() {
  return useMutation({ mutationFn: confirmEmail });
}
