import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { FullPageLoader } from '../../../components/Loading';
import { useSession } from '../hooks/use-session';

interface WaitForSessionProps {
  /** Started while waiting (code the routes will need), so it does not wait for the session too. */
  meanwhile?: () => Promise<unknown>;
}

/** Holds its routes back while the session is restored from its cookie: what they show depends on who is signed in. */
export function WaitForSession({ meanwhile }: WaitForSessionProps) {
  const state = useSession();
  const restoring = state.status === 'restoring';

  useEffect(() => {
    // A failure here is the routes' to show, when they load it themselves.
    if (restoring) meanwhile?.().catch(() => undefined);
  }, [restoring, meanwhile]);

  return restoring ? <FullPageLoader label="Signing you back in…" /> : <Outlet />;
}
