import { useSyncExternalStore } from 'react';
import { roleHasPermission, type CurrentUser, type Permission } from '@trustwork/contracts';
import { session, type SessionState } from '../../../lib/session';

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** The signed-in therapist. Only for screens behind RequireSession. */
export function useCurrentUser(): CurrentUser {
  const state = useSession();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser is only available behind RequireSession.');
  return state.user;
}

export function usePermission(permission: Permission): boolean {
  const state = useSession();
  return state.status === 'signed-in' && roleHasPermission(state.user.role, permission);
}
