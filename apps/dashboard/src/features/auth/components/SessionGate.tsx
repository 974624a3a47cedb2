import { type ReactNode, useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { FullPageLoader } from '../../../components/Loading';
import { session } from '../../../lib/session';
import { useSession } from '../hooks/use-session';

/**
 * Holds the app back while the session is restored from its cookie, follows sign-outs in other
 * tabs, and forgets every cached record once nobody is signed in (or someone else is), so the
 * next person starts clean.
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

  if (state.status === 'restoring') return <FullPageLoader label="Signing you back in…" />;
  return children;
}
