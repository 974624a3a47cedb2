import { type ReactNode, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { FullPageLoader } from '../../../components/Loading';
import { useSession } from '../hooks/use-session';

/**
 * Holds the app back while a stored session is being restored, and forgets every
 * cached record once nobody is signed in, so the next person starts clean.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const state = useSession();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (state.status === 'signed-out') queryClient.removeQueries();
  }, [state, queryClient]);

  if (state.status === 'restoring') return <FullPageLoader label="Signing you back in…" />;
  return children;
}
