import { type ReactNode, useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { session } from '../../../lib/session';
import { useSession } from '../hooks/use-session';

/**
 * Follows sign-outs in other tabs, and forgets every cached record once nobody is signed in (or
 * someone else is), so the next person starts clean. Routes that depend on who is signed in wait
 * for the session to be restored behind WaitForSession.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const state = useSession();
  const queryClient = useQueryClient();
  const userId = state.status === 'signed-in' ? state.user.id : null;
  const previousUserId = useRef(userId);

  useEffect(() => session.followOtherTabs(), []);

  useEffect(() => {
    if (state.status === 'signed-out') queryClient.removeQueries();
  }, [state, queryClient]);

  useEffect(() => {
    // Another tab signed in as a colleague and this tab's refresh picked that up: refetch as them.
    if (previousUserId.current && userId && previousUserId.current !== userId) void queryClient.resetQueries();
    previousUserId.current = userId;
  }, [userId, queryClient]);

  return children;
}
