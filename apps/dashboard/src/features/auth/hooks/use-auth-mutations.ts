import { useMutation } from '@tanstack/react-query';
import { session } from '../../../lib/session';
import { registerPractice, signIn, signOut } from '../api/auth-api';

// Routing follows the session: RedirectIfSignedIn and RequireSession move the therapist on.

export function useSignIn() {
  return useMutation({ mutationFn: signIn, onSuccess: (tokens) => session.start(tokens) });
}

export function useRegisterPractice() {
  return useMutation({ mutationFn: registerPractice, onSuccess: (tokens) => session.start(tokens) });
}

export function useSignOut() {
  return useMutation({ mutationFn: signOut, onSettled: () => session.end('signed-out') });
}
